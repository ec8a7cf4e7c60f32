import Testing

@testable import Markdown

/// A summary's inline Markdown, as Hugo's themes `markdownify` a description.
@Suite struct InlineMarkdownTests {
    @Test(arguments: [
        ("Returns the `title` property.", "Returns the <code>title</code> property."),
        ("Uses **bold** and *emphasis*.", "Uses <strong>bold</strong> and <em>emphasis</em>."),
        ("Docsy &mdash; a theme", "Docsy — a theme"),
        ("See [the guide](guide.md) and ![a map](map.png).", "See the guide and a map."),
        ("Code `<b>` & <i>raw</i>", "Code <code>&lt;b&gt;</code> &amp; &lt;i&gt;raw&lt;/i&gt;"),
        ("**`nested`** text", "<strong><code>nested</code></strong> text"),
    ])
    func markupBecomesHTML(_ text: String, _ html: String) {
        #expect(InlineMarkdown.html(text) == html)
    }

    /// Text whose Markdown changes nothing is left to the template (nil): no parse, no new bytes.
    @Test(arguments: [
        "Plain words only.", "A & B, and C's", "snake_case_name", "[1] a footnote-like mark", "  spaced  ",
        "1. a `list` here", "# a *heading*", "- an *item*", "> a *quote*",
    ])
    func textWithoutInlineMarkdownIsLeftAsItIs(_ text: String) {
        #expect(InlineMarkdown.html(text) == nil)
    }
}
