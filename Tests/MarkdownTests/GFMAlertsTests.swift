import Testing

@testable import Markdown

/// GitHub's alerts: `> [!NOTE]` and its four siblings become titled boxes as GitHub writes them.
@Suite struct GFMAlertsTests {
    let renderer = MarkdownRenderer()

    @Test(arguments: [
        ("NOTE", "note", "Note"), ("tip", "tip", "Tip"), ("Important", "important", "Important"),
        ("WARNING", "warning", "Warning"), ("CAUTION", "caution", "Caution"),
    ])
    func eachKindIsABoxWithItsTitle(written: String, kind: String, title: String) {
        let doc = renderer.render("> [!\(written)]\n> Läs *detta* först.\n>\n> Andra stycket.\n")
        #expect(
            doc.html
                == "<div class=\"markdown-alert markdown-alert-\(kind)\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">\(title)</p>\n<p>Läs <em>detta</em> först.</p>\n"
                + "<p>Andra stycket.</p>\n</div>\n")
        // The marker is no text a reader searches for.
        #expect(String(decoding: doc.plainTextBytes, as: UTF8.self) == "Läs detta först.\nAndra stycket.\n\n")
    }

    @Test(arguments: [
        "> [!NOTE] Text on the marker's line\n", // GitHub wants the marker alone on its line
        "> [!UNKNOWN]\n> Text\n", "> Text\n> [!NOTE]\n", "[!NOTE]\nText\n", "> [ !NOTE]\n> Text\n",
        "> [!NOTE\n> Text\n",
    ])
    func anythingElseStaysAQuoteOrText(markdown: String) {
        #expect(!renderer.render(markdown).html.contains("markdown-alert"))
    }

    @Test func titlesInTheSitesLanguageAndAlertsInsideAlerts() {
        var options = MarkdownOptions()
        options.alertTitles = ["warning": "Varning"]
        let doc = MarkdownRenderer(options: options).render("> [!WARNING]\n> Yttre.\n>\n> > [!TIP]\n> > Inre.\n")
        #expect(
            doc.html
                == "<div class=\"markdown-alert markdown-alert-warning\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">Varning</p>\n<p>Yttre.</p>\n"
                + "<div class=\"markdown-alert markdown-alert-tip\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">Tip</p>\n<p>Inre.</p>\n</div>\n</div>\n")
    }

    @Test func linksAndHeadingsInAnAlertWorkAsAnywhere() {
        struct Hooks: MarkdownHooks {
            func resolve(_ link: MarkdownLink) -> String? { "../" + link.destination.dropLast(3) + "/" }
            func render(_ directive: FencedDirective) -> String? { nil }
        }
        let doc = renderer.render("> [!TIP]\n> Se [sidan](sida.md).\n", lineOffset: 4, hooks: Hooks())
        #expect(doc.html.contains(#"<p>Se <a href="../sida/">sidan</a>.</p>"#))
        #expect(doc.links.map(\.position) == [SourcePosition(line: 6, column: 6)])
    }

    @Test func withoutGFMAnAlertIsAQuote() {
        let doc = MarkdownRenderer(options: MarkdownOptions(gfm: false)).render("> [!NOTE]\n> Text\n")
        #expect(doc.html == "<blockquote>\n<p>[!NOTE]\nText</p>\n</blockquote>\n")
    }
}
