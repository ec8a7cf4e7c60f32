import Foundation
import Testing

@testable import SiteBuilder

/// `kretslopp import _config.yml`: a Jekyll site's settings, and the nav Just the Docs makes from
/// its pages' front matter, as a site.yaml; and the front matter Jekyll sites write.
@Suite struct JekyllImportTests {
    static let config = """
        title: Handboken
        description: Om upphandling
        lang: sv_SE
        url: "https://exempel.se"
        baseurl: /handbok
        permalink: date
        exclude:
          - Gemfile
          - vendor/bundle/
          - utkast/
        collections:
          recept:
            output: true
        kramdown:
          toc_levels: 2..3
        """

    static func page(_ front: String) -> String { "---\n\(front)\n---\nText.\n" }

    static let pages: [(path: String, text: String)] = [
        ("index.md", page("title: Hem\nnav_order: 1\npermalink: /")),
        ("docs/b.md", page("title: Bra att veta\nnav_order: 10")),
        ("docs/a.md", page("title: Anvisningar\nnav_order: 2")),
        ("docs/c.md", page("title: citat")), // no nav_order: after those with one, by title
        ("docs/s.md", page("title: Sök\nnav_order: sist")), // a text orders after the numbers
        ("docs/x.md", page("title: X\nparent: Anvisningar")),
        ("docs/y.md", page("title: Y\nparent: Anvisningar")),
        ("docs/xs.md", page("title: S\nparent: X")),
        ("docs/ys.md", page("title: S\nparent: Y")),
        ("docs/xt.md", page("title: T\nparent: S\ngrand_parent: X")),
        ("docs/yt.md", page("title: T\nparent: S\nancestor: Y")),
        ("docs/dold.md", page("title: Dold\nnav_exclude: true")),
        ("docs/ingen.md", page("title: Ensam\nparent: Finns inte")),
        ("docs/utan.md", "Text utan front matter.\n"),
        ("utkast/u.md", page("title: Utkast\nparent: Anvisningar")),
    ]

    /// The tags and categories the posts and pages write are taxonomies with their terms; a page
    /// of the site's own at `/tags/` (Liquid listing them) is left out, the build makes that page.
    @Test func tagsAndCategoriesAreTaxonomies() throws {
        var made = JekyllImport(text: "title: Blogg\n", file: "_config.yml")
        made.read(
            pages: [
                ("index.md", Self.page("title: Hem")),
                ("tags.md", Self.page("title: Taggar\npermalink: /tags/")),
                ("kategorier.html", Self.page("permalink: /categories.html")),
                ("om.md", Self.page("title: Om\ntags: sida")),
            ],
            templatePages: [], posts: ["2024-01-15-hej.md"],
            postPages: [
                (
                    "_posts/2024-01-15-hej.md",
                    Self.page("title: Hej\ntags: [release, Swift]\ncategories: nyheter jekyll")
                )
            ])
        let yaml = made.siteYAML
        #expect(yaml.contains("  - tags.md  # its URL is a taxonomy's page, which the build makes\n"), "\(yaml)")
        #expect(yaml.contains("  - kategorier.html  # its URL is a taxonomy's page"))
        #expect(
            yaml.contains(
                "  - key: tags\n    title: Tags\n    singular: Tag\n"
                    + "    spaceSeparated: true  # `tags: a b` is two terms, as Jekyll reads it\n"
                    + "    terms:\n      - id: release\n"
            ))
        #expect(yaml.contains("      - id: Swift\n") && yaml.contains("      - id: sida\n"))
        // Jekyll's `categories: nyheter jekyll` is two of them.
        #expect(yaml.contains("  - key: categories\n") && yaml.contains("      - id: jekyll\n      - id: nyheter\n"))
        // A site whose pages write neither has no taxonomies, and its tags page stays.
        var plain = JekyllImport(text: "title: Blogg\n", file: "_config.yml")
        plain.read(pages: [("tags.md", Self.page("permalink: /tags/"))], templatePages: [])
        #expect(!plain.siteYAML.contains("taxonomies:") && !plain.siteYAML.contains("tags.md"))
    }

    @Test func theSettingsBecomeSiteYAML() throws {
        var made = JekyllImport(text: Self.config, file: "sajt/_config.yml")
        made.read(pages: Self.pages, templatePages: ["404.html", "vendor/bundle/x.html"])
        let yaml = made.siteYAML
        #expect(yaml.contains("title: Handboken\ndescription: Om upphandling\nlanguage: sv-SE\n"))
        #expect(yaml.contains("baseURL: https://exempel.se/handbok/\n"))
        #expect(yaml.contains("  liquid: true "))
        #expect(yaml.contains("  kramdown: {tocLevels: 2..3}  #"))
        // `permalink: date` keeps Jekyll's x.html URLs.
        #expect(yaml.contains("  keepHTML: true "))
        // Jekyll's own exclusions and the site's, once each; the template page, not the excluded one.
        #expect(yaml.components(separatedBy: "  - Gemfile  #").count == 2)
        #expect(yaml.components(separatedBy: "  - vendor/bundle  #").count == 2)
        #expect(yaml.contains("  - utkast  # exclude:\n"))
        #expect(yaml.contains("  - 404.html  # a Liquid template"))
        #expect(!yaml.contains("vendor/bundle/x.html"))
        #expect(made.templatePages == ["404.html"])
        #expect(made.collections == ["recept"])
        // site.yaml reads back.
        let read = SimpleYAMLCheck.parse(yaml)
        #expect(read)
    }

    /// Just the Docs' order: numbers, then texts, then by title (case ignored); `grand_parent:`
    /// and `ancestor:` tell pages of one title apart; excluded, untitled and orphaned pages are
    /// left out, an orphan with a warning at its `parent:`.
    @Test func theNavIsJustTheDocs() throws {
        var made = JekyllImport(text: Self.config, file: "sajt/_config.yml")
        made.read(pages: Self.pages, templatePages: [])
        // Just the Docs has no menu bar (its aux_links, when it has them, are the menu).
        #expect(made.siteYAML.contains("\nmenu: []  # no menu bar"))
        var linked = JekyllImport(
            text: "title: T\naux_links:\n  \"Källkod\":\n    - https://example.org/git\n", file: "_config.yml")
        linked.read(pages: Self.pages, templatePages: [])
        #expect(
            linked.siteYAML.contains(
                "menu:  # Just the Docs' aux_links\n  - title: Källkod\n    url: https://example.org/git\n"))
        let nav = try #require(made.siteYAML.components(separatedBy: "nav:").last)
        #expect(
            nav.hasPrefix(
                """
                  # the pages' parent:, grand_parent: and nav_order:, as Just the Docs orders them
                - Hem: index.md
                - Anvisningar:
                    - Anvisningar: docs/a.md
                    - X:
                        - X: docs/x.md
                        - S:
                            - S: docs/xs.md
                            - T: docs/xt.md
                    - Y:
                        - Y: docs/y.md
                        - S:
                            - S: docs/ys.md
                            - T: docs/yt.md
                - Bra att veta: docs/b.md
                - Sök: docs/s.md
                - citat: docs/c.md
                strings:
                """))
        #expect(made.navPageCount == 11)
        #expect(
            made.diagnostics.map(\.description) == [
                "sajt/docs/ingen.md:3:9: warning: parent 'Finns inte' is the title of no page in the nav; the page is "
                    + "left out of it; write the parent page's title as its parent:, or add the page to site.yaml's "
                    + "nav: by hand"
            ])
    }

    /// A site whose pages use none of the theme's keys gets `nav: auto`; `permalink: pretty` has
    /// no x.html URLs to keep.
    @Test func aPlainJekyllSite() {
        var made = JekyllImport(
            text: "title: Blogg\npermalink: pretty\nexclude:\n  - utkast//gamla\n", file: "_config.yml")
        made.read(pages: [("om.md", Self.page("title: Om"))], templatePages: [])
        // An exclusion site.yaml's ignore: cannot read is said where it is written, and left out.
        #expect(!made.siteYAML.contains("utkast"))
        #expect(
            made.diagnostics.map(\.description).contains {
                $0.hasPrefix("_config.yml:4:5: warning: exclude: 'utkast//gamla'")
            })
        #expect(made.siteYAML.contains("nav: auto"))
        #expect(!made.siteYAML.contains("keepHTML"))
        #expect(!made.siteYAML.contains("menu:"))
        #expect(made.siteYAML.contains("language: en\n"))
        #expect(made.siteYAML.contains("  kramdown: true "))
    }

    /// Jekyll's `permalink:` is the page's URL, `redirect_from:` its old ones (jekyll-redirect-from).
    @Test func permalinkAndRedirectFrom() throws {
        var content = Fixture.basic
        content["projekt/flyttad.md"] =
            "---\ntitle: Flyttad\ntags: [cirkulär]\npermalink: /ny/plats/\nredirect_from:\n  - /gammal/\n"
            + "  - /Tips-N'-Tricks\n  - /a,b%20c\n---\nText.\n"
        let result = try Fixture(content: content).build()
        #expect(result.messages == [])
        #expect(result.file("ny/plats/index.html")?.contains("Flyttad") == true)
        #expect(result.file("gammal/index.html")?.contains("url=../ny/plats/\"") == true)
        // Old URLs keep a URL's other path characters; a wildcard is still a host's rule.
        #expect(result.file("Tips-N'-Tricks/index.html")?.contains("url=../ny/plats/\"") == true)
        #expect(result.file("a,b%20c/index.html") != nil)
        content["projekt/flyttad.md"] = "---\ntitle: F\ntags: [cirkulär]\nredirect_from: [/a b/, /x/*]\n---\n"
        let wrong = try Fixture(content: content).build()
        #expect(wrong.messages.contains { $0.contains("error: alias '/a b/' must be a path") })
        #expect(wrong.messages.contains { $0.contains("warning: alias '/x/*' has a wildcard") })
    }
}

/// kramdown's `{:toc}` lists the heading levels site.yaml names (Jekyll's `toc_levels`).
@Suite struct KramdownSettingsTests {
    @Test func tocLevelsChooseTheHeadings() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\nmarkdown:\n  kramdown: {tocLevels: 2..3}\n"
        content["las.md"] = "---\ntitle: Läs\n---\n* TOC\n{:toc}\n\n## Del\n\n### Under\n\n#### Djupt\n"
        let result = try Fixture(content: content).build()
        #expect(result.messages == [])
        let page = try #require(result.file("las/index.html"))
        #expect(page.contains("<a href=\"#del\">Del</a>") && page.contains("<a href=\"#under\">Under</a>"))
        #expect(!page.contains("<a href=\"#djupt\">"))
        #expect(LoadSiteConfig.headingLevels(DataValue(.string("1,3..4"), at: .start)) == [1, 3, 4])
        #expect(LoadSiteConfig.headingLevels(DataValue(.string("0..7"), at: .start)) == nil)
        content["site.yaml"] = Fixture.siteYAML + "\nmarkdown:\n  kramdown: {tocLevels: h2}\n"
        let wrong = try Fixture(content: content).build()
        #expect(wrong.messages.contains { $0.contains("error: tocLevels must name heading levels from 1 to 6") })
    }
}

/// Whether YAML text reads as a mapping (the site.yaml an import writes).
enum SimpleYAMLCheck {
    static func parse(_ text: String) -> Bool {
        YAMLReader.parse(text, file: "site.yaml", log: DiagnosticLog())?.pairs != nil
    }
}
