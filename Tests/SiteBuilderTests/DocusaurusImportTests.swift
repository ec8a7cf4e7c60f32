import Testing

@testable import SiteBuilder

/// `kretslopp import docusaurus.config.js`: the settings' literal values read without running
/// them (`JSLiteral`), the sidebar as `nav:` (`DocusaurusSidebar`), docs found by id.
@Suite struct DocusaurusImportTests {
    /// Comments, unquoted and quoted keys, trailing commas, escapes and numbers are read; a call,
    /// a variable, a spread and a template with `${}` are code, kept as written.
    @Test func literalsAreReadAndCodeIsKeptAsWritten() throws {
        let config = try #require(
            JSLiteral.exported(
                from: """
                    // @ts-check
                    const lightTheme = require('prism')
                    /** @type {import('@docusaurus/types').Config} */
                    const config = {
                      title: 'It\\'s "ours"', // the name
                      'tagline': "Docs",
                      count: 3.5, draft: false, none: null,
                      sidebarPath: require.resolve('./sidebars.js'),
                      editUrl: `https://x/${path}`,
                      plain: `no holes`,
                      ...base,
                      theme: lightTheme,
                      list: [1, 'two', {three: 3},],
                    }
                    module.exports = config
                    """, matching: { $0["title"] != nil }))
        #expect(config["title"]?.string == "It's \"ours\"")
        #expect(config["tagline"]?.string == "Docs")
        if case .number(let count)? = config["count"] { #expect(count == 3.5) } else { Issue.record("no count") }
        if case .bool(false)? = config["draft"] {} else { Issue.record("draft is not false") }
        if case .null? = config["none"] {} else { Issue.record("none is not null") }
        if case .code(let code)? = config["sidebarPath"] {
            #expect(code == "require.resolve('./sidebars.js')")
            #expect(DocusaurusImport.quoted(in: code) == "./sidebars.js")
        } else {
            Issue.record("sidebarPath is not code")
        }
        if case .code? = config["editUrl"] {} else { Issue.record("a template with a hole is not code") }
        #expect(config["plain"]?.string == "no holes")
        if case .code(let name)? = config["theme"] { #expect(name == "lightTheme") } else { Issue.record("theme") }
        #expect(config["list"]?.array?.count == 3)
        #expect(
            config.pairs?.map(\.key) == [
                "title", "tagline", "count", "draft", "none", "sidebarPath", "editUrl", "plain", "theme", "list",
            ])
    }

    /// An object written with its type in parentheses (`/** @type … */ ({…})`, as presets are
    /// written) is that object; a JSON file (`sidebars.json`) is its object.
    @Test func parenthesizedObjectsAndJSONAreRead() throws {
        let config = try #require(
            JSLiteral.exported(
                from: """
                    export default {
                      title: 'Jest',
                      presets: [['@docusaurus/preset-classic', /** @type {Options} */ ({docs: {path: '../docs'}})]],
                    };
                    """))
        #expect(DocusaurusImport.docsOptions(config)?["path"]?.string == "../docs")
        let json = try #require(JSLiteral.exported(from: "\n{\"docs\": {\"Intro\": [\"a\", \"b\"]}}\n"))
        #expect(json["docs"]?["Intro"]?.array?.count == 2)
    }

    /// The settings: the title (not the navbar's), tagline, language, the docs' folder and the
    /// URL they are published at (the site's address, its baseUrl and the routeBasePath).
    @Test func theSettingsGiveTitleLanguageFolderAndURL() {
        var made = DocusaurusImport(
            text: """
                export default {
                  themeConfig: {navbar: {title: 'Navbar'}},
                  title: 'Handbok',
                  tagline: 'Om upphandling',
                  url: 'https://example.org/',
                  baseUrl: '/handbok/',
                  i18n: {defaultLocale: 'sv', locales: ['sv', 'en']},
                  presets: [['classic', {docs: {path: 'sidor', routeBasePath: '/', sidebarPath: false}}]],
                };
                """, file: "docusaurus.config.js")
        #expect(made.diagnostics == [])
        #expect(made.docsFolder == "sidor")
        #expect(made.sidebarsFile == nil)
        made.read(pages: [("a.md", "# A\n")], sidebars: nil)
        #expect(made.siteYAML.contains("title: Handbok\ndescription: Om upphandling\nlanguage: sv\n"))
        #expect(made.siteYAML.contains("baseURL: https://example.org/handbok/\n"))
        #expect(made.siteYAML.contains("nav: auto"))
        #expect(made.siteYAML.contains("  docIDs: true") && made.siteYAML.contains("  mdx: true"))
    }

    static let docs = DocusaurusDocs(pages: [
        ("01-intro.md", "---\nslug: /\n---\n# Intro\n"),
        ("02-guides/setup.md", "---\nsidebar_label: Set up\n---\n# Setup\n"),
        ("02-guides/GettingStarted.mdx", "---\nid: getting-started\n---\n# Start\n"),
        ("api/index.md", "# API\n"),
    ])

    /// Docs are found by id: the file's name without its number prefix or its `id:`, in its
    /// folder with or without the folder's prefix; the doc with `slug: /` is the front page.
    @Test func docsAreFoundByID() {
        #expect(Self.docs.fileByID["intro"] == "01-intro.md")
        #expect(Self.docs.fileByID["02-guides/setup"] == "02-guides/setup.md")
        #expect(Self.docs.fileByID["guides/setup"] == "02-guides/setup.md")
        #expect(Self.docs.fileByID["guides/getting-started"] == "02-guides/GettingStarted.mdx")
        #expect(Self.docs.home == "01-intro.md")
        #expect(Self.docs.folders == ["02-guides", "api"])
    }

    /// A sidebar: ids as files, categories as groups (the shorthand too, and the linked doc
    /// first), an autogenerated folder as the folder, a link to the site's own page at its
    /// address; ids no doc has are left out and said.
    @Test func aSidebarIsTheNav() throws {
        var sidebar = DocusaurusSidebar(docs: Self.docs)
        sidebar.siteURL = "https://example.org"
        let written = sidebar.nav(
            from: """
                const sidebars = {
                  docs: [
                    'intro',
                    {type: 'category', label: 'Guides', link: {type: 'doc', id: 'guides/setup'},
                     items: [{type: 'doc', id: 'guides/getting-started', label: 'Kom igång'}, 'guides/gone']},
                    {Reference: [{type: 'autogenerated', dirName: 'api'}]},
                    {type: 'link', label: 'Errors', href: '/errors'},
                    {type: 'html', value: '<hr>'},
                  ],
                };
                export default sidebars;
                """)
        let nav = try #require(written)
        #expect(
            nav
                == "  - 01-intro.md\n  - Guides:\n    - Set up: 02-guides/setup.md\n"
                + "    - Kom igång: 02-guides/GettingStarted.mdx\n  - Reference:\n    - api/\n"
                + "  - Errors: https://example.org/errors\n")
        #expect(sidebar.topCount == 5)
        #expect(sidebar.notes == ["left out of the nav, as no doc has this id: guides/gone"])
    }

    /// With `_category_` files, a sidebar generated from the folder is its top level in
    /// Docusaurus' order (position, then name; a number prefix is a position), folders with their
    /// labels; an autogenerated part takes its folder's label too.
    @Test func categoriesNameAndPlaceFolders() throws {
        let docs = DocusaurusDocs(
            pages: [
                ("zeta.md", "# Z\n"), ("intro.md", "---\nsidebar_position: 1\n---\n# I\n"),
                ("03-extras/a.md", "# A\n"), ("basics/b.md", "# B\n"),
            ],
            categories: ["basics": "{\"label\": \"The basics\", \"position\": 2}", "03-extras": "label: Extras\n"])
        let items = try #require(docs.generatedTopLevel())
        #expect(items.map(\.target) == ["intro.md", "basics/", "03-extras/", "zeta.md"])
        #expect(items.map(\.label) == [nil, "The basics", "Extras", nil])
        var sidebar = DocusaurusSidebar(docs: docs)
        #expect(
            sidebar.nav(from: "export default {s: [{type: 'autogenerated', dirName: '.'}]}") == """
                  - intro.md
                  - The basics: basics/
                  - Extras: 03-extras/
                  - zeta.md

                """)
        var part = DocusaurusSidebar(docs: docs)
        #expect(
            part.nav(from: "export default {s: ['intro', {type: 'autogenerated', dirName: 'basics'}]}")
                == "  - intro.md\n  - The basics: basics/\n")
        #expect(DocusaurusDocs(pages: [("a.md", "# A\n"), ("x/b.md", "# B\n")]).generatedTopLevel() == nil)
    }

    /// A sidebar of the whole folder, generated, is `nav: auto`; one Kretslopp cannot read says so.
    @Test func aGeneratedOrUnreadableSidebarIsNavAuto() {
        var generated = DocusaurusSidebar(docs: Self.docs)
        #expect(generated.nav(from: "module.exports = {s: [{type: 'autogenerated', dirName: '.'}]};") == nil)
        #expect(generated.notes.isEmpty)
        var unreadable = DocusaurusSidebar(docs: Self.docs)
        #expect(unreadable.nav(from: "module.exports = makeSidebars();") == nil)
        #expect(unreadable.notes.first?.hasPrefix("no sidebar written as a literal object was found") == true)
    }
}
