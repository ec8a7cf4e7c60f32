import Foundation
import Testing

@testable import SiteBuilder

/// The preview's error box speaks the page's language: the build hands the theme's words to the
/// live-reload script in a `<template>` before it, only when the preview injects the script.
@Suite struct PreviewWordsTests {
    static let script = "<script src=\"/_kretslopp/live.js\" defer></script>"

    func build(language: String, strings: String = "", preview: Bool = true) throws -> BuildResult {
        var content = SiteLanguageTests.content(language: language)
        // Whole numbers read the same in every language.
        content["data/emissions.csv"] = "Year,Tonnes\n2020,1234\n"
        if !strings.isEmpty { content["site.yaml"]! += "\nstrings:\n" + strings }
        let fixture = try Fixture(content: content, theme: [:])
        return fixture.build {
            $0.theme = SiteLanguageTests.defaultTheme
            if preview { $0.liveReload = Self.script }
        }
    }

    /// The `<template>` element on the front page, or nil.
    func words(_ result: BuildResult) throws -> String? {
        let page = try #require(result.file("index.html"))
        guard let start = page.range(of: "<template id=\"kretslopp-preview-words\""),
            let end = page.range(of: "</template>", range: start.upperBound..<page.endIndex)
        else { return nil }
        #expect(page[end.upperBound...].hasPrefix(Self.script), "the words come just before the script")
        return String(page[start.lowerBound..<end.upperBound])
    }

    @Test func theBoxHasTheThemesWordsInTheSitesLanguage() throws {
        let swedish = try #require(try words(build(language: "sv")))
        #expect(swedish.contains("data-lang=\"sv\""), "\(swedish)")
        #expect(swedish.contains("data-failed=\"Bygget misslyckades ({n} fel)."), "\(swedish)")
        #expect(swedish.contains("data-failed-one=\"Bygget misslyckades (1 fel)."), "\(swedish)")
        #expect(swedish.contains("data-close=\"Stäng\""), "\(swedish)")
        let japanese = try #require(try words(build(language: "ja")))
        #expect(japanese.contains("data-lang=\"ja\"") && japanese.contains("data-close=\"閉じる\""), "\(japanese)")
    }

    @Test func aLanguageTheThemeLacksGetsTheEnglishWordsMarkedEnglish() throws {
        let result = try build(language: "ro")
        let words = try #require(try words(result))
        #expect(words.contains("data-lang=\"en\"") && words.contains("data-close=\"Close\""), "\(words)")
    }

    @Test func theSitesOwnWordsAreEscapedIntoTheAttributes() throws {
        let result = try build(language: "en", strings: "  previewClose: 'Shut \"it\" & <go>'\n")
        let words = try #require(try words(result))
        #expect(words.contains("data-close=\"Shut &quot;it&quot; &amp; &lt;go&gt;\""), "\(words)")
    }

    @Test func aPublishedBuildHasNone() throws {
        let result = try build(language: "sv", preview: false)
        #expect(try words(result) == nil)
        #expect(try #require(result.file("index.html")).contains("live.js") == false)
    }
}
