import Foundation
import Testing

@testable import SiteBuilder

/// YAML merge keys (`<<: *bas`) are merged as libyaml's loaders and other YAML tools read them
/// (https://yaml.org/type/merge.html), or refused with an error at the `<<`; never kept as a key.
@Suite struct MergeKeyTests {
    static func read(_ yaml: String) -> (DataValue?, [String]) {
        let log = DiagnosticLog()
        let value = YAMLReader.parse(yaml, file: "d.yaml", log: log)
        return (value, log.all.map(\.description))
    }

    /// A mapping as `key=text` pairs in order, nested mappings in braces.
    static func flat(_ value: DataValue?) -> String {
        guard let pairs = value?.pairs else { return value?.text ?? "nil" }
        return "{" + pairs.map { "\($0.key)=\(flat($0.value))" }.joined(separator: ", ") + "}"
    }

    @Test func mergesOneMappingWithOwnKeysWinning() {
        let (value, messages) = Self.read(
            """
            bas: &bas
              namn: Bas
              ort: Umeå
            a:
              <<: *bas
              ort: Luleå
            b:
              ort: Kiruna
              <<: *bas
              typ: x
            """)
        #expect(messages == [])
        #expect(Self.flat(value?["a"]) == "{namn=Bas, ort=Luleå}")
        #expect(Self.flat(value?["b"]) == "{ort=Kiruna, namn=Bas, typ=x}")
        // The merged value keeps its own text and the place it was written.
        #expect(value?["a"]?["namn"].map { [$0.position.line, $0.position.column] } == [2, 9])
    }

    @Test func mergesAListOfMappingsWithEarlierOnesWinning() {
        let (value, messages) = Self.read(
            """
            x: &x {a: 1.0, b: x}
            y: &y {b: y, c: 007}
            z:
              <<: [*x, *y]
              d: egen
            """)
        #expect(messages == [])
        #expect(Self.flat(value?["z"]) == "{a=1.0, b=x, c=007, d=egen}")
    }

    @Test func mergesInlineMappingsAndMergesInsideMergedMappings() {
        let (value, messages) = Self.read(
            """
            rot: &rot {a: rot}
            mitt: &mitt
              <<: *rot
              b: mitt
            ut:
              <<: *mitt
              <<x: literal
            inline:
              <<: {c: 3}
            """)
        #expect(messages == [])
        #expect(Self.flat(value?["ut"]) == "{a=rot, b=mitt, <<x=literal}")
        #expect(Self.flat(value?["inline"]) == "{c=3}")
    }

    @Test func quotedKeyIsAnOrdinaryKey() {
        // Only a plain `<<` is the merge key; a quoted one is text, as in every YAML tool.
        let (value, messages) = Self.read("a: {'<<': text}")
        #expect(messages == [])
        #expect(Self.flat(value?["a"]) == "{<<=text}")
    }

    @Test(arguments: [
        (
            "a:\n  <<: 5\n",
            "d.yaml:2:3: error: the merge key '<<' must be given a mapping or a list of mappings, not a number"
        ),
        (
            "x: &x [1]\na:\n  <<: *x\n",
            "d.yaml:3:3: error: the merge key '<<' must be given a mapping or a list of mappings, not a list "
                + "holding a number"
        ),
        (
            "x: &x {a: 1}\na:\n  <<: [*x, text]\n",
            "d.yaml:3:3: error: the merge key '<<' must be given a mapping or a list of mappings, not a list "
                + "holding text"
        ),
        (
            "a:\n  <<: \n",
            "d.yaml:2:3: error: the merge key '<<' must be given a mapping or a list of mappings, not nothing"
        ),
    ])
    func refusesMergingWhatIsNoMapping(_ yaml: String, _ message: String) {
        let (value, messages) = Self.read(yaml)
        #expect(value == nil)
        #expect(messages == [message + "; write '<<: *name' where '&name' marks a mapping, or '<<: [*a, *b]'"])
    }

    @Test func mergeErrorInFrontMatterFailsTheBuildAtItsLine() throws {
        var content = Fixture.basic
        content["projekt/x.md"] = "---\ntitle: X\ntags: [cirkulär]\nkontakt:\n  <<: text\n---\n"
        let result = try Fixture(content: content).build()
        #expect(!result.succeeded)
        #expect(
            result.messages == [
                "Content/projekt/x.md:5:3: error: the merge key '<<' must be given a mapping or a list of mappings, "
                    + "not text; write '<<: *name' where '&name' marks a mapping, or '<<: [*a, *b]'"
            ])
    }

    @Test func aliasesStandForTheirValues() {
        let (value, messages) = Self.read("a: &v 0701234567\nb: *v\nc: &l [1.0, x]\nd: *l\n")
        #expect(messages == [])
        #expect(value?["b"]?.text == "0701234567")
        #expect(value?["d"]?.list?.map(\.text) == ["1.0", "x"])
    }

    @Test func mergedFrontMatterAndDataReachThePage() throws {
        var content = Fixture.basic
        content["data/personer.yaml"] = "- &bas\n  namn: Bas\n  telefon: 0701234567\n- <<: *bas\n  namn: Kopia\n"
        content["projekt/x.md"] =
            "---\ntitle: X\ntags: [cirkulär]\nbas: &bas {telefon: 0701234567, ort: Umeå}\nkontakt:\n  <<: *bas\n  "
            + "ort: Luleå\n---\n"
        content["om.md"] = "---\ntitle: Om\n---\n## Bakgrund\n\n```tabell data=personer\n```\n"
        var theme = Fixture.theme
        theme["templates/page.mustache"] = "{{#page.params.kontakt}}{{telefon}} {{ort}}{{/page.params.kontakt}}"
        let result = try Fixture(content: content, theme: theme).build()
        #expect(result.messages == [])
        #expect(result.file("projekt/x/index.html") == "0701234567 Luleå")
        #expect(
            result.file("om/index.html")?.contains(
                #"<tr><th scope="row">Kopia</th><td class="num">0701234567</td></tr>"#) == true)
    }
}
