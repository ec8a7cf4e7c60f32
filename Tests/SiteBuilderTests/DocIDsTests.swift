import Testing

@testable import SiteBuilder

/// `links: {docIDs: true}`: pages' URLs as Docusaurus makes a doc's, and links read as it reads them.
@Suite struct DocIDsTests {
    static let site = Fixture.siteYAML + "\nlinks: {docIDs: true, relativeTo: file, broken: warning}\n"

    func build(_ pages: [String: String]) throws -> BuildResult {
        var content = Fixture.basic
        content["site.yaml"] = Self.site
        for (path, text) in pages { content[path] = text }
        return try Fixture(content: content).build()
    }

    /// Docusaurus' number prefixes: `01-intro`, `003 - Setup`; none where the name starts like a
    /// version or a date, or nothing follows.
    @Test func numberPrefixesAreReadAsDocusaurusReadsThem() {
        for (name, number, rest) in [("01-intro", 1, "intro"), ("003 - Setup", 3, "Setup"), ("2_guides", 2, "guides")] {
            #expect(NumberPrefix(name)?.number == number && NumberPrefix(name)?.rest == rest, "\(name)")
        }
        for name in ["1.2-notes", "2021-11-recap", "intro", "42", "7-", "1--", "12345678901-x"] {
            #expect(NumberPrefix(name) == nil, "\(name)")
        }
    }

    /// Prefixes are left out of URLs and titles and order the pages; `id:` names a page in its
    /// folder; `slug:` is a path from the root or from the folder.
    @Test func idsSlugsAndPrefixesMakeTheURLs() throws {
        let result = try build([
            "docs/02-guides/02-install.md": "Install.\n",
            "docs/02-guides/01-setup.md": "---\nid: setup-guide\n---\nSetup.\n",
            "docs/02-guides/moved.md": "---\nslug: /elsewhere/here\ntitle: Moved\n---\nText.\n",
            "docs/02-guides/near.md": "---\nslug: ../near-by\ntitle: Near\n---\nText.\n",
            "docs/1.2-notes.md": "# Notes\n",
        ])
        #expect(result.messages.filter { $0.contains("error") } == [])
        let paths = Set(result.files.map(\.path))
        #expect(
            paths.isSuperset(of: [
                "docs/guides/install/index.html", "docs/guides/setup-guide/index.html",
                "elsewhere/here/index.html", "docs/near-by/index.html", "docs/1.2-notes/index.html",
            ]))
        #expect(!paths.contains { $0.contains("02-guides") })
        // The section and its pages: titles without the prefix, in the prefixes' order.
        let section = try #require(result.file("docs/guides/index.html"))
        #expect(section.contains("SECTION Guides <Setup><Install>"))
        let install = try #require(result.file("docs/guides/install/index.html"))
        #expect(install.contains("PAGE Install|"))
    }

    /// A folder's page keeps its folder's URL, and `slug: /` needs site.yaml's `home:`; a doc at
    /// the URL of a folder with no page of its own is that folder's page.
    @Test func foldersPagesAndTheFrontPage() throws {
        let result = try build([
            "docs/guides/index.md": "---\nslug: /guides-moved\n---\nGuides.\n",
            "docs/guides/one.md": "One.\n",
            "docs/start.md": "---\nslug: /\n---\nStart.\n",
            "docs/FAQ.md": "---\nid: faq\ntitle: Frågor\n---\nSvar.\n",
            "docs/faq/general.md": "# Allmänt\n",
        ])
        #expect(
            result.messages.filter { $0.contains("error") } == [
                "Content/docs/guides/index.md:2:7: error: 'slug' cannot move a folder's page (index.md); a "
                    + "section's URL is its folder's name: rename the folder, or remove 'slug'",
                "Content/docs/start.md:2:7: error: 'slug: /' makes this page the front page, which site.yaml "
                    + "names; set 'home: docs/start.md' in site.yaml",
            ])
        let fixed = try build([
            "docs/FAQ.md": "---\nid: faq\ntitle: Frågor\n---\nSvar.\n", "docs/faq/general.md": "# Allmänt\n",
        ])
        #expect(fixed.file("docs/faq/index.html")?.contains("SECTION Frågor <Allmänt>") == true)
    }

    /// A link to a page's file not beside the page is read from the content folder; a link written
    /// as a doc's URL (no `/` at its end) is read from the doc's URL, a folder page's from its own.
    @Test func linksAreReadAsDocusaurusReadsThem() throws {
        let result = try build([
            "docs/api/Store.md": "---\nid: store\n---\n## getState\n",
            "docs/usage/a.md":
                "[1](docs/api/Store.md#getstate) [2](../api/store) [3](./b) [4](docs/api/Gone.md)\n",
            "docs/usage/b.md": "B.\n",
        ])
        let page = try #require(result.file("docs/usage/a/index.html"))
        #expect(page.contains("<a href=\"../../../docs/api/store/#getstate\">1</a>"))
        #expect(page.contains("<a href=\"../../../docs/api/store/\">2</a>"))
        #expect(page.contains("<a href=\"../../../docs/usage/b/\">3</a>"))
        #expect(
            result.messages == [
                "Content/docs/usage/a.md:1:60: warning: link to 'docs/api/Gone.md' points to no page; links to "
                    + "pages are paths to their .md files relative to this file"
            ])
    }
}
