import CCmark
import Foundation
import Testing

@testable import Markdown

/// GitHub-flavoured Markdown beyond the spec's examples: how it meets the rest of the renderer.
@Suite struct GFMTests {
    let renderer = MarkdownRenderer(options: MarkdownOptions(headingAnchorLabel: "Länk"))

    @Test func smartPunctuationNeverTouchesTheDelimiterRowOrCode() {
        let html = renderer.render("a -- b | `c -- d`\n--- | :---:\n\"e\" | f...\n").html
        #expect(html.contains("<th>a – b</th>"))
        #expect(html.contains("<th align=\"center\"><code>c -- d</code></th>"))
        #expect(html.contains("<td>“e”</td>"))
        #expect(html.contains("<td align=\"center\">f…</td>"))
        #expect(!html.contains("—"))
        #expect(!html.contains("<p>"))
    }

    @Test func aTableRightAboveDashesIsATableAndARuleNotAHeading() {
        let doc = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n---\n\nTitel\n---\n")
        #expect(doc.html.hasPrefix("<table>\n<thead>"))
        #expect(doc.html.contains("<td>2</td>\n</tr>\n</tbody>\n</table>\n<hr />\n"))
        #expect(doc.headings.map(\.text) == ["Titel"])
        #expect(!doc.html.contains("—"))
    }

    @Test func tablesInListItemsAndBlockQuotes() {
        let list = renderer.render("- item\n\n  | a | b |\n  | - | - |\n  | 1 | 2 |\n").html
        #expect(
            list.contains(
                "<li>\n<p>item</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>"
                    + "\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n</li>"
            ))
        let quote = renderer.render("> Text before\n> | a |\n> | - |\n> | 1 |\n").html
        #expect(quote.contains("<blockquote>\n<p>Text before</p>\n<table>"))
        #expect(quote.contains("<td>1</td>"))
    }

    @Test func linksInTableCellsKeepTheirPositionAndAreResolved() {
        struct Hooks: MarkdownHooks {
            func resolve(_ link: MarkdownLink) -> String? { link.destination == "om.md" ? "/om/" : nil }
            func render(_ directive: FencedDirective) -> String? { nil }
        }
        let doc = renderer.render(
            "Intro\n\n| Sida | Länk |\n|---|---|\n| Om | [om](om.md) |\n", lineOffset: 2, hooks: Hooks())
        #expect(doc.links.count == 1)
        #expect(doc.links.first?.position == SourcePosition(line: 7, column: 8))
        #expect(doc.html.contains("<td><a href=\"/om/\">om</a></td>"))
    }

    @Test func referenceLinksWorkInCellsAndInTheParagraphBeforeATable() {
        let html = renderer.render("See [home][].\n| a |\n| - |\n| [home][] |\n\n[home]: https://example.org/\n").html
        #expect(html.contains("<p>See <a href=\"https://example.org/\">home</a>.</p>"))
        #expect(html.contains("<td><a href=\"https://example.org/\">home</a></td>"))
    }

    @Test func plainTextHasCellsAndFootnotes() {
        let doc = renderer.render(
            "| alfa | beta |\n|---|---|\n| gamma | delta |\n\nText[^1].\n\n[^1]: Fotnotens ord.\n")
        let text = String(decoding: doc.plainTextBytes, as: UTF8.self)
        for word in ["alfa", "beta", "gamma", "delta", "Fotnotens ord."] { #expect(text.contains(word)) }
        #expect(!text.contains("alfabeta"))
    }

    @Test func footnoteIdsTakeTheHeadingPrefixAndLinksInFootnotesAreResolved() {
        struct Hooks: MarkdownHooks {
            func resolve(_ link: MarkdownLink) -> String? { "/resolved/" }
            func render(_ directive: FencedDirective) -> String? { nil }
        }
        let prefixed = MarkdownRenderer(options: MarkdownOptions(headingIDPrefix: "sida-"))
        let doc = prefixed.render("Text[^a] och[^a].\n\n[^a]: Se [källan](kalla.md).\n", hooks: Hooks())
        #expect(doc.html.contains("<a href=\"#sida-fn1\" id=\"sida-fnref1\">1</a>"))
        #expect(doc.html.contains("id=\"sida-fnref1-2\""))
        #expect(doc.html.contains("<li id=\"sida-fn1\">"))
        #expect(doc.html.contains("<a href=\"/resolved/\">källan</a>"))
        #expect(doc.links.first?.position.line == 3)
    }

    @Test func footnoteDefinitionsInCodeStayCode() {
        let html = renderer.render("```\n[^1]: not a footnote\n```\n\nText[^1].\n").html
        #expect(html.contains("[^1]: not a footnote"))
        #expect(html.contains("Text[^1]."))
        #expect(!html.contains("footnotes"))
    }

    @Test func strikethroughAndAutolinksStayOutOfCodeAndLinks() {
        let html = renderer.render("`~~a~~ www.example.com` [www.example.com](x) \\~~b~~ ~~c~~\n").html
        #expect(html.contains("<code>~~a~~ www.example.com</code>"))
        #expect(html.contains("<a href=\"x\">www.example.com</a>"))
        #expect(html.contains("~<del>b</del>") == false)
        #expect(html.contains("<del>c</del>"))
    }

    @Test func autolinksInHeadingsKeepHeadingIds() {
        let doc = renderer.render("## Se www.example.com\n")
        // The id is made from the heading's text as written, link or not (GitHub's rules drop the dots).
        #expect(doc.headings.first?.id == "se-wwwexamplecom")
        #expect(doc.html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
    }

    @Test func taskListsInLooseLists() {
        let html = renderer.render("- [x] klart\n\n- [ ] kvar\n").html
        #expect(html.contains("<li>\n<p><input type=\"checkbox\" checked=\"\" disabled=\"\" /> klart</p>\n</li>"))
        #expect(html.contains("<p><input type=\"checkbox\" disabled=\"\" /> kvar</p>"))
    }

    @Test func gfmOffIsPlainLibcmark() {
        let source =
            "| a | b |\n| - | - |\n| 1 | 2 |\n\n~~x~~ www.example.com a@b.se\n\n- [ ] t\n\nText[^1].\n\n[^1]: note\n"
        let flags = CMARK_OPT_SMART
        let expected = String(cString: cmark_markdown_to_html(source, source.utf8.count, flags))
        let plain = MarkdownRenderer(options: MarkdownOptions(gfm: false)).render(source).html
        #expect(plain == expected)
        #expect(renderer.render(source).html != expected)
    }
}
