import Foundation
import Testing

@testable import SiteBuilder

/// A site in Swedish and English built in one go (`Tests/browser/bilingual/Content`, which the
/// browser tests build too): URLs, `K.LANG` values, translations, the switcher, hreflang, feeds,
/// search indexes, and the mistakes a bilingual site can have.
@Suite struct BilingualSiteTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("browser/bilingual/Content")

    /// The fixture's files, `[path: text]`.
    static func content() throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        for case let path as String in enumerator where path.hasSuffix(".md") || path.hasSuffix(".yaml") {
            files[path] = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        return files
    }

    func build(_ changes: [String: String] = [:], removing: [String] = []) throws -> BuildResult {
        var content = try Self.content().merging(changes) { $1 }
        for path in removing { content[path] = nil }
        let fixture = try Fixture(content: content, theme: [:])
        return fixture.build { $0.theme = SiteLanguageTests.defaultTheme }
    }

    @Test func bothLanguagesAreBuiltWithTheirOwnURLsAndLanguage() throws {
        let result = try build()
        #expect(result.succeeded, "\(result.messages)")
        for path in [
            "index.html", "projekt/kriterier/index.html", "taggar/cirkular/index.html", "organisationer/ivl/index.html",
            "en/index.html", "en/projects/index.html", "en/projects/kriterier/index.html", "en/about/index.html",
            "en/tags/cirkular/index.html", "en/organisations/ivl/index.html", "en/search/index.html",
            "en/rapport/index.html", "en/feed.xml", "feed.xml", "en/assets/search/meta.js",
            "en/assets/search/engine.js", "assets/search/meta.js",
        ] {
            #expect(result.file(path) != nil, "\(path)")
        }
        // Pages not translated are only in Swedish; there is one 404 page.
        #expect(result.file("en/projects/bara-svenska/index.html") == nil)
        #expect(result.file("en/404.html") == nil)
        for file in result.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.data, as: UTF8.self)
            let lang = file.path.hasPrefix("en/") ? "en" : "sv"
            #expect(html.contains("<html lang=\"\(lang)\">"), "\(file.path)")
        }
    }

    @Test func valuesPerLanguageReplaceTheDefaultOnes() throws {
        let result = try build()
        let english = try #require(result.file("en/organisations/ivl/index.html"))
        #expect(english.contains("IVL Swedish Environmental Research Institute"))
        #expect(english.contains("A research institute."))
        #expect(!english.contains("Ett forskningsinstitut"))
        let swedish = try #require(result.file("organisationer/ivl/index.html"))
        #expect(swedish.contains("Ett forskningsinstitut."))
        let terms = try #require(result.file("en/tags/index.html"))
        #expect(terms.contains("Climate-adapted") && !terms.contains("Klimatanpassad"))
        let home = try #require(result.file("en/index.html"))
        #expect(home.contains("<title>Circular procurement</title>"))
        #expect(home.contains("<a href=\"../en/projects/\">Projects</a>"))
    }

    @Test func switcherGoesToTheTranslationOrToTheFrontPageSayingSo() throws {
        let result = try build()
        let english = try #require(result.file("en/projects/kriterier/index.html"))
        #expect(english.contains("<a href=\"../../../projekt/kriterier/\" hreflang=\"sv\" lang=\"sv\">Svenska</a>"))
        let swedish = try #require(result.file("projekt/kriterier/index.html"))
        #expect(swedish.contains("<a href=\"../../en/projects/kriterier/\" hreflang=\"en\" lang=\"en\">English</a>"))
        let untranslated = try #require(result.file("projekt/bara-svenska/index.html"))
        #expect(
            untranslated.contains(
                "<a href=\"../../en/\" hreflang=\"en\" lang=\"en\">English<span class=\"language-switch__note\">: "
                    + "this page is not in English, go to the English home page</span></a>"))
        // Generated pages are matched too: a term page, an organisation, the search page.
        let term = try #require(result.file("taggar/klimat/index.html"))
        #expect(term.contains("href=\"../../en/tags/klimat/\" hreflang=\"en\""))
        let search = try #require(result.file("en/search/index.html"))
        #expect(search.contains("href=\"../../sok/\" hreflang=\"sv\""))
    }

    /// From three other languages on, the switcher is a list of its own behind the page's
    /// language (a `<details>` in the menu bar); with one or two their links are in the bar.
    @Test func manyLanguagesAreAListOfTheirOwn() throws {
        let two = try #require(try build().file("projekt/kriterier/index.html"))
        #expect(!two.contains("language-menu") && two.contains("<li class=\"language-switch\"><a href=\"../../en/"))
        let site = try #require(try Self.content()["site.yaml"])
        let four = try build(["site.yaml": site.replacingOccurrences(of: "[sv, en]", with: "[sv, en, de, ja]")])
        let page = try #require(four.file("projekt/kriterier/index.html"))
        #expect(
            page.contains(
                "<li class=\"language-menu\"><details><summary>Språk<span class=\"language-menu__current\">: Svenska"
                    + "</span></summary>\n<ul>\n<li class=\"language-switch\"><a href=\"../../en/projects/kriterier/\"")
        )
        #expect(page.contains("hreflang=\"de\" lang=\"de\">Deutsch<span class=\"language-switch__note\">"))
        let japanese = try #require(four.file("ja/index.html"))
        #expect(japanese.contains("<summary>言語<span class=\"language-menu__current\">: 日本語</span></summary>"))
    }

    @Test func theSearchPageAndStatusLabelsHaveTheirWordsPerLanguage() throws {
        var site = try #require(try Self.content()["site.yaml"])
        site += "\nsearch: {path: sok, path.en: find}\nschema:\n  projekt:\n    status:\n      values: [pågående]\n"
        site += "      labels: {pågående: Pågående}\n      labels.en: {pågående: Ongoing}\n"
        let result = try build([
            "site.yaml": site, "projekt/kriterier.md": try Self.withStatus("projekt/kriterier.md"),
            "projekt/kriterier.en.md": try Self.withStatus("projekt/kriterier.en.md"),
        ])
        #expect(result.succeeded, "\(result.messages)")
        #expect(result.file("sok/index.html") != nil && result.file("en/find/index.html") != nil)
        #expect(result.file("en/projects/kriterier/index.html")?.contains(">Ongoing<") == true)
        #expect(result.file("projekt/kriterier/index.html")?.contains(">Pågående<") == true)
        // Without the setting: the language's own word.
        #expect(try build().file("en/search/index.html") != nil)
        let bad = try build(["site.yaml": try #require(try Self.content()["site.yaml"]) + "\nsearch: {path: Sök här}\n"]
        )
        #expect(bad.messages.contains { $0.contains("search path must be one URL folder name") })
    }

    /// The fixture's page `path` with `status: pågående` in its front matter.
    static func withStatus(_ path: String) throws -> String {
        let text = try #require(try content()[path])
        return text.replacingOccurrences(
            of: "\n---\n", with: "\nstatus: pågående\n---\n", options: [],
            range: text.index(text.startIndex, offsetBy: 4)..<text.endIndex)
    }

    @Test func hreflangAlternatesInHeadAndSitemap() throws {
        let result = try build()
        let page = try #require(result.file("projekt/kriterier/index.html"))
        #expect(
            page.contains("<link rel=\"alternate\" hreflang=\"sv\" href=\"https://example.se/projekt/kriterier/\">"))
        #expect(
            page.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.se/en/projects/kriterier/\">")
        )
        #expect(
            page.contains(
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.se/projekt/kriterier/\">"))
        let untranslated = try #require(result.file("projekt/bara-svenska/index.html"))
        #expect(!untranslated.contains("hreflang=\"x-default\""))
        let sitemap = try #require(result.file("sitemap.xml"))
        #expect(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
        #expect(
            sitemap.contains(
                "<url><loc>https://example.se/en/about/</loc><xhtml:link rel=\"alternate\" hreflang=\"sv\" "
                    + "href=\"https://example.se/om/\"/>"))
        let feed = try #require(result.file("en/feed.xml"))
        #expect(
            feed.contains("xml:lang=\"en\"")
                && feed.contains("<link href=\"https://example.se/en/feed.xml\" rel=\"self\"/>"))
        #expect(feed.contains("Furniture in circulation") && !feed.contains("Möbler"))
    }

    @Test func relativeLinksGoToTheTranslationElseTheOriginal() throws {
        let result = try build()
        let page = try #require(result.file("en/projects/kriterier/index.html"))
        #expect(page.contains("<a href=\"../../../en/about/#background\">About</a>"))
        #expect(page.contains("<a href=\"../../../projekt/bara-svenska/\">only Swedish</a>"))
    }

    @Test func eachLanguageHasItsOwnSearchIndexWithItsStemmer() throws {
        let result = try build()
        let english = try #require(result.file("en/assets/search/meta.js"))
        let swedish = try #require(result.file("assets/search/meta.js"))
        #expect(english.contains("\"english\"") || english.contains("\"en\""))
        #expect(swedish.contains("\"swedish\"") || swedish.contains("\"sv\""))
        let documents = result.files.filter { $0.path.hasPrefix("en/assets/search/d/") }
            .map { String(decoding: $0.data, as: UTF8.self) }.joined()
        // Result paths are below the language's root, where its engine sits.
        #expect(documents.contains("/projects/kriterier/") && !documents.contains("/en/projects/"))
        #expect(!documents.contains("Bara svenska"))
    }

    @Test func checkWarnsOfMissingAndStaleTranslations() throws {
        let result = try build(["om.md": "---\ntitle: Om\nupdated: 2026-12-05\n---\n## Bakgrund\n\nOm programmet.\n"])
        #expect(result.succeeded)
        #expect(
            result.messages.contains(
                "Content/projekt/bara-svenska.md:1:1: warning: this page has no translation into 'en'; "
                    + "add bara-svenska.en.md beside it"))
        #expect(
            result.messages.contains {
                $0.hasPrefix("Content/om.en.md:4:13: warning: the translation is older than its original")
            }, "\(result.messages)")
        let required = try build([
            "site.yaml": try Self.content()["site.yaml"]! + "translations: required\n"
        ])
        #expect(!required.succeeded)
        #expect(
            required.messages.contains {
                $0.hasPrefix("Content/projekt/bara-svenska.md:1:1: error: this page has no translation")
            })
    }

    @Test func badInputIsAnErrorAtItsPlaceAndNothingIsBuilt() throws {
        let undeclared = try build(["projekt/kriterier.de.md": "---\ntitle: Kriterien\n---\n"])
        #expect(!undeclared.succeeded && undeclared.files.isEmpty)
        #expect(
            undeclared.messages.contains {
                $0.hasPrefix("Content/projekt/kriterier.de.md:1:1: error: language 'de' is not declared")
            })

        let twice = try build(["en/projekt/kriterier.md": "---\ntitle: Criteria again\ntags: [cirkulär]\n---\n"])
        #expect(!twice.succeeded)
        #expect(
            twice.messages.contains { $0.contains("are both the en version of projekt/kriterier.md") },
            "\(twice.messages)")

        let key = try build([
            "projekt/mobler.en.md": "---\ntitle: Furniture\ntranslationKey: k\ntags: [klimat]\n---\n",
            "projekt/kriterier.en.md": "---\ntitle: Criteria\ntranslationKey: k\ntags: [klimat]\n---\n",
        ])
        #expect(!key.succeeded)
        #expect(
            key.messages.contains {
                $0.hasPrefix("Content/projekt/mobler.en.md:3:17: error:")
                    || $0.hasPrefix("Content/projekt/kriterier.en.md:3:17: error:")
            }, "\(key.messages)")

        let yaml = try build(["site.yaml": try Self.content()["site.yaml"]! + "author.de: Jemand\n"])
        #expect(
            yaml.messages.contains {
                $0.contains("site.yaml:")
                    && $0.contains("error: language 'de' is not declared in site.yaml `languages:`")
            }, "\(yaml.messages)")

        let mismatch = try build(["site.yaml": try Self.content()["site.yaml"]! + "language: en\n"])
        #expect(mismatch.messages.contains { $0.contains("'language: en' is not the first of 'languages:'") })

        let ids = try build(["data/organisationer.en.yaml": "- id: annan\n  namn: Other\n"])
        #expect(!ids.succeeded)
        #expect(
            ids.messages.contains {
                $0.hasPrefix("Content/data/organisationer.en.yaml:1:1: error: the records' ids differ")
            }, "\(ids.messages)")
    }

    @Test func translationKeyLinksPagesWithOtherNames() throws {
        let result = try build(
            [
                "projekt/kriterier.md":
                    "---\ntitle: Upphandlingskriterier\ntranslationKey: criteria\ntags: [cirkulär]\n---\nKriterier.\n",
                "projekt/criteria.en.md":
                    "---\ntitle: Criteria\ntranslationKey: criteria\ntags: [cirkulär]\n---\nA criterion.\n",
                "om.en.md": "---\ntitle: About\nslug: about\n---\nAbout.\n",
            ], removing: ["projekt/kriterier.en.md"])
        #expect(result.succeeded, "\(result.messages)")
        let swedish = try #require(result.file("projekt/kriterier/index.html"))
        #expect(swedish.contains("href=\"../../en/projects/criteria/\" hreflang=\"en\""))
    }

    @Test func aSiteInOneLanguageIgnoresLanguageKeysAsBefore() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\ntitle.en: Test site\n"
        let fixture = try Fixture(content: content)
        let result = fixture.build()
        #expect(result.succeeded, "\(result.messages)")
        #expect(result.file("en/index.html") == nil)
        #expect(result.file("index.html")?.contains("Testplats") == true)
    }

    @Test func aLanguageFolderMirrorsTheTree() throws {
        let result = try build([
            "en/projekt/bara-svenska.md": "---\ntitle: Only Swedish no more\ntags: [klimat]\n---\nRoads.\n",
            "en/kontakt.md": "---\ntitle: Contact\nurl: /contact-us/\n---\nWrite to us.\n",
        ])
        #expect(result.succeeded, "\(result.messages)")
        let page = try #require(result.file("en/projects/bara-svenska/index.html"))
        #expect(page.contains("<html lang=\"en\">") && page.contains("Only Swedish no more"))
        #expect(page.contains("href=\"../../../projekt/bara-svenska/\" hreflang=\"sv\""))
        // `url:` in a translation is below the language's root.
        #expect(result.file("en/contact-us/index.html") != nil)
        #expect(!result.messages.contains { $0.contains("bara-svenska.md:1:1: warning: this page has no translation") })
    }

    @Test func reportPathsAreGivenPerLanguage() throws {
        let result = try build()
        #expect(result.reportPaths == ["sv": "rapport/index.html", "en": "en/rapport/index.html"])
        let report = try #require(result.file("en/rapport/index.html"))
        #expect(report.contains("<html lang=\"en\">") && report.contains("Procurement criteria"))
        #expect(!report.contains("Upphandlingskriterier"))
    }

    @Test func uiStringsMissingInALanguageAreReported() throws {
        // A copy of the default theme whose English strings lack the switcher's.
        let theme = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: SiteLanguageTests.defaultTheme, to: theme)
        defer { try? FileManager.default.removeItem(at: theme) }
        let english = theme.appendingPathComponent("i18n/en.yaml")
        let lines = try String(contentsOf: english, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        try lines.filter { !$0.hasPrefix("languageName:") }.joined(separator: "\n")
            .write(to: english, atomically: true, encoding: .utf8)
        let fixture = try Fixture(content: try Self.content(), theme: [:])
        let result = fixture.build { $0.theme = theme }
        #expect(!result.succeeded)
        #expect(
            result.messages.contains { $0.contains("i18n/en.yaml:1:1: error: missing UI string 'languageName'") },
            "\(result.messages)")
        #expect(result.messages.contains { $0.contains("i18n/en.yaml:1:1: warning: missing UI string 'languageName'") })
    }

    @Test func laterPagesOfAListingSwitchToTheListing() throws {
        let result = try build(["site.yaml": try Self.content()["site.yaml"]! + "listing: {pageSize: 1}\n"])
        #expect(result.succeeded, "\(result.messages)")
        let later = try #require(result.file("projekt/sida/2/index.html"))
        #expect(later.contains("<a href=\"../../../en/projects/\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(!later.contains("hreflang=\"x-default\""))
        let english = try #require(result.file("en/projects/page/2/index.html"))
        #expect(english.contains("<a href=\"../../../../projekt/\" hreflang=\"sv\" lang=\"sv\">Svenska</a>"))
        // Each language's paged listing has its own filter data, over its own projects.
        let listing = try #require(result.file("en/projects/index.html"))
        #expect(listing.contains("data-facets-data=\"../../en/filterdata/"))
        let data = result.files.filter { $0.path.hasPrefix("en/filterdata/") }
        #expect(!data.isEmpty)
        #expect(data.contains { String(decoding: $0.data, as: UTF8.self).contains("\"count\":2") })
        #expect(result.files.contains { $0.path.hasPrefix("filterdata/") })
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let fixture = try Fixture(content: try Self.content(), theme: [:])
        let a = fixture.build { $0.theme = SiteLanguageTests.defaultTheme }
        let b = fixture.build { $0.theme = SiteLanguageTests.defaultTheme }
        #expect(a.files.count == b.files.count && a.files.count > 40)
        for (x, y) in zip(a.files, b.files) { #expect(x.path == y.path && x.bytes == y.bytes, "\(x.path)") }
    }

    @Test func thePreviewRebuildsATranslationAfterAnEdit() throws {
        let fixture = try Fixture(content: try Self.content(), theme: [:])
        guard let session = fixture.previewWithDefaultTheme() else { return }
        #expect(session.file("en/projects/kriterier/index.html") != nil)
        let url = fixture.root.appendingPathComponent("Content/projekt/kriterier.en.md")
        try Fixture.write(
            "---\ntitle: Procurement criteria\ntags: [cirkulär]\norganisationer: [ivl]\n---\nNew text.\n", to: url)
        guard case .updated(let changed, _) = session.rebuild(changedPaths: [url.path]) else {
            Issue.record("rebuild failed: \(session.diagnostics)")
            return
        }
        #expect(changed.contains("en/projects/kriterier/index.html"))
        #expect(!changed.contains("projekt/kriterier/index.html"))
        let page = session.file("en/projects/kriterier/index.html").map { String(decoding: $0.data, as: UTF8.self) }
        #expect(page?.contains("<p>New text.</p>") == true)
    }

    /// Each language's page has its own old URLs, in its language; one given by both goes to the
    /// first language's page, with a warning at the other.
    /// `nav.en:` titles the English reading order; a title with a dot (`Node.js`, `Socket.io`) is
    /// a title, not a key in another language; a page not translated yet is passed over in English.
    @Test func theNavInEachLanguage() throws {
        let site = try Self.content()["site.yaml"]!
        let nav = """

            nav:
              - Om oss: om.md
              - Socket.io: projekt/mobler.md
              - projekt/bara-svenska.md
              - projekt/kriterier.md
            nav.en:
              - About us: om.md
              - Node.js: projekt/mobler.md
              - projekt/bara-svenska.md
              - projekt/kriterier.md
            """
        let result = try build(["site.yaml": site + nav])
        #expect(result.succeeded && result.messages.allSatisfy { !$0.contains("site.yaml") }, "\(result.messages)")
        let swedish = try #require(result.file("projekt/mobler/index.html"))
        #expect(swedish.contains("rel=\"prev\"><span class=\"page-nav__label\">Föregående:</span> Om oss</a>"))
        #expect(swedish.contains("href=\"../../projekt/bara-svenska/\" rel=\"next\""), "\(swedish)")
        let english = try #require(result.file("en/projects/mobler/index.html"))
        #expect(english.contains("rel=\"prev\"><span class=\"page-nav__label\">Previous:</span> About us</a>"))
        #expect(english.contains("href=\"../../../en/projects/kriterier/\" rel=\"next\""), "\(english)")
        // The menu is site.yaml's own, in each language.
        #expect(english.contains("<a href=\"../../../en/about/\">About</a>"))
    }

    @Test func aliasesInEachLanguage() throws {
        let swedish = try Self.content()["om.md"]!.replacingOccurrences(
            of: "title: Om\n", with: "title: Om\naliases: [/gammal/, /om-oss/]\n")
        let english = try Self.content()["om.en.md"]!.replacingOccurrences(
            of: "slug: about\n", with: "slug: about\naliases: [/en/old-about/, /gammal/]\n")
        let result = try build(["om.md": swedish, "om.en.md": english])
        #expect(result.succeeded, "\(result.messages)")
        let old = try #require(result.file("en/old-about/index.html"))
        #expect(old.contains("<html lang=\"en\">"))
        #expect(old.contains("url=../../en/about/\""))
        #expect(result.file("om-oss/index.html")?.contains("url=../om/\"") == true)
        #expect(result.file("gammal/index.html")?.contains("url=../om/\"") == true)
        #expect(
            result.messages.filter { $0.contains("alias") } == [
                "Content/om.en.md:4:27: warning: alias '/gammal/' is left out here: Content/om.md has it too and keeps "
                    + "it; an old URL can send readers on to one page only: remove one"
            ])
    }
}
