import Foundation
import Testing

@testable import SiteBuilder

/// A GitHub wiki built as it is: `kretslopp import` finds it (Home.md, `_Sidebar.md`, `[[links]]`),
/// its sidebar is the nav, and its links find a page by its name wherever its file is.
@Suite struct WikiSiteTests {
    static let pages: [(path: String, text: String)] = [
        ("Home.md", "Start with [[Getting Started]], then [[the levels|alerts#levels]].\n"),
        ("Getting-Started.md", "# Install\n\nBack [[home]]; or [Alerts](Alerts), [none](Missing-Page).\n"),
        ("Tips:-Backends,-Caches.md", "Read [[Getting Started]]; [[tips: backends caches]] is this page.\n"),
        ("guide/Alerts.md", "[[_TOC_]]\n\n## Levels\n\nSee [[getting started#nowhere]].\n"),
    ]
    static let sidebar = """
        ## [Website](https://acme.example)

        **Start**
        * [[Home]]
        * [[Getting Started]]
          * [[Alerts]]
        * [External](https://example.com/ext)

        ## Reference
        * [[Missing]]
        * [Alerts again](Alerts)
        """

    @Test func theImportFindsAWikiAndItsSidebarIsTheNav() {
        let made = FolderImport(folderName: "widget.wiki", pages: Self.pages, sidebar: Self.sidebar)
        #expect(made.isWiki && made.sidebarEntries == 2)
        #expect(made.siteYAML.contains("  wiki: true "))
        #expect(made.siteYAML.contains("\nhome: Home.md "))
        #expect(
            made.siteYAML.contains(
                """
                nav:  # the wiki's _Sidebar.md
                  - Start:
                      - Home: Home.md
                      - Getting Started: Getting-Started.md
                      - Alerts: guide/Alerts.md
                  - Reference:
                      - Alerts again: guide/Alerts.md

                """), "\(made.siteYAML)")
        // Without a sidebar, Home.md or `[[links]]` tell a wiki; a README.md's folder is none.
        #expect(FolderImport(folderName: "w", pages: Array(Self.pages.prefix(1))).isWiki)
        #expect(!FolderImport(folderName: "d", pages: [("README.md", "See [x](y.md) and [[toc]].\n")]).isWiki)
    }

    @Test func wikiLinksFindThePageByItsName() throws {
        var content = [
            "site.yaml":
                "title: Widget\nlanguage: en\nbaseURL: https://w.example/\nhome: Home.md\nlinks:\n  wiki: true\n"
        ]
        for page in Self.pages { content[page.path] = page.text }
        let result = try Fixture(content: content, theme: [:]).build { $0.theme = PageSummaryTests.defaultTheme }
        // Each name found, in any case and either spelling; a missing one and a wrong heading said.
        #expect(
            result.messages.sorted() == [
                "Content/Getting-Started.md:3:37: error: link 'Missing-Page' names no page of the wiki; a wiki's "
                    + "link names a page by its file's name: [[Getting Started]] or [text](Getting-Started) for "
                    + "Getting-Started.md",
                "Content/guide/Alerts.md:5:5: error: 'Getting-Started.md' has no heading or anchor '#nowhere'; heading "
                    + "ids are the heading's text in lower case, punctuation dropped and spaces as hyphens (GitHub's "
                    + "rule), or set with {#id}",
            ], "\(result.messages)")
        let fixed = try Fixture(
            content: content.merging(["guide/Alerts.md": "## Levels\n", "Getting-Started.md": "[[Home]]\n"]) { $1 },
            theme: [:]
        ).build { $0.theme = PageSummaryTests.defaultTheme }
        let home = try #require(fixed.file("index.html"))
        #expect(
            home.contains(
                #"Start with <a href="Getting-Started/">Getting Started</a>, then <a href="guide/Alerts/#levels">"#
                    + "the levels</a>."), "\(home)")
        // A name with a colon and a comma, written another way.
        let tips = try #require(fixed.file("tips-backends-caches/index.html"), "\(fixed.files.map(\.path))")
        #expect(tips.contains(#"<a href="../tips-backends-caches/">tips: backends caches</a>"#), "\(tips)")
    }
}
