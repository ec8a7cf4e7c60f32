import Testing

@testable import Markdown

/// pymdownx's fenced blocks (`/// note | Title` … `///`), as FastAPI's docs write their
/// admonitions: the same boxes as MkDocs' indented admonitions, with the text not indented.
@Suite struct PyMdownBlocksTests {
    let renderer = MarkdownRenderer()

    @Test func anAdmonitionWithItsTitleAndText() {
        let html = renderer.render(
            "Före.\n/// tip | Använd **detta**\n\nText med [länk](a.md).\n\n- ett\n///\nEfter.\n"
        )
        .html
        #expect(
            html
                == "<p>Före.</p>\n<div class=\"markdown-alert markdown-alert-tip admonition tip\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">\nAnvänd <strong>detta</strong>\n</p>\n"
                + "<p>Text med <a href=\"a.md\">länk</a>.</p>\n<ul>\n<li>ett</li>\n</ul>\n</div>\n<p>Efter.</p>\n")
    }

    /// `details` is a box the reader opens, `admonition` takes its type from its options; a type's
    /// own title when there is none.
    @Test func optionsUnderTheFirstLine() {
        var options = MarkdownOptions()
        options.alertTitles = ["warning": "Varning"]
        let render = { MarkdownRenderer(options: options).render($0).html }
        #expect(
            render("/// details | Mer\n    type: warning\n    open: True\n\nDolt.\n///\n")
                == "<details class=\"markdown-alert markdown-alert-warning admonition warning\" open>\n"
                + "<summary class=\"markdown-alert-title\">\nMer\n</summary>\n<p>Dolt.</p>\n</details>\n")
        #expect(
            render("/// admonition\n    type: warning\nText.\n///\n")
                == "<div class=\"markdown-alert markdown-alert-warning admonition warning\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">Varning</p>\n<p>Text.</p>\n</div>\n")
    }

    /// Blocks in blocks (the outer fence longer); a longer fence closes the blocks inside its own;
    /// fenced code inside one is code; a block not closed ends with the page.
    @Test func nestingFencesAndTheEnd() {
        let html = renderer.render(
            "//// note | Yttre\n/// tip | Inre\nEtt.\n///\n```\n///\n```\nTvå.\n////\n\n/// danger\nTre.\n"
        )
        .html
        #expect(
            html
                == "<div class=\"markdown-alert markdown-alert-note admonition note\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">\nYttre\n</p>\n"
                + "<div class=\"markdown-alert markdown-alert-tip admonition tip\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">\nInre\n</p>\n<p>Ett.</p>\n</div>\n"
                + "<pre><code>///\n</code></pre>\n<p>Två.</p>\n</div>\n"
                + "<div class=\"markdown-alert markdown-alert-caution admonition danger\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">Danger</p>\n<p>Tre.</p>\n</div>\n")
        let closesBoth = renderer.render("//// note\n/// tip\nA.\n////\nB.\n").html
        #expect(closesBoth.hasSuffix("<p>A.</p>\n</div>\n</div>\n<p>B.</p>\n"))
    }

    /// A block never closed holds the rest of the page, as pymdownx has it, with a warning at its
    /// first line: a forgotten `///` is the likely mistake.
    @Test func aBlockNeverClosedIsAWarning() {
        let doc = renderer.render(
            "Text.\n\n/// tip | Tänk på\nEtt.\n\n- a\n\n  /// note\n  Två.\n  ///\n", lineOffset: 2)
        #expect(doc.html.hasSuffix("<p>Två.</p>\n</div>\n</li>\n</ul>\n</div>\n"))
        #expect(
            doc.problems == [
                MarkdownProblem(
                    position: SourcePosition(line: 5, column: 1),
                    message: "'/// tip | Tänk på' is not closed, so all that follows it is inside it",
                    hint: "end it with a line of ///", isWarning: true)
            ])
        #expect(renderer.render("/// tip\nA.\n///\n").problems == [])
    }

    @Test func tabsInARowAreOneSet() {
        let html = renderer.render("/// tab | Linux\nA.\n///\n\n/// tab | Mac\n    select: true\nB.\n///\n").html
        #expect(
            html
                == "<div class=\"tabs\">\n<div class=\"tabs__panel\">\n<p class=\"tabs__label\">\nLinux\n</p>\n"
                + "<p>A.</p>\n</div>\n<div class=\"tabs__panel\" data-selected>\n<p class=\"tabs__label\">\n"
                + "Mac\n</p>\n<p>B.</p>\n</div>\n</div>\n")
    }

    /// In a list item's text, and inside an indented admonition.
    @Test func inListItemsAndAdmonitions() {
        let inItem = renderer.render("1.  Steg:\n\n    /// note\n    Text.\n    ///\n").html
        #expect(inItem.hasPrefix("<ol>\n<li>\n<p>Steg:</p>\n<div class=\"markdown-alert markdown-alert-note"))
        #expect(inItem.hasSuffix("<p>Text.</p>\n</div>\n</li>\n</ol>\n"))
        let inAdmonition = renderer.render("!!! note\n    /// tip\n    Inre.\n    ///\n").html
        #expect(inAdmonition.contains("admonition note"))
        #expect(inAdmonition.contains("admonition tip"))
        #expect(inAdmonition.contains("<p>Inre.</p>\n</div>\n</div>"))
    }

    /// Links in a block are reported where they are in the file: no line of text moves.
    @Test func positionsStayWhereTheyAre() {
        let links = renderer.render("/// note | T\n    type: tip\nSe [x](saknas.md).\n///\n", lineOffset: 2).links
        #expect(links.map(\.position) == [SourcePosition(line: 5, column: 4)])
    }

    /// Other names, a line of slashes with nothing open, a fence in code: as written.
    @Test(arguments: ["/// html | div\nText\n///\n", "Text\n///\n", "```\n/// note\n```\n", "//// \n", "/// tip x\n"])
    func anythingElseStaysAsWritten(markdown: String) {
        let html = renderer.render(markdown).html
        #expect(!html.contains("admonition"))
        #expect(html.contains("//"))
    }
}
