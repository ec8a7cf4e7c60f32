import Foundation
import Testing

@testable import SiteBuilder

/// Hugo's `{{< param "name" >}}`: the page's own front matter value, else site.yaml's `params:`
/// (Hugo's site params, which `kretslopp import` carries over for the names the pages show).
@Suite struct SiteParamsTests {
    static let siteParams =
        "\nparams:\n  Version: '1.0'\n  github:\n    repo: https://example.org/repo\n  tags: [a, b]\n"
    static let page = """
        ---
        title: Install
        version: '2.0-beta'
        ---
        Version {{< param "version" >}}, from {{% param github.repo %}}; {{< param tags >}} {{< param gone >}}.

        `{{< param version >}}` in code stays.
        """

    func content(page: String = Self.page) -> [String: String] {
        [
            "site.yaml": Fixture.siteYAML + Self.siteParams, "guide/install.md": page,
            "guide/other.md": "# Other\n\n"
                + "Site's {{< param version >}}.\n",
        ]
    }

    @Test func thePagesValueElseTheSites() throws {
        let result = try Fixture.buildWithDefaultTheme(content())
        let install = try #require(result.file("guide/install/index.html"))
        #expect(
            install.contains("Version 2.0-beta, from https://example.org/repo; {{&lt; param tags &gt;}}"), "\(install)")
        #expect(
            install.contains("{{&lt; param gone &gt;}}") && install.contains("<code>{{&lt; param version &gt;}}</code>")
        )
        #expect(try #require(result.file("guide/other/index.html")).contains("Site’s 1.0."))
        // A name with no text value stays as written, with the shortcodes' warning.
        #expect(result.messages.contains { $0.contains("guide/install.md:5:") && $0.contains("{{< param >}}") })
    }

    /// The preview keeps a body as rendered while its text is the same; one that shows a param
    /// depends on its front matter too.
    @Test func thePreviewShowsAnEditedValue() throws {
        let fixture = try Fixture(content: Fixture.basic.merging(content()) { $1 }, theme: [:])
        guard let session = fixture.previewWithDefaultTheme() else { return }
        /// Writes `text` to `path` below the content folder, rebuilds, and gives the page at `page`.
        func edit(_ path: String, _ text: String, thenRead page: String) throws -> String {
            let file = fixture.root.appendingPathComponent("Content/" + path)
            try text.write(to: file, atomically: true, encoding: .utf8)
            guard case .updated = session.rebuild(changedPaths: [file.path]) else {
                Issue.record("the rebuild after editing \(path) failed: \(session.diagnostics)")
                return ""
            }
            #expect(session.waitForBackgroundWork(timeout: .seconds(60)))
            return String(decoding: try #require(session.file(page)).bytes, as: UTF8.self)
        }
        let page = try edit(
            "guide/install.md", Self.page.replacingOccurrences(of: "2.0-beta", with: "2.0"),
            thenRead: "guide/install/index.html")
        #expect(page.contains("Version 2.0, from"), "\(page)")
        // And the site's value, edited in site.yaml, on the page that shows it.
        let other = try edit(
            "site.yaml", Fixture.siteYAML + Self.siteParams.replacingOccurrences(of: "'1.0'", with: "'1.1'"),
            thenRead: "guide/other/index.html")
        #expect(other.contains("Site’s 1.1."), "\(other)")
    }

    @Test func hugosParamsTheSitesPagesShowAreImported() {
        var made = HugoImport(
            text: "title = 'x'\n[params]\nversion = '0.9'\nunused = 'y'\n[params.github]\nrepo = 'https://g/r'\n",
            file: "hugo.toml")
        made.declareTaxonomies(pages: [
            ("a.md", "---\ntitle: A\n---\n{{< param \"Version\" >}} and {{% param github.repo %}} {{< param none >}}\n")
        ])
        #expect(
            made.siteYAML.contains(
                "params:  # Hugo's site params the pages show with {{< param >}}\n  github:\n    repo: https://g/r\n"
                    + "  version: '0.9'\n"), "\(made.siteYAML)")
        #expect(!made.siteYAML.contains("unused"))
    }
}
