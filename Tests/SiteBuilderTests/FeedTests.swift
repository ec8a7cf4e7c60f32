import Foundation
import Testing

@testable import SiteBuilder

/// `feed.xml` carries the newest pages only, and sitemaps split where the protocol says they must.
@Suite struct FeedTests {
    /// The basic fixture plus `count` dated projects a day apart from 1 January 2024, `p1` the oldest.
    private func content(projects count: Int, siteExtra: String = "") -> [String: String] {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\n" + siteExtra
        for n in 1...count {
            content["projekt/p\(n).md"] =
                "---\ntitle: Projekt \(n)\ndate: "
                + "2024-\(String(format: "%02d-%02d", (n - 1) / 28 + 1, (n - 1) % 28 + 1))\ntags: [cirkulär]\n---\n"
        }
        return content
    }

    private func entries(_ feed: String) -> [String] {
        feed.components(separatedBy: "<entry>").dropFirst().map { entry in
            String(entry.split(separator: "<title>")[1].split(separator: "<")[0])
        }
    }

    @Test func feedCarriesTheNewestPagesUpToItsLimit() throws {
        let result = try Fixture(content: content(projects: 5, siteExtra: "feed:\n  limit: 3\n")).build()
        #expect(result.messages == [])
        let feed = try #require(result.file("feed.xml"))
        #expect(entries(feed) == ["Projekt 5", "Projekt 4", "Projekt 3"])
        #expect(feed.contains("<updated>2024-01-05T00:00:00Z</updated>"))
        // The sitemap still lists every page.
        let sitemap = try #require(result.file("sitemap.xml"))
        for n in 1...5 { #expect(sitemap.contains("<loc>https://example.se/projekt/p\(n)/</loc>")) }
    }

    @Test func feedLimitDefaultsToFifty() throws {
        let result = try Fixture(content: content(projects: 55)).build()
        let titles = entries(try #require(result.file("feed.xml")))
        #expect(titles.count == 50)
        #expect(titles.first == "Projekt 55")
        #expect(!titles.contains("Projekt 5"))
    }

    @Test func feedLimitBelowOneIsAnErrorAtItsLine() throws {
        let result = try Fixture(content: content(projects: 1, siteExtra: "feed:\n  limit: 0\n")).build()
        let lines = Fixture.siteYAML.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(
            result.messages.contains {
                $0.hasPrefix("Content/site.yaml:\(lines + 2):10: error: feed limit must be at least 1, not 0")
            },
            "\(result.messages)")
        #expect(result.files.isEmpty)
    }

    @Test func sitemapsSplitIntoAnIndexAboveTheLimit() throws {
        let (_, state) = BuildPipeline.buildKeepingState(try Fixture(content: content(projects: 4)).options)
        let site = try #require(state?.site)
        let paths = ["/", "/a/", "/b/", "/c/", "/d/", "/404.html"]
        let split = RenderFeeds(log: DiagnosticLog(), urlsPerSitemap: 2).run(site, pagePaths: paths)
        let files = Dictionary(uniqueKeysWithValues: split.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        #expect(
            Set(files.keys) == [
                "sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "feed.xml", "robots.txt",
            ])
        let index = try #require(files["sitemap.xml"])
        #expect(index.contains("<sitemapindex"))
        for n in 1...3 { #expect(index.contains("<loc>https://example.se/sitemap-\(n).xml</loc>")) }
        // Every page once, in order, none in the index itself; the 404 page in none.
        let locs = (1...3).flatMap { n in
            files["sitemap-\(n).xml"]!.components(separatedBy: "<loc>").dropFirst().map {
                $0.components(separatedBy: "</loc>")[0]
            }
        }
        #expect(
            locs == [
                "https://example.se/", "https://example.se/a/", "https://example.se/b/", "https://example.se/c/",
                "https://example.se/d/",
            ])

        let single = RenderFeeds(log: DiagnosticLog(), urlsPerSitemap: 5).run(site, pagePaths: paths)
        #expect(single.map(\.path).sorted() == ["feed.xml", "robots.txt", "sitemap.xml"])
        #expect(String(decoding: single.first { $0.path == "sitemap.xml" }!.bytes, as: UTF8.self).contains("<urlset"))
    }
}
