import Foundation
import Testing

@testable import SiteBuilder

/// VitePress' `{{ $frontmatter.name }}` in a page's text (`markdown: {vue: true}`): the page's own
/// value, as text; other Vue expressions shown as written and said; code as written.
@Suite struct VueInterpolationTests {
    static let siteYAML = Fixture.siteYAML + "\nmarkdown:\n  vue: true\n  unsafeHTML: true\n"
    static let page = """
        ---
        title: Guide
        tagline: Fast <and> *plain*
        hero:
          name: VitePress
        ---
        ## About {{ $frontmatter.hero.name }}

        By {{$frontmatter.hero.name}}: {{ $frontmatter.tagline }}; none: [{{ $frontmatter.missing }}].
        Sum {{ 1 + 1 }} and `{{ $frontmatter.title }}` in code.

        ```
        {{ $frontmatter.title }}
        ```

        Kept <span v-pre>{{ as written }}</span>, but <b v-pre>x</b> {{ $frontmatter.title }}.

        ::: v-pre
        ::: tip
        {{ as written }}
        :::
        {{ still as written }}
        :::
        {{ $frontmatter.title }} after.
        """

    @Test func thePagesValuesAreItsTextAndOtherExpressionsAreSaid() throws {
        let result = try Fixture.buildWithDefaultTheme(["site.yaml": Self.siteYAML, "guide.md": Self.page])
        let html = try #require(result.file("guide/index.html"))
        // The heading's id is made from its text as shown.
        #expect(html.contains("<h2 id=\"about-vitepress\">\nAbout VitePress"), "\(html)")
        #expect(html.contains("By VitePress: Fast &lt;and&gt; *plain*; none: []."), "\(html)")
        #expect(html.contains("Sum {{ 1 + 1 }} and <code>{{ $frontmatter.title }}</code> in code."), "\(html)")
        #expect(html.contains("<pre><code>{{ $frontmatter.title }}\n</code></pre>"), "\(html)")
        // VitePress' `v-pre`, on an element and as a container, keeps the text as written.
        #expect(html.contains("Kept <span v-pre>{{ as written }}</span>, but <b v-pre>x</b> Guide."), "\(html)")
        #expect(html.contains("<p>{{ still as written }}</p>\n<p>Guide after.</p>"), "\(html)")
        #expect(html.contains("<p>{{ as written }}</p>") && !html.contains("v-pre</p>"), "\(html)")
        let said = result.messages.filter { $0.contains("Vue expression") }
        #expect(said.count == 1 && said[0].contains("guide.md:10:5:") && said[0].contains("{{ 1 + 1 }}"), "\(said)")
    }

    /// Without `vue: true` the text is Markdown's alone: shown as written, nothing said.
    @Test func onlyInVitePressPages() throws {
        let result = try Fixture.buildWithDefaultTheme(["site.yaml": Fixture.siteYAML, "guide.md": Self.page])
        let html = try #require(result.file("guide/index.html"))
        #expect(html.contains("By {{$frontmatter.hero.name}}:"), "\(html)")
        #expect(!result.messages.contains { $0.contains("Vue expression") })
    }

    /// The preview renders a body again when its front matter changes, if it shows a value of it.
    @Test func thePreviewShowsAnEditedValue() throws {
        let fixture = try Fixture(
            content: Fixture.basic.merging(["site.yaml": Self.siteYAML, "guide.md": Self.page]) { $1 }, theme: [:])
        let session = try #require(fixture.previewWithDefaultTheme())
        let file = fixture.root.appendingPathComponent("Content/guide.md")
        try Self.page.replacingOccurrences(of: "name: VitePress", with: "name: Kretslopp")
            .write(to: file, atomically: true, encoding: .utf8)
        guard case .updated = session.rebuild(changedPaths: [file.path]) else {
            Issue.record("the rebuild failed: \(session.diagnostics)")
            return
        }
        #expect(session.waitForBackgroundWork(timeout: .seconds(60)))
        let html = String(decoding: try #require(session.file("guide/index.html")).bytes, as: UTF8.self)
        #expect(html.contains("By Kretslopp:"), "\(html)")
    }
}
