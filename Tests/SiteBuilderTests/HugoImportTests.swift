import Foundation
import Testing

@testable import SiteBuilder

/// `kretslopp import` for Hugo and Zola: their settings file read into a site.yaml.
@Suite struct HugoImportTests {
    @Test func hugosTitleLanguageURLUnsafeHTMLAndMenu() {
        let made = HugoImport(
            text: """
                baseURL = "https://example.org/"
                languageCode = "sv-se"
                title = "Handboken"
                contentDir = "innehall"

                [params]
                description = "Om upphandling"

                [markup.goldmark.renderer]
                unsafe = true

                [[menus.main]]
                name = "Om"
                pageRef = "/om"
                weight = 20

                [[menus.main]]
                name = "Guide"
                pageRef = "guide/_index.md"
                weight = 10

                [[menus.main]]
                name = "Källkod"
                url = "https://example.org/kod"
                weight = 30
                """, file: "hugo.toml")
        #expect(made.diagnostics == [])
        #expect(made.generator == "Hugo" && made.contentFolder == "innehall" && made.menuCount == 3)
        #expect(
            made.siteYAML.hasPrefix(
                """
                # Made by `kretslopp import` from hugo.toml (Hugo): the site's settings for Kretslopp.
                title: Handboken
                description: Om upphandling
                language: sv
                baseURL: https://example.org/
                markdown:
                  unsafeHTML: true  # raw HTML, as Hugo keeps it
                links:
                  broken: warning   # a broken link is a warning (error: it fails the build)
                  lowercase: true    # URLs in lower case, as Hugo makes them from file names
                menu:
                  - title: Guide
                    url: /guide/
                  - title: Om
                    url: /om/
                  - title: Källkod
                    url: https://example.org/kod
                strings:                  # the theme's words, for a site of pages (it speaks of projects)
                  projectsHeading: Sidor

                """), "\(made.siteYAML)")
    }

    /// What the import writes is site.yaml as the build reads it: long values on one line (a
    /// folded line below a nested key would not be YAML), and words of pages in the site's
    /// languages, each one's where they differ.
    @Test func whatIsWrittenReadsBackWithTheThemesWordsForPages() throws {
        let long = String(repeating: "A very long name for a menu entry ", count: 4) + "and more"
        var made = HugoImport(
            text: """
                defaultContentLanguage = "sv"
                description = "\(long)"
                [languages.sv]
                [languages.en]
                [[menus.main]]
                name = "\(long)"
                url = "/x/"
                """, file: "hugo.toml")
        made.declareTaxonomies(pages: [("a.md", "---\ntags: [\"\(long)\"]\n---\n")])
        let log = DiagnosticLog()
        let root = try #require(YAMLReader.parse(made.siteYAML, file: "site.yaml", log: log))
        #expect(log.all == [], "\(made.siteYAML)")
        #expect(root["description"]?.text == long && root["menu"]?.list?.first?["title"]?.text == long)
        #expect(root["taxonomies"]?.list?.first?["terms"]?.list?.first?["id"]?.text == long)
        #expect(root["strings"]?["projectsHeading"]?.text == "Sidor")
        #expect(root["strings"]?["projectsHeading.en"]?.text == "Pages")
        #expect(root["strings"]?["search.kind.project.en"]?.text == "Page")
        // Chinese and Japanese have the theme's words too; English differs from both.
        let cjk = HugoImport(
            text: "defaultContentLanguage = \"zh\"\n[languages.zh]\n[languages.ja]\n[languages.en]\n", file: "hugo.toml"
        )
        let strings = try #require(YAMLReader.parse(cjk.siteYAML, file: "site.yaml", log: log)?["strings"])
        #expect(strings["projectsHeading"]?.text == "页面" && strings["projectsHeading.ja"]?.text == "ページ")
        #expect(strings["projectsHeading.en"]?.text == "Pages" && strings["projectsHeading.zh"] == nil)
    }

    /// The pages' folder: the default language's `contentDir` before the site's, else the folder
    /// a module mount puts at `content`, as Hugo's own docs do.
    @Test func theContentFolderIsFoundWhereHugoLooks() {
        let mounted = HugoImport(
            text: """
                title = "Hugo"
                [[module.mounts]]
                source = "assets"
                target = "assets"
                [[module.mounts]]
                source = "content/en"
                target = "content"
                """, file: "hugo.toml")
        #expect(mounted.diagnostics == [] && mounted.contentFolder == "content/en")
        let perLanguage = HugoImport(
            text: """
                contentDir = "innehall"
                defaultContentLanguage = "sv"
                [languages.sv]
                contentDir = "innehall/sv"
                [languages.en]
                contentDir = "innehall/en"
                """, file: "hugo.toml")
        #expect(perLanguage.contentFolder == "innehall" && perLanguage.siteYAML.contains("\nlanguages: [sv, en]\n"))
    }

    /// Hugo's languages: the default first, the others by weight, then tag; their titles and
    /// descriptions as `K.LANG` values; each language's contentDir named after it in one folder
    /// makes that folder the content folder. The default language's own title and description
    /// are the site's, as in Hugo, not the ones at the top.
    @Test func severalLanguagesAreDeclaredWithTheirOwnTitles() {
        let made = HugoImport(
            text: """
                title: Docs
                params: {description: Top level}
                contentDir: content/en
                defaultContentLanguage: en
                languages:
                  en:
                    title: Goldydocs
                    params: {description: A Docsy example site}
                  "no":
                    contentDir: content/no
                    title: Gulldoks
                    weight: 2
                  fa:
                    contentDir: content/fa/
                    title: اسناد گلدی
                    weight: 1
                    params: {description: یک نمونه}
                """, file: "hugo.yaml")
        #expect(made.diagnostics == [] && made.contentFolder == "content", "\(made.diagnostics)")
        #expect(
            made.siteYAML.hasPrefix(
                """
                # Made by `kretslopp import` from hugo.yaml (Hugo): the site's settings for Kretslopp.
                title: Goldydocs
                title.fa: اسناد گلدی
                title.no: Gulldoks
                description: A Docsy example site
                description.fa: یک نمونه
                languages: [en, fa, no]
                translations: partial   # as in Hugo, a page may be in one language only

                """), "\(made.siteYAML)")
        // Translations beside their originals (`x.no.md`): the languages, the same folder.
        let beside = HugoImport(text: "[languages.sv]\n[languages.en]\n", file: "hugo.toml")
        #expect(beside.contentFolder == "content" && beside.siteYAML.contains("\nlanguages: [en, sv]\n"))
    }

    /// Languages Kretslopp cannot read as Hugo lays them out: the default language alone, said
    /// at the language that is in the way.
    @Test func languagesThatCannotBeReadLeaveTheDefaultOneWithAWarning() {
        let folders = HugoImport(
            text: "[languages.en]\ncontentDir = 'english'\n[languages.de]\ncontentDir = 'deutsch'\n",
            file: "hugo.toml")
        #expect(folders.contentFolder == "english" && folders.siteYAML.contains("\nlanguage: en\n"))
        #expect(
            folders.diagnostics.map(\.description) == [
                "hugo.toml:1:1: warning: only the default language's pages (english/) are imported: the languages' "
                    + "contentDir folders are not each named after their language in one folder; put each language's "
                    + "pages in a folder named after it, side by side (content/en, content/no), and import again"
            ])
        let tag = HugoImport(text: "[languages.en]\n[languages.brasil]\nweight = 2\n", file: "hugo.toml")
        #expect(tag.siteYAML.contains("\nlanguage: en\n") && !tag.siteYAML.contains("languages:"))
        #expect(
            tag.diagnostics.map(\.description).first?.hasPrefix(
                "hugo.toml:2:1: warning: only the default language's pages (content/) are imported: language 'brasil' "
                    + "is not a language tag Kretslopp reads") == true, "\(tag.diagnostics)")
    }

    /// Hugo lower-cases the URLs it makes from file names unless `disablePathToLower`; Zola
    /// slugifies them unless its `slugify.paths` says otherwise (`links: {slugify: true}`).
    @Test func urlsAreLowerCaseWhereHugoAndZolaMakeThemSo() {
        let lower = "\n  lowercase: true "
        #expect(HugoImport(text: "title = 'x'\n", file: "hugo.toml").siteYAML.contains(lower))
        #expect(!HugoImport(text: "disablePathToLower = true\n", file: "hugo.toml").siteYAML.contains(lower))
        let slugs = "\n  slugify: true "
        let zola = HugoImport(text: "base_url = 'https://z.example/'\n", file: "config.toml").siteYAML
        #expect(zola.contains(slugs) && !zola.contains(lower))
        let safe = HugoImport(text: "base_url = 'https://z.example/'\n[slugify]\npaths = 'safe'\n", file: "config.toml")
        #expect(!safe.siteYAML.contains(lower) && !safe.siteYAML.contains(slugs))
        // Zola takes a page's date (and its name) from a file name that starts with a day.
        let dated = "\n  datedNames: true "
        #expect(zola.contains(dated) && !HugoImport(text: "title = 'x'\n", file: "hugo.toml").siteYAML.contains(dated))
        let kept = HugoImport(
            text: "base_url = 'https://z.example/'\n[slugify]\npaths_keep_dates = true\n", file: "config.toml")
        #expect(!kept.siteYAML.contains(dated))
    }

    /// The main menu; without one, the site's only menu whatever its name (Hugo's docs: `global`).
    @Test func theOnlyMenuIsTheMenuWhateverItsName() {
        let global = "[[menus.global]]\nname = 'News'\npageRef = '/news/'\n"
        #expect(HugoImport(text: global, file: "hugo.toml").menuCount == 1)
        let two = global + "[[menus.footer]]\nname = 'Om'\nurl = '/om/'\n"
        #expect(HugoImport(text: two, file: "hugo.toml").menuCount == 0)
        let main = two + "[[menus.main]]\nname = 'Start'\nurl = '/'\n[[menus.main]]\nname = 'Blogg'\nurl = '/blogg/'\n"
        #expect(HugoImport(text: main, file: "hugo.toml").menuCount == 2)
    }

    @Test func autoDefinitionTermIDIsCarriedOver() {
        let made = HugoImport(text: "[markup.goldmark.parser]\nautoDefinitionTermID = true\n", file: "hugo.toml")
        #expect(
            made.siteYAML.contains("\n  definitionTermIDs: true  # Hugo's autoDefinitionTermID"), "\(made.siteYAML)")
        #expect(!HugoImport(text: "title = 'x'\n", file: "hugo.toml").siteYAML.contains("definitionTermIDs"))
    }

    @Test func zolaIsToldByItsBaseURL() {
        let made = HugoImport(
            text: "base_url = \"https://zola.example/\"\ntitle = \"Zola\"\ndefault_language = \"fr\"\n",
            file: "config.toml")
        #expect(made.generator == "Zola" && made.contentFolder == "content")
        #expect(made.siteYAML.contains("language: fr\nbaseURL: https://zola.example/\n"))
        #expect(made.siteYAML.contains("unsafeHTML: true  # raw HTML, as Zola keeps it"))
    }

    /// Zola's links to headings name the ids its `slugify.anchors` makes; Hugo's are GitHub's
    /// (Kretslopp's default), so nothing is written for Hugo.
    @Test func headingIDsFollowZolasSlugifySetting() throws {
        let zola = HugoImport(text: "base_url = 'https://z.example/'\n", file: "config.toml").siteYAML
        #expect(zola.contains("\n  headingIDs: zola  #"), "\(zola)")
        for strategy in ["safe", "off"] {
            let safe = HugoImport(
                text: "base_url = 'https://z.example/'\n[slugify]\nanchors = '\(strategy)'\n", file: "config.toml")
            #expect(safe.siteYAML.contains("\n  headingIDs: zola-safe  #"), "\(safe.siteYAML)")
        }
        #expect(!HugoImport(text: "title = 'x'\n", file: "hugo.toml").siteYAML.contains("headingIDs"))
        // What the import writes is what the build reads.
        let folder = try ScratchFolder("zola-import")
        try Data(zola.utf8).write(to: folder.url.appendingPathComponent("site.yaml"))
        let (config, diagnostics) = SiteConfig.load(content: folder.url.path)
        #expect(config?.headingIDs == .zola, "\(diagnostics)")
    }

    @Test func hugoWithoutUnsafeDropsRawHTMLAndBadTOMLIsAnError() {
        let plain = HugoImport(text: "title: Docs\n", file: "hugo.yaml")
        #expect(plain.siteYAML.contains("title: Docs\n") && plain.siteYAML.contains("unsafeHTML: false"))
        #expect(plain.siteYAML.contains("language: en\n") && !plain.siteYAML.contains("menu:"))
        #expect(!plain.siteYAML.contains("keepHTML"))
        let ugly = HugoImport(text: "title: Docs\nuglyURLs: true\n", file: "hugo.yaml")
        #expect(ugly.siteYAML.contains("\n  keepHTML: true    # Hugo's uglyURLs"), "\(ugly.siteYAML)")
        let broken = HugoImport(text: "title = \n", file: "hugo.toml")
        #expect(broken.siteYAML.isEmpty)
        #expect(broken.diagnostics.first?.description.hasPrefix("hugo.toml:1:") == true)
    }
}
