import Foundation
import Testing

@testable import SiteBuilder

/// Every language in a folder of its own, the default one too, as Hugo sites keep them
/// (`content/en`, `content/no`, `content/fa`): pages and the files beside them at the language's
/// URLs, a translation's images its own or its original's, and right-to-left languages laid out
/// from the right.
@Suite struct LanguageFoldersTests {
    static let content: [String: String] = [
        "site.yaml": "title: Docs\ntitle.fa: اسناد\nlanguages: [en, no, fa]\n",
        "en/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "en/docs/_index.md": "---\ntitle: Docs\n---\n",
        "en/docs/guide.md": "---\ntitle: Guide\n---\nSee [other](other.md) and ![A map](map.png).\n",
        "en/docs/other.md": "---\ntitle: Other\n---\nBack to [the guide](guide.md).\n",
        "en/docs/map.png": "map",
        "no/_index.md": "---\ntitle: Hjem\n---\nVelkommen.\n",
        "no/docs/_index.md": "---\ntitle: Dokumenter\n---\n",
        "no/docs/guide.md":
            "---\ntitle: Veiledning\n---\nSe [annen](other.md), ![Et kart](map.png) og ![Et bilde](bilde.png).\n",
        "no/docs/bilde.png": "bilde",
        "fa/_index.md": "---\ntitle: خانه\n---\nخوش آمدید.\n",
    ]

    func build(_ changes: [String: String?] = [:]) throws -> BuildResult {
        var content = Self.content
        for (path, text) in changes { content[path] = text }
        return try Fixture(content: content, theme: [:]).build { $0.theme = SiteLanguageTests.defaultTheme }
    }

    @Test func theDefaultLanguagesFolderIsTheSitesRoot() throws {
        let result = try build()
        #expect(result.succeeded, "\(result.messages)")
        for path in [
            "index.html", "docs/index.html", "docs/guide/index.html", "docs/other/index.html", "docs/map.png",
            "no/index.html", "no/docs/guide/index.html", "no/docs/bilde.png", "fa/index.html",
        ] {
            #expect(result.file(path) != nil, "\(path)")
        }
        #expect(!result.files.contains { $0.path.hasPrefix("en/") }, "\(result.files.map(\.path))")
        let guide = try #require(result.file("docs/guide/index.html"))
        #expect(guide.contains("<a href=\"../../docs/other/\">other</a>"), "\(guide)")
        #expect(guide.contains("<img src=\"../../docs/map.png\" alt=\"A map\""))
    }

    /// A translation's image is its own when its folder has it, else its original's; its link to
    /// a page not translated goes to the original page.
    @Test func aTranslationsFilesAreItsOwnElseItsOriginals() throws {
        let guide = try #require(try build().file("no/docs/guide/index.html"))
        #expect(guide.contains("<img src=\"../../../no/docs/bilde.png\" alt=\"Et bilde\""), "\(guide)")
        #expect(guide.contains("<img src=\"../../../docs/map.png\" alt=\"Et kart\""))
        #expect(guide.contains("<a href=\"../../../docs/other/\">annen</a>"))
        // A file in neither folder is still an error at the translation.
        let missing = try build(["no/docs/bilde.png": nil])
        #expect(
            missing.messages.contains {
                $0.hasPrefix("Content/no/docs/guide.md:4:") && $0.contains("image 'bilde.png' points to no file")
            }, "\(missing.messages)")
    }

    /// An untranslated page's warning says where its translation goes in this layout.
    @Test func aMissingTranslationIsAskedForInItsLanguagesFolder() throws {
        let messages = try build().messages
        #expect(
            messages.contains(
                "Content/en/docs/other.md:1:1: warning: this page has no translation into 'no'; "
                    + "add no/docs/other.md, this page in 'no'"), "\(messages)")
        // A site whose pages may be in one language only says nothing of it.
        let partial = try build(["site.yaml": Self.content["site.yaml"]! + "translations: partial\n"])
        #expect(partial.succeeded && !partial.messages.contains { $0.contains("has no translation") })
        let odd = try build(["site.yaml": Self.content["site.yaml"]! + "translations: some\n"])
        #expect(
            odd.messages.contains {
                $0.hasPrefix("Content/site.yaml:4:15: error: 'translations' must be optional, required or partial")
            }, "\(odd.messages)")
        // A page in the default language's folder and one beside it are one page twice.
        let twice = try build(["docs/guide.md": "---\ntitle: Guide again\n---\n"])
        #expect(!twice.succeeded)
        #expect(
            twice.messages.contains { $0.contains("are both the en version of docs/guide.md") }, "\(twice.messages)")
    }

    @Test func rightToLeftLanguagesAreLaidOutFromTheRight() throws {
        let result = try build()
        let persian = try #require(result.file("fa/index.html"))
        #expect(persian.contains("<html lang=\"fa\" dir=\"rtl\">"))
        #expect(persian.contains("<title>اسناد</title>"), "\(persian)")
        // The theme's English words on it are marked as English, laid out left to right.
        #expect(
            persian.contains("<a class=\"skip-link\" href=\"#kl_main\" lang=\"en\" dir=\"ltr\">Skip to content</a>"))
        let english = try #require(result.file("index.html"))
        #expect(english.contains("<html lang=\"en\">"))
        // The switcher names each language in itself, even one the theme has no UI strings for,
        // and an entry in a right-to-left language is laid out so.
        #expect(english.contains("hreflang=\"fa\" lang=\"fa\" dir=\"rtl\">فارسی</a>"), "\(english)")
        #expect(english.contains("hreflang=\"no\" lang=\"no\">Norsk</a>"))
        #expect(!english.contains(">English</a>"))
        #expect(
            result.messages.contains { $0.contains("the theme has no UI strings for language 'fa'") },
            "\(result.messages)")
        // Where a page has no translation, the entry of a language with English's words says which
        // language it is not in: its own, not "English".
        // That note is English inside a Persian link: it says so, and is laid out left to right
        // (an English sentence in a right-to-left entry came out backwards), WCAG 3.1.2.
        let said = result.files.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        #expect(
            said.contains(
                "hreflang=\"fa\" lang=\"fa\" dir=\"rtl\">فارسی<span class=\"language-switch__note\" lang=\"en\" "
                    + "dir=\"ltr\">: this page is not in فارسی, go to the فارسی home page</span></a>"), "\(said)")
        #expect(!said.contains("this page is not in English"))
        // Norwegian's note is Bokmål's own words: no lang of its own.
        #expect(said.contains("hreflang=\"no\" lang=\"no\">Norsk<span class=\"language-switch__note\">: "))
    }

    /// Folders named by a tag with a region or a script in lower case, as Hugo and Starlight name
    /// them (`es-mx`, `zh-tw`): languages, at the URLs their folders give; the UI strings of their
    /// language (`zh-tw` reads Traditional characters, as `zh-TW`).
    @Test func aLanguagesFolderMayBeNamedInLowerCase() throws {
        let result = try build([
            "site.yaml": "title: Docs\nlanguages: [en, es-mx, zh-tw]\n", "no/_index.md": nil, "no/docs/_index.md": nil,
            "no/docs/guide.md": nil, "no/docs/bilde.png": nil, "fa/_index.md": nil,
            "es-mx/_index.md": "---\ntitle: Inicio\n---\nBienvenidos.\n",
            "zh-tw/_index.md": "---\ntitle: 首頁\n---\n歡迎。\n",
        ])
        #expect(result.succeeded, "\(result.messages)")
        let spanish = try #require(result.file("es-mx/index.html"))
        #expect(spanish.contains("<html lang=\"es-mx\"") && spanish.contains("<button type=\"submit\">Buscar</button>"))
        let chinese = try #require(result.file("zh-tw/index.html"))
        #expect(chinese.contains("<button type=\"submit\">搜尋</button>"), "\(chinese)")
    }

    @Test func languageTagsAsSitesWriteThem() {
        for tag in ["en", "sv", "fil", "en-GB", "pt-br", "zh-Hant", "zh-hant-tw", "es-419", "sr-Latn-RS"] {
            #expect(LanguageKeys.isLanguageTag(tag), "\(tag)")
        }
        for tag in ["", "e", "english", "EN", "en-", "en-G", "en-GBR", "es-41", "zh-Hant-TW-x", "md.en", "en_GB"] {
            #expect(!LanguageKeys.isLanguageTag(tag), "\(tag)")
        }
        #expect(
            LanguageKeys.normalizedTag("pt_br") == "pt-BR" && LanguageKeys.normalizedTag("ZH-HANT-tw") == "zh-Hant-TW")
        #expect(LanguageKeys.normalizedTag("english") == nil)
    }

    @Test func rightToLeftIsToldByTheLanguagesPrimaryTag() {
        for tag in ["ar", "fa", "he", "ur", "yi", "ar-EG", "ckb"] { #expect(LanguageKeys.isRightToLeft(tag), "\(tag)") }
        for tag in ["en", "sv", "fi", "no", "fr-CA", "tr", "am"] { #expect(!LanguageKeys.isRightToLeft(tag), "\(tag)") }
    }
}
