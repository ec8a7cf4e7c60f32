import Testing

@testable import Markdown

/// Vue in Markdown as VitePress pages write it (`markdown: {vue: true}`): `<script>` and `<style>`
/// blocks left out, `<Badge>` drawn, other components' tags left out and said; lines keep their
/// numbers; nothing inside code is read.
@Suite struct VueSyntaxTests {
    let renderer: MarkdownRenderer = {
        var options = MarkdownOptions()
        options.vue = true
        options.unsafeHTML = true
        options.headingIDs = .vitepress
        return MarkdownRenderer(options: options)
    }()

    /// VitePress hoists the page's Vue blocks into its component: they are not the page's text.
    /// A block that is never closed stays as written, and a `<scripts>` tag is no block.
    @Test func scriptAndStyleBlocksAreLeftOutAndLinesKeepTheirNumbers() {
        let doc = renderer.render(
            """
            <script setup lang="ts">
            import Teams from './Teams.vue'
            const members = ['a', 'b']
            </script>

            <style scoped>
            .x { color: red }
            </style>

            Text [x](y.md).
            """, lineOffset: 3)
        #expect(doc.html == "<p>Text <a href=\"y.md\">x</a>.</p>\n")
        #expect(doc.links.first?.position == SourcePosition(line: 13, column: 6))
        #expect(doc.problems.isEmpty)
        let unclosed = renderer.render("<script>\nlet x = 1\n\nText.\n")
        #expect(unclosed.html.contains("<script>"))
    }

    /// `<Badge>` as VitePress draws it: its `text` or its content, its `type` (tip by default, and
    /// for a type VitePress has not); inside a code span it is code.
    @Test func badgesAreDrawn() {
        let html = renderer.render(
            """
            New <Badge type="warning" text="beta" /> and <Badge type="danger">removed</Badge>, \
            <Badge text="1.0 & up"/>, <Badge type="odd" text="x" />, `<Badge text="code" />`.
            """
        ).html
        #expect(
            html
                == "<p>New <span class=\"badge badge--warning\">beta</span> and "
                + "<span class=\"badge badge--danger\">removed</span>, <span class=\"badge badge--tip\">1.0 &amp; "
                + "up</span>, <span class=\"badge badge--tip\">x</span>, <code>&lt;Badge text=&quot;code&quot; "
                + "/&gt;</code>.</p>\n")
    }

    /// A badge's text is not its heading's: VitePress leaves it out of the id and the outline.
    @Test func aBadgeIsNotPartOfItsHeadingsIdOrText() {
        let doc = renderer.render(
            "## Default Target Change [<Badge text=\"NRV\" type=\"warning\" />](#v7)\n\n"
                + "### `server.host` <Badge text=\"dev\"/>\n"
        )
        #expect(doc.headings.map(\.id) == ["default-target-change", "server-host"])
        #expect(doc.headings.map(\.text) == ["Default Target Change ", "server.host "])
        #expect(doc.html.contains("<span class=\"badge badge--warning\">NRV</span>"))
    }

    /// Other components' tags are left out, their text shown, and named once at the first; the
    /// tags in fenced code stay as written; lower-case HTML is HTML.
    @Test func otherComponentsAreLeftOutAndSaid() {
        let doc = renderer.render(
            """
            Intro.

            <VPTeamMembers size="small" :members="members" />

            <CourseLink href="https://x">Watch the course</CourseLink>

            ```vue
            <MyComponent />
            ```

            <details><summary>More</summary>Less</details>
            """, lineOffset: 1)
        #expect(!doc.html.contains("VPTeamMembers") && !doc.html.contains("CourseLink"))
        #expect(doc.html.contains("Watch the course"))
        #expect(doc.html.contains("&lt;MyComponent /&gt;"))
        #expect(doc.html.contains("<details><summary>More</summary>Less</details>"))
        #expect(doc.problems.count == 1)
        #expect(doc.problems.first?.position == SourcePosition(line: 4, column: 1))
        #expect(doc.problems.first?.message.hasPrefix("2 Vue components are left out") == true)
        #expect(doc.problems.first?.message.contains("<VPTeamMembers>, <CourseLink>") == true)
    }

    /// Shiki's notation in code: the comment goes (in each language's form) and the line is marked;
    /// a comment that says more keeps its words; `:2` marks the next line too; an operator that
    /// looks like a comment stays; the search text is the code as shown.
    @Test func codeNotationMarksLines() {
        let doc = renderer.render(
            """
            ```json
            {
              "vite": "npm:rolldown-vite@7.2.2", // [!code --]
              "vite": "^8.0.0" // [!code ++]
            }
            ```

            ```sh
            npm i a b # [!code highlight:2]
            npm test
            x-- // keep this [!code warning]
            <b/> <!-- [!code error] -->
            ```
            """)
        #expect(
            doc.html.contains(
                "<pre><code class=\"language-json\">{\n<span class=\"code-line code-line--remove\">  &quot;vite&quot;: "
                    + "&quot;npm:rolldown-vite@7.2.2&quot;,</span>\n<span class=\"code-line code-line--add\">  "
                    + "&quot;vite&quot;: &quot;^8.0.0&quot;</span>\n}\n</code></pre>"), "\(doc.html)")
        #expect(
            doc.html.contains(
                "<span class=\"code-line code-line--highlight\">npm i a b</span>\n<span class=\"code-line "
                    + "code-line--highlight\">npm test</span>\n<span class=\"code-line code-line--warning\">x-- // "
                    + "keep this</span>\n<span class=\"code-line code-line--error\">&lt;b/&gt;</span>\n"), "\(doc.html)"
        )
        let text = String(decoding: doc.plainTextBytes, as: UTF8.self)
        #expect(!text.contains("[!code") && text.contains("\"vite\": \"^8.0.0\""))
        // Without vue, code is as written.
        #expect(
            MarkdownRenderer(options: MarkdownOptions()).render("```\na // [!code ++]\n```\n").html.contains(
                "[!code ++]"))
    }

    /// Without `vue`, a page's `<script>` and components are what they were: raw HTML.
    @Test func withoutVueNothingChanges() {
        var options = MarkdownOptions()
        options.unsafeHTML = true
        let doc = MarkdownRenderer(options: options).render("<Badge text=\"x\" />\n")
        #expect(doc.html == "<Badge text=\"x\" />\n")
    }
}
