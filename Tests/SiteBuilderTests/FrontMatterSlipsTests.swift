import Testing

@testable import SiteBuilder

/// Slips in front matter that still make a page, said as warnings where the editor sees them.
@Suite struct FrontMatterSlipsTests {
    /// Front matter fields without the `---` above them, the `---` below (which would make them a
    /// heading): they are the front matter the editor meant, read as such with a warning that says
    /// which line is missing, and the body's positions are the file's own.
    @Test func frontMatterWithoutItsFirstLine() throws {
        var content = Fixture.basic
        content["om-oss.md"] = "title: Om oss\nsummary: Kort\n---\nText [länk](saknas.md)\n"
        // Fields apart from the `---` by a blank line are text (the line is a rule then), with a warning.
        content["kontakt.md"] = "title: Kontakt\n\n---\nText\n"
        // A paragraph that reads like a field, made a heading on purpose, and a page without
        // front matter: no warning.
        content["notera.md"] = "Notera: detta gäller alla\n---\n\nText\n"
        content["bara-text.md"] = "# Rubrik\n\ntitle: inte ett fält\n\n---\n"
        let result = try Fixture(content: content).build()
        #expect(
            result.messages.filter { $0.contains("front matter") } == [
                "Content/kontakt.md:1:1: warning: the page has no front matter: 'title: Kontakt' is read as text, "
                    + "since the file does not start with '---'; add a line with only '---' above it",
                "Content/om-oss.md:1:1: warning: the front matter has no '---' line above it: read as front matter "
                    + "all the same; add a line with only '---' as the file's first line",
            ], "\(result.messages)")
        #expect(
            result.messages.contains {
                $0.hasPrefix("Content/om-oss.md:4:6: error: link to 'saknas.md' points to no page")
            },
            "\(result.messages)")
        let fixed = try Fixture(
            content: content.merging(["om-oss.md": "title: Om oss\nsummary: Kort\n---\nText\n"]) { $1 }
        )
        .build()
        let page = try #require(fixed.file("om-oss/index.html"))
        #expect(page.contains("SINGLE Om oss|<p>Text</p>"), "\(page)")
    }

    /// A field written like one the build reads, which the page lacks, is a warning: a capital
    /// letter (Hugo reads `Title`), a slip, or the Swedish word. Fields of the theme's own (`math`,
    /// `author`) and those the page also has right say nothing.
    @Test func misspeltFieldsAreSaid() throws {
        var content = Fixture.basic
        content["om-oss.md"] =
            "---\nTitle: Om oss\nsummery: Kort\ndatum: 2026-01-01\nmath: true\nauthor: A\nweigth: 2\n---\nText\n"
        content["kontakt.md"] = "---\ntitle: Kontakt\ntitel: Kontakt\ndate: 2026-01-01\n---\nText\n"
        let result = try Fixture(content: content).build()
        #expect(result.succeeded)
        let hint = "a field the build does not read reaches templates only, as page.params."
        #expect(
            result.messages.filter { $0.contains("unknown field") } == [
                "Content/om-oss.md:2:1: warning: unknown field 'Title'; did you mean 'title'? \(hint)Title",
                "Content/om-oss.md:3:1: warning: unknown field 'summery'; did you mean 'summary'? \(hint)summery",
                "Content/om-oss.md:4:1: warning: unknown field 'datum'; did you mean 'date'? \(hint)datum",
                "Content/om-oss.md:7:1: warning: unknown field 'weigth'; did you mean 'weight'? \(hint)weigth",
            ], "\(result.messages)")
    }
}
