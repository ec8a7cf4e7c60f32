import Foundation
import Testing

@testable import SiteBuilder

/// Any site language: the default theme's UI strings in the site's language (English beside
/// Swedish), `<html lang>`, numbers, dates and alphabetical order as the language writes them.
@Suite struct SiteLanguageTests {
    static let defaultTheme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes/default")

    static func siteYAML(language: String) -> String {
        """
        title: Circular procurement
        description: Projects on circular and climate-adapted public procurement.
        language: \(language)
        baseURL: https://example.org/
        updated: 2026-11-29
        menu:
          - title: Projects
            url: /projects/
        taxonomies:
          - key: tags
            title: Tags
            singular: Tag
            path: tags
            param: tag
            required: true
            sections: [projects]
            terms:
              - id: circular
                title: Circular
              - id: climate
                title: Climate-adapted
        collections:
          - key: organisations
            data: organisations
            title: Organisations
            singular: Organisation
            path: organisations
            titleField: name
            roles:
              - id: lead
                title: Lead
            types:
              - id: agency
                title: Agency
        """
    }

    static func content(language: String) -> [String: String] {
        [
            "site.yaml": siteYAML(language: language),
            "data/organisations.yaml": "- id: city\n  name: City of Example\n  type: agency\n",
            "data/emissions.csv": "Year,Tonnes\n2020,\"1,234.5\"\n2021,\n2022,980\n",
            "_index.md": "---\ntitle: Home\n---\nWelcome to the programme.\n",
            "about.md":
                "---\ntitle: About\n---\n## Background\n\nThe programme began in 2020.\n\n```tabell "
                + "data=emissions\n```\n\n```diagram data=emissions rubrik=\"Emissions\"\n```\n",
            "projects/_index.md": "---\ntitle: Projects\n---\nAll projects.\n",
            "projects/procurement-of-furniture.md": """
            ---
            title: Procurement of furniture
            summary: How cities buy used furniture.
            date: 2026-03-05
            tags: [circular]
            organisations:
              - id: city
                role: lead
            ---
            The city sets requirements for reuse when it makes a procurement of furniture.

            ## Requirements

            Read [about the programme](../about.md#background).
            """,
            "projects/zebra-crossings.md": "---\ntitle: Zebra crossings\ntags: [climate]\n---\nSafer streets.\n",
            "projects/angstrom.md": "---\ntitle: Ängström units\ntags: [climate]\n---\nSmall lengths.\n",
        ]
    }

    func build(language: String, theme: URL = Self.defaultTheme, changes: [String: String] = [:]) throws -> BuildResult
    {
        let fixture = try Fixture(content: Self.content(language: language).merging(changes) { $1 }, theme: [:])
        return fixture.build { $0.theme = theme }
    }

    /// Every UI text of sv.yaml that English does not share, in pieces around `{n}` and `{q}`.
    static func swedishStrings() throws -> [String] {
        func strings(_ name: String) throws -> [String: String] {
            let text = try String(contentsOf: defaultTheme.appendingPathComponent("i18n/\(name).yaml"), encoding: .utf8)
            let log = DiagnosticLog()
            let value = try #require(YAMLReader.parse(text, file: name, log: log))
            return Dictionary(
                uniqueKeysWithValues: (value.pairs ?? []).compactMap { key, item in item.text.map { (key, $0) } })
        }
        let swedish = try strings("sv")
        let english = try strings("en")
        #expect(Set(swedish.keys) == Set(english.keys))
        let englishValues = Set(english.values)
        return swedish.values.filter { !englishValues.contains($0) }.flatMap { value in
            value.components(separatedBy: "{n}").flatMap { $0.components(separatedBy: "{q}") }
                .map { $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "”:().,"))) }
                .filter { $0.count >= 3 }
        }
    }

    @Test func englishSiteBuildsWithTheDefaultThemeInEnglish() throws {
        let result = try build(language: "en")
        #expect(result.succeeded)
        #expect(result.messages == [])
        let pages = result.files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count > 8)
        for page in pages {
            let html = String(decoding: page.data, as: UTF8.self)
            #expect(html.contains("<html lang=\"en\">"), "\(page.path)")
        }
        let swedish = try Self.swedishStrings()
        #expect(swedish.count > 60)
        #expect(swedish.contains("Hoppa till innehållet") && swedish.contains("träffar för"))
        // No Swedish UI text in any page, script or feed of the English site.
        for file in result.files where [".html", ".js", ".xml", ".json"].contains(where: file.path.hasSuffix) {
            let text = String(decoding: file.data, as: UTF8.self)
            let found = swedish.flatMap {
                Self.occurrences(of: $0, in: text) + Self.occurrences(of: HTML.escape($0), in: text)
            }
            #expect(found.isEmpty, "\(file.path): \(found)")
        }
        let home = try #require(result.file("index.html"))
        #expect(home.contains("Skip to content"))
        // The search page's URL is English too.
        let search = try #require(result.file("search/index.html"))
        #expect(result.file("sok/index.html") == nil)
        #expect(search.contains("data-text-count=\"{n} results for “{q}”\""))
    }

    /// Where `piece` stands as words of its own in `text` (not `Typ` in `Type`), with some context.
    static func occurrences(of piece: String, in text: String) -> [String] {
        var found: [String] = []
        var start = text.startIndex
        while let range = text.range(of: piece, range: start..<text.endIndex) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            if !before.isLetter && !after.isLetter {
                let from = text.index(range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
                let to = text.index(range.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
                found.append(String(text[from..<to]))
            }
            start = range.upperBound
        }
        return found
    }

    @Test func englishNumbersDatesAndOrder() throws {
        let result = try build(language: "en")
        let about = try #require(result.file("about/index.html"))
        #expect(about.contains("<td class=\"num\">1,234.5</td>"))
        #expect(about.contains("1,234.5"))
        #expect(about.contains("2021: no value"))
        #expect(!about.contains("saknas"))
        let project = try #require(result.file("projects/procurement-of-furniture/index.html"))
        #expect(project.contains("5 March 2026"))
        // English order: Ä sorts with A, not after Z as in Swedish.
        let section = try #require(result.file("projects/index.html"))
        let titles = ["Ängström units", "Procurement of furniture", "Zebra crossings"].map {
            section.range(of: $0)?.lowerBound
        }
        #expect(titles.allSatisfy { $0 != nil })
        #expect(titles.compactMap { $0 } == titles.compactMap { $0 }.sorted())
    }

    @Test func britishEnglishUsesTheEnglishStrings() throws {
        let result = try build(language: "en-GB")
        #expect(result.messages == [])
        #expect(try #require(result.file("index.html")).contains("<html lang=\"en-GB\">"))
        #expect(try #require(result.file("index.html")).contains("Skip to content"))
    }

    @Test func aLanguageWithoutThemeStringsFallsBackToEnglishWithOneWarning() throws {
        let result = try build(
            language: "ro", changes: ["data/emissions.csv": "Year,Tonnes\n2020,\"1.234,5\"\n2021,\n2022,980\n"])
        #expect(result.succeeded)
        #expect(
            result.messages == [
                "Theme/i18n/ro.yaml:1:1: warning: the theme has no UI strings for language 'ro'; its pages show the "
                    + "English ones; add i18n/ro.yaml to the theme (copy i18n/en.yaml and translate the values)"
            ])
        let home = try #require(result.file("index.html"))
        #expect(home.contains("<html lang=\"ro\">") && home.contains("Skip to content"))
        // Each element that shows one of those English strings says so (WCAG 3.1.2).
        #expect(home.contains("<a class=\"skip-link\" href=\"#kl_main\" lang=\"en\">Skip to content</a>"))
        #expect(home.contains("<label for=\"kl_search_q\" lang=\"en\">Search the site</label>"), "\(home)")
        #expect(home.contains("<button type=\"submit\" lang=\"en\">Search</button>"))
        // A string the site gives in its own words is its language's: not marked.
        let own = try build(
            language: "ro",
            changes: ["site.yaml": Self.siteYAML(language: "ro") + "\nstrings:\n  skipToContent: Salt la conținut\n"])
        let ownHome = try #require(own.file("index.html"))
        #expect(ownHome.contains("<a class=\"skip-link\" href=\"#kl_main\">Salt la conținut</a>"), "\(ownHome)")
        #expect(ownHome.contains("<button type=\"submit\" lang=\"en\">Search</button>"))
        // The first breadcrumb is the theme's "Home".
        let about = try #require(own.file("about/index.html"))
        #expect(about.contains("<li><a href=\"../\" lang=\"en\">Home</a></li>"), "\(about)")
        // Romanian numbers and dates come from the locale: 1.234,5 and 5 martie 2026.
        #expect(try #require(result.file("about/index.html")).contains("1.234,5"))
        #expect(try #require(result.file("projects/procurement-of-furniture/index.html")).contains("martie 2026"))
    }

    /// What the build writes into a page's text in the theme's English is marked too: an alert's
    /// title, and the label of each heading's link (hidden text then, with its language, and without
    /// the heading's words, which would be on the page twice). A site whose language the theme
    /// speaks gets neither.
    @Test func theThemesEnglishInAPagesTextIsMarked() throws {
        let notes = ["guide/notes.md": "---\ntitle: Note\nauthor: Ana Pop\n---\n## Istoric\n\n> [!NOTE]\n> Text.\n"]
        let page = try #require(try build(language: "ro", changes: notes).file("guide/notes/index.html"))
        #expect(page.contains("<dt lang=\"en\">Author</dt>"), "\(page)")
        #expect(page.contains("<p class=\"markdown-alert-title\" lang=\"en\">Note</p>"), "\(page)")
        #expect(
            page.contains(
                "<a class=\"heading-anchor\" href=\"#istoric\"><span aria-hidden=\"true\">#</span>"
                    + "<span class=\"visually-hidden\" lang=\"en\">Link to this section</span></a>"),
            "\(page)")
        // The site's own word for a note is its language's.
        let own = try build(
            language: "ro",
            changes: notes.merging(["site.yaml": Self.siteYAML(language: "ro") + "\nstrings:\n  alert.note: Notă\n"]) {
                $1
            })
        #expect(try #require(own.file("guide/notes/index.html")).contains("<p class=\"markdown-alert-title\">Notă</p>"))
        let swedish = try #require(try Fixture.buildWithDefaultTheme(notes).file("guide/notes/index.html"))
        #expect(swedish.contains("<p class=\"markdown-alert-title\">Observera</p>"), "\(swedish)")
        #expect(
            swedish.contains(
                "<a class=\"heading-anchor\" href=\"#istoric\" aria-label=\"Länk till avsnittet: Istoric\">#</a>"))
    }

    /// The default theme speaks German, French, Spanish, Finnish, Danish, Norwegian, Portuguese,
    /// Italian and Dutch too: a site in one of them builds without a warning (its file has every key
    /// the others have) in its words, Norwegian written `no` gets Bokmål's, `pt-BR` Portuguese.
    @Test(arguments: [
        ("de", "Zum Inhalt springen", "Suchen"), ("de-AT", "Zum Inhalt springen", "Suchen"),
        ("fr", "Aller au contenu", "Rechercher"), ("es", "Saltar al contenido", "Buscar"),
        ("fi", "Siirry sisältöön", "Hae"), ("da", "Gå til indholdet", "Søg"), ("nb", "Gå til innholdet", "Søk"),
        ("no", "Gå til innholdet", "Søk"), ("pt-BR", "Pular para o conteúdo", "Pesquisar"),
        ("pt-pt", "Pular para o conteúdo", "Pesquisar"), ("it", "Vai al contenuto", "Cerca"),
        ("nl", "Naar de inhoud", "Zoeken"),
    ])
    func moreLanguagesHaveTheirOwnWords(tag: String, skipLink: String, searchButton: String) throws {
        let result = try build(language: tag, changes: ["data/emissions.csv": "Year,Tonnes\n2020,1234\n"])
        #expect(result.messages == [], "\(tag)")
        let home = try #require(result.file("index.html"))
        #expect(home.contains(">\(skipLink)</a>") && home.contains("<button type=\"submit\">\(searchButton)</button>"))
        #expect(!home.contains("Skip to content"))
    }

    /// `kretslopp import` writes the words for pages in the site's language: every language's have
    /// the English keys in their order and the same placeholders.
    @Test(arguments: ["sv", "zh", "zh-TW", "ja", "de", "fr", "es", "fi", "da", "nb", "no", "pt", "it", "nl"])
    func pageWordsHaveEveryKeyAndPlaceholder(tag: String) {
        let english = PageWords.strings(for: "en")
        let words = PageWords.strings(for: tag)
        #expect(words.map(\.key) == english.map(\.key), "\(tag)")
        for ((key, text), (_, englishText)) in zip(words, english) {
            #expect(LoadTheme.placeholders(text) == LoadTheme.placeholders(englishText), "\(tag) \(key)")
            // A sentence left in English (a word may be the same: French "Pages").
            #expect(text != englishText || !text.contains(" "), "\(tag) \(key) is English")
        }
    }

    @Test func aThemeWithoutStringsForTheLanguageNorEnglishIsAnError() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML.replacingOccurrences(of: "language: sv", with: "language: de")
        let result = try Fixture(content: content).build()
        #expect(!result.succeeded)
        #expect(
            result.messages.contains(
                "Theme/i18n/de.yaml:1:1: error: the theme has no UI strings for language 'de'; add i18n/de.yaml to "
                    + "the theme (copy one of its i18n/*.yaml files and translate the values)"
            ),
            "\(result.messages)")
    }

    @Test func aKeyMissingFromAnotherLanguageFileIsReported() throws {
        var theme = Fixture.theme
        theme["i18n/en.yaml"] =
            "home: Home\nheadingAnchor: Link\nnotFoundTitle: Not found\nsearchTitle: Search\n"
            + "search.kind.project: Project\nsearch.kind.glossary: Glossary\nsearch.kind.page: Page\n"
        let result = try Fixture(content: Fixture.basic, theme: theme).build()
        #expect(result.succeeded)
        #expect(
            result.messages == [
                "Theme/i18n/en.yaml:1:1: warning: missing UI string 'otherRecords', which i18n/sv.yaml has; add it "
                    + "in that file's language"
            ])
    }

    @Test func theDefaultThemesLanguagesHaveTheSameKeys() throws {
        // Both builds check the other language's file: neither warns.
        for language in ["sv", "en"] {
            var content = Fixture.basic
            content["site.yaml"] = Fixture.siteYAML.replacingOccurrences(
                of: "language: sv", with: "language: \(language)")
            let result = try Fixture(content: content, theme: [:]).build { $0.theme = Self.defaultTheme }
            #expect(result.messages == [], "\(language)")
        }
    }

    /// Chinese as written in Taiwan, Hong Kong and Macao is in Traditional characters: such a site
    /// gets the theme's `i18n/zh-Hant.yaml`; `zh`, `zh-CN` and `zh-Hans-…` get `zh.yaml` (Simplified).
    @Test(arguments: [
        ("zh-TW", "搜尋"), ("zh-HK", "搜尋"), ("zh_MO", "搜尋"), ("zh-Hant", "搜尋"), ("zh-Hant-SG", "搜尋"),
        ("zh", "搜索"), ("zh-CN", "搜索"), ("zh-Hans-TW", "搜索"),
    ])
    func chineseGetsTheCharactersOfItsRegionOrScript(tag: String, searchButton: String) throws {
        let result = try build(language: tag, changes: ["data/emissions.csv": "Year,Tonnes\n2020,1234\n"])
        // No warning: the file is found, and it has every key the other languages' files have.
        #expect(result.messages == [], "\(tag)")
        let home = try #require(result.file("index.html"))
        #expect(home.contains("<button type=\"submit\">\(searchButton)</button>"), "\(tag)")
        let traditional = searchButton == "搜尋"
        #expect(PageWords.strings(for: tag).first { $0.key == "projectsHeading" }?.value == (traditional ? "頁面" : "页面"))
    }

    // MARK: Numbers, dates, order

    @Test(arguments: [
        (1234.5, "1,234.5"), (-3.25, "−3.25"), (0.001234, "0.0012"), (1e20, "1·10²⁰"), (-1.5e20, "−1.5·10²⁰"),
        (1500, "1,500"),
    ])
    func englishNumbers(value: Double, text: String) {
        #expect(NumberText.format(value, NumberStyle(language: "en")) == text)
    }

    @Test func numbersAreReadAsTheLanguageWritesThem() {
        let english = NumberStyle(language: "en-GB")
        let swedish = NumberStyle(language: "sv")
        let german = NumberStyle(language: "de")
        #expect(NumberText.parse("1,234.5", english) == 1234.5)
        #expect(NumberText.parse("12.5", english) == 12.5)
        #expect(NumberText.parse("1,234.5", swedish) == nil)
        #expect(NumberText.parse("12,5", swedish) == 12.5)
        #expect(NumberText.parse("1.234,5", german) == 1234.5)
        #expect(NumberText.parse("12,5", german) == 12.5)
        #expect(NumberText.format(1234.5, german) == "1.234,5")
        #expect(NumberText.format(1234.5, swedish) == "1\u{202f}234,5")
        #expect(NumberText.isNumber("12.5 %", english) && !NumberText.isNumber("12.5.1", english))
    }

    @Test func datesAreWrittenInTheLanguage() {
        #expect(DateText.long("2026-11-29", language: "sv") == "29 november 2026")
        #expect(DateText.long("2026-11-29", language: "sv-SE") == "29 november 2026")
        #expect(DateText.long("2026-03-05", language: "en") == "5 March 2026")
        #expect(DateText.long("2026-03-05", language: "de").contains("März 2026"))
        #expect(DateText.long("2026-03-05", language: "fr").contains("mars 2026"))
        #expect(DateText.long("not a date", language: "en") == "not a date")
    }

    @Test func alphabeticalOrderFollowsTheLanguage() {
        let words = ["Örebro", "Ängelholm", "Zürich", "avesta", "Oslo", "Åre"]
        #expect(
            Collation(language: "sv").sortedDistinct(words) == [
                "avesta", "Oslo", "Zürich", "Åre", "Ängelholm", "Örebro",
            ])
        #expect(
            Collation(language: "en").sortedDistinct(words) == [
                "Ängelholm", "Åre", "avesta", "Örebro", "Oslo", "Zürich",
            ])
        #expect(
            Collation(language: "de").sortedDistinct(words) == [
                "Ängelholm", "Åre", "avesta", "Örebro", "Oslo", "Zürich",
            ])
    }
}
