import Testing

@testable import SiteBuilder

/// Pages that put themselves in the menu or the footer in their front matter, as Hugo's do
/// (`menu: main`), so a Hugo tree brought as it is keeps its menu.
@Suite struct PageMenusTests {
    /// The fixture's theme, its base showing the menu and the footer.
    static let theme: [String: String] = Fixture.theme.merging([
        "templates/base.mustache":
            "MENU {{#menu}}{{title}}@{{url}}{{#current}}*{{/current}};{{/menu}} "
            + "FOOTER {{#footer}}{{title}}@{{url}};{{/footer}}{{$main}}{{/main}}"
    ]) { $1 }

    static func content(_ pages: [String: String], siteYAML: String = Fixture.siteYAML) -> [String: String] {
        var content = Fixture.basic
        content["site.yaml"] = siteYAML
        for (path, text) in pages { content[path] = text }
        return content
    }

    @Test func pagesJoinTheMenuAndTheFooterInHugosOrder() throws {
        let content = Self.content([
            "om.md": "---\ntitle: Om programmet\nmenu: main\n---\n## Bakgrund\n",
            "kontakt.md": "---\ntitle: Kontakt\nlinkTitle: Kontakta oss\nmenu: [main, footer]\n---\n",
            "projekt/_index.md": "---\ntitle: Projekten\nmenu:\n  main:\n    name: Projekt\n    weight: 2\n---\n",
            "start.md": "---\ntitle: Börja här\nweight: 1\nmenus: main\n---\n",
            "villkor.md": "---\ntitle: Villkor\nmenu:\n  footer:\n---\n",
            "projekt/del.md": "---\ntitle: Del\ntags: [cirkulär]\nmenu:\n  main: {parent: Projekt}\n---\n",
        ])
        let result = try Fixture(content: content, theme: Self.theme).build()
        #expect(result.messages == [])
        let page = try #require(result.file("om/index.html"))
        // Weighted entries first, lowest first; then by title. A sub-item (`parent`) is left out.
        #expect(
            page.contains(
                "MENU Börja här@../start/;Projekt@../projekt/;Kontakta oss@../kontakt/;Om programmet@../om/*; "),
            "\(page)")
        #expect(page.contains("FOOTER Kontakta oss@../kontakt/;Villkor@../villkor/;"), "\(page)")
        // Below an entry's page, the entry is current.
        #expect(result.file("projekt/del/index.html")?.contains("Projekt@../../projekt/*;") == true)
    }

    @Test func theyFollowSiteYAMLsEntriesWithoutRepeatingAPage() throws {
        let siteYAML = Fixture.siteYAML + "\nmenu:\n  - title: Alla projekt\n    url: /projekt/\n"
        let content = Self.content(
            [
                "om.md": "---\ntitle: Om\nmenu: main\n---\n## Bakgrund\n",
                "projekt/_index.md": "---\ntitle: Projekten\nmenu: main\n---\n",
            ], siteYAML: siteYAML)
        let result = try Fixture(content: content, theme: Self.theme).build()
        #expect(result.messages == [])
        #expect(result.file("om/index.html")?.contains("MENU Alla projekt@../projekt/;Om@../om/*; ") == true)
    }

    @Test func aMenuTheSiteDoesNotShowIsNamedOnceAndAMistakeAtItsLine() throws {
        let content = Self.content([
            "om.md": "---\ntitle: Om\nmenu: sidebar\n---\n## Bakgrund\n",
            "hjalp.md": "---\ntitle: Hjälp\nmenu:\n  sidebar: {weight: 3}\n---\n",
        ])
        let result = try Fixture(content: content, theme: Self.theme).build()
        #expect(result.succeeded)
        #expect(
            result.messages == [
                "Content/hjalp.md:4:12: warning: this page (and 1 more page) is in menu 'sidebar', which the site "
                    + "does not show; 'main' is the site's menu and 'footer' its footer's links; "
                    + "other menus are left out"
            ], "\(result.messages)")

        let wrong = Self.content([
            "om.md": "---\ntitle: Om\nmenu: 3\n---\n## Bakgrund\n",
            "hjalp.md": "---\ntitle: Hjälp\nmenu: [main, {x: 1}]\n---\n",
            "villkor.md": "---\ntitle: Villkor\nmenu:\n  main: true\n---\n",
        ])
        let failed = try Fixture(content: wrong, theme: Self.theme).build()
        #expect(!failed.succeeded)
        #expect(
            failed.messages.map { $0.prefix { $0 != ";" } } == [
                "Content/hjalp.md:3:14: error: each item of 'menu' must be a menu's name, not a mapping",
                "Content/om.md:3:7: error: 'menu' must name a menu, not a number",
                "Content/villkor.md:4:9: error: 'menu: main' must be a mapping of 'key: value' lines, not true/false",
            ], "\(failed.messages)")
    }
}
