import Testing

@testable import Markdown

/// Code fences as MkDocs trees write their info strings: the language is an attribute list's
/// first class, and options alone (`title="main.py"`) name none.
@Suite struct CodeInfoTests {
    let renderer = MarkdownRenderer()

    @Test(arguments: [
        ("``` { .sh .no-copy }\nls\n```\n", "<pre><code class=\"language-sh\">ls\n</code></pre>\n"),
        (
            "```{ .dockerfile .annotate hl_lines=\"10\" }\nFROM x\n```\n",
            "<pre><code class=\"language-dockerfile\">FROM x\n</code></pre>\n"
        ),
        ("``` title=\"main.py\"\nx = 1\n```\n", "<pre><code>x = 1\n</code></pre>\n"),
        ("``` { #example }\nx\n```\n", "<pre><code>x\n</code></pre>\n"),
        // As written: a language first, options after it (libcmark takes the first word).
        ("```Python hl_lines=\"1\"\nx\n```\n", "<pre><code class=\"language-Python\">x\n</code></pre>\n"),
        ("~~~ ruby startline=3\nx\n~~~\n", "<pre><code class=\"language-ruby\">x\n</code></pre>\n"),
    ])
    func theLanguageIsTheFirstClassOrTheFirstWord(markdown: String, html: String) {
        #expect(renderer.render(markdown).html == html)
    }

    @Test func plainCommonMarkKeepsTheFirstWord() {
        var options = MarkdownOptions()
        options.gfm = false
        #expect(
            MarkdownRenderer(options: options).render("``` { .sh }\nls\n```\n").html
                == "<pre><code class=\"language-{\">ls\n</code></pre>\n")
    }
}
