import Testing

@testable import Markdown

/// A paragraph that is only `[[toc]]` (VitePress) or `[TOC]` (Python-Markdown, MkDocs) is the
/// page's table of contents, as those generators draw it.
@Suite struct ContentsMarkerTests {
    let renderer = MarkdownRenderer()
    let headings = "# Title\n\n## Install\n\n### With npm\n\n#### Flags\n\n## Use `it`\n"

    @Test func vitePressListsLevelsTwoAndThree() {
        let document = renderer.render("[[toc]]\n\n" + headings)
        #expect(
            document.html.hasPrefix(
                "<div class=\"table-of-contents\">\n<ul>\n<li><a href=\"#install\">Install</a>\n<ul>\n"
                    + "<li><a href=\"#with-npm\">With npm</a></li>\n</ul>\n</li>\n"
                    + "<li><a href=\"#use-it\">Use it</a></li>\n</ul>\n</div>\n<h1"), "\(document.html)")
        // The marker is not text to search.
        #expect(!String(decoding: document.plainTextBytes, as: UTF8.self).contains("toc"))
    }

    @Test func pythonMarkdownListsEveryLevelFromTwo() {
        let html = renderer.render(headings + "\n  [TOC]  \n").html
        #expect(html.contains("<li><a href=\"#flags\">Flags</a></li>"), "\(html)")
        #expect(!html.contains("href=\"#title\"") && !html.contains("[TOC]"))
    }

    @Test(arguments: [
        "[toc]", "[TOC] here", "see [[toc]]", "[[toc]] and more", "*[TOC]*", "[TOC]\ntext",
        "[TOC]: https://x.org\n\n[TOC]",
    ])
    func otherParagraphsStayText(markdown: String) {
        let html = renderer.render(markdown + "\n\n## A\n").html
        #expect(!html.contains("table-of-contents"), "\(markdown)")
    }

    /// In a page of the report, whose headings are shifted under the page's own, the levels are
    /// the page's as written.
    @Test func shiftedHeadingsKeepTheirLevels() {
        var options = MarkdownOptions()
        options.headingLevelShift = 1
        let html = MarkdownRenderer(options: options).render("[[toc]]\n\n## A\n\n### B\n\n#### C\n").html
        #expect(html.contains(">A</a>") && html.contains(">B</a>") && !html.contains(">C</a>"), "\(html)")
    }

    @Test func plainCommonMarkHasNoMarkers() {
        var options = MarkdownOptions()
        options.gfm = false
        #expect(MarkdownRenderer(options: options).render("[[toc]]\n").html == "<p>[[toc]]</p>\n")
    }
}
