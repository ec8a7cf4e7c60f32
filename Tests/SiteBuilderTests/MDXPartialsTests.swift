import Testing

@testable import SiteBuilder

/// Docusaurus' partials: a Markdown file a page imports as a component (`import Note from
/// './_note.md'`) is put in where the page writes `<Note />`, as Docusaurus puts it in.
@Suite struct MDXPartialsTests {
    static let markdown = "\nmarkdown:\n  mdx: true\n  includes: .\n  unsafeHTML: true\n"

    static let content: [String: String] = [
        "guide.md": """
        ---
        title: Guide
        ---
        import Note from './delar/_note.md';
        import Tabs from '@theme/Tabs';

        Before.

        <Note />

        ```jsx
        <Note />
        ```
        """,
        // A partial with front matter, a link from its own folder, and a partial of its own.
        "delar/_note.md": """
        ---
        title: Not shown
        ---
        import Inner from './_inner.mdx';

        :::info

        See [the guide](../guide.md) first.

        :::

        <Inner name="x" />
        """,
        "delar/_inner.mdx": "Inner text.\n",
    ]

    func build(_ changes: [String: String] = [:]) throws -> BuildResult {
        var content = Fixture.basic.merging(Self.content) { $1 }
        content["site.yaml"] = Fixture.siteYAML + Self.markdown
        return try Fixture(content: content.merging(changes) { $1 }).build()
    }

    @Test func aPartialIsPutInWhereItsComponentIs() throws {
        let result = try build()
        #expect(result.succeeded, "\(result.messages)")
        let page = try #require(result.file("guide/index.html"))
        #expect(page.contains("<p>Before.</p>"), "\(page)")
        #expect(page.contains("markdown-alert-info") || page.contains("admonition"), "\(page)")
        // Its link is from its own folder; its own partial is put in too; its front matter is not shown.
        #expect(page.contains("See <a href=\"../guide/\">the guide</a> first."), "\(page)")
        #expect(page.contains("<p>Inner text.</p>"), "\(page)")
        #expect(!page.contains("Not shown") && !page.contains("title:"), "\(page)")
        // In code, the tag is code.
        #expect(page.contains("&lt;Note /&gt;"), "\(page)")
        #expect(!result.messages.contains { $0.contains("React component") }, "\(result.messages)")
        // A partial is no page of its own.
        #expect(result.file("delar/_note/index.html") == nil)
    }

    /// A component imported from elsewhere is a React component, left out as before; a partial
    /// that is not there is an error at its tag.
    @Test func otherComponentsAndMissingPartials() throws {
        let result = try build([
            "guide.md": "---\ntitle: Guide\n---\nimport Note from './_saknas.md';\nimport Card from '@site/Card';\n\n"
                + "<Note />\n\n<Card />\n"
        ])
        #expect(
            result.messages.contains {
                $0.hasPrefix("Content/guide.md:7:1: error: the file './_saknas.md' to include")
            },
            "\(result.messages)")
        #expect(
            result.messages.contains {
                $0.contains("a React component is left out") && $0.contains("(first here; <Card>)")
            },
            "\(result.messages)")
    }

    /// The preview renders again the pages that put in a partial when it changes.
    @Test func thePreviewFollowsAPartial() throws {
        var content = Fixture.basic.merging(Self.content) { $1 }
        content["site.yaml"] = Fixture.siteYAML + Self.markdown
        let page = try Fixture(content: content).previewEdit(
            "delar/_inner.mdx", to: "Changed text.\n", page: "guide/index.html")
        #expect(page?.before.contains("Inner text.") == true)
        #expect(page?.after.contains("Changed text.") == true && page?.after.contains("Inner text.") == false)
    }
}
