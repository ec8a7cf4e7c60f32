import Foundation
import Testing

@testable import SiteBuilder

/// A page's two days, as Hugo, Zola, Jekyll, Material and Docusaurus write them: when it was
/// published (`date`) and when it last changed (`updated`, `lastmod`, …), shown as such.
@Suite struct PageDatesTests {
    static let theme = Fixture.theme.merging([
        "templates/page.mustache":
            "{{<base}}{{$main}}PAGE {{page.dateISO}}|{{page.updatedISO}}|{{page.updated}}{{/main}}{{/base}}"
    ]) { $1 }

    func build(_ frontMatter: String, theme: [String: String] = PageDatesTests.theme) throws -> BuildResult {
        var content = Fixture.basic
        content["projekt/p.md"] = "---\ntitle: P\ntags: [cirkulär]\n" + frontMatter + "---\nText.\n"
        return try Fixture(content: content, theme: theme).build()
    }

    func shown(_ frontMatter: String) throws -> String? {
        let result = try build(frontMatter)
        #expect(result.messages == [], "\(frontMatter)")
        return result.file("projekt/p/index.html").flatMap { $0.components(separatedBy: "PAGE ").last }
    }

    @Test func eachGeneratorsLastChangeIsTheUpdatedDay() throws {
        #expect(try shown("date: 2024-01-15\nupdated: 2024-03-02\n") == "2024-01-15|2024-03-02|2 mars 2024")
        // Hugo's lastmod, a timestamp: its day.
        #expect(try shown("date: 2024-01-15\nlastmod: 2024-03-02T08:00:00Z\n") == "2024-01-15|2024-03-02|2 mars 2024")
        // Jekyll's jekyll-last-modified-at, in Jekyll's own timestamp form.
        #expect(
            try shown("date: 2024-01-15 10:00:00 +0100\nlast_modified_at: 2024-04-01 09:00:00 +0200\n")
                == "2024-01-15|2024-04-01|1 april 2024")
        // Material's blog and Docusaurus' mappings.
        #expect(
            try shown("date:\n  created: 2024-01-15\n  updated: 2024-02-01\n")
                == "2024-01-15|2024-02-01|1 februari 2024")
        #expect(
            try shown("last_update:\n  date: 2024-05-06\n  author: Anna\n") == "|2024-05-06|6 maj 2024")
        // The first field there is wins.
        #expect(try shown("updated: 2024-03-02\nlastmod: 2025-01-01\n") == "|2024-03-02|2 mars 2024")
    }

    @Test func aChangeOnThePublishingDayIsNoChange() throws {
        #expect(try shown("date: 2024-01-15\nupdated: 2024-01-15\n") == "2024-01-15||")
        #expect(try shown("date: 2024-01-15\n") == "2024-01-15||")
    }

    @Test func aWrongDayIsAnErrorAtIt() throws {
        let wrong = try build("lastmod: igår\n")
        #expect(
            wrong.messages.first?.hasPrefix(
                "Content/projekt/p.md:4:10: error: lastmod 'igår' is not a calendar date in the form YYYY-MM-DD")
                == true, "\(wrong.messages)")
        #expect(wrong.files.isEmpty)
        let material = try build("date:\n  created: 2024-01-15\n  updated: 2024-02-30\n")
        #expect(
            material.messages.first?.hasPrefix(
                "Content/projekt/p.md:6:12: error: date '2024-02-30' is not a calendar date") == true,
            "\(material.messages)")
        let docusaurus = try build("last_update:\n  date: [1]\n")
        #expect(docusaurus.messages.first?.contains("'date' must be text") == true, "\(docusaurus.messages)")
    }

    @Test func feedAndSitemapSayWhenEachPageChanged() throws {
        let result = try build("date: 2024-01-15\nlastmod: 2024-03-02\n")
        let feed = try #require(result.file("feed.xml"))
        #expect(
            feed.contains("<updated>2024-03-02T00:00:00Z</updated>\n    <published>2024-01-15T00:00:00Z</published>"))
        // The feed changed when its newest entry did.
        #expect(feed.contains("  <updated>2024-03-02T00:00:00Z</updated>\n  <author>"))
        let sitemap = try #require(result.file("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.se/projekt/p/</loc><lastmod>2024-03-02</lastmod>"))
        // A day changed before the one published (a slip) does not move the page back.
        let slip = try #require(try build("date: 2024-01-15\nupdated: 2023-12-01\n").file("sitemap.xml"))
        #expect(slip.contains("<loc>https://example.se/projekt/p/</loc><lastmod>2024-01-15</lastmod>"))
    }

    @Test func theDefaultThemeSaysPublishedAndLastModified() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\nnewestFirst: [nyheter]\n"
        content["projekt/p.md"] = "---\ntitle: P\ntags: [cirkulär]\ndate: 2024-01-15\nlastmod: 2024-03-02\n---\n"
        content["nyheter/forsta.md"] = "---\ntitle: Första\ndate: 2024-01-15\n---\n"
        content["nyheter/andra.md"] = "---\ntitle: Andra\ndate: 2024-02-20\nupdated: 2024-02-20\n---\n"
        let fixture = try Fixture(content: content, theme: [:])
        let result = fixture.build { $0.theme = root.appendingPathComponent("Themes/default") }
        #expect(result.succeeded, "\(result.messages)")
        let page = try #require(result.file("projekt/p/index.html"))
        #expect(page.contains("<dt>Publicerad</dt><dd><time datetime=\"2024-01-15\">15 januari 2024</time></dd>"))
        #expect(page.contains("<dt>Senast ändrad</dt><dd><time datetime=\"2024-03-02\">2 mars 2024</time></dd>"))
        let post = try #require(result.file("nyheter/andra/index.html"))
        #expect(post.contains("<dt>Publicerad</dt>"))
        #expect(!post.contains("Senast ändrad"))
        // A listing newest first shows each post's day under its title; others show none.
        let news = try #require(result.file("nyheter/index.html"))
        #expect(
            news.contains(
                "Andra</a></h3>\n<p class=\"card__date\"><time datetime=\"2024-02-20\">20 februari 2024</time></p>"))
        #expect(news.range(of: "Andra")!.lowerBound < news.range(of: "Första")!.lowerBound)
        let projects = try #require(result.file("projekt/index.html"))
        #expect(projects.contains(">P</a></h3>"))
        #expect(!projects.contains("card__date"))
    }
}
