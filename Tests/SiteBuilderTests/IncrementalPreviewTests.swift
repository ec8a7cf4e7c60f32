import Foundation
import Testing

@testable import SiteBuilder

/// The preview's incremental rebuilds against the build: seeded sequences of edits of every kind
/// (body, title, tags, organisations, a data value, a term's title in site.yaml, its nav, a template,
/// a file or page that bodies include (mdBook's `{{#include}}`), a new, deleted or renamed page,
/// draft on and off, a section's `_index.md`, a broken edit and its fix), after each of which every
/// file the session serves must equal, byte for byte, what a full build of the same content makes.
/// A broken edit must leave the last good site served.
@Suite struct IncrementalPreviewTests {
    static let steps = 24

    @Test(arguments: [1, 2, 3] as [UInt64])
    func oneLanguageSiteStaysEqualToAFullBuild(seed: UInt64) throws {
        var sequence = EditSequence(site: try PreviewSite.oneLanguage(), seed: seed)
        try sequence.run(steps: Self.steps)
    }

    @Test(arguments: [11, 12] as [UInt64])
    func bilingualSiteStaysEqualToAFullBuild(seed: UInt64) throws {
        var sequence = EditSequence(site: try PreviewSite.bilingual(), seed: seed)
        try sequence.run(steps: Self.steps)
    }
}

/// A repeatable source of random numbers (SplitMix64), so that a failing seed can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A site on disk that edits change, with what each edit kind may use on it.
struct PreviewSite {
    let fixture: Fixture
    var options: BuildOptions
    /// Content files by relative path, as on disk.
    var content: [String: String]
    /// Term ids the tags of a project may name.
    let tags: [String]
    /// Organisation ids a project may name.
    let organisations: [String]
    /// Language suffixes of page file names (`""` for the default language, `".en"`).
    let languageSuffixes: [String]
    /// The theme file a template edit changes, and its text.
    let templatePath: String
    var templateText: String

    /// `Fixture.basic` with a few more projects, a section page and a partial used by pages.
    static func oneLanguage() throws -> PreviewSite {
        var content = Fixture.basic
        content["projekt/_index.md"] = "---\ntitle: Projekt\n---\nAlla projekt.\n"
        for (n, name) in ["solceller", "matsvinn", "cykelvagar"].enumerated() {
            content["projekt/\(name).md"] =
                "---\ntitle: Projekt \(name)\ntags: [\(n % 2 == 0 ? "klimatanpassad" : "cirkulär")]\n"
                + "organisationer: [abb]\n---\nOm \(name). [Om oss](../om.md#bakgrund)\n"
        }
        // A folder whose README.md is its page (MkDocs, GitHub): edits to it go through the same
        // steps as a project's.
        content["projekt/stad/README.md"] = "---\ntitle: Stad\ntags: [cirkulär]\n---\nOm staden.\n"
        content["projekt/stad/park.md"] =
            "---\ntitle: Park\ntags: [klimatanpassad]\norganisationer: [ivl]\n---\n[Staden](README.md)\n"
        // mdBook's includes: a shared file no page is made of, and lines of another page.
        content["site.yaml"] = Fixture.siteYAML.replacingOccurrences(
            of: "baseURL: https://example.se/\n", with: "baseURL: https://example.se/\nmarkdown:\n  includes: .\n")
        content["om.md"] = "---\ntitle: Om\n---\n## Bakgrund\nText 0.\n"
        content["_delar/fakta.md"] = "Fakta 0.\n\n- punkt 0\n"
        content["projekt/matsvinn.md"]! += "\n{{#include ../_delar/fakta.md}}\n"
        content["projekt/cykelvagar.md"]! += "\n> {{#include ../om.md:4:5}}\n"
        var theme = Fixture.theme
        theme["templates/page.mustache"] = theme["templates/page.mustache"]!
            .replacingOccurrences(of: "PAGE ", with: "PAGE {{>partials/stamp}} ")
        // A card shows the page's summary: the first paragraph of a page without one, which a body
        // edit changes.
        theme["templates/section.mustache"] = theme["templates/section.mustache"]!
            .replacingOccurrences(of: "SECTION ", with: "SECTION {{>partials/stamp}} ")
            .replacingOccurrences(of: "<{{title}}>", with: "<{{title}}|{{summary}}>")
        theme["templates/partials/stamp.mustache"] = "STAMP 0"
        let fixture = try Fixture(content: content, theme: theme)
        var options = fixture.options
        options.liveReload = "<script>/* live reload */</script>"
        return PreviewSite(
            fixture: fixture, options: options, content: content, tags: ["klimatanpassad", "cirkulär"],
            organisations: ["ivl", "orebro", "abb", "ale"], languageSuffixes: [""],
            templatePath: "templates/partials/stamp.mustache", templateText: "STAMP 0")
    }

    /// The bilingual test site (Swedish and English) with a copy of the default theme.
    static func bilingual() throws -> PreviewSite {
        let content = try BilingualSiteTests.content()
        let fixture = try Fixture(content: content, theme: [:])
        let theme = fixture.root.appendingPathComponent("Theme")
        try? FileManager.default.removeItem(at: theme)
        try FileManager.default.copyItem(at: SiteLanguageTests.defaultTheme, to: theme)
        var options = fixture.options
        options.liveReload = "<script>/* live reload */</script>"
        let footer = "templates/partials/footer.mustache"
        let text = try String(contentsOf: theme.appendingPathComponent(footer), encoding: .utf8)
        return PreviewSite(
            fixture: fixture, options: options, content: content, tags: ["cirkulär", "klimat"],
            organisations: ["ivl"], languageSuffixes: ["", ".en"], templatePath: footer, templateText: text)
    }

    func url(_ path: String) -> URL { fixture.root.appendingPathComponent("Content/" + path) }

    /// Writes a content file (nil deletes it); returns its absolute path.
    mutating func write(_ path: String, _ text: String?) throws -> String {
        content[path] = text
        if let text {
            try Fixture.write(text, to: url(path))
        } else {
            try FileManager.default.removeItem(at: url(path))
        }
        return url(path).path
    }

    mutating func writeTemplate(_ text: String) throws -> String {
        templateText = text
        let url = fixture.root.appendingPathComponent("Theme/" + templatePath)
        try Fixture.write(text, to: url)
        return url.path
    }

    /// The project pages (not section pages), sorted.
    var projects: [String] {
        content.keys.filter { $0.hasPrefix("projekt/") && $0.hasSuffix(".md") && !$0.contains("_index") }.sorted()
    }
}
