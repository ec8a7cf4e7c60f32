import Foundation
import Testing

@testable import SiteBuilder

/// Where a page's summary comes from (`summary:`, else `description:`, else the body before
/// `<!--more-->`) and how the default theme shows its inline Markdown.
@Suite struct SummaryTests {
    func build(_ pages: [String: String]) throws -> BuildResult {
        let content = SiteLanguageTests.content(language: "en").merging(pages) { $1 }
        return try Fixture(content: content, theme: [:]).build { $0.theme = SiteLanguageTests.defaultTheme }
    }

    @Test func theBodyBeforeTheMoreMarkerIsASummaryOfLastResort() throws {
        let result = try build([
            "projects/marked.md":
                "---\ntitle: Marked\ntags: [climate]\n---\nThe **first** words.\n\n<!--more-->\n\nMore.\n",
            "projects/described.md":
                "---\ntitle: Described\ntags: [climate]\ndescription: Its description.\n---\n"
                + "Body words.\n<!--more-->\n",
        ])
        #expect(result.succeeded, "\(result.messages)")
        let listing = try #require(result.file("projects/index.html"))
        #expect(listing.contains("<p class=\"card__summary\">The first words.</p>"), "\(listing)")
        #expect(listing.contains("<p class=\"card__summary\">Its description.</p>"))
        #expect(!listing.contains("Body words."))
        let page = try #require(result.file("projects/marked/index.html"))
        // The page opens with those words: they are not shown twice.
        #expect(!page.contains("class=\"lead\""))
        #expect(page.contains("<strong>first</strong>") && !page.contains("&lt;!--more"))
    }

    @Test func aSummarysInlineMarkdownIsShownAndItsPlainTextDescribesThePage() throws {
        let result = try build([
            "projects/code.md":
                "---\ntitle: Code\ntags: [climate]\nsummary: Returns the `title` &mdash; *fast*.\n---\nX.\n"
        ])
        let page = try #require(result.file("projects/code/index.html"))
        #expect(page.contains("<p class=\"lead\">Returns the <code>title</code> — <em>fast</em>.</p>"), "\(page)")
        // The meta description is the summary as written, as Hugo's is the description.
        #expect(page.contains("<meta name=\"description\" content=\"Returns the `title` &amp;mdash; *fast*.\">"))
        let listing = try #require(result.file("projects/index.html"))
        #expect(listing.contains("<p class=\"card__summary\">Returns the <code>title</code> — <em>fast</em>.</p>"))
    }
}
