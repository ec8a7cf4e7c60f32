import Testing

@testable import Markdown

/// The containers of VitePress, Docusaurus and VuePress (`::: tip Title` … `:::`), as Vue's
/// docs and Docusaurus sites write their admonitions: the same boxes as pymdownx's blocks.
@Suite struct ContainerBlocksTests {
    let renderer = MarkdownRenderer()

    /// VitePress' `::: type Title` and Docusaurus' `:::type[Title]` and `:::type Title`; a type's
    /// own title when there is none; `details` is a box the reader opens.
    @Test func everyWayOfWritingOne() {
        let tip = "<div class=\"markdown-alert markdown-alert-tip admonition tip\" role=\"note\">\n"
        #expect(
            renderer.render("::: tip Använd **detta**\nText.\n:::\n").html
                == tip
                + "<p class=\"markdown-alert-title\">\nAnvänd <strong>detta</strong>\n</p>\n<p>Text.</p>\n</div>\n")
        #expect(
            renderer.render(":::tip[Ett råd]\nText.\n:::\n").html
                == tip + "<p class=\"markdown-alert-title\">\nEtt råd\n</p>\n<p>Text.</p>\n</div>\n")
        #expect(
            renderer.render(":::danger\nText.\n:::\n").html
                == "<div class=\"markdown-alert markdown-alert-caution admonition danger\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">Danger</p>\n<p>Text.</p>\n</div>\n")
        #expect(
            renderer.render("::: details Visa koden\n```js\nx()\n```\n:::\n").html
                == "<details class=\"markdown-alert markdown-alert-note admonition note\">\n"
                + "<summary class=\"markdown-alert-title\">\nVisa koden\n</summary>\n"
                + "<pre><code class=\"language-js\">x()\n</code></pre>\n</details>\n")
    }

    /// `::::` around `:::` nests (Docusaurus); a container's indented first line is its text, not
    /// an option; a name that is no admonition stays as written, and so does fenced code.
    @Test func nestingTextAndWhatStaysAsWritten() {
        let html = renderer.render("::::info Yttre\n:::warning\n    key: value\n:::\nEfter.\n::::\n").html
        #expect(
            html
                == "<div class=\"markdown-alert markdown-alert-note admonition info\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">\nYttre\n</p>\n"
                + "<div class=\"markdown-alert markdown-alert-warning admonition warning\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">Warning</p>\n<pre><code>key: value\n</code></pre>\n</div>\n"
                + "<p>Efter.</p>\n</div>\n")
        #expect(renderer.render("::: v-pre\nA.\n:::\n").html == "<p>::: v-pre\nA.\n:::</p>\n")
        #expect(renderer.render("```\n::: tip\n```\n").html == "<pre><code>::: tip\n</code></pre>\n")
        // A fence of colons closes containers only, not pymdownx's blocks.
        #expect(renderer.render("/// note\nA.\n:::\n///\n").html.contains("<p>A.\n:::</p>"))
    }

    @Test func oneNeverClosedIsAWarning() {
        let doc = renderer.render("Text.\n\n::: warning Sista dag\nEtt.\n")
        #expect(doc.html.hasSuffix("<p>Ett.</p>\n</div>\n"))
        #expect(
            doc.problems == [
                MarkdownProblem(
                    position: SourcePosition(line: 3, column: 1),
                    message: "'::: warning Sista dag' is not closed, so all that follows it is inside it",
                    hint: "end it with a line of :::", isWarning: true)
            ])
    }

    /// VitePress' code group: its fences go, its code blocks stay, each under its label; a box
    /// around it still ends at its own fence.
    @Test func aCodeGroupIsItsCodeBlocksUnderTheirLabels() {
        let group = "::: code-group\n\n```sh [npm]\nnpm i\n```\n\n```sh [pnpm]\npnpm i\n```\n\n:::\nEfter.\n"
        #expect(
            renderer.render(group).html
                == "<figure class=\"code-block\"><figcaption class=\"code-block__title\">npm</figcaption>\n"
                + "<pre><code class=\"language-sh\">npm i\n</code></pre>\n</figure>\n"
                + "<figure class=\"code-block\"><figcaption class=\"code-block__title\">pnpm</figcaption>\n"
                + "<pre><code class=\"language-sh\">pnpm i\n</code></pre>\n</figure>\n<p>Efter.</p>\n")
        let inTip = renderer.render("::::tip\n::: code-group\n```sh [npm]\nx\n```\n:::\nI rutan.\n::::\nUtanför.\n")
        #expect(inTip.html.hasSuffix("<p>I rutan.</p>\n</div>\n<p>Utanför.</p>\n"), "\(inTip.html)")
        #expect(inTip.problems == [])
    }
}
