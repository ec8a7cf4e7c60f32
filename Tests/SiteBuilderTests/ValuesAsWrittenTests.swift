import Foundation
import PropertyBased
import Templates
import Testing

@testable import SiteBuilder

/// A value from front matter, a JSON, YAML or CSV data file reaches the page as it was written;
/// its typed value still sorts and compares.
@Suite struct ValuesAsWrittenTests {
    @Test func frontMatterScalarsShowAsWritten() throws {
        var content = Fixture.basic
        // Read by the fast path for simple front matter, and by Yams (the tag needs Yams).
        content["projekt/snabb.md"] =
            "---\ntitle: Snabb\ntags: [cirkulär]\ntelefon: 0701234567\nversion: 1.0\nandel: 0.50\nantal: "
            + "1e3\ndraft: false\n---\n"
        content["projekt/yams.md"] =
            "---\ntitle: Yams\ntags: [cirkulär]\ntelefon: 0701234567\nversion: 1.0\nandel: 0.50\nantal: 1e3\ndraft: "
            + "false\nsummary: !!str 1.50\n---\n"
        var theme = Fixture.theme
        theme["templates/page.mustache"] =
            "{{#page.params}}{{telefon}}|{{version}}|{{andel}}|{{antal}}|{{^draft}}published{{/draft}}{{#draft}}DRAF"
            + "T{{/draft}}{{/page.params}}|{{page.summary}}"
        let result = try Fixture(content: content, theme: theme).build()
        #expect(result.messages == [])
        #expect(result.file("projekt/snabb/index.html") == "0701234567|1.0|0.50|1e3|published|")
        #expect(result.file("projekt/yams/index.html") == "0701234567|1.0|0.50|1e3|published|1.50")
    }

    @Test func defaultThemeShowsThePhoneNumberAsWritten() throws {
        var content = Fixture.basic
        content["projekt/k.md"] =
            "---\ntitle: K\ntags: [cirkulär]\nkontakt:\n  namn: Lisbeth\n  telefon: 0701234567\n---\n"
        let fixture = try Fixture(content: content, theme: [:])
        let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Themes/default").path
        let result = fixture.build { $0.theme = URL(fileURLWithPath: theme) }
        #expect(result.succeeded, "\(result.messages)")
        let page = try #require(result.file("projekt/k/index.html"))
        #expect(page.contains(": 0701234567"))
        #expect(!page.contains(": 701234567"))
    }

    @Test func weightStillSortsAsANumber() throws {
        var content = Fixture.basic
        for (name, weight) in [("a", "10"), ("b", "9"), ("c", "02")] {
            content["projekt/\(name).md"] =
                "---\ntitle: \(name.uppercased())\ntags: [cirkulär]\nweight: \(weight)\n---\n"
        }
        let section = try #require(try Fixture(content: content).build().file("projekt/index.html"))
        // 02 before 9 before 10, and a page without a weight after them, as Hugo lists them.
        #expect(section.contains("<C><B><A><Cirkulära Göteborg>"))
    }

    @Test func dataFileValuesShowAsWritten() throws {
        var content = Fixture.basic
        content["data/json.json"] = #"[{"namn": "Ett", "version": 1.0, "andel": 0.50, "antal": 1e3, "kod": "007"}]"#
        content["data/yaml.yaml"] = "- namn: Ett\n  version: 1.0\n  andel: 0.50\n  antal: 1e3\n  kod: 007\n"
        content["data/csv.csv"] = "namn,version,andel,antal,kod\nEtt,1.0,0.50,1e3,007\n"
        content["om.md"] =
            "---\ntitle: Om\n---\n## Bakgrund\n\n```tabell data=json\n```\n\n```tabell data=yaml\n```\n\n```tabell "
            + "data=csv\n```\n"
        var theme = Fixture.theme
        theme["templates/single.mustache"] =
            "{{#data.json}}{{version}} {{andel}} {{antal}} {{kod}}{{/data.json}}|{{#data.yaml}}{{version}} "
            + "{{andel}} {{antal}} {{kod}}{{/data.yaml}}|{{{page.content}}}"
        let page = try #require(try Fixture(content: content, theme: theme).build().file("om/index.html"))
        #expect(page.hasPrefix("1.0 0.50 1e3 007|1.0 0.50 1e3 007|"))
        let row =
            #"<tr><th scope="row">Ett</th><td class="num">1.0</td><td class="num">0.50</td>"#
            + #"<td class="num">1e3</td><td class="num">007</td></tr>"#
        #expect(page.components(separatedBy: row).count == 4, "\(page)")
    }

    @Test func typedValuesStayTyped() throws {
        let log = DiagnosticLog()
        let value = try #require(
            YAMLReader.parse(
                #"{"a": 1.0, "b": 0701234567, "c": 1e3, "d": "1.0", "e": true, "f": null}"#, file: "d.json", log: log))
        #expect(log.all.isEmpty)
        guard case .double(1.0) = value["a"]!.kind, case .int(701_234_567) = value["b"]!.kind,
            case .double(1000) = value["c"]!.kind,
            case .string("1.0") = value["d"]!.kind, case .bool(true) = value["e"]!.kind, case .null = value["f"]!.kind
        else {
            Issue.record("kinds: \(value.pairs!.map { "\($0.value.kind)" })")
            return
        }
        #expect(value.pairs!.map(\.value.text) == ["1.0", "0701234567", "1e3", "1.0", "true", nil])
        #expect(value["e"]!.templateValue == .bool(true))
    }

    // MARK: Every scalar shows as written

    /// Text made of the characters that decide a scalar's type: digits, signs, points, exponents.
    static let numberLike = Gen.int(in: 0...14).array(of: 1...8).map { picks in
        picks.map { ["0", "1", "7", "9", "0", "5", ".", "-", "+", "e", "E", "_", "x", "a", " "][$0] }.joined()
    }

    static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespaces) }

    @Test func anyScalarShowsAsWritten() async {
        await propertyCheck(count: 1000, input: Self.numberLike) { raw in
            let s = Self.trimmed(raw)
            let quoted =
                "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
            let forms = ["x: " + quoted, "x: '" + s.replacingOccurrences(of: "'", with: "''") + "'", "x: " + s]
            for (n, yaml) in forms.enumerated() {
                let log = DiagnosticLog()
                let readers = [
                    ("Yams", YAMLReader.parse(yaml, file: "f.yaml", log: log)), ("fast path", SimpleYAML.parse(yaml)),
                ]
                for (reader, value) in readers {
                    guard let value = value?["x"] else { continue } // the fast path leaves some text to Yams
                    // Plain text YAML reads as null, true or false shows as nothing or true/false.
                    if n == 2, value.isNull || value.typeName == "true/false" { continue }
                    #expect(value.text == s, "\(reader): \(yaml)")
                    #expect(value.templateValue == .string(s), "\(reader): \(yaml)")
                }
            }
        }
    }

    @Test func anyJSONNumberShowsAsWritten() async {
        let number = Gen.int(in: 0...1_000_000).array(of: 1...4).map { n -> String in
            // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?, the JSON number grammar.
            var s = n[0] % 3 == 0 ? "-" : ""
            s += n[0] % 2 == 0 ? "0" : String(n[0] % 9999 + 1)
            if n.count > 1 { s += "." + String(n[1]).prefix(1 + n[1] % 4) + String(repeating: "0", count: n[1] % 3) }
            if n.count > 2 { s += ["e", "E"][n[2] % 2] + ["", "+", "-"][n[2] % 3] + String(n[2] % 300) }
            return s
        }
        await propertyCheck(count: 1000, input: number) { s in
            let log = DiagnosticLog()
            let value = YAMLReader.parse("[{\"n\": \(s)}]", file: "d.json", log: log)?.list?.first?["n"]
            #expect(log.all.isEmpty)
            #expect(value?.text == s)
            #expect(value?.templateValue == .string(s))
            #expect(value?.typeName == "a number", "\(s) is \(value?.typeName ?? "missing")")
        }
    }
}
