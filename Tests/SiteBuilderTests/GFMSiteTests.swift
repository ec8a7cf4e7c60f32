import Foundation
import Testing

@testable import SiteBuilder

/// GitHub-flavoured Markdown in a built site: on by default, off with `markdown: {gfm: false}`.
@Suite struct GFMSiteTests {
    static let page = """
        ---
        title: Om
        ---
        ## Bakgrund

        | Sida | Länk |
        |------|:----:|
        | Hem  | [start](_index.md) |
        | Mer  | [ingenting](#bakgrund) |

        Text[^1] och ~~struket~~.

        - [x] Klart med [länk](_index.md)

        [^1]: En fotnot om [bakgrunden](om.md#bakgrund).

        """

    func build(_ changes: [String: String]) throws -> BuildResult {
        var content = Fixture.basic
        for (path, text) in changes { content[path] = text }
        return try Fixture(content: content).build()
    }

    @Test func tablesAndFootnotesRenderAndTheirLinksAreResolved() throws {
        let result = try build(["om.md": Self.page])
        #expect(result.messages == [])
        let html = try #require(result.file("om/index.html"))
        // Aligned by style: the align attribute is obsolete HTML.
        #expect(html.contains("<th style=\"text-align: center\">Länk</th>"))
        #expect(html.contains("<td style=\"text-align: center\"><a href=\"../\">start</a></td>"))
        #expect(html.contains("<del>struket</del>"))
        // The checkbox is named by its item's text.
        #expect(
            html.contains(
                "<li><label><input type=\"checkbox\" checked=\"\" disabled=\"\" /> Klart med <a "
                    + "href=\"../\">länk</a></label></li>"
            ))
        #expect(html.contains("<section class=\"footnotes\">"))
        #expect(html.contains("<li id=\"fn1\">"))
        #expect(!html.contains("om.md"))
    }

    @Test func aBrokenLinkInATableCellIsReportedAtTheCell() throws {
        let page = Self.page.replacingOccurrences(of: "[ingenting](#bakgrund)", with: "[saknas](saknas.md)")
        let result = try build(["om.md": page])
        // Front matter is lines 1-3; the row is line 9, its second cell starts at column 10.
        #expect(result.messages.count == 1)
        #expect(
            result.messages.first?.hasPrefix("Content/om.md:9:10: error: link to 'saknas.md'") == true,
            "\(result.messages)")
    }

    @Test func gfmFalseRendersPlainCommonMark() throws {
        let result = try build([
            "om.md": Self.page,
            "site.yaml": Fixture.siteYAML + "\nmarkdown:\n  gfm: false\n",
        ])
        let html = try #require(result.file("om/index.html"))
        #expect(!html.contains("<table>"))
        #expect(!html.contains("<del>"))
        #expect(!html.contains("footnotes"))
        #expect(html.contains("~~struket~~"))
    }
}
