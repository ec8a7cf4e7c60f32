import Testing

@testable import Markdown

/// GitBook's blocks, as a space synced to Git writes them (`markdown: {gitbook: true}`): read
/// as the admonitions, tabs and titled code they are; lines keep their numbers.
@Suite struct GitBookBlocksTests {
    let renderer: MarkdownRenderer = {
        var options = MarkdownOptions()
        options.gitbook = true
        return MarkdownRenderer(options: options)
    }()

    /// A hint is an admonition of its style; one with no style (or one GitBook does not have) is info.
    @Test func aHintIsAnAdmonitionOfItsStyle() {
        let html = renderer.render(
            "{% hint style=\"danger\" %}\nDo **not**.\n{% endhint %}\n\n{% hint %}\nNote.\n{% endhint %}\n"
        ).html
        #expect(
            html
                == "<div class=\"markdown-alert markdown-alert-caution admonition danger\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">Danger</p>\n<p>Do <strong>not</strong>.</p>\n</div>\n"
                + "<div class=\"markdown-alert markdown-alert-note admonition info\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">Info</p>\n<p>Note.</p>\n</div>\n")
    }

    /// Tabs are content tabs under their titles; a hint inside a tab stays inside it (the outer
    /// block's fence is longer); a second `{% tabs %}` right after is a set of its own.
    @Test func tabsAreASetAndNestedBlocksStayInside() {
        let html = renderer.render(
            """
            {% tabs %}
            {% tab title="npm" %}
            {% hint style="success" %}
            Inside.
            {% endhint %}
            {% endtab %}

            {% tab title="yarn" %}
            Yarn.
            {% endtab %}
            {% endtabs %}

            {% tabs %}
            {% tab title="A" %}
            Second set.
            {% endtab %}
            {% endtabs %}
            """
        ).html
        #expect(html.components(separatedBy: "<div class=\"tabs\">").count == 3)
        let first = html.components(separatedBy: "<div class=\"tabs\">")[1]
        #expect(first.contains("<p class=\"tabs__label\">\nnpm\n</p>\n<div class=\"markdown-alert"))
        #expect(first.contains("<p>Inside.</p>\n</div>\n</div>"))
        #expect(first.contains("yarn") && !first.contains("Second set."))
        #expect(!html.contains("{%") && !html.contains("///"))
    }

    /// `{% code title %}` titles the fence inside it; the tags' lines are blank, so what follows
    /// keeps its line.
    @Test func codeGetsItsTitleAndLinesKeepTheirNumbers() {
        let doc = renderer.render(
            "{% code title=\"app.js\" lineNumbers=\"true\" %}\n```js\nrun()\n```\n{% endcode %}\n\n[x](y.md)\n",
            lineOffset: 3)
        #expect(doc.html.contains("<figcaption class=\"code-block__title\">app.js</figcaption>"))
        #expect(doc.html.contains("<code class=\"language-js\">run()\n</code>"))
        #expect(doc.links.first?.position == SourcePosition(line: 10, column: 1))
    }

    /// An embed is a link to its address (nothing is loaded from another site), a file a link
    /// to it, a content-ref the link inside it.
    @Test func embedsFilesAndContentRefsAreLinks() {
        let doc = renderer.render(
            """
            {% embed url="https://www.youtube.com/watch?v=x" %}
            Caption.
            {% endembed %}

            {% file src=".gitbook/assets/Rapport 2024.pdf" %}

            {% content-ref url="other.md" %}
            [other.md](other.md)
            {% endcontent-ref %}
            """)
        #expect(
            doc.links.map(\.destination) == [
                "https://www.youtube.com/watch?v=x", ".gitbook/assets/Rapport 2024.pdf", "other.md",
            ])
        #expect(doc.html.contains(">Rapport 2024.pdf</a>"))
        #expect(doc.problems.isEmpty)
    }

    /// Inside fenced code nothing is read, and what is not a tag alone on its line stays text.
    @Test func codeAndTextAreLeftAlone() {
        let html = renderer.render(
            "```liquid\n{% hint style=\"info\" %}\n```\n\nText {% hint %} inline.\n"
        ).html
        #expect(html.contains("<code class=\"language-liquid\">{% hint style=&quot;info&quot; %}\n</code>"))
        #expect(html.contains("<p>Text {% hint %} inline.</p>"))
    }

    /// An API block keeps its text (the spec's link) and the page gets one warning naming it and
    /// every other tag left as written, at the first.
    @Test func apiBlocksAndOtherTagsAreOneWarning() {
        let doc = renderer.render(
            """
            Intro.

            {% openapi src="spec.yaml" path="/x" method="get" %}
            [spec.yaml](spec.yaml)
            {% endopenapi %}

              {% @github-files/github-code-block url="https://github.com/a/b" %}
            """, lineOffset: 2)
        #expect(doc.links.first?.destination == "spec.yaml")
        #expect(doc.html.contains("{% @github-files/github-code-block"))
        #expect(doc.problems.count == 1)
        let problem = doc.problems.first
        #expect(problem?.position == SourcePosition(line: 5, column: 1))
        #expect(problem?.isWarning == true)
        #expect(
            problem?.message.hasPrefix(
                "2 GitBook blocks are not drawn (first here; {% @github-files/github-code-block %}, {% openapi %}): "
                    + "GitBook draws an API's operations from its spec, other tags are GitBook's own or an "
                    + "integration's") == true)
    }

    /// A hint never closed would take the rest of the page: it stays as written, said at its tag.
    @Test func aHintNeverClosedIsSaid() {
        let doc = renderer.render("Intro.\n\n  {% hint style=\"info\" %}\nNever closed.\n\n## Next\n", lineOffset: 1)
        #expect(doc.html.contains("{% hint style=") && doc.html.contains("<h2"))
        #expect(
            doc.problems == [
                MarkdownProblem(
                    position: SourcePosition(line: 4, column: 3),
                    message: "{% hint %} is never closed, so it is shown as written",
                    hint: "end it with {% endhint %} on a line of its own", isWarning: true)
            ])
    }

    /// Without the option the tags are text, as before.
    @Test func offUnlessAsked() {
        let html = MarkdownRenderer().render("{% hint style=\"info\" %}\nX\n{% endhint %}\n").html
        #expect(html.contains("{% hint style=") && !html.contains("admonition"))
    }

    /// A table of cards is the cards it stands for, on the table's first line: the first shown
    /// cell the title, a link to the target column's page; the cover column's picture above it;
    /// hidden columns left out; the other shown cells its text.
    @Test func aTableOfCardsIsCards() {
        var options = MarkdownOptions(unsafeHTML: true)
        options.gitbook = true
        let doc = MarkdownRenderer(options: options).render(
            "Intro.\n\n<table data-view=\"cards\"><thead><tr><th></th><th></th>"
                + "<th data-hidden data-card-target data-type=\"content-ref\"></th>"
                + "<th data-hidden data-card-cover data-type=\"files\"></th></tr></thead>\n<tbody>"
                + "<tr><td><strong>Bamboo</strong></td><td>Builds.</td><td><a href=\"bamboo.md\">bamboo.md</a></td>"
                + "<td><a href=\"../.gitbook/assets/b.png\">b.png</a></td></tr>\n"
                + "<tr><td><a href=\"azure/\">azure</a></td><td></td><td></td><td></td></tr></tbody></table>\n\n"
                + "[x](y.md)\n",
            lineOffset: 1)
        #expect(
            doc.html.contains(
                "<ul class=\"cards gitbook-cards\"><li><div class=\"card\"><img class=\"card__cover\" "
                    + "src=\"../.gitbook/assets/b.png\" alt=\"\"><p class=\"card__title\"><a href=\"bamboo.md\">"
                    + "<strong>Bamboo</strong></a></p><p class=\"card__summary\">Builds.</p></div></li>"
                    + "<li><div class=\"card\"><p class=\"card__title\"><a href=\"azure/\">azure</a></p></div></li>"
                    + "</ul>"
            ))
        #expect(!doc.html.contains("<table"))
        // The table's three lines stay three: what follows keeps its line.
        #expect(doc.links.first?.position == SourcePosition(line: 8, column: 1))
    }

    /// GitBook's empty link to a heading's own place is the anchor alone (a link with no text is
    /// no link to a screen reader); one in code, or whose link goes elsewhere, stays.
    @Test func aHeadingsEmptyLinkToItselfIsAnAnchor() {
        var options = MarkdownOptions(unsafeHTML: true)
        options.gitbook = true
        let doc = MarkdownRenderer(options: options).render(
            "## Draft mode <a href=\"#draft\" id=\"draft\"></a>\n\n`<a href=\"#x\" id=\"x\"></a>`\n\n"
                + "<a href=\"#y\" id=\"z\"></a>\n")
        #expect(doc.html.contains("Draft mode <a id=\"draft\"></a>"))
        #expect(doc.html.contains("<code>&lt;a href=&quot;#x&quot; id=&quot;x&quot;&gt;&lt;/a&gt;</code>"))
        #expect(doc.html.contains("<a href=\"#y\" id=\"z\"></a>"))
        #expect(doc.htmlAnchors.contains("draft"))
    }

    /// Names each page after its file: `Setup` for `setup.md`; no page for `gone.md`.
    struct TitleHooks: MarkdownHooks {
        func resolve(_ link: MarkdownLink) -> String? { nil }
        func render(_ directive: FencedDirective) -> String? { nil }
        func title(of link: MarkdownLink) -> String? {
            link.destination.hasPrefix("gone") ? nil : link.destination.prefix(1).uppercased() + "etup"
        }
    }

    /// A link that shows its file's name, as GitBook writes one (`[setup.md](setup.md)`, or a
    /// content-ref's), shows the page's title; one a person named (`[install](install/)`) keeps
    /// its text; a link left with no text, its file's name.
    @Test func linksShowingTheirFileNameShowTheTitle() {
        let html = renderer.render(
            "[setup.md](setup.md) and [install](install/).\n\n{% content-ref url=\"setup/\" %}\n[setup](setup/)\n"
                + "{% endcontent-ref %}\n\n[](gone.md)\n", hooks: TitleHooks()
        ).html
        #expect(html.contains("<a href=\"setup.md\">Setup</a> and <a href=\"install/\">install</a>."))
        #expect(html.contains("<p><a href=\"setup/\">Setup</a></p>"))
        #expect(html.contains("<a href=\"gone.md\">gone.md</a>"))
    }

    /// Each block's fence is longer than those nested inside it, by how deep they go.
    @Test func fencesGrowWithNesting() {
        let lines = [
            "{% tab title=\"a\" %}", "{% hint %}", "{% hint %}", "x", "{% endhint %}", "{% endhint %}", "{% endtab %}",
            "{% hint %}", "y", "{% endhint %}",
        ].map { Array($0.utf8) }
        let tags = GitBookBlocks.tags(in: lines)
        let lengths = GitBookBlocks.fenceLengths(tags, pairs: GitBookBlocks.pair(tags))
        #expect(tags.indices.map { lengths[$0] ?? 0 } == [5, 4, 3, 3, 4, 5, 3, 3])
    }
}
