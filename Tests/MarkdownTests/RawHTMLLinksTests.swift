import Testing

@testable import Markdown

/// Relative addresses in raw HTML read as links are (`MarkdownOptions.htmlLinks`), as GitBook
/// writes its images and card tables.
@Suite struct RawHTMLLinksTests {
    /// Writes `/site/` before each destination it is given.
    struct Hooks: MarkdownHooks {
        func resolve(_ link: MarkdownLink) -> String? { "/site/" + link.destination }
        func render(_ directive: FencedDirective) -> String? { nil }
    }

    func render(_ text: String, htmlLinks: Bool = true) -> MarkdownDocument {
        var options = MarkdownOptions(unsafeHTML: true)
        options.htmlLinks = htmlLinks
        return MarkdownRenderer(options: options).render(text, lineOffset: 2, hooks: Hooks())
    }

    /// `src` of images and `href` of links are given to the hooks, their entities read, and
    /// written back escaped; where each is written is its position.
    @Test func relativeAddressesAreResolved() {
        let doc = render(
            "Text.\n\n<figure><img src=\"../.gitbook/assets/image (1).png\" alt=\"\">\n"
                + "<figcaption></figcaption></figure>\n\nA <a href='x.md?a=1&#x26;b=2#top'>card</a>.\n")
        #expect(
            doc.links.map(\.destination) == ["../.gitbook/assets/image (1).png", "x.md?a=1&b=2#top"])
        #expect(doc.links.map(\.isImage) == [true, false] && doc.links.allSatisfy(\.inHTML))
        #expect(
            doc.links.map(\.position) == [
                SourcePosition(line: 5, column: 19), SourcePosition(line: 8, column: 12),
            ])
        #expect(doc.html.contains("<img src=\"/site/../.gitbook/assets/image%20(1).png\" alt=\"\">"))
        #expect(doc.html.contains("<a href='/site/x.md?a=1&amp;b=2#top'>card</a>"))
    }

    /// Addresses with a scheme, from the root, protocol-relative or a fragment alone stay, and
    /// so does all of it when the option is off or raw HTML is dropped.
    @Test func othersStayAsWritten() {
        let html =
            "<a href=\"https://example.com/\">a</a> <a href=\"/x/\">b</a> <a href=\"#c\">c</a> "
            + "<img src=\"//cdn.example.com/x.png\" alt=\"d\"> <img src=\"data:image/png;base64,AA\" alt=\"e\">\n"
        #expect(render(html).links.isEmpty)
        #expect(render(html).html.contains(html.dropLast()))
        #expect(render("<img src=\"x.png\" alt=\"\">\n", htmlLinks: false).html == "<img src=\"x.png\" alt=\"\">\n")
        var dropped = MarkdownOptions()
        dropped.htmlLinks = true
        #expect(MarkdownRenderer(options: dropped).render("<img src=\"x.png\">\n", hooks: Hooks()).links.isEmpty)
    }

    /// What is a comment or an attribute of another tag is not an address.
    @Test func onlyAddressAttributesOfTheirTags() {
        let doc = render(
            "<!-- <img src=\"a.png\"> -->\n<div src=\"b.png\" data-href=\"c.md\"><img alt=\"x\" src=\"d.png\"></div>\n")
        #expect(doc.links.map(\.destination) == ["d.png"])
    }
}
