import Foundation
import Testing

@testable import SiteBuilder

/// The schema.org data each page carries (`<script type="application/ld+json">`): what the page
/// is, as search engines read it. A project is a `Project`; a guide of a documentation site, a
/// blog post or an about page is not.
@Suite struct StructuredDataTests {
    static let content: [String: String] = [
        "guide/install.md": """
        ---
        title: Install
        summary: How to install it.
        updated: 2026-02-01
        authors:
          - name: Grace Hopper
            url: https://example.org/grace
        ---
        Text.
        """,
        "blogg/_index.md": "---\ntitle: Blogg\n---\n",
        "blogg/nytt.md": "---\ntitle: Nytt\ndate: 2026-01-02\nauthor: Ada Lovelace\n---\nText.\n",
        "site.yaml": Fixture.siteYAML + "\nauthor: Institutet\nnewestFirst: [blogg]\n",
    ]

    /// The main item of a page's JSON-LD: the item of its graph that is no breadcrumb trail.
    func item(_ result: BuildResult, _ path: String) throws -> [String: Any] {
        let page = try #require(result.file(path), "\(path) was not written")
        let start = try #require(page.range(of: "<script type=\"application/ld+json\">"), "no JSON-LD in \(path)")
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8))
        let graph = try #require((json as? [String: Any])?["@graph"] as? [[String: Any]])
        return try #require(graph.first { $0["@type"] as? String != "BreadcrumbList" }, "\(graph)")
    }

    @Test func aProjectIsAProjectWithItsOrganisations() throws {
        let result = try Fixture.buildWithDefaultTheme(Self.content)
        let project = try item(result, "projekt/cirkulara-goteborg/index.html")
        #expect(project["@type"] as? String == "Project")
        #expect((project["member"] as? [Any])?.count == 4, "\(project)")
        #expect((project["parentOrganization"] as? [String: Any])?["name"] as? String == "Institutet")
    }

    @Test func aPageOfASectionIsAnArticleByItsAuthors() throws {
        let result = try Fixture.buildWithDefaultTheme(Self.content)
        let guide = try item(result, "guide/install/index.html")
        #expect(guide["@type"] as? String == "Article", "\(guide)")
        #expect(guide["headline"] as? String == "Install")
        #expect(guide["description"] as? String == "How to install it.")
        #expect(guide["url"] as? String == "https://example.se/guide/install/")
        #expect(guide["inLanguage"] as? String == "sv")
        #expect(guide["dateModified"] as? String == "2026-02-01")
        #expect(guide["datePublished"] == nil, "a page without a date has no publishing date")
        let authors = try #require(guide["author"] as? [[String: Any]], "\(guide)")
        #expect(authors.count == 1)
        #expect(authors.first?["@type"] as? String == "Person")
        #expect(authors.first?["name"] as? String == "Grace Hopper")
        #expect(authors.first?["url"] as? String == "https://example.org/grace")
        #expect((guide["publisher"] as? [String: Any])?["name"] as? String == "Institutet")
        #expect(guide["member"] == nil)
    }

    @Test func aDatedPostIsABlogPosting() throws {
        let result = try Fixture.buildWithDefaultTheme(Self.content)
        let post = try item(result, "blogg/nytt/index.html")
        #expect(post["@type"] as? String == "BlogPosting", "\(post)")
        #expect(post["datePublished"] as? String == "2026-01-02")
        #expect((post["author"] as? [[String: Any]])?.first?["name"] as? String == "Ada Lovelace")
    }

    @Test func aPageAtTheTopIsAWebPageOfTheSite() throws {
        let result = try Fixture.buildWithDefaultTheme(Self.content)
        let about = try item(result, "om/index.html")
        #expect(about["@type"] as? String == "WebPage", "\(about)")
        #expect(about["headline"] == nil && about["author"] == nil)
        #expect((about["publisher"] as? [String: Any])?["name"] as? String == "Institutet")
    }

    @Test func aSectionsPageIsACollectionOfItsPages() throws {
        let result = try Fixture.buildWithDefaultTheme(Self.content)
        let section = try item(result, "blogg/index.html")
        #expect(section["@type"] as? String == "CollectionPage", "\(section)")
        #expect(section["name"] as? String == "Blogg" && section["author"] == nil)
    }

    /// Without authors, an article is the site's author's; without either, it names none.
    @Test func anArticleWithoutAuthorsIsTheSites() throws {
        let result = try Fixture.buildWithDefaultTheme(Self.content, ["guide/install.md": "---\ntitle: Install\n---\n"])
        let guide = try item(result, "guide/install/index.html")
        #expect((guide["author"] as? [String: Any])?["name"] as? String == "Institutet", "\(guide)")
        let anonymous = try Fixture.buildWithDefaultTheme(
            Self.content, ["site.yaml": Fixture.siteYAML, "guide/install.md": "---\ntitle: Install\n---\n"])
        let unsigned = try item(anonymous, "guide/install/index.html")
        #expect(unsigned["author"] == nil && unsigned["publisher"] == nil, "\(unsigned)")
    }
}
