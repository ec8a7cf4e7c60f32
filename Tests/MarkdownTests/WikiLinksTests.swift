import Testing

@testable import Markdown

/// GitHub's (Gollum's) wiki links as a wiki's pages write them, read as Markdown links.
@Suite struct WikiLinksTests {
    let renderer: MarkdownRenderer = {
        var options = MarkdownOptions()
        options.wikiLinks = true
        return MarkdownRenderer(options: options)
    }()

    @Test(arguments: [
        ("[[Getting Started]]", #"<a href="Getting-Started">Getting Started</a>"#),
        ("[[the setup|Getting Started#setup]]", #"<a href="Getting-Started#setup">the setup</a>"#),
        ("[[Site|https://example.org/a b]]", #"<a href="https://example.org/a%20b">Site</a>"#),
        // A colon in a page's name makes no URL scheme of it.
        ("[[Cluster management: tips]]", #"<a href="./Cluster-management:-tips">Cluster management: tips</a>"#),
        ("[[images/logo.png|frame|alt=The logo]]", #"<img src="images/logo.png" alt="The logo" />"#),
        ("[[a [b]|X]]", "[[a [b]|X]]"),
        ("[[x] y]]", "[[x] y]]"),
        ("[[]]", "[[]]"),
        ("[[Text [1]|Page]]", "[[Text [1]|Page]]"),
    ])
    func wikiLinksAreLinks(_ written: String, _ html: String) {
        #expect(renderer.render(written + "\n").html == "<p>" + html + "</p>\n", "\(written)")
    }

    @Test func codeIsCode() {
        let html = renderer.render("`[[Home]]` and\n\n```\n[[Home]]\n```\n").html
        #expect(html == "<p><code>[[Home]]</code> and</p>\n<pre><code>[[Home]]\n</code></pre>\n", "\(html)")
    }

    @Test func gollumsContentsMarkerListsTheHeadings() {
        let html = renderer.render("[[_TOC_]]\n\n## One\n\n### Two\n").html
        #expect(html.hasPrefix("<div class=\"table-of-contents\">\n<ul>\n<li><a href=\"#one\">One</a>"), "\(html)")
    }

    @Test func withoutTheSettingTheyAreText() {
        #expect(MarkdownRenderer().render("[[Home]]\n").html == "<p>[[Home]]</p>\n")
    }
}
