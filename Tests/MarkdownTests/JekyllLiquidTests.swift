import Testing

@testable import Markdown

/// Jekyll's Liquid tags that stand for Markdown, read before the page's Markdown as Jekyll runs
/// them (`markdown: {liquid: true}`); every other tag left as written, with one warning.
@Suite struct JekyllLiquidTests {
    let renderer: MarkdownRenderer = {
        var options = MarkdownOptions()
        options.liquid = true
        return MarkdownRenderer(options: options)
    }()

    /// `{% link %}` and `{% post_url %}` are links from the site's root; what follows on the line
    /// keeps its column (the link's target padded after its `(`).
    @Test func linksAreToPagesFromTheSitesRoot() {
        let doc = renderer.render(
            "Se [Knappar]({% link docs/knappar.md %}#storlek) och [Nytt]({% post_url 2024-01-05-nytt %}) [x](y.md).\n",
            lineOffset: 2)
        #expect(doc.links.map(\.destination) == ["@/docs/knappar.md#storlek", "@/_posts/2024-01-05-nytt.md", "y.md"])
        #expect(doc.links.last?.position == SourcePosition(line: 3, column: 93))
        #expect(doc.problems == [])
    }

    /// `{{ site.baseurl }}` is the site's root (links start there), and `relative_url` the path it is given.
    @Test func siteURLsAreRootPaths() {
        let doc = renderer.render(
            "[Hem]({{ site.baseurl }}/) [Sök]({{site.url}}{{ site.baseurl }}/sok/) "
                + "[Om]({{ \"/om/\" | relative_url }})\n"
        )
        #expect(doc.links.map(\.destination) == ["/", "/sok/", "/om/"])
        #expect(doc.problems == [])
    }

    /// Between `{% raw %}` and `{% endraw %}` the text is as written (in code too); a comment is
    /// left out; lines keep their numbers either way.
    /// `{{ site.x }}` (also `| escape`) shows the value site.yaml gives (`liquid: {site: …}`);
    /// a name it does not give, or another filter, stays as written and is said.
    @Test func siteValuesAreShown() {
        var options = MarkdownOptions()
        options.liquid = true
        options.liquidSite = ["repository": "https://github.com/jekyll/jekyll", "data.ruby.min_version": "2.7.0"]
        let doc = MarkdownRenderer(options: options).render(
            "See [the code]({{ site.repository }}/issues), Ruby {{ site.data.ruby.min_version | escape }}+, "
                + "{{ site.title }}, {{ site.repository | upcase }}.\n")
        #expect(
            doc.html
                == "<p>See <a href=\"https://github.com/jekyll/jekyll/issues\">the code</a>, Ruby 2.7.0+, "
                + "{{ site.title }}, {{ site.repository | upcase }}.</p>\n", "\(doc.html)")
        #expect(doc.problems.map(\.message).first?.hasPrefix("2 Liquid tags are shown as written") == true)
    }

    @Test func rawIsTextAndACommentIsLeftOut() {
        let doc = renderer.render(
            "{% comment %}\nInte {{ detta }}\n{% endcomment %}\n```liquid\n{% raw %}{{ site.title }}{% endraw %}\n```\n"
                + "{% raw %}\n{% include x.html %}\n{% endraw %}\n[a](b.md)\n")
        #expect(doc.html.contains("<code class=\"language-liquid\">{{ site.title }}\n</code>"))
        #expect(doc.html.contains("{% include x.html %}"))
        #expect(!doc.html.contains("detta"))
        #expect(doc.links.map(\.position.line) == [10])
        #expect(doc.problems == [])
    }

    /// `{% highlight %}` alone on its line opens a fenced code block longer than any fence in it.
    @Test func highlightIsAFencedCodeBlock() {
        #expect(
            renderer.render("{% highlight ruby linenos %}\nputs 1\n```\n{% endhighlight %}\nText.\n").html
                == "<pre><code class=\"language-ruby\">puts 1\n```\n</code></pre>\n<p>Text.</p>\n")
    }

    /// Any other tag is a template: shown as written, one warning at the first with their names.
    @Test func otherTagsAreShownWithOneWarning() throws {
        let doc = renderer.render("Intro.\n\nAv {{ site.title }} och {% include nav.html %}.\n", lineOffset: 3)
        #expect(doc.html.contains("{{ site.title }}"))
        #expect(doc.html.contains("{% include nav.html %}"))
        let warning = try #require(doc.problems.first)
        #expect(doc.problems.count == 1)
        #expect(warning.position == SourcePosition(line: 6, column: 4))
        #expect(warning.isWarning)
        #expect(
            warning.message.hasPrefix(
                "2 Liquid tags are shown as written (first here; {% include %}, {{ site.title }})"))
    }

    /// Without the setting, Liquid is text (a site that documents Liquid shows it as written).
    @Test func offByDefault() {
        let doc = MarkdownRenderer().render("[a]({% link b.md %}) {% raw %}x{% endraw %}\n")
        #expect(doc.html.contains("{% raw %}x{% endraw %}"))
        #expect(doc.problems == [])
    }
}
