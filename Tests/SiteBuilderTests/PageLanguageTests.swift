import Testing

@testable import SiteBuilder

/// A page written in another language than the site's (front matter `lang: ja`, as Jekyll's pages
/// say it): its content gets that `lang` (WCAG 3.1.2, Language of Parts), and its direction where
/// that differs; the header, nav and footer stay in the site's language.
@Suite struct PageLanguageTests {
    func build(_ changes: [String: String]) throws -> BuildResult {
        try SiteLanguageTests().build(language: "en", changes: changes)
    }

    @Test func theContentOfAPageInAnotherLanguageSaysWhichItIs() throws {
        let result = try build([
            "keys-ja.md": "---\ntitle: キー操作\nlang: ja\n---\nキーの一覧です。\n",
            "keys-ar.md": "---\ntitle: المفاتيح\nlang: AR\n---\nقائمة المفاتيح.\n",
            "keys-pt.md": "---\ntitle: Teclas\nlang: pt_br\n---\nAs teclas.\n",
            "projects/_index.md": "---\ntitle: Projekt\nlang: sv\n---\nAlla projekt.\n",
            "projects/zebra-crossings.md":
                "---\ntitle: Zebra crossings\ntags: [climate]\nlang: de\n---\nSicherere Straßen.\n",
        ])
        #expect(result.messages.filter { !$0.contains("baseURL") } == [])
        let japanese = try #require(result.file("keys-ja/index.html"))
        #expect(japanese.contains("<html lang=\"en\">"))
        #expect(japanese.contains("<article class=\"single\" lang=\"ja\">"))
        // Right to left in a site written left to right.
        #expect(
            result.file("keys-ar/index.html")?.contains("<article class=\"single\" lang=\"ar\" dir=\"rtl\">") == true)
        // Tags are case-insensitive, and a locale's `_` is a `-`.
        #expect(result.file("keys-pt/index.html")?.contains("<article class=\"single\" lang=\"pt-BR\">") == true)
        // A project page, and a section's own page (its header and text).
        #expect(
            result.file("projects/zebra-crossings/index.html")?.contains("<article class=\"project\" lang=\"de\">")
                == true)
        let section = try #require(result.file("projects/index.html"))
        #expect(section.contains("<header class=\"page-header\" lang=\"sv\">"))
        #expect(section.contains("<div class=\"prose\" lang=\"sv\">"))
    }

    /// The site's own language, or none: nothing is added; no language tag: a warning at its place.
    @Test func theSitesLanguageOrNoTagAddsNothing() throws {
        let result = try build([
            "about.md": "---\ntitle: About\nlang: EN\n---\n## Background\n\nText.\n",
            "keys.md": "---\ntitle: Keys\nlang: japanese\n---\nText.\n",
        ])
        #expect(result.file("about/index.html")?.contains("<article class=\"single\">") == true)
        #expect(result.file("keys/index.html")?.contains("<article class=\"single\">") == true)
        #expect(
            result.messages.contains(
                "Content/keys.md:3:7: warning: lang 'japanese' is not a language tag: it is left out; write the "
                    + "language's code, a region in capitals: ja, zh-TW, pt-BR"))
    }
}
