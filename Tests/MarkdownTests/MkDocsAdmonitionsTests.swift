import Testing

@testable import Markdown

/// MkDocs' admonitions (`!!! note "Title"` and the collapsible `???`) as an MkDocs tree has them:
/// titled boxes of the alert kind they look like, their text parsed as any Markdown.
@Suite struct MkDocsAdmonitionsTests {
    let renderer = MarkdownRenderer()

    @Test func aTitledBoxWhoseTextIsMarkdown() {
        let doc = renderer.render(
            "Före.\n\n!!! warning \"Sista *dag*\"\n    Läs **detta**.\n\n        kod\n\n"
                + "    - ett\n    - två\n\nEfter.\n")
        #expect(
            doc.html
                == "<p>Före.</p>\n"
                + "<div class=\"markdown-alert markdown-alert-warning admonition warning\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">\nSista <em>dag</em>\n</p>\n<p>Läs <strong>detta</strong>.</p>\n"
                + "<pre><code>kod\n</code></pre>\n<ul>\n<li>ett</li>\n<li>två</li>\n</ul>\n</div>\n<p>Efter.</p>\n")
    }

    /// A type that is an alert kind is titled in the page's language; another (Material's
    /// `danger`, `example`) by its name, as MkDocs does; `""` is no title. Extra classes are kept.
    @Test func titlesAndKinds() {
        var options = MarkdownOptions()
        options.alertTitles = ["note": "Observera"]
        let render = { MarkdownRenderer(options: options).render($0).html }
        #expect(
            render("!!! note\n    Text.\n")
                == "<div class=\"markdown-alert markdown-alert-note admonition note\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">Observera</p>\n<p>Text.</p>\n</div>\n")
        #expect(
            render("!!! danger highlight\n    Text.\n")
                == "<div class=\"markdown-alert markdown-alert-caution admonition danger highlight\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">Danger</p>\n<p>Text.</p>\n</div>\n")
        #expect(
            render("!!! example \"\"\n    Text.\n")
                == "<div class=\"markdown-alert markdown-alert-note admonition example\" role=\"note\">\n"
                + "<p>Text.</p>\n</div>\n")
        #expect(
            render("!!! tip \"A & [B](b.md)\"\n    Text.\n").contains(
                "<p class=\"markdown-alert-title\">\nA &amp; <a href=\"b.md\">B</a>\n</p>\n<p>Text.</p>"))
    }

    @Test func collapsibleOnesAreDetails() {
        #expect(
            renderer.render("??? question \"Varför?\"\n    Därför.\n").html
                == "<details class=\"markdown-alert markdown-alert-note admonition question\">\n"
                + "<summary class=\"markdown-alert-title\">\nVarför?\n</summary>\n<p>Därför.</p>\n</details>\n")
        #expect(
            renderer.render("???+ tip\n    Öppen.\n").html.hasPrefix(
                "<details class=\"markdown-alert markdown-alert-tip admonition tip\" open>\n"
                    + "<summary class=\"markdown-alert-title\">Tip</summary>"))
    }

    /// Admonitions in admonitions; a fence inside one; an admonition shown in a fence is code.
    @Test func nestingAndFences() {
        let html = renderer.render(
            "!!! note \"Yttre\"\n    Ett.\n\n    !!! tip \"Inre\"\n        Två.\n\n    ```\n    !!! kod\n    ```\n\n"
                + "```\n!!! note\n    inte en ruta\n```\n"
        ).html
        #expect(
            html
                == "<div class=\"markdown-alert markdown-alert-note admonition note\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">\nYttre\n</p>\n<p>Ett.</p>\n"
                + "<div class=\"markdown-alert markdown-alert-tip admonition tip\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">\nInre\n</p>\n<p>Två.</p>\n</div>\n"
                + "<pre><code>!!! kod\n</code></pre>\n</div>\n"
                + "<pre><code>!!! note\n    inte en ruta\n</code></pre>\n")
    }

    /// CommonMark's fence rule, the same for every pass: a line of backticks with a backtick after
    /// them is inline code, not a fence (so what follows is read); a fence indented four columns
    /// (a tab) is none either.
    @Test func fencesAsCommonMarkHasThem() {
        let afterInlineCode = renderer.render("```kod``` i text\n\n!!! tip\n    Text.\n").html
        #expect(afterInlineCode.contains("admonition tip"))
        let afterTabbed = renderer.render("Stycke\n\t```\n!!! tip\n    Text.\n").html
        #expect(afterTabbed.contains("admonition tip"))
        #expect(!renderer.render("  ```\n!!! tip\n    Text.\n  ```\n").html.contains("admonition"))
        #expect(renderer.render("```a``` b\n\nTerm\n: Def\n").html.contains("<dl>"))
    }

    /// What is not one stays as written: no type, a type that is no word, text not indented.
    @Test(arguments: ["!!!\n    Text\n", "!!! \"Titel\"\n    Text\n", "!!! no/te\n    Text\n", "Se !!! note\n"])
    func anythingElseStaysText(markdown: String) {
        #expect(!renderer.render(markdown).html.contains("admonition"))
    }

    /// Inside a list item, where the item's text starts (Material's docs number their steps and
    /// put admonitions and tabs in them): in the item, its text indented four columns past that.
    @Test func inAListItem() {
        let html = renderer.render(
            "1.  Steg ett:\n\n    !!! note \"Obs\"\n        Text.\n\n2.  Steg två\n\n- a\n\n  ??? tip\n      Dold.\n"
        )
        .html
        #expect(
            html
                == "<ol>\n<li>\n<p>Steg ett:</p>\n"
                + "<div class=\"markdown-alert markdown-alert-note admonition note\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">\nObs\n</p>\n<p>Text.</p>\n</div>\n</li>\n"
                + "<li>\n<p>Steg två</p>\n</li>\n</ol>\n<ul>\n<li>\n<p>a</p>\n"
                + "<details class=\"markdown-alert markdown-alert-tip admonition tip\">\n"
                + "<summary class=\"markdown-alert-title\">Tip</summary>\n<p>Dold.</p>\n</details>\n</li>\n</ul>\n")
        let tabs = renderer.render(
            "1.  Välj:\n\n    === \"Linux\"\n\n        ``` sh\n        ls\n        ```\n\n"
                + "    === \"Mac\"\n        Text.\n"
        )
        .html
        #expect(tabs.hasPrefix("<ol>\n<li>\n<p>Välj:</p>\n<div class=\"tabs\">\n<div class=\"tabs__panel\">"))
        #expect(tabs.contains("<code class=\"language-sh\">ls\n</code>"))
        #expect(tabs.components(separatedBy: "tabs__panel\"").count == 3)
    }

    /// In a definition's text (Material's docs describe each option so, with tabs of examples).
    @Test func inADefinition() {
        let html = renderer.render("`highlight`\n\n:   Var det sker:\n\n    === \"Nu\"\n        Text.\n").html
        #expect(
            html.hasPrefix(
                "<dl>\n<dt>\n<code>highlight</code>\n</dt>\n<dd>\n<p>Var det sker:</p>\n<div class=\"tabs\">"))
    }

    /// Not in a list item: indented code at the top; a line past the item's text by four columns;
    /// a fence in an item, which is code; after the item has ended.
    @Test(arguments: [
        "    !!! note\n        Kod.\n", "- a\n\n      !!! note\n          Kod.\n",
        "- a\n\n  ```\n  !!! note\n      Kod.\n  ```\n", "- a\n```\n  !!! note\n      Kod.\n```\n",
    ])
    func notInAListItem(markdown: String) {
        #expect(!renderer.render(markdown).html.contains("admonition"))
    }

    /// An admonition with no indented text is a warning: the likely mistake is the missing
    /// indentation. (MkDocs shows it empty; here the paragraph right after it continues its first
    /// line, as in any block quote, and the next one is outside.)
    @Test func noTextIsAWarning() {
        let doc = renderer.render("Före.\n\n!!! tip \"Kom ihåg\"\nInte indragen.\n\nEfter.\n", lineOffset: 1)
        #expect(
            doc.html.hasSuffix(
                "<p class=\"markdown-alert-title\">\nKom ihåg\n</p>\n<p>Inte indragen.</p>\n</div>\n<p>Efter.</p>\n"))
        #expect(
            doc.problems == [
                MarkdownProblem(
                    position: SourcePosition(line: 4, column: 1),
                    message: "'!!! tip \"Kom ihåg\"' has no indented text: MkDocs would show it empty",
                    hint: "indent the lines that belong in it by four spaces", isWarning: true)
            ])
        #expect(renderer.render("!!! tip\n    Text.\n").problems == [])
    }

    /// A link in an admonition is reported where it is in the file.
    @Test func positionsStayWhereTheyAre() {
        let links = renderer.render("# R\n\n!!! note\n    Se [x](saknas.md).\n\n\tOch [y](y.md).\n", lineOffset: 3)
            .links
        #expect(links.map(\.position) == [SourcePosition(line: 7, column: 8), SourcePosition(line: 9, column: 6)])
        // A title's: where it was written, though the marker put it elsewhere on its line.
        let titled = renderer.render("!!! note \"Läs [x](x.md)\"\n    T.\n\n/// tip | Se <b>[y](y.md)\nT.\n///\n")
        #expect(
            titled.links.map(\.position) == [SourcePosition(line: 1, column: 15), SourcePosition(line: 4, column: 17)])
        #expect(titled.droppedHTML == [SourcePosition(line: 4, column: 14)])
        // In an admonition indented by a tab, which the outer one rewrote before the title moved.
        let nested = renderer.render("!!! note\n\t!!! tip \"Se [x](x.md)\"\n")
        #expect(nested.links.map(\.position) == [SourcePosition(line: 2, column: 14)])
        #expect(nested.problems.map(\.position) == [SourcePosition(line: 2, column: 2)])
    }
}

/// pymdownx's content tabs: `=== "Title"` blocks in a row are one set of tab panels (the theme's
/// script makes the tab list); without it, each panel shows under its label.
@Suite struct ContentTabsTests {
    let renderer = MarkdownRenderer()

    @Test func tabsInARowAreOneSet() {
        let html = renderer.render(
            "=== \"C\"\n\n    ```c\n    int x;\n    ```\n\n===+ \"C *plus*\"\n    Text.\n\n"
                + "===! \"Ny\"\n    Annan.\n\nEfter.\n"
        ).html
        #expect(
            html
                == "<div class=\"tabs\">\n<div class=\"tabs__panel\">\n<p class=\"tabs__label\">\nC\n</p>\n"
                + "<pre><code class=\"language-c\">int x;\n</code></pre>\n</div>\n"
                + "<div class=\"tabs__panel\" data-selected>\n<p class=\"tabs__label\">\nC <em>plus</em>\n</p>\n"
                + "<p>Text.</p>\n</div>\n</div>\n"
                + "<div class=\"tabs\">\n<div class=\"tabs__panel\">\n<p class=\"tabs__label\">\nNy\n</p>\n"
                + "<p>Annan.</p>\n</div>\n</div>\n<p>Efter.</p>\n")
    }

    @Test(arguments: ["===\n", "Rubrik\n===\n", "=== Utan citattecken\n    Text\n", "=== \"\"\n    Text\n"])
    func anythingElseIsNoTab(markdown: String) {
        #expect(!renderer.render(markdown).html.contains("tabs"))
    }
}
