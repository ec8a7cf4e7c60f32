import Testing

@testable import Markdown

/// MDX as Docusaurus pages write it (`markdown: {mdx: true}`): imports and comments left out,
/// tabs and admonitions read, other components' tags left out and said; lines keep their numbers.
@Suite struct MDXSyntaxTests {
    let renderer: MarkdownRenderer = {
        var options = MarkdownOptions()
        options.mdx = true
        options.unsafeHTML = true
        return MarkdownRenderer(options: options)
    }()

    /// ESM at the top level goes to the next blank line (an import across lines too); a comment
    /// goes, inline or on lines of its own; a line that only starts like one is text.
    @Test func importsExportsAndCommentsAreLeftOut() {
        let doc = renderer.render(
            """
            import Tabs from '@theme/Tabs';
            import {
              Foo,
            } from '../components';
            export const year = 2024;

            {/* For editors:
            not shown */}
            Text {/* hidden */}here.

            important things come first.

            [x](y.md)
            """, lineOffset: 2)
        #expect(doc.html == "<p>Text here.</p>\n<p>important things come first.</p>\n<p><a href=\"y.md\">x</a></p>\n")
        #expect(doc.links.first?.position == SourcePosition(line: 15, column: 1))
        #expect(doc.problems.isEmpty)
    }

    /// Tabs are content tabs under their labels (the value where there is no label, a label given
    /// as a string expression too); the content's shared indentation is no code block; a tag's
    /// attributes may go on over lines.
    @Test func tabsAreContentTabs() {
        let html = renderer.render(
            """
            <Tabs>
              <TabItem value="npm" label="npm" default>

                ```bash
                npm install redux
                ```

              </TabItem>
              <TabItem
                value="yarn"
                label={'Yarn 4'}>
                Use **yarn**.
              </TabItem>
              <TabItem value="pnpm">
                pnpm.
              </TabItem>
            </Tabs>
            """
        ).html
        #expect(html.components(separatedBy: "<div class=\"tabs\">").count == 2)
        #expect(
            html.contains(
                "<p class=\"tabs__label\">\nnpm\n</p>\n<pre><code class=\"language-bash\">npm install redux\n"))
        #expect(html.contains("<p class=\"tabs__label\">\nYarn 4\n</p>\n<p>Use <strong>yarn</strong>.</p>"))
        #expect(html.contains("<p class=\"tabs__label\">\npnpm\n</p>\n<p>pnpm.</p>"))
        #expect(!html.contains("TabItem") && !html.contains("///"))
    }

    /// `<Admonition>` is the admonition of its type, with its title.
    @Test func admonitionIsAnAdmonition() {
        let html = renderer.render("<Admonition type=\"warning\" title=\"Careful\">\n  Mind the gap.\n</Admonition>\n")
            .html
        #expect(
            html
                == "<div class=\"markdown-alert markdown-alert-warning admonition warning\" role=\"note\">\n"
                + "<p class=\"markdown-alert-title\">\nCareful\n</p>\n<p>Mind the gap.</p>\n</div>\n")
    }

    /// Any other component's tags are left out, its content shown, in one warning at the first;
    /// HTML, inline code and fenced code are left as they are.
    @Test func otherComponentsAreLeftOutAndSaid() {
        let doc = renderer.render(
            """
            Use <Highlight color="#25c2a0">green</Highlight>, `<Tabs>` and <kbd>Ctrl</kbd>.

            <DetailedExplanation title="Why">
            Because.
            </DetailedExplanation>

            <DocCardList />

            <TOCInline toc={toc} />

            ```jsx
            <Tabs><TabItem value="x">y</TabItem></Tabs>
            ```
            """, lineOffset: 3)
        #expect(
            doc.html
                == "<p>Use green, <code>&lt;Tabs&gt;</code> and <kbd>Ctrl</kbd>.</p>\n<p>Because.</p>\n"
                + "<pre><code class=\"language-jsx\">&lt;Tabs&gt;&lt;TabItem value=&quot;x&quot;&gt;y&lt;/TabItem&gt;"
                + "&lt;/Tabs&gt;\n</code></pre>\n")
        #expect(
            doc.problems == [
                MarkdownProblem(
                    position: SourcePosition(line: 4, column: 5),
                    message: "3 React components are left out, the text inside shown (first here; <Highlight>, "
                        + "<DetailedExplanation>, <DocCardList>): components run in the reader's browser with React, "
                        + "which Kretslopp does not use",
                    hint: "write the Markdown they stand for; <Tabs>, <TabItem>, <Admonition>, <Aside>, <LinkCard>, "
                        + "<LinkButton>, <Badge>, imports and {/* comments */} are read",
                    isWarning: true)
            ])
    }

    /// HTML's attributes written as JSX are written as HTML's: `className`, camel-cased names,
    /// literal values, a style object, an imported file, `require()` and `useBaseUrl()`; any other
    /// expression is left out and said. A tag over lines is
    /// put on its first line, and the lines after its block keep their numbers.
    @Test func jsxAttributesAreWrittenAsHTML() {
        let doc = renderer.render(
            """
            <iframe
              src="https://example.org/embed"
              style={{
                width: '100%',
                borderRadius: 4,
                opacity: 0.5,
              }}
              allowFullScreen={true}
              hidden={false}
              title={'Demo'}
              className="wide"
            ></iframe>

            <img src={logo} alt="Logo" width={120} />

            [x](y.md)

            import shot from './shot.png';

            <img src={shot} alt="A" /> <img src={require('./b.png').default} alt="B" />
            <img src={useBaseUrl('/img/c.png')} alt="C" />

            <iframe class="sandbox"src="https://example.org/x"></iframe>
            """, lineOffset: 1)
        #expect(
            doc.html
                == "<iframe src=\"https://example.org/embed\" style=\"width: 100%; border-radius: 4px; opacity: 0.5\" "
                + "allowfullscreen title=\"Demo\" class=\"wide\"></iframe>\n"
                + "<img alt=\"Logo\" width=\"120\" />\n<p><a href=\"y.md\">x</a></p>\n"
                + "<p><img src=\"./shot.png\" alt=\"A\" /> <img src=\"./b.png\" alt=\"B\" />\n"
                + "<img src=\"/img/c.png\" alt=\"C\" /></p>\n"
                + "<iframe class=\"sandbox\" src=\"https://example.org/x\"></iframe>\n")
        #expect(doc.links.first?.position == SourcePosition(line: 17, column: 1))
        // (The iframes of another site are said too, `RawHTMLTests`.)
        let attributes = doc.problems.filter { !$0.message.contains("<iframe>") }
        #expect(
            attributes.map(\.message) == [
                "an attribute is left out (first here; <img src={…}>): its value is JavaScript, which Kretslopp "
                    + "does not run"
            ])
        #expect(attributes.first?.position == SourcePosition(line: 15, column: 1))
        #expect(doc.problems.count { $0.message.contains("<iframe>") } == 2)
    }

    /// Starlight's components: `<Aside>` is an admonition, `<LinkCard>`s a list of links with
    /// their descriptions, `<Badge variant>` a badge; `<Card>` its title in bold over its text,
    /// whose tabs (as Starlight's pages indent) are no indented code.
    @Test func starlightsComponentsAreRead() {
        let doc = renderer.render(
            """
            import { Aside, LinkCard, Badge } from '@astrojs/starlight/components';

            <Aside type="caution" title="Watch out">
              Back up first.
            </Aside>

            <LinkCard title="Guides [all]" href="/guides/" description="How to." />
            <LinkCard title="Reference" href="/reference/" />

            New <Badge text="beta" variant="caution" /> and <Badge text="done" variant="success" />.

            <CardGrid>
            \t<Card title="Docs">
            \t\tFast.
            \t</Card>
            </CardGrid>
            """)
        #expect(
            doc.html.hasPrefix(
                "<div class=\"markdown-alert markdown-alert-caution admonition caution\" role=\"note\">\n"
                    + "<p class=\"markdown-alert-title\">\nWatch out\n</p>\n<p>Back up first.</p>\n</div>"))
        #expect(
            doc.html.contains(
                "<ul>\n<li><a href=\"/guides/\">Guides [all]</a>: How to.</li>\n"
                    + "<li><a href=\"/reference/\">Reference</a></li>\n</ul>"), "\(doc.html)")
        #expect(
            doc.html.contains(
                "<p>New <span class=\"badge badge--warning\">beta</span> and "
                    + "<span class=\"badge badge--tip\">done</span>.</p>"))
        #expect(doc.html.contains("<p><strong>Docs</strong>\nFast.</p>"), "\(doc.html)")
        #expect(doc.problems.map(\.message).first?.hasPrefix("2 React components are left out") == true)
    }

    /// Starlight's `<LinkButton>`: a link drawn as a button, in a line or around one line of text;
    /// `variant="secondary"` outlined. Around more it is left out, its text shown, and said.
    @Test func linkButtonsAreLinks() {
        let doc = renderer.render(
            """
            <LinkButton href="/start/">Get **started**</LinkButton> or `<LinkButton>` in code.

            <LinkButton href="https://example.org/" variant="secondary" icon="external">
              Read more
            </LinkButton>

            <LinkButton href="/x/">
            One

            Two
            </LinkButton>
            """)
        #expect(
            doc.html.hasPrefix(
                "<p><a class=\"md-button md-button--primary\" href=\"/start/\">Get <strong>started</strong></a> or "
                    + "<code>&lt;LinkButton&gt;</code> in code.</p>\n"
                    + "<p><a class=\"md-button\" href=\"https://example.org/\">Read more</a></p>\n<p>One</p>"),
            "\(doc.html)")
        #expect(
            doc.problems.map(\.message) == [
                "a React component is left out, the text inside shown (first here; <LinkButton>): components run in "
                    + "the reader's browser with React, which Kretslopp does not use"
            ])
    }

    /// Without `mdx` all of it is Markdown as ever: the import is text.
    @Test func withoutMDXNothingIsRead() {
        let html = MarkdownRenderer(options: MarkdownOptions()).render("import Tabs from '@theme/Tabs';\n").html
        #expect(html.hasPrefix("<p>import Tabs from "))
    }
}
