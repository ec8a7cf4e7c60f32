import Testing

@testable import Markdown

/// Lines of code highlighted as the generators a tree comes from ask for it: in the fence's info
/// string, in Docusaurus' magic comments, in Shiki's notation.
@Suite struct CodeLinesTests {
    let renderer = MarkdownRenderer()

    /// Five lines, a to e.
    let code = "a\nb\nc\nd\ne\n"

    func highlighted(_ info: String, options: MarkdownOptions = MarkdownOptions()) -> [String] {
        let html = MarkdownRenderer(options: options).render("```\(info)\n\(code)```\n").html
        let open = "<span class=\"code-line code-line--highlight\">"
        return html.components(separatedBy: open).dropFirst().map { String($0.prefix(1)) }
    }

    @Test(arguments: [
        ("js{1,3-4}", ["a", "c", "d"]), // VitePress
        ("js {2}", ["b"]), // Docusaurus
        ("jsx title=\"App.js\" {4-5}", ["d", "e"]),
        ("python hl_lines=\"1 3\"", ["a", "c"]), // Material for MkDocs
        ("{ .python hl_lines='2-3' }", ["b", "c"]),
        ("go {hl_lines=[2,\"4-5\"],linenos=true}", ["b", "d", "e"]), // Hugo
        ("go {linenos=table,hl_lines=\"1 5\",linenostart=199}", ["a", "e"]),
        ("go {hl_lines=3}", ["c"]),
        ("rust,hl_lines=1 4-5,linenos", ["a", "d", "e"]), // Zola
        ("js{3-2,9}", ["b", "c"]), // backwards read forwards; past the end marks nothing
        ("js{1,3}:line-numbers", ["a", "c"]),
    ])
    func theInfoStringNamesTheLines(info: String, lines: [String]) {
        #expect(highlighted(info) == lines, "\(info)")
    }

    @Test(arguments: ["js", "js{}", "{ #example .js }", "js {a,b}", "hl_lines=", "ruby startline=3", "shl_lines=\"1\""])
    func otherInfoStringsHighlightNothing(info: String) {
        #expect(highlighted(info).isEmpty, "\(info)")
    }

    /// The language, title and code stay as they were; the marked lines are escaped in their spans.
    @Test func theBlockIsOtherwiseUnchanged() {
        let html = renderer.render("```html title=\"a.html\" {2}\n<p>\n\"x\" & y\n```\n").html
        #expect(
            html
                == "<figure class=\"code-block\"><figcaption class=\"code-block__title\">a.html</figcaption>\n"
                + "<pre><code class=\"language-html\">&lt;p&gt;\n<span class=\"code-line code-line--highlight\">"
                + "&quot;x&quot; &amp; y</span>\n</code></pre>\n</figure>\n")
        var plain = MarkdownOptions()
        plain.gfm = false
        #expect(highlighted("js{1}", options: plain).isEmpty)
    }

    /// Docusaurus' magic comments (with `mdx`): the comment lines go, the lines they name are marked.
    @Test func docusaurusMagicComments() {
        var options = MarkdownOptions()
        options.mdx = true
        let markdown = """
            ```js
            // highlight-next-line
            const a = 1;
            const b = 2;
            # highlight-start
            x
              /* highlight-end */
            {/* highlight-next-line */}
            <!-- highlight-next-line -->
            y
            -- highlight-next-line not a magic comment
            ```

            """
        let document = MarkdownRenderer(options: options).render(markdown)
        #expect(
            document.html
                == "<pre><code class=\"language-js\">"
                + "<span class=\"code-line code-line--highlight\">const a = 1;</span>\n"
                + "const b = 2;\n<span class=\"code-line code-line--highlight\">x</span>\n"
                + "<span class=\"code-line code-line--highlight\">y</span>\n"
                + "-- highlight-next-line not a magic comment\n</code></pre>\n", "\(document.html)")
        // What readers see is what is searched.
        #expect(!String(decoding: document.plainTextBytes, as: UTF8.self).contains("highlight-start"))
        // Lines named in the info string win: the comments are then code, as Docusaurus shows them.
        let named = MarkdownRenderer(options: options).render("```js {2}\n// highlight-next-line\na\n```\n").html
        #expect(named.contains("// highlight-next-line\n<span class=\"code-line code-line--highlight\">a</span>"))
        // Without mdx they are code.
        #expect(renderer.render(markdown).html.contains("// highlight-next-line\nconst a = 1;"))
    }

    /// Shiki's notation and the info string's lines together (VitePress): each line keeps the
    /// notation's mark, the others named are highlighted.
    @Test func notationAndRangesTogether() {
        var options = MarkdownOptions()
        options.vue = true
        let html = MarkdownRenderer(options: options).render("```js{1-2}\na // [!code ++]\nb\nc\n```\n").html
        #expect(
            html
                == "<pre><code class=\"language-js\"><span class=\"code-line code-line--add\">a</span>\n"
                + "<span class=\"code-line code-line--highlight\">b</span>\nc\n</code></pre>\n")
    }

    @Test func magicCommentForms() {
        #expect(CodeLines.magicComment("  // highlight-start") == "highlight-start")
        #expect(CodeLines.magicComment(";; highlight-end") == "highlight-end")
        #expect(CodeLines.magicComment("% highlight-next-line") == "highlight-next-line")
        #expect(CodeLines.magicComment("//highlight-next-line") == "highlight-next-line")
        #expect(CodeLines.magicComment("x // highlight-next-line") == nil)
        #expect(CodeLines.magicComment("// highlight-next") == nil)
        #expect(CodeLines.magicComment("/*") == nil)
    }
}

/// Numbered lines, as each generator asks for them: every line in a span the theme counts, the
/// count starting where the info string says.
@Suite struct CodeLineNumbersTests {
    @Test(arguments: [
        ("python linenums=\"1\"", 1), ("{ .py linenums=\"10\" }", 10), ("js showLineNumbers", 1),
        ("js showLineNumbers=5", 5), ("ts:line-numbers {1}", 1), ("ts:line-numbers=3", 3),
        ("go {linenos=table,hl_lines=[2],linenostart=199}", 199), ("go {linenos=true}", 1),
        ("rust,linenos", 1), ("rust,linenos,linenostart=20", 20),
    ])
    func theInfoStringAsksForNumbers(info: String, first: Int) {
        #expect(CodeInfo.firstLineNumber(info[...]) == first, "\(info)")
    }

    @Test(arguments: ["js", "go {linenos=false}", "python hl_lines=\"1\"", "js {1,3}", "lines", "linenostart=5"])
    func otherInfoStringsNumberNothing(info: String) {
        #expect(CodeInfo.firstLineNumber(info[...]) == nil, "\(info)")
    }

    @Test func everyLineIsCounted() {
        let html = MarkdownRenderer().render("```js showLineNumbers=4 {2}\na\nb\n```\n\n```\nc\n```\n").html
        #expect(
            html
                == "<pre><code class=\"code--numbered language-js\" style=\"counter-reset: code-line 3\">"
                + "<span class=\"code-line\">a</span>\n<span class=\"code-line code-line--highlight\">b</span>\n"
                + "</code></pre>\n<pre><code>c\n</code></pre>\n", "\(html)")
        let plain = MarkdownRenderer().render("``` linenums=\"1\"\nx\n```\n").html
        #expect(plain == "<pre><code class=\"code--numbered\"><span class=\"code-line\">x</span>\n</code></pre>\n")
    }
}
