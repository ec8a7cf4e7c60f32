import Foundation
import Markdown
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
        ("plain over two lines", "a: x\n  y"),
        ("double quotes over two lines", "a: \"x\n  y\""),
        ("single quotes over two lines", "a: 'x\n  y'"),
        ("escape \\x", "a: \"\\x41\""),
        ("escape \\u", "a: \"\\u00e5\""),
        ("escaped line break", "a: \"x\\\n  y\""),
        ("comment in a flow list", "a: [x #c]"),
        ("list in a list", "a:\n  - - b"),
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
        ("merge key in a nested mapping", "a:\n  <<: {b: c}"),
        ("keep chomping", "a: |+\n  x\n"),
        ("indentation indicator", "a: |2\n   x"),
        ("comment after a block indicator", "a: > # c\n  x"),
        ("more-indented line in a folded block", "a: >\n  x\n    y"),
        ("block scalar in a list", "a:\n  - |\n    x"),
        ("blank line before a block's text", "a: >\n\n  x"),
        ("line of spaces in a block", "a: |\n  x\n   \n  y"),
        ("trailing space in a block", "a: |\n  x \nb: c"),
        ("empty block scalar", "a: |\nb: c"),
        ("block text not indented", "a: |\nx"),
        ("empty value in a flow mapping", "a: {b: }"),
        ("flow mapping key without a space", "a: {b:c}"),
        ("quoted key in a flow mapping", "a: {\"b\": c}"),
        ("flow mapping in a flow mapping", "a: {b: {c: d}}"),
        ("list in a flow mapping", "a: {b: [c]}"),
        ("duplicate key in a flow mapping", "a: {b: 1, b: 2}"),
        ("trailing comma in a flow mapping", "a: {b: 1,}"),
        ("flow mapping over two lines", "a: {b: 1,\n  c: 2}"),
        ("text after a flow mapping", "a: {b: c} d"),
        ("comment right after a quote", "a: \"x\"#c"),
        ("duplicate key in a nested mapping", "a:\n  b: 1\n  b: 2"),
        ("uneven nested mapping", "a:\n  b: 1\n   c: 2"),
        ("nested mapping indented less", "a:\n    b: 1\n  c: 2"),
        ("list item mapping continued unevenly", "a:\n  - b: 1\n     c: 2"),
        ("empty value in a nested mapping", "a:\n  b:\nc: d"),
        ("comment as a list item", "a:\n  - # c\n  - b"),
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

    /// The shape of `gen_corpus.py --style real`, as people write front matter: comments, a folded
    /// summary, block lists, a list of flow mappings and a nested mapping.
    @Test func readsTheRealBenchmarkShape() {
        let text = """
            # Den hållbara kylningen har skyddat många erfarenheter.
            title: "Dialog med marknaden om vårdlokaler"
            date: 2018-05-20
            summary: >-
              En offentlig risk kommer att testa
              entreprenöravfall.
            tags:
              - klimatanpassad
              - cirkulär
            organisations:
              - "Riksbyggen"  # ägare
              - "Svenskt Vatten"
            roller:
              - {id: "Riksbyggen", roll: ägare}
              - {id: "Svenskt Vatten", roll: partner}
            status: pågående
            kontakt:
              namn: "Riksbyggen"
              telefon: "031-000065"
            """
        let value = SimpleYAML.parse(text, lineOffset: 1)
        #expect(value != nil)
        #expect(Array(Self.dump(value).utf8) == Array(Self.dump(Self.yams(text)).utf8))
        #expect(value?["summary"]?.text == "En offentlig risk kommer att testa entreprenöravfall.")
        #expect(value?["organisations"]?.list?.first?.text == "Riksbyggen")
        #expect(value?["roller"]?.list?.last?["roll"]?.text == "partner")
        #expect(value?["kontakt"]?["telefon"]?.position == SourcePosition(line: 20, column: 12))
    }
}
