import Testing

@testable import Markdown

/// `{ #id .class key=value }` right after an element, as Python-Markdown's attr_list (MkDocs)
/// reads it: the attributes go on the element, the list leaves the text.
@Suite struct InlineAttributesTests {
    let renderer = MarkdownRenderer()

    @Test(arguments: [
        (
            "**`locale`**{ #mkdocs-locale }: the locale",
            #"<strong id="mkdocs-locale"><code>locale</code></strong>: the locale"#
        ),
        ("*a*{: #b .c .d }", #"<em id="b" class="c d">a</em>"#),
        ("`kod`{#k}", #"<code id="k">kod</code>"#),
        (
            #"[Länk](https://example.se){ target="_blank" rel=noopener }"#,
            #"<a target="_blank" rel="noopener" href="https://example.se">Länk</a>"#
        ),
        (
            #"![Karta](karta.png){ width="300" loading=lazy }"#,
            #"<img width="300" loading="lazy" src="karta.png" alt="Karta" />"#
        ),
        // Smart punctuation turns the quotes curly before the list is read: it is read as written.
        (#"![A](a.png){ title='En "karta"' }"#, #"<img title="En &quot;karta&quot;" src="a.png" alt="A" />"#),
        (#"**a**{ data-x="1 2" }"#, #"<strong data-x="1 2">a</strong>"#),
        // Its dashes and dots too: Material's button classes keep their two hyphens.
        (
            ##"[Prenumerera](#){ .md-button .md-button--primary title="Nu... -- eller---sen" }"##,
            ##"<a class="md-button md-button--primary" title="Nu... -- eller---sen" href="#">Prenumerera</a>"##
        ),
        // Written out, as Material's changelog has them.
        (#"*a*{ id="9.7.6" class="c d" }"#, #"<em id="9.7.6" class="c d">a</em>"#),
    ])
    func attributesGoOnTheElementBeforeThem(markdown: String, html: String) {
        let doc = renderer.render(markdown + "\n")
        #expect(doc.html == "<p>" + html + "</p>\n")
        #expect(doc.problems == [])
    }

    /// Alone on a paragraph's last line, the list is the paragraph's, as attr_list's and
    /// goldmark's block attributes read it (Docsy writes `{.display-6}` under its lead).
    @Test func aListOnAParagraphsLastLineIsTheParagraphs() {
        let doc = renderer.render(
            "Inledning med [länk](x.md){ .l }.\n{: #intro .lead--stor }\n\n- tät\n  {.x}\n\nText {.y}\n")
        #expect(
            doc.html.hasPrefix(
                #"<p id="intro" class="lead--stor">Inledning med <a class="l" href="x.md">länk</a>."# + "\n</p>\n"),
            "\(doc.html)")
        #expect(doc.htmlAnchors.contains("intro"))
        #expect(!String(decoding: doc.plainTextBytes, as: UTF8.self).contains("intro"))
        // A tight list's item has no <p> to carry it; a list after text on its line is text.
        #expect(doc.html.contains("<li>tät\n{.x}</li>"))
        #expect(doc.html.contains("<p>Text {.y}</p>"))
        #expect(doc.problems == [])
    }

    /// Raw HTML inside an element written out with its attributes is noted before the element's
    /// nodes are freed (the property test found the dangling pointer).
    @Test func rawHTMLInsideAnElementWithAttributesIsStillNoted() {
        let doc = renderer.render("Text <b>fet</b>\n{.a}\n\n*<i>b</i>*{.c}\n")
        #expect(
            doc.html == "<p class=\"a\">Text <!-- raw HTML omitted -->fet<!-- raw HTML omitted -->\n</p>\n"
                + "<p><em class=\"c\"><!-- raw HTML omitted -->b<!-- raw HTML omitted --></em></p>\n", "\(doc.html)")
        #expect(doc.droppedHTML.map(\.line) == [1, 1, 4, 4])
    }

    @Test(arguments: [
        "Text {#a} here", // after text, not an element
        "**a** {#b}", // a space between
        "**a**{b}", // no #, . or =
        "**a**{#}", // an empty id
        "**a**{ x=\"open }", // an unclosed quote
        "**a**{#b", // no closing brace
    ])
    func anythingElseStaysText(markdown: String) {
        let doc = renderer.render(markdown + "\n")
        #expect(doc.html.contains("{"))
        #expect(!doc.html.contains("id="))
    }

    @Test func theListLeavesTheTextAndItsIDIsAnAnchor() {
        let doc = renderer.render("Välj **språk**{ #sprak } nu.\n")
        #expect(String(decoding: doc.plainTextBytes, as: UTF8.self) == "Välj språk nu.\n")
        #expect(doc.htmlAnchors == ["sprak"])
    }

    @Test func linksInsideTheElementAreResolvedFirst() {
        struct Hooks: MarkdownHooks {
            func resolve(_ link: MarkdownLink) -> String? { "../" + link.destination.dropLast(3) + "/" }
            func render(_ directive: FencedDirective) -> String? { nil }
        }
        let doc = renderer.render("**[Om](om.md)**{ #om }\n", hooks: Hooks())
        #expect(doc.html == #"<p><strong id="om"><a href="../om/">Om</a></strong></p>"# + "\n")
    }

    @Test func anIDUsedTwiceIsAnErrorAndOnlyTheFirstGetsIt() {
        let doc = renderer.render("## Mål\n\n*a*{#mål} och *b*{#b} *c*{#b}\n", lineOffset: 3)
        #expect(
            doc.problems.map(\.message) == [
                "id 'mål' is already used on this page", "id 'b' is already used on this page",
            ])
        #expect(
            doc.problems.map(\.position) == [SourcePosition(line: 6, column: 4), SourcePosition(line: 6, column: 26)])
        #expect(!doc.problems.contains { $0.isWarning })
        #expect(doc.html.contains(#"<em>a</em> och <em id="b">b</em> <em>c</em>"#))
    }

    @Test func attributesNotAllowedAreLeftOutWithAWarning() {
        let doc = renderer.render(#"![A](a.png){ align=left onclick="x()" width=9 }"# + "\n")
        #expect(doc.html == #"<p><img width="9" src="a.png" alt="A" /></p>"# + "\n")
        #expect(doc.problems.map(\.message) == ["attributes 'align', 'onclick' left out"])
        #expect(doc.problems.allSatisfy { $0.isWarning })
        // Each element takes what is valid HTML on it: a width is an image's, a target a link's.
        let strong = renderer.render("**a**{ width=3 target=_blank lang=en }\n")
        #expect(strong.html == #"<p><strong lang="en">a</strong></p>"# + "\n")
        #expect(strong.problems.map(\.message) == ["attributes 'width', 'target' left out"])
        #expect(
            strong.problems.map(\.hint) == [
                "allowed on <strong>: #id, .class, dir, lang, title, data-*; style it with a class, or set "
                    + "markdown.unsafeHTML: true"
            ])
        // With raw HTML on, any attribute but a script's.
        let unsafe = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true))
            .render(#"![A](a.png){ align=left onclick="x()" }"# + "\n")
        #expect(unsafe.html == #"<p><img align="left" src="a.png" alt="A" /></p>"# + "\n")
        #expect(unsafe.problems.map(\.message) == ["attribute 'onclick' left out"])
    }

    @Test func idsTakeTheDocumentsPrefix() {
        let doc = MarkdownRenderer(options: MarkdownOptions(headingIDPrefix: "sida-")).render("*a*{#b}\n")
        #expect(doc.html == #"<p><em id="sida-b">a</em></p>"# + "\n")
        #expect(doc.htmlAnchors == ["b"])
    }
}
