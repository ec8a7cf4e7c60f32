import Testing

@testable import SiteBuilder

/// Front matter as Hugo and Zola write it: TOML between `+++` lines, timestamps as dates,
/// `description` for the summary, Zola's `[taxonomies]` table for a page's terms.
@Suite struct ForeignFrontMatterTests {
    static let theme = Fixture.theme.merging([
        "templates/page.mustache":
            "{{<base}}{{$main}}PAGE {{page.title}}|{{page.dateISO}}|{{page.summary}}|{{#page.tags}}{{title}};"
            + "{{/page.tags}}|{{page.params.extra.author}}{{page.params.params.author}}|{{{page.content}}}"
            + "{{/main}}{{/base}}"
    ]) { $1 }

    func build(_ changes: [String: String]) throws -> BuildResult {
        var content = Fixture.basic
        for (path, text) in changes { content[path] = text }
        return try Fixture(content: content, theme: Self.theme).build()
    }

    @Test func hugoTOMLFrontMatter() throws {
        let result = try build([
            "projekt/hugo.md": """
            +++
            title = "Återbruk i Hugo"
            date = 2024-01-02T10:00:00+01:00
            draft = false
            tags = ["cirkulär"]  # a comment
            description = "En mening om sidan."

            [params]
            author = "Anna"
            +++

            Texten.
            """
        ])
        #expect(result.messages == [])
        #expect(
            result.file("projekt/hugo/index.html")?.contains(
                "PAGE Återbruk i Hugo|2024-01-02|En mening om sidan.|Cirkulär;|Anna|<p>Texten.</p>") == true)
    }

    @Test func zolaTOMLFrontMatterWithItsTaxonomiesTable() throws {
        let result = try build([
            "projekt/zola.md": """
            +++
            title = "Zola-sidan"
            date = 2023-11-30
            [taxonomies]
            tags = ["klimatanpassad", "cirkulär"]
            [extra]
            author = "Zed"
            +++
            Text.
            """
        ])
        #expect(result.messages == [])
        #expect(
            result.file("projekt/zola/index.html")?.contains(
                "PAGE Zola-sidan|2023-11-30|Text.|Klimatanpassad;Cirkulär;|Zed|") == true)
    }

    @Test func aTermNotInTheTaxonomyIsReportedWhereZolaWroteIt() throws {
        let result = try build([
            "projekt/zola.md": "+++\ntitle = \"Z\"\n[taxonomies]\ntags = [\"cirkulär\", \"okänd\"]\n+++\n"
        ])
        #expect(result.messages.contains { $0.hasPrefix("Content/projekt/zola.md:4:21: error: ") })
    }

    @Test func mistakesInTOMLAreErrorsAtTheirPlace() throws {
        let unclosed = try build(["sida.md": "+++\ntitle = \"Sida\"\n"])
        #expect(
            unclosed.messages == [
                "Content/sida.md:1:1: error: front matter starts with '+++' but is never closed; add a line with only "
                    + "'+++' after the last front matter field"
            ])
        let badString = try build(["sida.md": "+++\ntitle = \"Sida\nsummary = \"x\"\n+++\n"])
        #expect(badString.messages.count == 1)
        #expect(badString.messages.first?.hasPrefix("Content/sida.md:2:9: error: ") == true, "\(badString.messages)")
        #expect(!badString.succeeded)
    }

    @Test func timestampsAreTheDayTheyName() throws {
        for (written, day) in [
            ("2024-01-02T23:30:00-05:00", "2024-01-02"), ("2024-02-29 08:15:00", "2024-02-29"),
            ("2024-03-04T10:00Z", "2024-03-04"), ("2024-03-04T10:00:00.123456Z", "2024-03-04"),
        ] {
            let result = try build(["projekt/tid.md": "---\ntitle: T\ntags: [cirkulär]\ndate: \(written)\n---\n"])
            #expect(result.messages == [], "\(written)")
            #expect(result.file("projekt/tid/index.html")?.contains("PAGE T|\(day)|") == true, "\(written)")
        }
        for wrong in ["2023-02-29T10:00:00Z", "2024-01-02T25:00:00Z", "2024-01-02T10:00:00+1", "2024-01-02Tx"] {
            let result = try build(["sida.md": "---\ntitle: Sida\ndate: \(wrong)\n---\n"])
            #expect(
                result.messages == [
                    "Content/sida.md:3:7: error: date '\(wrong)' is not a calendar date in the form YYYY-MM-DD; "
                        + "write for example 'date: 2024-05-31': four digits of year, month 01-12, and a day that "
                        + "month has (or a timestamp: 2024-05-31T10:00:00Z)"
                ], "\(wrong)")
        }
    }

    /// Material for MkDocs' blog: `date: {created: …, updated: …}`; the page's date is `created`.
    @Test func aBlogPostsDateMapping() throws {
        let post = "---\ntitle: T\ntags: [cirkulär]\ndate:\n  created: 2026-02-18\n  updated: 2026-04-13\n---\n"
        let result = try build(["projekt/inlagg.md": post])
        #expect(result.messages == [])
        #expect(result.file("projekt/inlagg/index.html")?.contains("PAGE T|2026-02-18|") == true)
        let wrong = try build(["sida.md": "---\ntitle: Sida\ndate:\n  created: 18 februari\n---\n"])
        #expect(wrong.messages.count == 1)
        #expect(
            wrong.messages.first?.hasPrefix(
                "Content/sida.md:4:12: error: date '18 februari' is not a calendar date in the form YYYY-MM-DD") == true
        )
        let missing = try build(["sida.md": "---\ntitle: Sida\ndate:\n  updated: 2026-04-13\n---\n"])
        #expect(
            missing.messages.first?.hasPrefix("Content/sida.md:4:3: error: missing required field 'created'") == true)
    }

    /// Zola's `path` is the page's whole path, as `url` is; in YAML it is a field like any other.
    @Test func zolasPathIsTheURL() throws {
        let zola = try build([
            "projekt/z.md": "+++\ntitle = \"Z\"\ntags = [\"cirkulär\"]\npath = \"om/zola\"\n+++\nText.\n"
        ])
        #expect(zola.messages == [])
        #expect(zola.file("om/zola/index.html")?.contains("PAGE Z|") == true)
        let wrong = try build(["projekt/z.md": "+++\ntitle = \"Z\"\ntags = [\"cirkulär\"]\npath = \"a//b\"\n+++\n"])
        #expect(wrong.messages.first?.hasPrefix("Content/projekt/z.md:4:8: error: 'path' must be a path") == true)
        let yaml = try build(["projekt/y.md": "---\ntitle: Y\ntags: [cirkulär]\npath: om/yaml\n---\n"])
        #expect(yaml.file("projekt/y/index.html")?.contains("PAGE Y|") == true)
    }
}

/// The order Docusaurus and Just the Docs give pages, as a weight where a page has none.
@Suite struct BorrowedWeightTests {
    func weight(_ yaml: String) throws -> Int? {
        let log = DiagnosticLog()
        let map = try #require(YAMLReader.parse(yaml, file: "x.md", log: log))
        return ParseFrontMatter.borrowedWeight(map)
    }

    @Test func sidebarPositionAndNavOrderKeepTheirOrder() throws {
        let weights = try [
            "sidebar_position: -1", "sidebar_position: 0", "nav_order: 1", "sidebar_position: 1.5", "nav_order: 2",
        ]
        .map { try #require(try weight($0)) }
        #expect(
            weights == weights.sorted() && Set(weights).count == weights.count && !weights.contains(0), "\(weights)")
        #expect(try weight("sidebar_position: first") == nil)
        #expect(try weight("title: x") == nil)
    }
}
