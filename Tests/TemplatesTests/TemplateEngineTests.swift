import Foundation
import Mustache
import PropertyBased
import Testing

@testable import Templates

/// The engine against swift-mustache, the library it replaced: random templates built from every
/// tag form and transform the engine accepts (sections, inverted sections, transforms on
/// variables and sections, list positions, dotted names, partials, parents with blocks,
/// comments, set-delimiter tags, standalone lines) over every kind of value (strings with HTML
/// characters, integers, doubles, booleans, lists of each, dictionaries, nested and empty)
/// render to the same bytes. The differences docs/theme.md lists are in TemplateDifferencesTests.
@Suite struct TemplateEngineTests {
    static let context: TemplateMap = [
        "a": "x<y & \"z\" 'q'", "w": "hello wORLD-wide\tnew\nline ßa ǆb 3d ébc o'neil",
        // A combining accent after "<" and a prepended mark before "&" join them into one character.
        "g": "<\u{301}>\u{600}&é\"", "s": "",
        "num": 3, "zero": 0, "neg": -4, "b": true, "c": false,
        "empty": [],
        "list": [["n": "1"], ["n": "2", "a": "inner"], ["n": "3"]],
        "names": ["Ö", "a", "b<"], "ints": [3, -1, 2], "bools": [true, false],
        "mixed": ["m", 1, true, ["n": "x"]], "none": [], "nested": [["x", "y"], []],
        "d": ["e": "deep", "list": [["n": "d1"]], "k": 2],
        "i18n": ["hello": "Hej <du>", "bye": "Hej då"], "ed": [:],
    ]
    static let partials = [
        "p": "P{{a}}\n  {{#list}}{{n}}\n{{/list}}",
        "q":
            "{{=<% %>=}}<%#names%><%index()%>:<%{.%>}<%^last()%>,<%/last()%><%/names%>\n<%={{ "
            + "}}=%>{{capitalized(w)}}|{{#first()}}F{{/first()}}",
        "par": "[{{$blk}}D{{/blk}}]\n{{>p}}\n{{$other}}O{{/other}}",
        "layouts/base": "<{{$x}}d{{index()}}{{/x}}>",
    ]

    // The alphabet. Every transform the engine accepts comes from the engine's own list.
    static let transforms = TemplateTransform.allCases.map(\.rawValue)
    static let operands = [
        "a", "w", "g", "s", "num", "zero", "neg", "b", "c", "empty", "list", "names", "ints",
        "bools", "mixed", "none", "nested", "d", "d.e", "d.list", "i18n", "i18n.hello", "ed", "n",
        ".n", "key", "value", "missing", ".", "",
    ]
    /// Operands that are dictionaries with more than one key, on which `enumerated` keeps key order.
    static let dictionaries: Set = ["d", "i18n", "ed"]
    static let texts = ["x", " ", "  ", "\n", "\r\n", "\r", "\u{2028}", "&<>\"'", "é", "\t"]
    // Not one-character delimiters: swift-mustache stops the program on an empty section under them.
    static let delimiters = [("{{", "}}"), ("<%", "%>"), ("[[", "]]")]
    static let atoms = [
        "{{! note }}", "{{>p}}", "{{> q }}", "{{<par}}{{$blk}}O{{a}}{{/blk}}{{/par}}",
        "{{<par}}\n{{$other}}\nX\n{{/other}}\n{{/par}}", "{{<par}}{{$other}}{{>layouts/base}}{{/other}}{{/par}}",
        "{{$blk}}B{{/blk}}", "{{!\n two lines }}",
    ]

    /// A name with up to two transforms around it: `first(reversed(names))`.
    struct Expression {
        var transforms: [Int]
        var operand: Int

        /// The name as this engine reads it, and as swift-mustache must read it to render the same.
        /// `enumerated` of a dictionary lists its entries in key order here and in hash order in
        /// swift-mustache, whose `sorted` gives the same entries in key order.
        func text(reference: Bool) -> String {
            let operand = TemplateEngineTests.operands[operand]
            var names = transforms.map { TemplateEngineTests.transforms[$0] }
            if reference, names.first == "enumerated", TemplateEngineTests.dictionaries.contains(operand) {
                names[0] = "sorted"
            }
            if names.isEmpty { return operand.isEmpty ? "." : operand }
            return names.reduce(operand) { "\($1)(\($0))" }
        }
    }

    static let expression = zip(
        Gen.int(in: 0...2), Gen.int(in: 0...(transforms.count - 1)), Gen.int(in: 0...(transforms.count - 1)),
        Gen.int(in: 0...(operands.count - 1))
    )
    .map { depth, first, second, operand in
        var expression = Expression(transforms: Array([first, second].prefix(depth)), operand: operand)
        // `enumerated(.)` may be a dictionary of many keys, whose order differs by design.
        if expression.transforms.first.map({ transforms[$0] == "enumerated" }) == true && operands[operand] == "." {
            expression.operand = operands.firstIndex(of: "d")!
        }
        return expression
    }

    /// The expression without an outermost `reversed` where its value may be shown as text (a
    /// variable, an inverted section's `{{.}}`): a reversed list shows differently there
    /// (TemplateDifferencesTests).
    static func shownAsText(_ expression: Expression) -> Expression {
        var expression = expression
        while let last = expression.transforms.last, transforms[last] == "reversed" {
            expression.transforms.removeLast()
        }
        return expression
    }

    /// One step of a random template; sections are closed by construction.
    enum Piece {
        case text(Int)
        /// 0: `{{x}}`, 1: `{{{x}}}`, 2: `{{&x}}`.
        case variable(Int, Expression)
        case open(Expression, inverted: Bool)
        case close
        case atom(Int)
        case delimiters(Int)
    }

    static let piece = Gen.frequency(
        (2, Gen.int(in: 0...(texts.count - 1)).map { Piece.text($0) }),
        (3, zip(Gen.int(in: 0...2), expression).map { Piece.variable($0, shownAsText($1)) }),
        (2, zip(expression, Gen.bool).map { Piece.open($1 ? shownAsText($0) : $0, inverted: $1) }),
        (2, Gen.always(Piece.close)),
        (1, Gen.int(in: 0...(atoms.count - 1)).map { Piece.atom($0) }),
        (0.5, Gen.int(in: 0...(delimiters.count - 1)).map { Piece.delimiters($0) })
    )
    static let template = piece.array(of: 0...40).map {
        (ours: assemble($0, reference: false), reference: assemble($0, reference: true))
    }

    static func assemble(_ pieces: [Piece], reference: Bool) -> String {
        var text = ""
        var (open, close) = delimiters[0]
        // Each open section: its closing tag's name, and the delimiters to restore after it (a
        // set-delimiter tag inside a section ends with it).
        var sections: [(name: String, delimiters: (String, String))] = []
        func tag(_ sigil: String, _ name: String) -> String { "\(open)\(sigil)\(name)\(close)" }
        for piece in pieces {
            switch piece {
            case .text(let i): text += texts[i]
            case .variable(let form, let expression):
                let name = expression.text(reference: reference)
                // Raw with `{`, as swift-mustache reads it: `{{{x}}}`, `<%{x%>}`.
                text += [tag("", name), "\(open){\(name)\(close)}", tag("&", name)][form]
            case .open(let expression, let inverted):
                let name = expression.text(reference: reference)
                text += tag(inverted ? "^" : "#", name)
                sections.append((name, (open, close)))
            case .close:
                if let section = sections.popLast() {
                    text += tag("/", section.name)
                    (open, close) = section.delimiters
                }
            case .atom(let i):
                text += atoms[i].replacingOccurrences(of: "{{", with: open).replacingOccurrences(of: "}}", with: close)
            case .delimiters(let i):
                text += "\(open)=\(delimiters[i].0) \(delimiters[i].1)=\(close)"
                (open, close) = delimiters[i]
            }
        }
        for section in sections.reversed() {
            text += tag("/", section.name)
            (open, close) = section.delimiters
        }
        return text
    }

    /// `context` for both engines, each dictionary's entries in the same order. Only read.
    nonisolated(unsafe) static let alignedContext = SwiftMustacheAdapter.aligned(context)

    static func ours(_ template: String, _ root: TemplateMap = context) throws -> String {
        var compiled = try partials.mapValues { try TemplateParser.parse($0) }
        compiled["t"] = try TemplateParser.parse(template)
        // Other roots are rendered as given: they are compared with swift-mustache only where
        // no dictionary is shown as text.
        let root = root == context ? alignedContext.ours : root
        var renderer = TemplateRenderer(program: TemplateProgram(compiled), root: root)
        let found = renderer.render(template: "t")
        #expect(found)
        return String(decoding: renderer.output, as: UTF8.self)
    }

    static func reference(_ template: String, _ root: TemplateMap = context) throws -> String? {
        var library = MustacheLibrary()
        for (name, text) in partials { library.register(try MustacheTemplate(string: text), named: name) }
        library.register(try MustacheTemplate(string: template), named: "t")
        let root = root == context ? alignedContext.theirs : SwiftMustacheAdapter.aligned(root).theirs
        return library.render(root, withTemplate: "t")
    }

    func ours(_ template: String) throws -> String { try Self.ours(template) }
    func reference(_ template: String) throws -> String? { try Self.reference(template) }

    @Test func rendersLikeSwiftMustache() async {
        await propertyCheck(count: 3000, input: Self.template) { template in
            let expected = try? reference(template.reference)
            #expect(expected != nil, "swift-mustache rejects \(template.reference.debugDescription)")
            let actual = try? ours(template.ours)
            #expect(actual == expected, "template: \(template.ours.debugDescription)")
        }
    }

    /// Every transform on every kind of value, and inside a list, as a variable and as a section.
    @Test(arguments: TemplateTransform.allCases)
    func everyTransformOnEveryValueRendersLikeSwiftMustache(transform: TemplateTransform) throws {
        // `enumerated` of a dictionary of many keys differs by design (TemplateDifferencesTests).
        for operand in Self.operands
        where !(transform == .enumerated && (Self.dictionaries.contains(operand) || operand == ".")) {
            let name = "\(transform.rawValue)(\(operand))"
            var templates = [
                "{{#\(name)}}[{{.}}]{{/\(name)}}", "{{^\(name)}}no{{/\(name)}}",
                "{{#ints}}{{#\(name)}}<{{.}}>{{/\(name)}}{{/ints}}",
            ]
            // A reversed list shown as text differs by design (TemplateDifferencesTests).
            if transform != .reversed || ["a", "w", "g", "s", "d.e", "i18n.hello"].contains(operand) {
                templates += ["{{\(name)}}", "{{{\(name)}}}", "{{#list}}{{\(name)}}|{{/list}}"]
            }
            for template in templates {
                #expect(try ours(template) == reference(template), "template: \(template)")
            }
        }
    }

    /// Text given as UTF-8 bytes (`.bytes`, how rendered Markdown reaches a page) renders as the
    /// same text given as a String would: variables escaped or not, sections, transforms.
    @Test func utf8TextRendersLikeTheString() async {
        // The same entries in the same order as the context `ours` renders.
        var bytes = Self.alignedContext.ours
        for key in ["a", "s", "w", "g"] {
            guard case .string(let text) = Self.context[key] else { continue }
            bytes[key] = .bytes(Array(text.utf8))
        }
        await propertyCheck(count: 500, input: Self.template) { template in
            let expected = try? Self.ours(template.ours)
            #expect((try? Self.ours(template.ours, bytes)) == expected, "template: \(template.ours.debugDescription)")
        }
    }

    /// Escaping finds every character to escape wherever it stands in a long text (the engine
    /// skips eight bytes at a time), and leaves one a mark joins as swift-mustache does.
    @Test func escapesLikeSwiftMustacheAnywhereInLongText() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b", "&", "<", ">", "\"", "'", "é", "e\u{301}", "\u{301}", " ", "ö", "%", "=", "9"]
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                // Mostly plain letters, so the eight-byte steps are taken.
                Int.random(in: 0..<4, using: &generator) == 0 ? pieces.randomElement(using: &generator)! : "x"
            }.joined()
            for value in [TemplateValue.string(text), .bytes(Array(text.utf8))] {
                let root: TemplateMap = ["v": value]
                #expect(try Self.ours("[{{v}}]", root) == Self.reference("[{{v}}]", root), "\(text.debugDescription)")
            }
        }
    }

    /// The eight-byte test never misses a byte to escape, at any position, among any others.
    @Test func theEightByteTestFindsEveryByteToEscape() {
        for special: UInt8 in [0x26, 0x3C, 0x3E, 0x22, 0x27] {
            for position in 0..<8 {
                for filler in 0...255 {
                    var bytes = [UInt8](repeating: UInt8(filler), count: 8)
                    bytes[position] = special
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    #expect(TemplateRenderer.mayNeedEscaping(word), "\(bytes)")
                }
            }
        }
        let plain = Array("abcdefgh".utf8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        #expect(!TemplateRenderer.mayNeedEscaping(plain))
    }

    @Test func standaloneLinesAndIndentedPartials() throws {
        let template = "<ul>\n  {{#list}}\n  <li>{{n}}</li>\n  {{/list}}\n</ul>\n  {{>p}}\nend"
        // Like swift-mustache, only what starts a line of the partial's own text is indented.
        #expect(
            try ours(template)
                == "<ul>\n  <li>1</li>\n  <li>2</li>\n  <li>3</li>\n</ul>\n  Px&lt;y &amp; &quot;z&quot; "
                + "&#39;q&#39;\n    1\n2\n3\nend"
        )
        #expect(try ours(template) == reference(template))
    }

    @Test func listPositionsAndTransforms() throws {
        let template =
            "{{#list}}{{#first()}}[{{/first()}}{{n}}{{^last()}},{{/last()}}{{#last()}}]{{/last()}}{{/list}} "
            + "{{count(list)}} {{#s}}{{#empty(.)}}none{{/empty(.)}}{{/s}}"
        #expect(try ours(template) == "[1,2,3] 3 none")
        let more =
            "{{#sorted(names)}}{{.}}{{#even()}}e{{/even()}}{{/sorted(names)}} "
            + "{{#enumerated(d)}}{{key}}={{value}};{{/enumerated(d)}}"
        #expect(try ours(more) == "aeb&lt;Öe e=deep;k=2;list=[[&quot;n&quot;: &quot;d1&quot;]];")
        // The example of docs/theme.md.
        #expect(try Self.ours("{{capitalized(x)}}", ["x": "wORLD-wide 3d o'neil"]) == "World-Wide 3D O&#39;neil")
    }

    @Test func parentBlocksOverrideDefaults() throws {
        #expect(try ours("{{<par}}{{$blk}}<b>{{a}}</b>{{/blk}}{{/par}}").hasPrefix("[<b>x&lt;y"))
        #expect(try ours("{{<par}}{{/par}}").hasPrefix("[D]\n"))
    }

    @Test func parentTemplatesMayLiveInFolders() throws {
        #expect(try ours("{{<layouts/base}}{{$x}}o{{/x}}{{/layouts/base}}") == "<o>")
    }

    @Test func setDelimitersAndComments() throws {
        #expect(try ours("{{=<% %>=}}<% a %>{{a}}<%! gone %><%{s%>}") == "x&lt;y &amp; &quot;z&quot; &#39;q&#39;{{a}}")
        #expect(try ours("a\n{{! a\nlong comment }}\nb") == "a\nb")
        #expect(try ours("{{={{ }}=}}{{num}}{{=<= |=}}<=num|") == "33")
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
