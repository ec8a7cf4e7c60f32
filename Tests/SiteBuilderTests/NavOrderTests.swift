import Testing

@testable import SiteBuilder

/// site.yaml's `nav:`, written as in mkdocs.yml, is the order a tree brought from MkDocs is read
/// in: listings and sub-sections follow it, previous and next run through it across sections
/// with the titles it gives, and an entry naming nothing is reported at its line.
@Suite struct NavOrderTests {
    static let templates: [String: String] = [
        "templates/home.mustache":
            "{{<base}}{{$main}}HOME SUB {{#section.children}}{{title}};{{/section.children}}{{/main}}{{/base}}",
        "templates/page.mustache":
            "{{<base}}{{$main}}PAGE {{page.title}} PREV {{#page.previous}}{{title}}@{{url}}{{/page.previous}} "
            + "NEXT {{#page.next}}{{title}}@{{url}}{{/page.next}}{{/main}}{{/base}}",
        "templates/section.mustache":
            "{{<base}}{{$main}}SECTION {{page.title}} SUB {{#section.children}}{{title}};{{/section.children}} "
            + "LIST {{#projects}}{{title}};{{/projects}} PREV {{#page.previous}}{{title}}{{/page.previous}} "
            + "NEXT {{#page.next}}{{title}}{{/page.next}}{{/main}}{{/base}}",
    ]

    /// A docs tree whose titles sort otherwise than its nav reads.
    static let docs: [String: String] = [
        "guide/_index.md": "---\ntitle: The guide\n---\nStart here.\n",
        "guide/install.md": "# Installation\n",
        "guide/configure.md": "# Configuration\n",
        "guide/advanced.md": "# Advanced use\n",
        "guide/extra.md": "# Appendix\n",
        "about/license.md": "# License\n",
        "about/contributing.md": "# Contributing\n",
        "api/reference.md": "# API reference\n",
    ]

    static let nav = """

        nav:
          - Guide: guide/
          - Install it: guide/install.md
          - guide/configure.md
          - Going further:
              - guide/advanced.md
              - Source: https://example.org/kod
          - "":
              - About:
                  - about/contributing.md
                  - License: about/license.md
        """

    func build(nav: String) throws -> BuildResult {
        try Fixture(content: Self.content(nav: nav), theme: Self.theme(page: nil)).build()
    }

    /// The basic fixture with the docs tree, and `nav` after its site.yaml.
    static func content(nav: String) -> [String: String] {
        var content = Fixture.basic
        for (path, text) in docs { content[path] = text }
        content["site.yaml"] = Fixture.siteYAML + nav
        return content
    }

    /// The templates above, with `page` as the page's main block, and `item` as `partials/n`.
    static func theme(page: String?, item: String? = nil) -> [String: String] {
        var theme = Fixture.theme.merging(templates) { $1 }
        if let page { theme["templates/page.mustache"] = "{{<base}}{{$main}}" + page + "{{/main}}{{/base}}" }
        if let item { theme["templates/partials/n.mustache"] = item }
        return theme
    }

    @Test func listingsAndSectionsFollowTheNav() throws {
        let result = try build(nav: Self.nav)
        #expect(result.messages == [])
        // What the folder entry brings (Appendix) where it stands, then the pages named after
        // it in the nav's order; without the nav: by title.
        let guide = try #require(result.file("guide/index.html"))
        #expect(guide.contains("LIST Appendix;Installation;Configuration;Advanced use; "), "\(guide)")
        // Sections the nav reaches come in its order, the others after them by title.
        let home = try #require(result.file("index.html"))
        #expect(home.contains("HOME SUB The guide;About;Api;Projekt;"), "\(home)")

        let plain = try build(nav: "")
        #expect(
            plain.file("guide/index.html")?.contains("LIST Advanced use;Appendix;Configuration;Installation; ") == true)
    }

    @Test func aFolderWithoutAPageOfItsOwnTakesItsTitleFromTheNav() throws {
        let result = try build(nav: Self.nav + "\n  - API: api/\n  - Guide again: guide/")
        #expect(result.messages == [])
        let home = try #require(result.file("index.html"))
        #expect(home.contains("HOME SUB The guide;About;API;Projekt;"), "\(home)")
        // A folder with an _index.md keeps that page's title.
        #expect(result.file("guide/index.html")?.contains("SECTION The guide ") == true)
    }

    @Test func previousAndNextRunThroughTheNavAcrossSections() throws {
        let result = try build(nav: Self.nav)
        let page = { (path: String) in result.file(path + "/index.html") ?? "" }
        // The folder entry: the section's page, then its pages the nav does not name elsewhere;
        // the nav's titles name the links.
        #expect(page("guide").contains("PREV  NEXT Appendix"), "\(page("guide"))")
        #expect(page("guide/extra").contains("PREV Guide@../../guide/ NEXT Install it@../../guide/install/"))
        #expect(
            page("guide/install").contains(
                "PREV Appendix@../../guide/extra/ NEXT Configuration@../../guide/configure/"))
        #expect(page("guide/configure").contains("NEXT Advanced use@../../guide/advanced/"))
        // Across a group and into another folder; the link out of the site is not a page.
        #expect(
            page("guide/advanced").contains(
                "PREV Configuration@../../guide/configure/ NEXT Contributing@../../about/contributing/"))
        #expect(page("about/license").contains("PREV Contributing@../../about/contributing/ NEXT "))
        // A page the nav does not reach has none, as in MkDocs.
        #expect(page("api/reference").contains("PAGE API reference PREV  NEXT "), "\(page("api/reference"))")
    }

    /// Without `menu:`, the nav's top level is the menu, as MkDocs' themes show it: a group as its
    /// first page under the group's title.
    @Test func theNavsTopLevelIsTheMenuUnlessSiteYAMLHasOne() throws {
        let theme = Self.theme(page: "MENU {{#menu}}{{title}}@{{url}}{{#current}}*{{/current}};{{/menu}}")
        var content = Self.content(nav: Self.nav + "\n  - Code: https://example.org/kod")
        let result = try Fixture(content: content, theme: theme).build()
        #expect(result.messages == [])
        #expect(
            result.file("guide/install/index.html")?.contains(
                "MENU Guide@../../guide/*;Install it@../../guide/install/*;Configuration@../../guide/configure/;"
                    + "Going further@../../guide/advanced/;Contributing@../../about/contributing/;"
                    + "Code@https://example.org/kod;") == true, "\(result.file("guide/install/index.html") ?? "")")

        // A group's item is current on every page of the group.
        #expect(
            result.file("about/license/index.html")?.contains(
                "Going further@../../guide/advanced/;Contributing@../../about/contributing/*;") == true)

        content["site.yaml"] = Fixture.siteYAML + "\nmenu:\n  - title: Projekt\n    url: /projekt/" + Self.nav
        let own = try Fixture(content: content, theme: theme).build()
        #expect(own.file("guide/install/index.html")?.contains("MENU Projekt@../../projekt/;") == true)

        // `menu: []` is no menu bar (an mdBook's), the nav beside the page still there.
        content["site.yaml"] = Fixture.siteYAML + "\nmenu: []" + Self.nav
        let none = try Fixture(content: content, theme: theme).build()
        #expect(none.messages == [])
        let page = try #require(none.file("guide/install/index.html"))
        #expect(page.contains("MENU ") && !page.contains("MENU G") && !page.contains("@../../guide/*;"))
    }

    /// A page showing `siteNav` through `partials/n`.
    static let navPage = "NAV {{#siteNav}}{{>partials/n}}{{/siteNav}}"

    /// `siteNav`: the nav's tree as a page sees it: its entry current, the entries above it in
    /// the trail, a folder entry with the pages it brings (where the page is below it), groups
    /// and links as written.
    @Test func theSiteNavigationIsTheNavsTreeSeenFromThePage() throws {
        let theme = Self.theme(
            page: Self.navPage,
            item: "[{{title}}|{{url}}{{#current}}|here{{/current}}{{#inTrail}}|trail{{/inTrail}}"
                + "{{#isGroup}}|group{{/isGroup}}{{#isLink}}|link{{/isLink}}{{#items}}{{>partials/n}}{{/items}}]")
        let content = Self.content(nav: Self.nav + "\n  - gone.md")
        let result = try Fixture(content: content, theme: theme).build()
        #expect(
            result.file("about/license/index.html")?.contains(
                "NAV [Guide|../../guide/][Install it|../../guide/install/]"
                    + "[Configuration|../../guide/configure/]"
                    + "[Going further||group[Advanced use|../../guide/advanced/][Source|https://example.org/kod|link]]"
                    + "[About||trail|group[About||trail|group[Contributing|../../about/contributing/]"
                    + "[License|../../about/license/|here|trail]]]") == true,
            "\(result.file("about/license/index.html") ?? "")")
        // A folder entry's pages are given where the page is below it.
        #expect(
            result.file("guide/extra/index.html")?.contains(
                "NAV [Guide|../../guide/|trail[Appendix|../../guide/extra/|here|trail]][Install it|") == true)
        // Without a nav there is none.
        var plain = content
        plain["site.yaml"] = Fixture.siteYAML
        let without = try #require(try Fixture(content: plain, theme: theme).build().file("about/license/index.html"))
        #expect(without.contains("NAV ") && !without.contains("NAV ["))
    }

    /// `navIndexes: true`, Material for MkDocs' `navigation.indexes`: a group whose first entry is
    /// a folder's own page is that page's link, not "Start › The guide"; its other entries are
    /// below it on each of their pages, wherever they are; a group without one stays a group.
    @Test func aGroupsFirstPageIsItsLinkWithNavIndexes() throws {
        let theme = Self.theme(
            page: Self.navPage,
            item: "[{{title}}|{{url}}{{#current}}|here{{/current}}{{#inTrail}}|trail{{/inTrail}}"
                + "{{#isGroup}}|group{{/isGroup}}{{#items}}{{>partials/n}}{{/items}}]")
        let nav = """

            nav:
              - Start:
                  - guide/_index.md
                  - Install it: guide/install.md
                  - about/license.md
              - More:
                  - about/contributing.md
            """
        let indexed = try Fixture(content: Self.content(nav: "\nnavIndexes: true" + nav), theme: theme).build()
        #expect(indexed.messages == [])
        let license = try #require(indexed.file("about/license/index.html"))
        #expect(
            license.contains(
                "NAV [Start|../../guide/|trail[Install it|../../guide/install/]"
                    + "[License|../../about/license/|here|trail]]"
                    + "[More||group[Contributing|../../about/contributing/]]"),
            "\(license)")
        let elsewhere = try #require(indexed.file("about/contributing/index.html"))
        #expect(elsewhere.contains("NAV [Start|../../guide/][More||trail|group"), "\(elsewhere)")
        let install = try #require(indexed.file("guide/install/index.html"))
        #expect(
            install.contains("NAV [Start|../../guide/|trail[Install it|../../guide/install/|here|trail]"), "\(install)")
        // Without it, the folder's page is the group's first entry, as MkDocs shows it.
        let plain = try Fixture(content: Self.content(nav: nav), theme: theme).build()
        #expect(
            plain.file("about/license/index.html")?.contains(
                "NAV [Start||trail|group[The guide|../../guide/][Install it|") == true)
    }

    /// `nav: auto`: every section and page, as MkDocs makes a nav for a mkdocs.yml without one.
    @Test func anAutomaticNavIsEverySectionWithItsPages() throws {
        let theme = Self.theme(
            page: Self.navPage, item: "[{{title}}{{#current}}*{{/current}}{{#items}}{{>partials/n}}{{/items}}]")
        var content = Self.content(nav: "\nnav: auto\n")
        let result = try Fixture(content: content, theme: theme).build()
        #expect(result.messages == [])
        let page = try #require(result.file("guide/install/index.html"))
        // The page's section open with its pages in listing order; the others closed.
        #expect(
            page.contains(
                "NAV [Start][Om][About][Api][Projekt][The guide[Advanced use][Appendix][Configuration]"
                    + "[Installation*]]"),
            "\(page)")
        // A section of more pages than the nav lists is its link alone.
        for n in 0...SiteNavNode.pagesListed { content["many/p\(n).md"] = "# Page \(n)\n" }
        let large = try Fixture(content: content, theme: theme).build()
        let many = try #require(large.file("many/p7/index.html"))
        #expect(many.contains("[Many][Projekt]") && !many.contains("[Page 0]"), "\(many)")
    }

    @Test func anEntryNamingNoPageIsAWarningAtItsLine() throws {
        let nav = """

            nav:
              - guide/install.md
              - Old: guide/removed.md
              - Missing folder: handbook/
              - Download: files/report.pdf
              - Blog:
            """
        let result = try build(nav: nav)
        let line = Fixture.siteYAML.split(separator: "\n", omittingEmptySubsequences: false).count + 3
        #expect(
            result.messages.contains {
                $0.hasPrefix("Content/site.yaml:\(line):10: warning: nav names 'guide/removed.md', which is not a page")
            }, "\(result.messages)")
        #expect(result.messages.contains { $0.contains("nav names 'handbook/'") })
        // A file that is not Markdown is a link, as MkDocs takes it.
        #expect(!result.messages.contains { $0.contains("report.pdf") })
        // An empty group (a plugin of MkDocs fills it) is a warning too.
        #expect(result.messages.contains { $0.contains("nav entry 'Blog' names no page and has no entries") })
        #expect(result.messages.count == 3)
        #expect(result.file("guide/install/index.html") != nil)
    }

    @Test func aMistypedEntryIsAnErrorAtItsLine() throws {
        let nav = """

            nav:
              - guide/install.md
              - Two: guide/configure.md
                Titles: guide/advanced.md
              - Number: 3
            """
        let base = Fixture.siteYAML.split(separator: "\n", omittingEmptySubsequences: false).count
        let messages = try build(nav: nav).messages
        #expect(
            messages.contains {
                $0.hasPrefix("Content/site.yaml:\(base + 3):5: error: a nav entry has one title, not 2")
            })
        #expect(
            messages.contains { $0.hasPrefix("Content/site.yaml:\(base + 5):13: error: nav entry 'Number' must be") })
    }
}
