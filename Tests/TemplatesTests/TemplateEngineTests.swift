import Foundation
import Mustache
import PropertyBased
import Testing

@testable import Templates

/// The engine against swift-mustache, the library it replaced: random templates built from the
/// tags the default theme uses (sections, inverted sections, lists, booleans, dotted names,
/// transforms, partials, parents with blocks, comments, standalone lines) render to the same bytes.
@Suite struct TemplateEngineTests {
    nonisolated(unsafe) static let context: [String: Any] = [
        "a": "x<y & \"z\" 'q'", "b": true, "c": false, "num": 3, "s": "", "empty": [[String: Any]](),
        "list": [["n": "1"], ["n": "2", "a": "inner"], ["n": "3"]] as [[String: Any]],
        "names": ["Ö", "a"], "d": ["e": "deep", "list": [["n": "d1"]] as [[String: Any]]] as [String: Any],
        "i18n": ["hello": "Hej <du>"] as [String: String],
    ]
    static let partials = [
        "p": "P{{a}}\n  {{#list}}{{n}}\n{{/list}}",
        "par": "[{{$blk}}D{{/blk}}]\n{{>p}}\n{{$other}}O{{/other}}",
    ]
    static let texts = ["x", " ", "  ", "\n", "\r\n", "&<>\"'", "é", "\t"]
    static let variables = ["{{a}}", "{{{a}}}", "{{&a}}", "{{ d.e }}", "{{.}}", "{{n}}", "{{missing}}", "{{num}}", "{{b}}",
                            "{{count(list)}}", "{{lowercased(a)}}", "{{index()}}", "{{.n}}", "{{i18n.hello}}", "{{d.missing}}",
                            "{{uppercased(a)}}", "{{plusone(num)}}", "{{count(names)}}"]
    static let openers = ["list", "b", "c", "empty", "d", "s", "a", "first()", "last()", "empty(.)", "d.list", "missing", "names", "i18n"]
    static let atoms = ["{{! note }}", "{{>p}}", "{{<par}}{{$blk}}O{{a}}{{/blk}}{{/par}}", "{{<par}}\n{{$other}}\nX\n{{/other}}\n{{/par}}"]

    /// One step of a random template; sections are closed by construction.
    enum Piece { case text(Int), variable(Int), open(Int, inverted: Bool), close, atom(Int) }

    static let piece = Gen.oneOf(
        Gen.int(in: 0...(texts.count - 1)).map { Piece.text($0) },
        Gen.int(in: 0...(texts.count - 1)).map { Piece.text($0) },
        Gen.int(in: 0...(variables.count - 1)).map { Piece.variable($0) },
        Gen.int(in: 0...(openers.count - 1)).map { Piece.open($0, inverted: false) },
        Gen.int(in: 0...(openers.count - 1)).map { Piece.open($0, inverted: true) },
        Gen.always(Piece.close),
        Gen.always(Piece.close),
        Gen.int(in: 0...(atoms.count - 1)).map { Piece.atom($0) }
    )
    static let template = piece.array(of: 0...40).map(Self.assemble)

    static func assemble(_ pieces: [Piece]) -> String {
        var text = ""
        var open: [String] = []
        for piece in pieces {
            switch piece {
            case .text(let i): text += texts[i]
            case .variable(let i): text += variables[i]
            case .open(let i, let inverted):
                text += "{{\(inverted ? "^" : "#")\(openers[i])}}"
                open.append(openers[i])
            case .close:
                if let name = open.popLast() { text += "{{/\(name)}}" }
            case .atom(let i): text += atoms[i]
            }
        }
        for name in open.reversed() { text += "{{/\(name)}}" }
        return text
    }

    func ours(_ template: String) throws -> String {
        var compiled = try Self.partials.mapValues { try TemplateParser.parse($0) }
        compiled["t"] = try TemplateParser.parse(template)
        var renderer = TemplateRenderer(program: TemplateProgram(compiled), root: Self.context)
        let found = renderer.render(template: "t")
        #expect(found)
        return String(decoding: renderer.output, as: UTF8.self)
    }

    func reference(_ template: String) throws -> String? {
        var library = MustacheLibrary()
        for (name, text) in Self.partials { library.register(try MustacheTemplate(string: text), named: name) }
        library.register(try MustacheTemplate(string: template), named: "t")
        return library.render(Self.context, withTemplate: "t")
    }

    @Test func rendersLikeSwiftMustache() async {
        await propertyCheck(count: 1500, input: Self.template) { template in
            let expected = try? reference(template)
            let actual = try? ours(template)
            #expect(actual == expected, "template: \(template.debugDescription)")
        }
    }

    /// Text given as UTF-8 bytes (`UTF8Text`, how rendered Markdown reaches a page) renders as the
    /// same text given as a String would: variables escaped or not, sections, transforms.
    @Test func utf8TextRendersLikeTheString() async {
        func render(_ template: String, _ root: [String: Any]) throws -> String {
            var compiled = try Self.partials.mapValues { try TemplateParser.parse($0) }
            compiled["t"] = try TemplateParser.parse(template)
            var renderer = TemplateRenderer(program: TemplateProgram(compiled), root: root)
            let found = renderer.render(template: "t")
        #expect(found)
            return String(decoding: renderer.output, as: UTF8.self)
        }
        var bytes = Self.context
        for key in ["a", "s"] { bytes[key] = UTF8Text(Array((Self.context[key] as! String).utf8)) }
        await propertyCheck(count: 500, input: Self.template) { template in
            let expected = try? render(template, Self.context)
            #expect((try? render(template, bytes)) == expected, "template: \(template.debugDescription)")
        }
    }

    @Test func standaloneLinesAndIndentedPartials() throws {
        let template = "<ul>\n  {{#list}}\n  <li>{{n}}</li>\n  {{/list}}\n</ul>\n  {{>p}}\nend"
        // Like swift-mustache, only what starts a line of the partial's own text is indented.
        #expect(try ours(template) == "<ul>\n  <li>1</li>\n  <li>2</li>\n  <li>3</li>\n</ul>\n  Px&lt;y &amp; &quot;z&quot; &#39;q&#39;\n    1\n2\n3\nend")
        #expect(try ours(template) == reference(template))
    }

    @Test func listPositionsAndTransforms() throws {
        let template = "{{#list}}{{#first()}}[{{/first()}}{{n}}{{^last()}},{{/last()}}{{#last()}}]{{/last()}}{{/list}} {{count(list)}} {{#s}}{{#empty(.)}}none{{/empty(.)}}{{/s}}"
        #expect(try ours(template) == "[1,2,3] 3 none")
    }

    @Test func parentBlocksOverrideDefaults() throws {
        #expect(try ours("{{<par}}{{$blk}}<b>{{a}}</b>{{/blk}}{{/par}}").hasPrefix("[<b>x&lt;y"))
        #expect(try ours("{{<par}}{{/par}}").hasPrefix("[D]\n"))
    }

    @Test func parentTemplatesMayLiveInFolders() throws {
        var compiled = ["layouts/base": try TemplateParser.parse("<{{$x}}d{{/x}}>")]
        compiled["t"] = try TemplateParser.parse("{{<layouts/base}}{{$x}}o{{/x}}{{/layouts/base}}")
        var renderer = TemplateRenderer(program: TemplateProgram(compiled), root: [String: Any]())
        let found = renderer.render(template: "t")
        #expect(found)
        #expect(String(decoding: renderer.output, as: UTF8.self) == "<o>")
    }

    @Test func setDelimitersAndComments() throws {
        #expect(try ours("{{=<% %>=}}<% a %>{{a}}<%! gone %>") == "x&lt;y &amp; &quot;z&quot; &#39;q&#39;{{a}}")
        #expect(try ours("a\n{{! a\nlong comment }}\nb") == "a\nb")
    }

    @Test(arguments: [
        ("x\n{{#list}}\n", 2, 1, "never closed"),
        ("{{#a}}{{/b}}", 1, 7, "does not match the open section {{#a}}"),
        ("\n  {{/a}}", 2, 3, "has no open section"),
        ("{{a", 1, 1, "not closed"),
        ("é {{bogus(a)}}", 1, 3, "unknown transform 'bogus'"),
        ("{{#count(a}}{{/count(a}}", 1, 1, "transform must be written"),
        ("{{<par}}text{{/par}}", 1, 1, "only {{$block}} overrides"),
        ("{{a b}}", 1, 1, "not a valid name"),
        ("{{=<% =}}", 1, 1, "set-delimiter"),
    ])
    func syntaxErrorsSayWhereAndWhat(template: String, line: Int, column: Int, message: String) {
        let error = #expect(throws: TemplateParser.Failure.self) { try TemplateParser.parse(template) }
        #expect(error?.line == line)
        #expect(error?.column == column)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }
}

