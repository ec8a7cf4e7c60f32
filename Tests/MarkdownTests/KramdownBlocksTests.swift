import Testing

@testable import Markdown

/// kramdown's block attribute lists, its `{:toc}` and its Markdown inside HTML, as Jekyll sites
/// write them (`markdown: {kramdown: true}`).
@Suite struct KramdownBlocksTests {
    let renderer: MarkdownRenderer = {
        var options = MarkdownOptions(unsafeHTML: true)
        options.kramdown = true
        return MarkdownRenderer(options: options)
    }()

    /// A list on the line after a heading is the heading's: its id, its classes; `.no_toc` keeps
    /// it out of the page's contents.
    @Test func aListAfterAHeadingIsTheHeadings() {
        let doc = renderer.render("# Knappar\n{: .no_toc }\n\n## Storlek\n{: #size .text-delta }\n\nText.\n")
        #expect(doc.headings.map(\.id) == ["knappar", "size"])
        #expect(doc.headings.map(\.inContents) == [false, true])
        #expect(doc.html.contains("<h1 class=\"no_toc\" id=\"knappar\">"))
        #expect(doc.html.contains("<h2 class=\"text-delta\" id=\"size\">"))
        #expect(!doc.html.contains("{:"))
        #expect(!String(decoding: doc.plainTextBytes, as: UTF8.self).contains("{:"))
    }

    /// Before a block (a quote, code), or on a paragraph's first line, the list is that block's.
    @Test func aListBeforeABlockOrOnAParagraphsFirstLine() {
        let doc = renderer.render("{: .note }\nEn anmärkning.\n\n{: .warning }\n> Citat\n\n```\nkod\n```\n{: .x }\n")
        #expect(doc.html.contains("<p class=\"note\">En anmärkning.</p>"))
        #expect(doc.html.contains("<blockquote class=\"warning\">\n<p>Citat</p>\n</blockquote>"))
        #expect(doc.html.contains("<pre class=\"x\"><code>kod\n</code></pre>"))
        #expect(!doc.html.contains("{:"))
    }

    /// Lists on blocks inside other blocks that have lists are written out inside first.
    @Test func nestedBlocksEachKeepTheirs() {
        let doc = renderer.render("{: .important }\n> {: .opaque }\n> <div>\n> Text\n> </div>\n")
        #expect(doc.html.contains("<blockquote class=\"important\">"))
        #expect(doc.html.contains("<div class=\"opaque\">"))
    }

    /// `1. TOC` with `{:toc}` is kramdown's table of contents: the page's headings, nested, but
    /// those with `.no_toc`.
    @Test func theTableOfContentsList() {
        let doc = renderer.render(
            "## Innehåll\n{: .no_toc }\n\n1. TOC\n{:toc}\n\n## Del & mer\n\n### Under\n\n## Sist\n\n- TOC\n- två\n")
        #expect(
            doc.html.contains(
                "<ol id=\"markdown-toc\">\n<li><a href=\"#del--mer\">Del &amp; mer</a>\n<ol>\n"
                    + "<li><a href=\"#under\">Under</a></li>\n</ol>\n</li>\n"
                    + "<li><a href=\"#sist\">Sist</a></li>\n</ol>\n"))
        #expect(!doc.html.contains("{:toc}"))
        #expect(doc.html.contains("<li>TOC</li>")) // a list of two items is a list
        #expect(doc.headings.map(\.inContents) == [false, true, true, true])
        let bullets = renderer.render("* TOC\n{:toc}\n\n## A\n")
        #expect(bullets.html.hasPrefix("<ul id=\"markdown-toc\">\n<li><a href=\"#a\">A</a></li>\n</ul>\n"))
    }

    /// An HTML element ends at its closing tag, as kramdown ends it: a fence or text right after
    /// `</div>` is Markdown, and the rest of the page with it; lines keep their numbers.
    @Test func htmlEndsAtItsClosingTag() {
        let doc = renderer.render(
            "<div class=\"exempel\">\n<b>Knapp</b>\n</div>\n```html\n<b>Knapp</b>\n\n<i>x</i>\n```\n"
                + "Mer [text][t].\n\n[t]: a.md\n")
        let code =
            "<pre><code class=\"language-html\">&lt;b&gt;Knapp&lt;/b&gt;\n\n&lt;i&gt;x&lt;/i&gt;\n</code></pre>\n"
        #expect(
            doc.html == "<div class=\"exempel\">\n<b>Knapp</b>\n</div>\n" + code
                + "<p>Mer <a href=\"a.md\">text</a>.</p>\n")
        #expect(doc.links.map(\.position) == [SourcePosition(line: 9, column: 5)])
        // After Markdown in HTML the closing tag stands alone, and what follows is Markdown.
        let inside = renderer.render("\n<div markdown=\"1\">\n*a*\n</div>\n```\nkod\n```\n")
        let spaces = String(repeating: " ", count: " markdown=\"1\"".count)
        #expect(inside.html == "<div\(spaces)>\n<p><em>a</em></p>\n</div>\n<pre><code>kod\n</code></pre>\n")
    }

    /// `markdown="1"` is not HTML: it goes wherever it is, but not from code.
    @Test func theMarkdownAttributeGoes() {
        let doc = renderer.render("> <span markdown=\"span\">x</span>\n\nSkriv `<div markdown=\"1\">`.\n")
        #expect(doc.html.contains("<span\(String(repeating: " ", count: " markdown=\"span\"".count))>x</span>"))
        #expect(doc.html.contains("<code>&lt;div markdown=&quot;1&quot;&gt;</code>"))
    }

    /// `markdown="1"` makes the HTML's lines Markdown, and the attribute (not HTML) goes; the
    /// lines keep their numbers.
    @Test func markdownInsideHTML() {
        let doc = renderer.render("Intro.\n\n<div class=\"exempel\" markdown=\"1\">\n[Länk](a.md){: .btn }\n</div>\n")
        #expect(doc.html.contains("<a class=\"btn\" href=\"a.md\">Länk</a>"))
        #expect(!doc.html.contains("markdown="))
        #expect(doc.links.map(\.position) == [SourcePosition(line: 4, column: 1)])
    }

    /// Without the setting a list alone in a paragraph is text, as CommonMark reads it.
    @Test func offByDefault() {
        let doc = MarkdownRenderer().render("# A\n{: .no_toc }\n")
        #expect(doc.html.contains("<p>{: .no_toc }</p>"))
        #expect(doc.headings.map(\.inContents) == [true])
    }
}
