import Foundation
import Testing

@testable import Search

/// Any site language: libstemmer's algorithm for the language, compounds split only where the
/// language writes them as one word, and a word list where the engine has no port of the stemmer.
@Suite struct LanguageTests {
    @Test(arguments: [
        ("sv", "swedish"), ("sv-SE", "swedish"), ("sv_FI", "swedish"), ("en", "english"), ("en-GB", "english"),
        ("EN-us", "english"), ("de", "german"), ("de-AT", "german"), ("no", "norwegian"), ("nb", "norwegian"),
        ("nn", "norwegian"), ("da", "danish"), ("fi", "finnish"), ("fr", "french"), ("es", "spanish"),
        ("it", "italian"), ("nl", "dutch"), ("pt-BR", "portuguese"), ("ru", "russian"),
    ])
    func languageTagsMapToLibstemmerAlgorithms(language: String, algorithm: String) {
        #expect(WordStemmer.algorithm(for: language) == algorithm)
        #expect(WordStemmer(language: language).isStemming)
    }

    @Test func everyMappedAlgorithmIsOneLibstemmerLists() {
        // The list is libstemmer's own (sb_stemmer_list), read at run time.
        #expect(SnowballStemmer.algorithms.contains("english"))
        #expect(SnowballStemmer.algorithms.contains("swedish"))
        let missing = Set(WordStemmer.algorithmsByLanguage.values).subtracting(SnowballStemmer.algorithms)
        #expect(missing.isEmpty, "libstemmer 2.2 has no \(missing.sorted())")
        for algorithm in SnowballStemmer.algorithms {
            #expect(SnowballStemmer(algorithm: algorithm) != nil, "\(algorithm)")
        }
    }

    @Test func languagesWithoutAStemmerAreNotStemmed() {
        for language in ["ja", "zh-Hant", "xx", "", "pl"] {
            #expect(WordStemmer.algorithm(for: language) == nil, "\(language)")
            #expect(WordStemmer(language: language).stem("procurements") == "procurements")
        }
    }

    @Test func stemsEnglishAndGerman() {
        let english = WordStemmer(language: "en")
        #expect(english.stem("procurements") == english.stem("procurement"))
        #expect(english.stem("running") == "run")
        let german = WordStemmer(language: "de")
        #expect(german.stem("häuser") == german.stem("haus"))
    }

    static func document(_ path: String, _ title: String, _ body: String) -> SearchDocument {
        SearchDocument(path: path, title: title, summary: "", headings: [], body: body, keywords: [], facets: [])
    }

    @Test func englishIndexHoldsEnglishStems() throws {
        let documents = [
            Self.document("/procurement/", "Procurement", "How cities buy furniture through public procurement."),
            Self.document("/reuse/", "Reuse", "Reusing furniture saves money."),
        ]
        let reader = IndexReader(SearchIndexBuilder.build(documents, options: SearchIndexOptions(language: "en")))
        let meta = try reader.meta()
        #expect(meta["stemmer"] as? String == "english")
        #expect(meta["aliases"] == nil)
        let terms = try reader.terms()
        let stem = WordStemmer(language: "en").stem("procurements")
        #expect(terms[stem]?.exact.count == 1)
        #expect(terms["procurement"] == nil)
        #expect(terms["reus"]?.exact.count == 1) // reuse and reusing
        #expect(try reader.aliases().isEmpty)
    }

    static let compounds = [
        document("/klima/", "Klima", "Das Klima ändert sich."),
        document("/anpassung/", "Anpassung", "Die Anpassung der Städte."),
        document("/klimaanpassung/", "Klimaanpassung", "Klimaanpassung in der Stadt."),
    ]

    @Test func germanSplitsCompoundsAndEnglishDoesNot() throws {
        for (language, splits) in [
            ("de", true), ("en", false), ("fr", false), ("nl", true), ("da", true), ("sv", true),
        ] {
            let terms = try IndexReader(
                SearchIndexBuilder.build(Self.compounds, options: SearchIndexOptions(language: language))
            ).terms()
            let anpassung = try #require(terms[WordStemmer(language: language).stem("anpassung")], "\(language)")
            #expect(anpassung.compound.isEmpty != splits, "\(language)")
            #expect(CompoundSplitter.splitsCompounds(language) == splits, "\(language)")
        }
        #expect(
            CompoundSplitter.splitsCompounds("de-CH") && CompoundSplitter.splitsCompounds("nb")
                && !CompoundSplitter.splitsCompounds("en-GB"))
    }

    @Test func languagesTheEngineCannotStemListTheirWords() throws {
        let documents = [
            Self.document("/haus/", "Haus", "Ein Haus am See."),
            Self.document("/dorf/", "Dorf", "Viele Häuser im Dorf."),
        ]
        let reader = IndexReader(SearchIndexBuilder.build(documents, options: SearchIndexOptions(language: "de")))
        #expect(try reader.meta()["stemmer"] as? String == "german")
        #expect(try reader.meta()["aliases"] as? Bool == true)
        let aliases = try reader.aliases()
        let german = WordStemmer(language: "de")
        #expect(aliases["häuser"] == german.stem("häuser"))
        #expect(try reader.terms()[german.stem("häuser")]?.exact.count == 2)
        // Only words whose stem differs from the word.
        for (word, stem) in aliases { #expect(word != stem && german.stem(word) == stem) }
        // Swedish and English have ports in the engine: no list.
        for language in ["sv", "en"] {
            let reader = IndexReader(
                SearchIndexBuilder.build(documents, options: SearchIndexOptions(language: language)))
            #expect(try reader.aliases().isEmpty && reader.meta()["aliases"] == nil)
        }
    }
}
