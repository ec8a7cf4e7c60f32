import Testing

@testable import SiteBuilder

/// `redirect_to:` in front matter, as Zola's sections and Jekyll's jekyll-redirect-from write it:
/// the page's URL sends readers on, and the page is in no listing, search, feed or sitemap.
@Suite struct PageRedirectTests {
    static let content: [String: String] = [
        // Zola's docs: the section's page sends readers to its first page, by a path from the root.
        "guide/_index.md": "+++\ntitle = \"Guide\"\nredirect_to = \"guide/start/\"\n+++\nStart, Pages\n",
        "guide/start.md": "---\ntitle: Start here\nweight: 1\n---\nFirst.\n",
        "guide/next.md": "---\ntitle: Then this\nweight: 2\n---\nSecond.\n",
        // Jekyll's: a page that moved, to a path of the site or an address elsewhere.
        "guide/moved.md": "---\ntitle: Moved away\nredirect_to: /guide/next/#later\n---\nGone.\n",
        "old.md": "---\ntitle: Old page\nredirect_to: https://example.org/new/\n---\n",
    ]

    func build(_ changes: [String: String] = [:]) throws -> BuildResult {
        try Fixture.buildWithDefaultTheme(Self.content, changes)
    }

    @Test func thePagesURLSendsReadersOn() throws {
        let result = try build()
        #expect(result.messages == [])
        let section = try #require(result.file("guide/index.html"))
        #expect(section.contains("<meta http-equiv=\"refresh\" content=\"0; url=../guide/start/\">"), "\(section)")
        #expect(section.contains("<link rel=\"canonical\" href=\"https://example.se/guide/start/\">"))
        #expect(section.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(section.contains("<a href=\"../guide/start/\">Start here</a>"))
        let moved = try #require(result.file("guide/moved/index.html"))
        #expect(moved.contains("url=../../guide/next/#later\""), "\(moved)")
        #expect(result.file("old/index.html")?.contains("url=https://example.org/new/\"") == true)
        // The section's pages are as they were, and know their section.
        let start = try #require(result.file("guide/start/index.html"))
        #expect(start.contains("First.") && start.contains("<a href=\"../../guide/next/\" rel=\"next\">"), "\(start)")
    }

    @Test func aRedirectIsNoPageToListSearchOrIndex() throws {
        let result = try build()
        let home = try #require(result.file("index.html"))
        #expect(!home.contains("Old page") && !home.contains("Moved away"))
        // Previous and next go past it: the last page has no next one.
        let next = try #require(result.file("guide/next/index.html"))
        #expect(next.contains("rel=\"prev\"") && !next.contains("rel=\"next\"") && !next.contains("Moved away"))
        let sitemap = try #require(result.file("sitemap.xml"))
        #expect(sitemap.contains("/guide/start/"))
        for path in ["/guide/</loc>", "/guide/moved/", "/old/"] { #expect(!sitemap.contains(path), "\(path)") }
        let state = try #require(
            BuildPipeline.buildKeepingState(try Fixture(content: Fixture.basic.merging(Self.content) { $1 }).options)
                .state)
        let labels = SearchKinds.Labels(project: "Projekt", glossary: "Ordlista", page: "Sida")
        var search = SearchDocuments(site: state.site, bodies: state.bodies, labels: labels)
        let paths = search.all().map(\.path)
        #expect(paths.contains("/guide/start/") && !paths.contains("/guide/moved/") && !paths.contains("/old/"))
        #expect(!paths.contains("/guide/"), "\(paths)")
    }

    @Test func aRedirectToNoPageIsSaidAtIt() throws {
        let result = try build(["guide/moved.md": "---\ntitle: Moved\nredirect_to: /nowhere/\n---\n"])
        #expect(!result.succeeded)
        #expect(
            result.messages.contains(
                "Content/guide/moved.md:3:14: error: redirect_to '/nowhere/' leads to no page of the site; write the "
                    + "URL of a page of the site from its root (/guide/), or an address elsewhere"),
            "\(result.messages)")
        let own = try build(["guide/moved.md": "---\ntitle: Moved\nredirect_to: guide/moved\n---\n"])
        #expect(
            own.messages.contains(
                "Content/guide/moved.md:3:14: error: redirect_to 'guide/moved' is this page's own URL: readers "
                    + "would be sent to it again and again; write the URL of another page, or remove redirect_to"),
            "\(own.messages)")
        let list = try build(["guide/moved.md": "---\ntitle: Moved\nredirect_to: [/a/, /b/]\n---\n"])
        #expect(
            list.messages.contains {
                $0.hasPrefix("Content/guide/moved.md:3:14: error: 'redirect_to' must be text, not a list")
            }, "\(list.messages)")
    }
}
