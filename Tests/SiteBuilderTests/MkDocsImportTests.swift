import Testing

@testable import SiteBuilder

/// `kretslopp import`: mkdocs.yml read key by key into a site.yaml that builds the docs folder
/// as MkDocs reads it.
@Suite struct MkDocsImportTests {
    static let mkdocs = """
        site_name: 'Handbok: "Upphandling"'
        site_url: https://example.org/handbok/
        site_author: Miljöinstitutet
        docs_dir: sidor
        theme:
          name: material
          language: sv
        markdown_extensions:
          - pymdownx.emoji:
              emoji_index: !!python/name:material.extensions.emoji.twemoji
        exclude_docs: |
          *.py
          /utkast/
          intern/anteckningar.md
          # a comment
        nav:
        # the order readers go in
        - Start: index.md
        - guide/

        extra:
          version: 2
        """

    @Test func theSettingsNavAndExclusionsAreReadKeyByKey() {
        let made = MkDocsImport(text: Self.mkdocs, file: "mkdocs.yml")
        #expect(made.diagnostics == [])
        #expect(made.docsFolder == "sidor")
        #expect(made.navEntryCount == 2)
        #expect(
            made.siteYAML.hasPrefix(
                """
                # Made by `kretslopp import` from mkdocs.yml: the site's settings for Kretslopp.
                title: 'Handbok: "Upphandling"'
                author: Miljöinstitutet
                language: sv
                baseURL: https://example.org/handbok/
                markdown:
                  unsafeHTML: true  # raw HTML is kept, as Python-Markdown keeps it
                  headingIDs: mkdocs  # heading ids as Python-Markdown's toc makes them, which links name
                links:
                  broken: warning   # a broken link is a warning, as in MkDocs (error: the build fails)
                ignore:  # exclude_docs:
                  - '**/*.py'
                  - utkast
                  - intern/anteckningar.md
                nav:
                # the order readers go in
                - Start: index.md
                - guide/

                """), "\(made.siteYAML)")
        // What it wrote reads as site.yaml does, nav and all, and the theme speaks of pages.
        let log = DiagnosticLog()
        let root = YAMLReader.parse(made.siteYAML, file: "site.yaml", log: log)
        #expect(log.all == [] && root?["title"]?.text == "Handbok: \"Upphandling\"")
        #expect(root?["nav"]?.list?.count == 2)
        #expect(root?["strings"]?["projectsHeading"]?.text == "Sidor")
        #expect(root?["strings"]?["filterHelpEnhanced"]?.text?.hasSuffix("i varje grupp.") == true)
    }

    @Test func withoutASiteNameNothingIsWritten() {
        let made = MkDocsImport(text: "site_url: https://example.org/\nnav:\n  - index.md\n", file: "x/mkdocs.yml")
        #expect(made.siteYAML.isEmpty)
        #expect(
            made.diagnostics.map(\.description) == [
                "x/mkdocs.yml:1:1: error: mkdocs.yml has no site_name; MkDocs needs it too: add 'site_name: My docs'"
            ])
    }

    /// `use_directory_urls: false` published `x.html`: those URLs send readers on.
    @Test func htmlURLsAreKept() {
        let made = MkDocsImport(text: "site_name: Docs\nuse_directory_urls: false\n", file: "mkdocs.yml")
        #expect(made.siteYAML.contains("links:\n  broken: warning   # a broken link is a warning, as in MkDocs"))
        #expect(made.siteYAML.contains("\n  keepHTML: true    # use_directory_urls: false"))
        let log = DiagnosticLog()
        #expect(YAMLReader.parse(made.siteYAML, file: "site.yaml", log: log)?["links"]?["keepHTML"]?.text == "true")
        #expect(!MkDocsImport(text: "site_name: Docs\n", file: "mkdocs.yml").siteYAML.contains("keepHTML"))
    }

    @Test func theDefaultsAreMkDocs() {
        let made = MkDocsImport(text: "site_name: Docs\ntheme: readthedocs\n", file: "mkdocs.yml")
        #expect(made.docsFolder == "docs" && made.navEntryCount == 0)
        #expect(made.siteYAML.contains("language: en\n") && made.siteYAML.contains("\nnav: auto  #"))
    }

    /// The redirects plugin's redirect_maps: the old page's URL as MkDocs made it.
    @Test func redirectMapsBecomeRedirects() {
        let text = """
            site_name: Docs
            plugins:
              - search
              - redirects:
                  redirect_maps:
                    'old.md': 'new.md#part'
                    'guide/index.md': 'guide/start.md'
                    './api/README.md': 'https://api.example.org/'
            """
        let made = MkDocsImport(text: text, file: "mkdocs.yml")
        #expect(
            made.siteYAML.contains(
                """
                redirects:  # the redirects plugin's redirect_maps: old URLs, and where they send readers
                  /old/: new.md
                  /guide/: guide/start.md
                  /api/: https://api.example.org/

                """), "\(made.siteYAML)")
        let flat = MkDocsImport(text: text + "\nuse_directory_urls: false\n", file: "mkdocs.yml")
        #expect(flat.siteYAML.contains("  /old.html: new.md\n  /guide/index.html: guide/start.md\n"))
        #expect(
            !MkDocsImport(text: "site_name: Docs\nplugins:\n  - search\n", file: "mkdocs.yml").siteYAML.contains(
                "redirects"))
    }

    /// Material's `navigation.indexes` feature, or the section-index plugin: `navIndexes: true`.
    @Test func sectionIndexPagesAreKept() {
        let nav = "nav:\n  - Guide:\n      - guide/index.md\n"
        for (written, indexes) in [
            ("theme:\n  name: material\n  features:\n    - navigation.tabs\n    - navigation.indexes\n", true),
            ("plugins:\n  - search\n  - section-index\n", true),
            ("plugins:\n  - section-index: {}\n", true),
            ("theme:\n  name: material\n  features: [navigation.tabs]\nplugins:\n  - search\n", false),
        ] {
            let made = MkDocsImport(text: "site_name: Docs\n" + written + nav, file: "mkdocs.yml")
            #expect(made.diagnostics == [])
            #expect(made.siteYAML.contains("\nnavIndexes: true  #") == indexes, "\(written)")
            #expect(made.siteYAML.contains("\n" + nav), "\(made.siteYAML)")
        }
    }

    /// A `toc` with a `slugify` of its own (pymdownx's, as Material's docs give it) keeps GitHub's
    /// ids, which that one makes; without one, the ids are MkDocs' own.
    @Test func headingIDsFollowTheTocsSlugify() {
        let own = """
            site_name: Docs
            markdown_extensions:
              - toc:
                  permalink: true
                  slugify: !!python/object/apply:pymdownx.slugs.slugify
                    kwds:
                      case: lower
              - admonition
            """
        #expect(!MkDocsImport(text: own, file: "mkdocs.yml").siteYAML.contains("headingIDs"))
        let plain = "site_name: Docs\nmarkdown_extensions:\n  - toc:\n      permalink: true\n  - tables\n"
        #expect(MkDocsImport(text: plain, file: "mkdocs.yml").siteYAML.contains("\n  headingIDs: mkdocs  #"))
        // Another extension's slugify is not the toc's.
        let tabbed =
            "site_name: Docs\nmarkdown_extensions:\n  - toc\n  - pymdownx.tabbed:\n      slugify: !!python/name:x\n"
        #expect(MkDocsImport(text: tabbed, file: "mkdocs.yml").siteYAML.contains("headingIDs: mkdocs"))
    }
}
