import Testing

@testable import Markdown

/// Hugo's shortcodes as a Hugo site's pages have them: `ref`, `relref`, `figure` and `highlight`
/// read, embeds as links; Hugo's escape shown as text; any other (Hugo's or Zola's) left as written with one warning.
@Suite struct ShortcodesTests {
    let renderer = MarkdownRenderer()

    /// A link through `ref` goes to the page (from the content folder when it starts with `/`);
    /// what follows on the line keeps its column.
    @Test func refAndRelrefAreLinksToPages() {
        let doc = renderer.render(
            "Se [Installera]({{< ref \"docs/install.md\" >}}) och [Om]({{< relref \"/om.md#mal\" >}}) [x](y.md).\n",
            lineOffset: 2)
        #expect(doc.links.map(\.destination) == ["docs/install.md", "@/om.md#mal", "y.md"])
        #expect(
            doc.links.map(\.position) == [
                SourcePosition(line: 3, column: 4), SourcePosition(line: 3, column: 52),
                SourcePosition(line: 3, column: 86),
            ])
        #expect(doc.problems == [])
    }

    @Test func figureIsAnImage() {
        #expect(
            renderer.render("{{< figure src=\"bilder/karta.png\" alt=\"Karta [2024]\" title=\"Län\" >}}\n").html
                == "<p><img src=\"bilder/karta.png\" alt=\"Karta [2024]\" title=\"Län\" /></p>\n")
        #expect(
            renderer.render("{{< figure src=\"a.png\" caption=\"Bildtext\" >}}\n").html.contains("alt=\"Bildtext\""))
        // Reported where its `{{` is, and what follows on its line where that is: the image keeps
        // the shortcode's length, with spaces before its `)` that nothing shows.
        let doc = renderer.render("a{{< figure src=\"x.png\" >}}{{< figure src=\"x.png\" >}} [b](c.md)\n")
        #expect(doc.links.map(\.position.column) == [2, 28, 55])
        #expect(
            doc.html == "<p>a<img src=\"x.png\" alt=\"\" /><img src=\"x.png\" alt=\"\" /> <a href=\"c.md\">b</a></p>\n")
    }

    /// Hugo's shortcodes that embed a player or a post from another site are a link to it: the
    /// site makes no request to another.
    @Test(arguments: [
        (
            "{{< youtube ZJthWmvUzzc >}}",
            #"<a href="https://www.youtube.com/watch?v=ZJthWmvUzzc">YouTube: ZJthWmvUzzc</a>"#
        ),
        (
            #"{{< youtube id="w7Ft2ymGmfc" title="A [short] film" >}}"#,
            #"<a href="https://www.youtube.com/watch?v=w7Ft2ymGmfc">A [short] film</a>"#
        ),
        ("{{< vimeo_simple 48912912 >}}", #"<a href="https://vimeo.com/48912912">Vimeo: 48912912</a>"#),
        ("{{< gist spf13 7896402 >}}", #"<a href="https://gist.github.com/spf13/7896402">Gist: spf13/7896402</a>"#),
        (
            #"{{< twitter_simple user="DesignReviewed" id="1085870671291310081" >}}"#,
            #"<a href="https://x.com/DesignReviewed/status/1085870671291310081">X: @DesignReviewed</a>"#
        ),
        (
            "{{< tweet 877500564405444608 >}}",
            #"<a href="https://x.com/i/status/877500564405444608">X: 877500564405444608</a>"#
        ),
        (
            "{{< instagram BWNjjyYFxVx >}}",
            #"<a href="https://www.instagram.com/p/BWNjjyYFxVx/">Instagram: BWNjjyYFxVx</a>"#
        ),
    ])
    func embedsAreLinks(_ shortcode: String, _ link: String) {
        let document = renderer.render(shortcode + "\n")
        #expect(document.html == "<p>" + link + "</p>\n", "\(document.html)")
        #expect(document.problems.isEmpty)
    }

    /// An id that is no id (a URL's characters) is left as written, and said.
    @Test func anEmbedWithoutAnIdIsLeftAsWritten() {
        let document = renderer.render("{{< youtube \"x\\\" onload=\\\"y\" >}}\n{{< gist spf13 >}}\n")
        #expect(document.html.contains("{{&lt; youtube"))
        #expect(document.problems.count == 1)
    }

    @Test func highlightIsAFencedCodeBlock() {
        #expect(
            renderer.render("{{< highlight go \"linenos=table\" >}}\nfunc main() {}\n```\n{{< /highlight >}}\nText.\n")
                .html
                == "<pre><code class=\"language-go\">func main() {}\n```\n</code></pre>\n<p>Text.</p>\n")
    }

    /// Hugo reads shortcodes in code too, so its docs write them escaped: `{{</* … */>}}`.
    @Test func hugosEscapeIsTheShortcodeAsText() {
        let doc = renderer.render("Skriv `{{</* ref \"x.md\" */>}}`:\n\n```\n{{%/* note */%}}\n```\n")
        #expect(
            doc.html
                == "<p>Skriv <code>{{&lt; ref &quot;x.md&quot; &gt;}}</code>:</p>\n"
                + "<pre><code>{{% note %}}\n</code></pre>\n")
        #expect(doc.problems == [])
    }

    /// Others are a theme's templates: shown as written, one warning at the first, naming them
    /// all. In code they are code.
    @Test func othersAreLeftAsWrittenWithOneWarning() {
        let doc = renderer.render(
            "# R\n\nFilm: {{< video w7Ft2ymGmfc >}} och {{< video abc >}}\n\n{{ gist(url=\"x\") }}\n\n"
                + "{% note(kind=\"info\") %} Text {% end %}\n\n`{{< video kod >}}`\n",
            lineOffset: 4)
        #expect(doc.html.contains("Film: {{&lt; video w7Ft2ymGmfc &gt;}}"))
        #expect(doc.problems.count == 1)
        #expect(doc.problems.first?.isWarning == true)
        #expect(doc.problems.first?.position == SourcePosition(line: 7, column: 7))
        #expect(
            doc.problems.first?.message
                == "4 shortcodes are shown as written (first here; {% note() %}, {{ gist() }}, {{< video >}}): "
                + "shortcodes are a Hugo or Zola theme's templates, which Kretslopp does not run")
    }

    /// A pair of tags alone on their lines around Markdown (Docsy's `blocks/section`, Zola's body
    /// shortcodes) loses its tags and keeps its text; a tag without its other half stays.
    @Test func aPairAroundMarkdownKeepsItsTextWithoutItsTags() {
        let doc = renderer.render(
            "# R\n\n{{% section title=\"Obs\" %}}\nText i **fetstil**.\n{{% /section %}}\n\n"
                + "> {% note(kind=\"info\") %}\n> Zola.\n> {% end %}\n\n{{< blocks/link-down >}}\n\n"
                + "{{% pageinfo %}}\nUtan slut.\n\n{{% blocks/cover\n  title=\"Välkommen\"\n%}}\nOmslag.\n"
                + "{{% /blocks/cover %}}\n",
            lineOffset: 4)
        #expect(doc.html.contains("<p>Text i <strong>fetstil</strong>.</p>\n"), "\(doc.html)")
        #expect(!doc.html.contains("section") && !doc.html.contains("note") && !doc.html.contains("end"))
        // A tag without its other half stays; one over several lines, as Docsy writes its cover's
        // arguments, is a tag.
        #expect(doc.html.hasSuffix("<p>{{% pageinfo %}}\nUtan slut.</p>\n<p>Omslag.</p>\n"), "\(doc.html)")
        #expect(doc.html.contains("<blockquote>\n<p>Zola.</p>\n</blockquote>"))
        #expect(doc.html.contains("<p>{{&lt; blocks/link-down &gt;}}</p>"))
        #expect(
            doc.problems.map { "\($0.position.line):\($0.position.column) \($0.message)" } == [
                "15:1 2 shortcodes are shown as written (first here; {{< blocks/link-down >}}, {{< pageinfo >}}): "
                    + "shortcodes are a Hugo or Zola theme's templates, which Kretslopp does not run",
                "7:1 3 shortcodes' tags are left out, their text shown (first here; {% note() %}, "
                    + "{{% blocks/cover %}}, {{% section %}}): "
                    + "shortcodes are a Hugo or Zola theme's templates, which Kretslopp does not run",
            ], "\(doc.problems)")
    }

    /// Docsy's boxes, `alert` (its `title` and `color`) and `pageinfo`, are the admonition their
    /// colour looks like, in lists too; no warning, since they are read.
    @Test func docsysAlertAndPageInfoAreBoxes() {
        let doc = renderer.render(
            "{{% alert title=\"Heads up\" color=\"warning\" %}}\nMind the **gap**.\n{{% /alert %}}\n\n"
                + "- Item\n\n  {{< alert >}}\n  In a list.\n  {{< /alert >}}\n\n"
                + "{{% pageinfo color=\"primary\" %}}\nA placeholder page.\n{{% /pageinfo %}}\n")
        #expect(doc.problems.isEmpty, "\(doc.problems)")
        #expect(
            doc.html.hasPrefix(
                "<div class=\"markdown-alert markdown-alert-warning admonition warning\" role=\"note\">\n"
                    + "<p class=\"markdown-alert-title\">\nHeads up\n</p>\n"
                    + "<p>Mind the <strong>gap</strong>.</p>\n</div>\n"),
            "\(doc.html)")
        #expect(
            doc.html.contains("<li>\n<p>Item</p>\n<div class=\"markdown-alert markdown-alert-note admonition note\""))
        #expect(doc.html.contains("<p>In a list.</p>"))
        #expect(
            doc.html.hasSuffix(
                "<div class=\"markdown-alert markdown-alert-note admonition note\" role=\"note\">\n"
                    + "<p class=\"markdown-alert-title\">Note</p>\n<p>A placeholder page.</p>\n</div>\n"))
        #expect(!doc.html.contains("{{"), "\(doc.html)")
    }

    /// A tag that closes itself (`/>}}`) opens no pair, even before a closing tag of its name.
    @Test func aSelfClosingTagOpensNoPair() {
        let doc = renderer.render("{{< ny 0.158 />}}\n\nText.\n\n{{< /ny >}}\n")
        #expect(doc.html == "<p>{{&lt; ny 0.158 /&gt;}}</p>\n<p>Text.</p>\n<p>{{&lt; /ny &gt;}}</p>\n", "\(doc.html)")
    }

    @Test(arguments: ["{{page.title}} och {{ x }}\n", "Mallen {{#page.tags}}{{title}}{{/page.tags}}\n", "{{< \n"])
    func templatesInTextAreNoShortcodes(markdown: String) {
        #expect(renderer.render(markdown).problems == [])
    }
}
