import Foundation
import Testing

@testable import SiteBuilder

/// A page without a summary is summarised by its first paragraph where summaries are shown (its
/// card, its description, the feed), as Jekyll, Docusaurus and Hugo do; a summary cut from the
/// content is not shown again above it.
@Suite struct PageSummaryTests {
    static let defaultTheme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes/default")

    func build(_ pages: [String: String]) throws -> BuildResult {
        var content = Fixture.basic
        for (path, text) in pages { content[path] = text }
        let result = try Fixture(content: content, theme: [:]).build { $0.theme = Self.defaultTheme }
        #expect(result.succeeded, "\(result.messages)")
        return result
    }

    func main(_ html: String) -> String {
        String(html[html.range(of: "<main")!.lowerBound..<html.range(of: "</main>")!.upperBound])
    }

    @Test func theFirstParagraphSummarisesAPageWithoutASummary() throws {
        let result = try build([
            "projekt/utan.md":
                "---\ntitle: Utan\ntags: [cirkulär]\n---\n## Bakgrund\n\nFörsta stycket, 3 < 4, *sidan*.\n\nAndra.\n"
        ])
        let listing = try #require(result.file("projekt/index.html"))
        #expect(listing.contains("<p class=\"card__summary\">Första stycket, 3 &lt; 4, sidan.</p>"), "\(listing)")
        let page = try #require(result.file("projekt/utan/index.html"))
        #expect(page.contains("<meta name=\"description\" content=\"Första stycket, 3 &lt; 4, sidan.\">"))
        // Shown once, where it is written.
        #expect(!main(page).contains("class=\"lead\""))
        #expect(main(page).components(separatedBy: "Första stycket").count == 2)
        let feed = try #require(result.file("feed.xml"))
        #expect(feed.contains("<summary>Första stycket, 3 &lt; 4, sidan.</summary>"))
    }

    @Test func theTextBeforeMoreIsTheSummaryNotALead() throws {
        let result = try build([
            "projekt/mer.md": "---\ntitle: Mer\ntags: [cirkulär]\n---\nInledningen.\n\n<!--more-->\n\nResten.\n"
        ])
        #expect(try #require(result.file("projekt/index.html")).contains("<p class=\"card__summary\">Inledningen.</p>"))
        let page = main(try #require(result.file("projekt/mer/index.html")))
        #expect(!page.contains("class=\"lead\""))
        #expect(page.contains("<p>Inledningen.</p>\n<p>Resten.</p>"), "\(page)")
    }

    @Test func aWrittenSummaryIsTheLead() throws {
        for field in ["summary", "description", "excerpt"] {
            let result = try build([
                "projekt/egen.md": "---\ntitle: Egen\ntags: [cirkulär]\n\(field): Skriven *själv*.\n---\nTexten.\n"
            ])
            let page = main(try #require(result.file("projekt/egen/index.html")))
            #expect(page.contains("<p class=\"lead\">Skriven <em>själv</em>.</p>"), "\(field): \(page)")
            #expect(
                try #require(result.file("projekt/index.html")).contains(
                    "<p class=\"card__summary\">Skriven <em>själv</em>.</p>"), "\(field)")
        }
    }

    @Test func aSectionWithoutASummaryIsSummarisedByItsPage() throws {
        let result = try build([
            "projekt/stad/_index.md": "---\ntitle: Stad\n---\nProjekt i staden.\n",
            "projekt/stad/park.md": "---\ntitle: Park\ntags: [cirkulär]\nsummary: En park.\n---\n",
        ])
        let listing = try #require(result.file("projekt/index.html"))
        #expect(listing.contains("Projekt i staden."), "\(listing)")
    }
}
