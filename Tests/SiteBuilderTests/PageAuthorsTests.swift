import Testing

@testable import SiteBuilder

/// Who wrote a page, as Jekyll, Hugo, Zola, Docusaurus and Material's blog write it in front
/// matter: shown among the page's facts and given to each entry of the feed.
@Suite struct PageAuthorsTests {
    static let content: [String: String] = [
        "blogg/ett.md": "---\ntitle: Ett\ndate: 2026-01-02\nauthor: Ada Lovelace\n---\nText.\n",
        "blogg/tva.md": """
        ---
        title: Två
        date: 2026-01-03
        authors:
          - name: Grace Hopper
            url: https://example.org/grace
          - ada
        author: Ada Lovelace
        ---
        Text.
        """,
        "blogg/tre.md": "---\ntitle: Tre\nauthor: ''\n---\nIngen.\n",
        // Docusaurus' authors.yml, as a data file: a key stands for its entry.
        "data/authors.yaml": "ada:\n  name: Ada Lovelace\n  url: https://example.org/ada\n",
    ]

    func build(_ changes: [String: String] = [:]) throws -> BuildResult {
        try Fixture.buildWithDefaultTheme(Self.content, changes)
    }

    @Test func theAuthorsAreAmongThePagesFacts() throws {
        let result = try build()
        #expect(result.messages == [])
        let one = try #require(result.file("blogg/ett/index.html"))
        #expect(
            one.contains("<div class=\"facts__row\"><dt>Författare</dt><dd>Ada Lovelace</dd></div>"), "\(one)")
        // Names from both fields, once each; a key of data/authors.yaml is its entry, with its link.
        let two = try #require(result.file("blogg/tva/index.html"))
        #expect(
            two.contains(
                "<dd><a href=\"https://example.org/grace\">Grace Hopper</a>, "
                    + "<a href=\"https://example.org/ada\">Ada Lovelace</a>, Ada Lovelace</dd>"), "\(two)")
        // An empty author is none: a page without facts has no fact box.
        let three = try #require(result.file("blogg/tre/index.html"))
        #expect(!three.contains("Författare") && !three.contains("class=\"facts\""), "\(three)")
    }

    @Test func eachFeedEntryHasItsAuthors() throws {
        let feed = try #require(try build().file("feed.xml"))
        #expect(feed.contains("<author><name>Ada Lovelace</name></author>"), "\(feed)")
        #expect(feed.contains("<author><name>Grace Hopper</name><uri>https://example.org/grace</uri></author>"))
        // The feed's own author stays the site's.
        #expect(feed.components(separatedBy: "<author>").count == 1 + 1 + 1 + 3, "\(feed)")
    }

    /// Material's `.authors.yml` keeps its entries under `authors:`.
    @Test func materialsAuthorsFileIsReadToo() throws {
        let result = try build([
            "data/authors.yaml": "authors:\n  ada:\n    name: Ada L.\n    description: Writer\n",
            "blogg/ett.md": "---\ntitle: Ett\nauthors: [ada, okänd]\n---\nText.\n",
        ])
        #expect(try #require(result.file("blogg/ett/index.html")).contains("<dd>Ada L., okänd</dd>"))
    }

    @Test func anAuthorWithoutANameIsAnErrorAtIt() throws {
        let result = try build(["blogg/ett.md": "---\ntitle: Ett\nauthors:\n  - url: https://example.org\n---\n"])
        #expect(
            result.messages.contains {
                $0.hasPrefix(
                    "Content/blogg/ett.md:4:5: error: an author in 'authors' must be a name or have a 'name:', not a "
                        + "mapping")
            }, "\(result.messages)")
    }
}
