import Foundation
import PropertyBased
import Testing
@testable import Markdown

/// Random Markdown made of the characters that matter to parsers never crashes the bridge, and
/// safe mode never lets a tag through.
@Suite struct MarkdownPropertyTests {
    static let pieces = ["#", "## ", "*", "_", "`", "```", "```tabell data=x\n", ">", "> ", "- ", "1. ", "[", "]", "(", ")",
                         "![", "<", ">", "<script>", "</script>", "<img src=x onerror=alert(1)>", "javascript:", "&", "\"",
                         "'", "\n", "\n\n", "\r\n", "\t", " ", "    ", "å", "ä", "ö", "é", "\u{0}", "\u{FEFF}", "\u{202E}",
                         "a", "Göteborg", "1", "|", "\\", "---", "~~~", "<!--", "-->", "http://x", "[x]: /y", "&#0;", "&lt;"]
    static let markdown = Gen.element(of: pieces).map { $0 ?? "" }.array(of: 0...120).map { $0.joined() }

    struct Hooks: MarkdownHooks {
        func resolve(_ link: MarkdownLink) -> String? { link.destination.hasSuffix(".md") ? "../x/" : nil }
        func render(_ directive: FencedDirective) -> String? { directive.name == "tabell" ? "<table></table>" : nil }
    }

    @Test func rendersAnythingSafely() async {
        let renderer = MarkdownRenderer(options: MarkdownOptions(headingAnchorLabel: "Länk"))
        await propertyCheck(count: 400, input: Self.markdown) { text in
            let doc = renderer.render(text, lineOffset: 3, hooks: Hooks())
            // No tag the input wrote gets through: only escaped text (&lt;script&gt;) may remain.
            #expect(!doc.html.contains("<script"))
            #expect(doc.html.range(of: "<[^>]*onerror", options: .regularExpression) == nil)
            #expect(!doc.html.contains("href=\"javascript:"))
            #expect(Set(doc.headings.map(\.id)).count == doc.headings.count)
            #expect(doc.headings.allSatisfy { $0.position.line > 3 })
            #expect(doc.links.allSatisfy { $0.position.column >= 1 })
        }
    }

    @Test func slugsAreAlwaysASCII() async {
        await propertyCheck(count: 400, input: Self.markdown) { text in
            let slug = Slug.make(text)
            #expect(slug.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 })
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"))
        }
    }
}
