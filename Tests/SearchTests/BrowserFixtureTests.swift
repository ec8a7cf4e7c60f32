import Foundation
import Testing

@testable import Search

/// Writes the site that `Tests/browser/test_search_engine.py` searches into the folder it names
/// with `KRETSLOPP_SEARCH_FIXTURE`; without it, into a temporary folder, so the writer is tested
/// on every run (never skipped).
@Suite struct BrowserFixtureTests {
    static let folder = ProcessInfo.processInfo.environment["KRETSLOPP_SEARCH_FIXTURE"]

    /// Words every stemming rule touches, besides the site's vocabulary.
    static let stemmingWords = [
        "lösts", "löst", "fullt", "hetens", "heterna", "möjligheterna", "kraftigt", "rolig", "roligt",
        "vackrast", "kommenterade", "andades", "bussarnas", "trädgårdsarbetet", "cyklas", "spets", "kyss",
        "idé", "idéer", "café", "caféet", "arméns", "is", "ös", "åt", "ab", "abc", "2030", "co2", "åäö",
        "skönhetens", "löften", "löstes", "fullgjort", "snällt", "redd", "bygd", "sann", "brädd", "gästs",
        "papperslöst", "kärlekslöst", "allmänhetens", "samtliga", "ärligt", "enkelt", "förändrats",
    ]

    @Test func writeBrowserFixture() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kretslopp-fixture-\(UUID().uuidString)")
        let output = Self.folder.map { URL(fileURLWithPath: $0) } ?? scratch
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = SearchIndexBuilder.build(FixtureDocuments.all, options: SearchIndexOptions(language: "sv"))
        let stemPage = SiteFiles.page(title: "Stammar", root: "", scripts: ["stems.js"])
        try SiteFiles.write(
            files,
            pages: [
                "index.html": SiteFiles.page(title: "Start", root: ""),
                "projekt/sok/index.html": SiteFiles.page(title: "Sök", root: "../../"),
                "stems.html": stemPage,
                "stems.js": try stemsScript(),
            ],
            to: output)
        for path in ["assets/search/meta.js", "assets/search/engine.js", "assets/search/t/0.js", "assets/search/d/0.js",
                     "index.html", "projekt/sok/index.html", "stems.html", "stems.js"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)")
        }
    }

    /// `window.__stems = [[word, stem], …]` for every word of a realistic vocabulary: the
    /// repository's Content/, the fixture, a generated corpus (`KRETSLOPP_SEARCH_CORPUS`).
    func stemsScript() throws -> String {
        var documents = FixtureDocuments.all
        documents += try SiteFiles.markdownDocuments(in: SiteFiles.repository.appendingPathComponent("Content")) { "/\($0)/" }
        if let corpus = ProcessInfo.processInfo.environment["KRETSLOPP_SEARCH_CORPUS"] {
            documents += try SiteFiles.markdownDocuments(in: URL(fileURLWithPath: corpus)) { "/projekt/\($0)/" }
        }
        documents.append(FixtureDocuments.document("/ord/", "", body: Self.stemmingWords.joined(separator: " ")))
        let words = Set(AnalysedChunk(documents).words).filter { $0.unicodeScalars.count >= 2 }.sorted()
        let stemmer = WordStemmer(language: "sv")
        let pairs = words.map { [$0, stemmer.stem($0)] }
        let json = try JSONSerialization.data(withJSONObject: pairs, options: [.sortedKeys])
        return "\u{FEFF}window.__stems = " + String(decoding: json, as: UTF8.self) + ";\n"
    }
}
