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
        ("``` hl_lines=\"2\"\nx = 1\n```\n", "<pre><code>x = 1\n</code></pre>\n"),
        ("``` { #example }\nx\n```\n", "<pre><code>x\n</code></pre>\n"),
        // As written: a language first, options after it (libcmark takes the first word).
        (
            "```Python hl_lines=\"1\"\nx\n```\n",
            "<pre><code class=\"language-Python\">"
                + "<span class=\"code-line code-line--highlight\">x</span>\n</code></pre>\n"
        ),
        ("~~~ ruby startline=3\nx\n~~~\n", "<pre><code class=\"language-ruby\">x\n</code></pre>\n"),
        // VitePress: lines to highlight after the language (past the code's end here: `CodeLinesTests`).
        ("```js{4,6-8}\nx\n```\n", "<pre><code class=\"language-js\">x\n</code></pre>\n"),
        // rustdoc and mdBook: attributes after a comma.
        ("```rust,ignore\nx\n```\n", "<pre><code class=\"language-rust\">x\n</code></pre>\n"),
        ("```rust,no_run edition2021\nx\n```\n", "<pre><code class=\"language-rust\">x\n</code></pre>\n"),
    ])
    func theLanguageIsTheFirstClassOrTheFirstWord(markdown: String, html: String) {
        #expect(renderer.render(markdown).html == html)
    }

    /// A title is shown above the code, as Material for MkDocs shows it, escaped.
    @Test func aTitleIsAFiguresCaption() {
        #expect(
            renderer.render("```python title=\"a<b>.py\"\nx\n```\n").html
                == "<figure class=\"code-block\"><figcaption class=\"code-block__title\">a&lt;b&gt;.py</figcaption>"
                + "\n<pre><code class=\"language-python\">x\n</code></pre>\n</figure>\n")
        #expect(renderer.render("``` { .yaml title='mkdocs.yml' }\nx\n```\n").html.contains(">mkdocs.yml</figcaption>"))
        #expect(CodeInfo.option("title", in: "subtitle=\"x\"") == nil)
        #expect(!renderer.render("```python title=\"\"\nx\n```\n").html.contains("figure"))
        // VitePress' label.
        #expect(
            renderer.render("```ts{2} [vite.config.ts]\nx\n```\n").html
                == "<figure class=\"code-block\"><figcaption class=\"code-block__title\">vite.config.ts</figcaption>"
                + "\n<pre><code class=\"language-ts\">x\n</code></pre>\n</figure>\n")
        #expect(!renderer.render("```sh []\nx\n```\n").html.contains("figure"))
    }

    @Test func plainCommonMarkKeepsTheFirstWord() {
        var options = MarkdownOptions()
        options.gfm = false
        #expect(
            MarkdownRenderer(options: options).render("``` { .sh }\nls\n```\n").html
                == "<pre><code class=\"language-{\">ls\n</code></pre>\n")
    }

    /// Rust's hidden lines, as mdBook writes a Rust code block, when asked for: each hidden line
    /// (without its `# `) in a `boring` span the theme hides, `##` one `#`.
    @Test func rustHiddenLinesAreMarkedWhenAsked() {
        let code =
            "```rust,editable\n# use std::io;\n#\n#[derive(Debug)]\n#![allow(x)]\n  # fn main() {\n"
            + "let x = 1; // # not hidden\n## shown\n#hidden\n# }\n```\n\n```python\n# a comment\n```\n"
        var options = MarkdownOptions()
        options.rustHiddenLines = true
        let document = MarkdownRenderer(options: options).render(code)
        #expect(
            document.html
                == "<pre><code class=\"language-rust\"><span class=\"boring\">use std::io;\n</span>"
                + "<span class=\"boring\">\n</span>#[derive(Debug)]\n#![allow(x)]\n"
                + "<span class=\"boring\">  fn main() {\n</span>let x = 1; // # not hidden\n# shown\n"
                + "<span class=\"boring\">hidden\n</span>"
                + "<span class=\"boring\">}\n</span></code></pre>\n"
                + "<pre><code class=\"language-python\"># a comment\n</code></pre>\n")
        // What readers do not see is not searched either.
        #expect(!String(decoding: document.plainTextBytes, as: UTF8.self).contains("std::io"))
        // Without the setting every line shows, as GitHub shows them.
        #expect(renderer.render(code).html.contains("# use std::io;\n#\n"))
        #expect(RustHiddenLines.isRust(info: "rust") && RustHiddenLines.isRust(info: "rust,ignore"))
        #expect(!RustHiddenLines.isRust(info: "rusty") && !RustHiddenLines.isRust(info: ""))
    }
}
