import Foundation
import PropertyBased
import Testing

@testable import SiteBuilder

/// The front matter fast path gives exactly Yams' values and positions for the simple shape, and
/// leaves everything else to Yams.
@Suite struct SimpleYAMLTests {
    /// Yams' reading of `text` as front matter, or nil when Yams reports a problem.
    static func yams(_ text: String) -> DataValue? {
        let log = DiagnosticLog()
        let value = YAMLReader.parse(text, file: "f.md", lineOffset: 1, log: log)
        return log.hasErrors ? nil : value
    }

    /// A tree as text with every kind, position, text as written and byte, so two trees compare
    /// exactly (String's == would call "é" and "e\u{301}" equal, and 1.0 and 1 are different kinds).
    static func dump(_ value: DataValue?) -> String {
        guard let value else { return "nil" }
        func bytes(_ s: String) -> String { s.utf8.map { String($0, radix: 16) }.joined(separator: ".") }
        let at = "@\(value.position.line):\(value.position.column)" + (value.text.map { "~" + bytes($0) } ?? "")
        switch value.kind {
        case .null: return "null" + at
        case .bool(let b): return "bool(\(b))" + at
        case .int(let i): return "int(\(i))" + at
        case .double(let d): return "double(\(d.bitPattern))" + at
        case .string(let s): return "string(\(bytes(s)))" + at
        case .list(let items): return "list" + at + "[" + items.map(dump).joined(separator: ", ") + "]"
        case .map(let pairs):
            return "map" + at + "{" + pairs.map { bytes($0.key) + "=" + dump($0.value) }.joined(separator: ", ") + "}"
        }
    }

    // MARK: Generated front matter in the simple shape

    /// Random numbers that a document is built from: shrinking the numbers shrinks the document.
    struct Tape {
        var numbers: [Int]
        var next = 0
        mutating func pick(_ count: Int) -> Int {
            defer { next += 1 }
            return next < numbers.count ? numbers[next] % count : 0
        }
        mutating func pick<T>(_ choices: [T]) -> T { choices[pick(choices.count)] }
        /// False once the numbers run out, so that loops on chance end.
        mutating func chance(_ percent: Int) -> Bool { next < numbers.count && pick(100) < percent }
    }

    static let keys = [
        "title", "summary", "tags", "område", "date", "status", "weight", "draft", "x-y", "a.b", "_k", "k_2",
        "2021", "null", "true", "Ärende", "organisations", "ÅÄÖ-nyckel", "日付", "e\u{301}",
    ]
    /// Words that may stand anywhere in a plain scalar, also first.
    static let plainStarts = [
        "Göteborg", "12", "-5", "+3", "1.5", "-0.25", "1e5", "0x1F", "1_000", "2021-04-03", "true", "False",
        "NULL", "null", "~", "no", ".inf", "...", "C++", "(x)", "/sökväg", "$1", "=", "<b>", "😀", "e\u{301}",
        "\u{A0}", "日本", "a", "Z", "_x", "^", ";", "x]", "x}", "12.", "1.2.3", "-.5", "-x",
    ]
    /// Words that may follow a space inside a plain scalar in a block.
    static let plainLater =
        plainStarts + [
            "a,", "[x]", "{y}", "a#b", "it's", "\"q\"", "http://x.se/a", "a:b", "-", "- x", "&a",
            "*b", "!t", "|", ">", "%", "@", "`", "?", ":x", "b:c",
        ]
    /// Words for plain scalars inside `[...]`: no `,[]{}#:`; indicators only after the first.
    static let flowStarts = [
        "Göteborg", "12", "-5", "1.5", "2021-04-03", "true", "null", "~", "no", "C++", "😀", "e\u{301}", "a",
        "it's", "x\"y", "(x)", "-x", "...", "/a/b", "a-b",
    ]
    static let flowLater = flowStarts + ["&c", "!d", "|", ">", "?", "%", "@", "`", "*e", "'", "\"", "-", "- x"]
    static let doublePieces = [
        "a", " ", "å", "\\\\", "\\\"", "\\/", "\\n", "\\t", "'", "#", ": ", ",", "]", "[", "{", "}", "&", "*",
        "!", "😀", "e\u{301}", "x", " # ", "-", "\u{A0}",
    ]
    static let singlePieces = ["a", " ", "å", "''", "\"", "\\", "\\n", "#", ": ", ",", "]", "[", "😀", " # ", "-", "x"]

    static func plain(_ tape: inout Tape, words: [String], first: [String]) -> String {
        var text = tape.pick(first)
        for _ in 0..<tape.pick(4) { text += String(repeating: " ", count: 1 + tape.pick(2)) + tape.pick(words) }
        return text
    }

    static func quoted(_ tape: inout Tape) -> String {
        if tape.chance(50) {
            return "\"" + (0..<tape.pick(6)).map { _ in tape.pick(doublePieces) }.joined() + "\""
        }
        return "'" + (0..<tape.pick(6)).map { _ in tape.pick(singlePieces) }.joined() + "'"
    }

    static func blockScalar(_ tape: inout Tape) -> String {
        tape.chance(60) ? plain(&tape, words: plainLater, first: plainStarts) : quoted(&tape)
    }

    static func flowScalar(_ tape: inout Tape) -> String {
        tape.chance(60) ? plain(&tape, words: flowLater, first: flowStarts) : quoted(&tape)
    }

    static func spaces(_ tape: inout Tape, _ most: Int) -> String { String(repeating: " ", count: tape.pick(most + 1)) }

    /// Blank and comment lines, which may stand between any two lines.
    static func filler(_ tape: inout Tape) -> String {
        var text = ""
        while tape.chance(15) {
            text +=
                tape.chance(50)
                ? spaces(&tape, 3) + "\n" : spaces(&tape, 4) + "#" + tape.pick(["", " kommentar", "#", " a: b"]) + "\n"
        }
        return text
    }

    static func document(_ numbers: [Int]) -> String {
        var tape = Tape(numbers: numbers)
        var text = filler(&tape)
        var unused = keys
        for _ in 0..<(1 + tape.pick(6)) {
            let key = unused.remove(at: tape.pick(unused.count))
            switch tape.pick(3) {
            case 0:
                text += key + ":" + " " + spaces(&tape, 2) + blockScalar(&tape) + spaces(&tape, 2) + "\n"
            case 1:
                let items = (0..<tape.pick(4)).map { _ in spaces(&tape, 2) + flowScalar(&tape) + spaces(&tape, 2) }
                text +=
                    key + ": [" + (items.isEmpty ? spaces(&tape, 1) : items.joined(separator: ",")) + "]"
                    + spaces(&tape, 1) + "\n"
            default:
                text += key + ":" + spaces(&tape, 2) + "\n" + filler(&tape)
                let indent = String(repeating: " ", count: tape.pick([0, 1, 2, 4]))
                for _ in 0..<(1 + tape.pick(4)) {
                    text +=
                        indent + "-" + String(repeating: " ", count: 1 + tape.pick(2)) + blockScalar(&tape)
                        + spaces(&tape, 1) + "\n" + filler(&tape)
                }
            }
            text += filler(&tape)
        }
        // The front matter splitter leaves off the last line break.
        return tape.chance(80) ? String(text.dropLast()) : text
    }

    static let simpleDocument = Gen.int(in: 0...1_000_000).array(of: 0...120).map { document($0) }

    @Test func simpleFrontMatterReadsExactlyAsYamsReadsIt() async {
        await propertyCheck(count: 2000, input: Self.simpleDocument) { text in
            let fast = SimpleYAML.parse(text, lineOffset: 1)
            #expect(fast != nil, "the fast path refused simple front matter:\n\(text)")
            #expect(Array(Self.dump(fast).utf8) == Array(Self.dump(Self.yams(text)).utf8), "\(text)")
        }
    }

    // MARK: Anything else is Yams' to read

    static let hostilePieces = [
        "title", ":", ": ", " ", "  ", "\n", "\n  ", "- ", "-", "[", "]", ",", "\"", "'", "#", " #", "\\",
        "\\x41", "\\u00e5", "&a ", "*a", "!!str ", "|", ">", "{", "}", "?", "? ", "%", "@", "`", "\t", "\r",
        "\u{85}", "\u{2028}", "\u{FEFF}", "\u{7F}", "\u{1}", "---", "...", "~", "12", "å", "😀", "''",
        "\nkey:", "\n- a", "\n  - b", "\n  c: d", "title: x\n", "\"\n", "e\u{301}", "<<: ",
    ]

    /// A simple document with random edits: where the fast path still answers, it answers as Yams does.
    static let editedDocument = Gen.int(in: 0...1_000_000).array(of: 0...120).map { numbers -> String in
        var tape = Tape(numbers: numbers.reversed())
        var scalars = Array(document(numbers).unicodeScalars)
        for _ in 0..<(1 + tape.pick(3)) {
            let at = tape.pick(scalars.count + 1)
            if tape.chance(25) && at < scalars.count {
                scalars.remove(at: at)
            } else {
                scalars.insert(contentsOf: tape.pick(hostilePieces).unicodeScalars, at: at)
            }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    @Test func whatTheFastPathAcceptsIsReadAsYamsReadsIt() async {
        await propertyCheck(count: 3000, input: Self.editedDocument) { text in
            guard let fast = SimpleYAML.parse(text, lineOffset: 1) else { return }
            #expect(Array(Self.dump(fast).utf8) == Array(Self.dump(Self.yams(text)).utf8), "\(text)")
        }
    }

    // MARK: Each shape the fast path leaves to Yams

    @Test(arguments: [
        ("anchor", "a: &x 1\nb: 2"),
        ("alias", "a: 1\nb: *x"),
        ("tag", "a: !!str 1"),
        ("local tag", "a: !t x"),
        ("literal block", "a: |\n  x"),
        ("folded block", "a: >\n  x"),
        ("plain over two lines", "a: x\n  y"),
        ("double quotes over two lines", "a: \"x\n  y\""),
        ("single quotes over two lines", "a: 'x\n  y'"),
        ("escape \\x", "a: \"\\x41\""),
        ("escape \\u", "a: \"\\u00e5\""),
        ("escaped line break", "a: \"x\\\n  y\""),
        ("comment after a plain value", "a: x # c"),
        ("comment after a quoted value", "a: \"x\" # c"),
        ("comment after a flow list", "a: [x] # c"),
        ("comment in a flow list", "a: [x #c]"),
        ("nested mapping", "a:\n  b: c"),
        ("mapping in a list", "a:\n  - b: c"),
        ("list in a list", "a:\n  - - b"),
        ("flow list in a block list", "a:\n  - [b]"),
        ("flow mapping", "a: {b: c}"),
        ("list in a flow list", "a: [[b]]"),
        ("colon in a flow list", "a: [b: c]"),
        ("colon in a flow word", "a: [b:c]"),
        ("trailing comma", "a: [b,]"),
        ("empty flow item", "a: [b, , c]"),
        ("flow list over two lines", "a: [b,\n  c]"),
        ("text after a flow list", "a: [b] c"),
        ("text after quotes", "a: \"b\" c"),
        ("tab before a value", "a:\tb"),
        ("tab in a value", "a: b\tc"),
        ("tab indentation", "a:\n\t- b"),
        ("duplicate key", "a: 1\na: 2"),
        ("duplicate key in other form", "a: 1\nb: 2\na: [3]"),
        ("mapping value in a value", "a: b: c"),
        ("colon at the end", "a: b:"),
        ("empty value", "a:\nb: c"),
        ("empty value at the end", "a: 1\nb:"),
        ("empty list item", "a:\n  -\n  - b"),
        ("quoted key", "\"a\": b"),
        ("key with a space", "a b: c"),
        ("complex key", "? a\n: b"),
        ("indented mapping", "  a: b"),
        ("uneven list indentation", "a:\n  - b\n   - c"),
        ("list item continued", "a:\n  - b\n    c"),
        ("list then indented line", "a:\n  - b\n  c: d"),
        ("long key", String(repeating: "k", count: 200) + ": v"),
        ("block entry as value", "a: - b"),
        ("reserved @", "a: @x"),
        ("reserved `", "a: `x`"),
        ("directive sign", "a: %x"),
        ("lone dash", "a: -"),
        ("dash before dash", "a: --x"),
        ("question mark", "a: ?x"),
        ("colon first", "a: :x"),
        ("empty document", ""),
        ("only comments", "# a: b\n# c"),
        ("only a scalar", "just text"),
        ("top-level list", "- a\n- b"),
        ("directive", "%YAML 1.2\n---\na: b"),
        ("document start", "--- a: b"),
        ("byte order mark", "\u{FEFF}a: b"),
        ("next line (NEL)", "a: b\u{85}c"),
        ("line separator", "a: b\u{2028}c"),
        ("carriage return", "a: b\r\nc: d"),
        ("control character", "a: b\u{1}"),
        ("delete character", "a: b\u{7F}"),
        ("merge key", "<<: {a: b}"),
    ])
    func leftToYams(_ shape: String, _ text: String) {
        #expect(SimpleYAML.parse(text, lineOffset: 1) == nil, "\(shape)")
    }

    @Test func readsTheBenchmarkShape() {
        let text = """
            title: "Livscykelkostnad för vårdlokaler"
            date: 2022-06-16
            summary: "Tidigare spred ett möjligt klimat, när de utvärderar inte dialogen."
            tags: [klimatanpassad]
            organisations: ["Trafikverket", "Sundsvalls kommun"]
            status: avslutad
            weight: 12
            draft: false
            """
        let value = SimpleYAML.parse(text, lineOffset: 1)
        #expect(value != nil)
        #expect(Array(Self.dump(value).utf8) == Array(Self.dump(Self.yams(text)).utf8))
        #expect(value?["date"]?.text == "2022-06-16")
        #expect(
            value?["organisations"]?.list?.map(\.position) == [.init(line: 6, column: 17), .init(line: 6, column: 33)])
    }
}
