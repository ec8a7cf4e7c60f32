import Foundation
import Testing

@testable import SiteBuilder

/// What `kretslopp import` makes of a Hugo site's taxonomies: each declared with the terms its
/// pages use, a theme's search page and a taxonomy's own pages left out, dated folders newest first.
extension HugoImportTests {
    /// Hugo's taxonomies (`tags` and `categories` unless it names others) with every term the
    /// pages write, by name; one term written two ways is declared once, with a warning.
    @Test func theTaxonomiesAreDeclaredWithTheTermsThePagesUse() {
        let pages = [
            ("en/docs/a.md", "---\ntitle: A\ntags: [test, Docs]\ncategories: Examples\n---\nText.\n"),
            ("en/docs/b.md", "+++\ntitle = 'B'\ntags = ['sample', 'docs']\n+++\n"),
            ("en/c.md", "No front matter.\n"),
            ("en/d.md", "---\ntags: [: broken\n---\n"),
        ]
        var hugo = HugoImport(text: "title = 'x'\n", file: "hugo.toml")
        hugo.declareTaxonomies(pages: pages)
        #expect(
            hugo.siteYAML.hasSuffix(
                """
                taxonomies:               # with every term the pages use; a new term is added here
                  - key: tags
                    title: Tags
                    singular: Tag
                    terms:
                      - id: Docs
                        spellings:
                          - docs
                      - id: sample
                      - id: test
                  - key: categories
                    title: Categories
                    singular: Category
                    terms:
                      - id: Examples

                """), "\(hugo.siteYAML)")
        #expect(hugo.taxonomies.map(\.key) == ["tags", "categories"] && hugo.taxonomies.map(\.termCount) == [3, 1])
        #expect(
            hugo.diagnostics.map(\.description) == [
                "content/en/docs/b.md:3:19: warning: 'docs' and 'Docs' (content/en/docs/a.md) are one term of 'tags' "
                    + "(one URL): site.yaml declares 'Docs' with 'docs' among its spellings; to keep one spelling, "
                    + "write the term one way in every page and remove 'spellings:'"
            ])
        // Taxonomies of its own naming; none at all when Hugo is told to make none.
        var own = HugoImport(text: "[taxonomies]\nauthor = 'authors'\n", file: "hugo.toml")
        own.declareTaxonomies(pages: [("x.md", "---\nauthors: [Ada]\ntags: [t]\n---\n")])
        #expect(own.taxonomies.map(\.key) == ["authors"] && own.siteYAML.contains("    singular: Author\n"))
        var none = HugoImport(text: "disableKinds = ['taxonomy', 'term']\n", file: "hugo.toml")
        none.declareTaxonomies(pages: pages)
        #expect(none.taxonomies.isEmpty && !none.siteYAML.contains("taxonomies:"))
        // Zola's are named in its config and given in the pages' `[taxonomies]` table.
        var zola = HugoImport(
            text: "base_url = 'https://z.example/'\ntaxonomies = [{name = 'tags'}]\n", file: "config.toml")
        zola.declareTaxonomies(pages: [("p.md", "+++\ntitle = 'P'\n[taxonomies]\ntags = ['rust']\n+++\n")])
        #expect(zola.taxonomies.map(\.key) == ["tags"] && zola.siteYAML.contains("      - id: rust\n"))
    }

    /// Docsy's search page (`layout: search`, in each language's folder) stands where the build
    /// makes the site's search page: it is left out, in the one `ignore:` the taxonomies' own
    /// pages are left out in too, and the site builds.
    @Test func aThemesSearchPageIsLeftOut() throws {
        let pages = [
            ("en/search.md", "---\ntitle: Search Results\nlayout: search\n---\n"),
            ("no/search.md", "+++\ntitle = 'Søk'\nlayout = 'search'\n+++\n"),
            ("tags/_index.md", "---\ntitle: Topics\n---\n"),
            ("en/docs/a.md", "---\ntitle: A\ntags: [test]\n---\n"),
            // Docsy's Persian one names its layout in Persian: Hugo shows an empty page there.
            ("fa/search.md", "---\ntitle: نتایج جستجو\nlayout: جستجو\n---\n"),
            ("fa/docs/search.md", "---\ntitle: Searching\n---\n"),
            ("no/about.md", "---\ntitle: Om\n---\n"),
        ]
        var hugo = HugoImport(text: "title = 'x'\n[languages.en]\n[languages.no]\n[languages.fa]\n", file: "hugo.toml")
        hugo.declareTaxonomies(pages: pages)
        let log = DiagnosticLog()
        let root = try #require(YAMLReader.parse(hugo.siteYAML, file: "site.yaml", log: log))
        #expect(log.all == [], "\(hugo.siteYAML)")
        #expect(
            root["ignore"]?.list?.compactMap(\.text) == [
                "en/search.md", "fa/search.md", "no/search.md", "tags/_index.md",
            ],
            "\(hugo.siteYAML)")
        var plain = HugoImport(text: "disableKinds = ['taxonomy', 'term']\n", file: "hugo.toml")
        plain.declareTaxonomies(pages: pages)
        #expect(
            plain.siteYAML.contains(
                "ignore:  # the theme's search page (layout: search): the build makes the site's own\n"
                    + "  - en/search.md\n  - no/search.md\n"), "\(plain.siteYAML)")
    }

    /// Hugo lists every section by weight, then date, the newest first: a top folder whose pages
    /// have dates and no weights is listed newest first (`newestFirst:`); Zola's section when its
    /// `_index.md` sorts by date.
    @Test func foldersOfDatedPagesAreListedNewestFirst() {
        let pages = [
            ("post/a.md", "+++\ntitle = 'A'\ndate = 2019-03-05\n+++\n"),
            ("post/b/index.md", "---\ntitle: B\ndate: 2019-03-11\n---\n"),
            ("post/_index.md", "---\ntitle: Posts\nweight: 3\n---\n"),
            ("docs/c.md", "---\ntitle: C\ndate: 2020-01-01\nweight: 2\n---\n"),
            ("docs/d.md", "---\ntitle: D\ndate: 2020-01-02\n---\n"),
            ("about.md", "---\ntitle: About\ndate: 2020-01-01\n---\n"),
            ("notes/e.md", "---\ntitle: E\n---\n"),
        ]
        var hugo = HugoImport(text: "title = 'x'\n", file: "hugo.toml")
        hugo.declareTaxonomies(pages: pages)
        #expect(hugo.siteYAML.contains("\nnewestFirst: [post]  # listed newest first"), "\(hugo.siteYAML)")
        var none = HugoImport(text: "title = 'x'\n", file: "hugo.toml")
        none.declareTaxonomies(pages: Array(pages.dropFirst(3)))
        #expect(!none.siteYAML.contains("newestFirst"))
        var zola = HugoImport(text: "base_url = 'https://z.example/'\n", file: "config.toml")
        zola.declareTaxonomies(pages: [
            ("blog/_index.md", "+++\ntitle = 'Blog'\nsort_by = 'date'\n+++\n"),
            ("blog/p.md", "+++\ntitle = 'P'\n+++\n"),
            ("docs/_index.md", "+++\ntitle = 'Docs'\nsort_by = 'weight'\n+++\n"),
        ])
        #expect(zola.siteYAML.contains("\nnewestFirst: [blog]  # listed newest first"), "\(zola.siteYAML)")
    }

    /// Hugo's own pages for a taxonomy and its terms (`tags/_index.md`, `no/tags/_index.md`,
    /// `tags/docs/_index.md`) stand where the build makes those pages: their titles are taken into
    /// site.yaml and the files left out (`ignore:`); text in one is said to be left out.
    @Test func aTaxonomysOwnPagesGiveTheirTitles() throws {
        var made = HugoImport(
            text: """
                defaultContentLanguage = "en"
                [languages.en]
                contentDir = "content/en"
                [languages.no]
                contentDir = "content/no"
                """, file: "hugo.toml")
        made.declareTaxonomies(pages: [
            ("en/a.md", "---\ntitle: A\ntags: [docs, test]\n---\n"),
            ("en/tags/_index.md", "---\ntitle: Tag cloud\n---\nAll our tags.\n"),
            ("no/tags/_index.md", "---\ntitle: Stikkord\n---\n"),
            ("en/tags/docs/_index.md", "---\ntitle: Documentation\n---\n"),
            ("en/categories/_index.md", "---\ntitle: Kinds\n---\n"),
        ])
        let log = DiagnosticLog()
        let root = try #require(YAMLReader.parse(made.siteYAML, file: "site.yaml", log: log))
        let tags = try #require(root["taxonomies"]?.list?.first)
        #expect(tags["title"]?.text == "Tag cloud" && tags["title.no"]?.text == "Stikkord", "\(made.siteYAML)")
        #expect(tags["terms"]?.list?.first?["title"]?.text == "Documentation")
        // No page uses categories: none is declared, and its folder is a section as any other.
        #expect(root["taxonomies"]?.list?.count == 1)
        #expect(
            root["ignore"]?.list?.compactMap(\.text) == [
                "en/tags/_index.md", "en/tags/docs/_index.md", "no/tags/_index.md",
            ])
        #expect(
            made.diagnostics.map(\.description) == [
                "content/en/tags/_index.md:1:1: warning: this taxonomy's page is made by the build: its title is kept "
                    + "in site.yaml, its text is not shown; Kretslopp's taxonomy and term pages list their pages; a "
                    + "term's description goes in site.yaml (description: under the term)"
            ])
    }
}
