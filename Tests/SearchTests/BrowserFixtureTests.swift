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
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kretslopp-fixture-\(UUID().uuidString)")
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
        // An English site (the engine's Porter2 port) and a German one (the index's word list).
        try SiteFiles.write(
            SearchIndexBuilder.build(Self.englishDocuments, options: SearchIndexOptions(language: "en")),
            pages: [
                "index.html": SiteFiles.page(title: "Home", root: "", language: "en"),
                "stems.html": SiteFiles.page(title: "Stems", root: "", scripts: ["stems.js"], language: "en"),
                "stems.js": try englishStemsScript(),
            ],
            to: output.appendingPathComponent("en"))
        try SiteFiles.write(
            SearchIndexBuilder.build(Self.germanDocuments, options: SearchIndexOptions(language: "de")),
            pages: ["index.html": SiteFiles.page(title: "Start", root: "", language: "de")],
            to: output.appendingPathComponent("de"))
        for path in [
            "assets/search/meta.js", "assets/search/engine.js", "assets/search/t/0.js", "assets/search/d/0.js",
            "index.html", "projekt/sok/index.html", "stems.html", "stems.js", "en/assets/search/meta.js",
            "en/stems.js", "de/assets/search/meta.js", "de/index.html",
        ] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)")
        }
    }

    static let englishDocuments = [
        FixtureDocuments.document(
            "/procurement-of-furniture/", "Procurement of furniture", summary: "How cities buy used furniture.",
            body: "The city sets requirements for reuse when it makes a procurement of furniture."),
        FixtureDocuments.document(
            "/repairing-bicycles/", "Repairing bicycles", body: "Volunteers repaired hundreds of bicycles last year."),
        FixtureDocuments.document("/about/", "About", body: "The programme is run by a research institute."),
    ]

    static let germanDocuments = [
        FixtureDocuments.document("/haus/", "Ein Haus", body: "Ein Haus am See. Das Klima ist mild."),
        FixtureDocuments.document("/dorf/", "Das Dorf", body: "Viele Häuser stehen im Dorf."),
        FixtureDocuments.document("/stadt/", "Die Stadt", body: "Klimaanpassung in der Stadt."),
    ]

    /// English words every Porter2 rule touches: words of the repository's English text (docs/)
    /// with suffixes of every step, and the algorithm's exceptions.
    static func englishWords() throws -> [String] {
        var base = Set<String>()
        let docs = SiteFiles.repository.appendingPathComponent("docs")
        for name in try FileManager.default.contentsOfDirectory(atPath: docs.path).sorted() where name.hasSuffix(".md")
        {
            let text = try String(contentsOf: docs.appendingPathComponent(name), encoding: .utf8).lowercased()
            for word in text.split(whereSeparator: { !("a"..."z").contains($0) }) where word.count >= 2 {
                base.insert(String(word))
            }
        }
        let suffixes = [
            "", "s", "es", "ed", "ing", "ly", "er", "est", "ness", "ment", "ments", "ation", "ational", "ize", "ized",
            "ization", "ful", "fully", "less", "lessly", "ive", "iveness", "ity", "ities", "al", "ally", "ism", "ence",
            "ance", "able", "ible", "ic", "ical", "ous", "ously", "ousness", "y", "ies", "ied", "ying", "ogi", "eed",
            "eedly", "edly", "ingly", "ant", "ent", "ate", "iti", "ion", "tional", "alism", "aliti", "alli", "biliti",
            "bli", "fulli", "lessli", "entli", "enci", "anci", "abli", "izer", "ator", "icate", "iciti", "alize",
            "ative",
        ]
        var words = Set<String>()
        for word in base.sorted().prefix(1_500) { for suffix in suffixes { words.insert(word + suffix) } }
        words.formUnion(base)
        words.formUnion(
            """
            skis skies dying lying tying idly gently ugly early only singly sky news howe atlas cosmos bias andes
            inning innings outing canning herring earring proceed exceed succeed generate generous communism
            arsenal yes yellow sayings toy toys boy cry cries ties hopping hoped hoping filing filling bled bleed
            agreed caresses ponies cats gas gaps this his us bus ayy boxes bayes bswape café naïve résumés
            """.split(whereSeparator: \.isWhitespace).map(String.init))
        return words.sorted()
    }

    /// `window.__stems = [[word, stem], …]` with libstemmer's English stems of `englishWords()`.
    func englishStemsScript() throws -> String {
        let stemmer = WordStemmer(language: "en")
        let pairs = try Self.englishWords().map { [$0, stemmer.stem($0)] }
        let json = try JSONSerialization.data(withJSONObject: pairs, options: [.sortedKeys])
        return "\u{FEFF}window.__stems = " + String(decoding: json, as: UTF8.self) + ";\n"
    }

    /// `window.__stems = [[word, stem], …]` for every word of a realistic vocabulary: the
    /// repository's Content/, the fixture, a generated corpus (`KRETSLOPP_SEARCH_CORPUS`).
    func stemsScript() throws -> String {
        var documents = FixtureDocuments.all
        documents += try SiteFiles.markdownDocuments(in: SiteFiles.repository.appendingPathComponent("Content")) {
            "/\($0)/"
        }
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
