import Testing

@testable import Search

/// Index format version 2 (the search contract): names, synonyms, kinds, sections, section
/// paths and rank weights.
@Suite struct IndexVersion2Tests {
    static let kinds = ["Projekt", "Organisation", "Ordlista", "Sida"]

    static func document(
        _ path: String, _ title: String, body: String, kind: Int = 0, names: [String] = [], breadcrumb: String = "",
        rankWeight: Double = 1
    ) -> SearchDocument {
        var document = FixtureDocuments.document(path, title, body: body)
        document.kind = kind
        document.names = names
        document.breadcrumb = breadcrumb
        document.rankWeight = rankWeight
        return document
    }

    static func build(_ documents: [SearchDocument], synonyms: [[String]] = []) -> IndexReader {
        IndexReader(
            SearchIndexBuilder.build(
                documents, options: SearchIndexOptions(language: "sv", kinds: kinds, synonyms: synonyms)))
    }

    /// The index's stemmer (one per use: it is not thread-safe).
    static var stemmer: WordStemmer { WordStemmer(language: "sv") }

    @Test func metaIsVersionTwoWithKindsAndNoSynonymsWhenThereAreNone() throws {
        let meta = try Self.build(FixtureDocuments.all).meta()
        #expect(meta["version"] as? Int == 2)
        #expect(meta["kinds"] as? [String] == Self.kinds)
        #expect(meta["synonyms"] == nil)
    }

    @Test func namesAreKeysOfStemsWithATrailingSpace() throws {
        let reader = Self.build([
            Self.document("/organisationer/goteborgs-stad/", "Göteborgs Stad", body: "Kommun.", kind: 1),
            Self.document(
                "/organisationer/kinnarps/", "Kinnarps AB", body: "Företag.", kind: 1, names: ["Kinnarps", "KNP"]),
            Self.document("/projekt/a/", "Möbler i Göteborg", body: "Göteborgs Stad och Kinnarps köper möbler."),
        ])
        let names = try reader.names()
        let paths = try reader.documentPaths()
        #expect(names["göteborg stad "]?.map { paths[$0.0] } == ["/organisationer/goteborgs-stad/"])
        let kinnarps = Self.stemmer.stem("kinnarps")
        #expect(names["\(kinnarps) "]?.map { paths[$0.0] } == ["/organisationer/kinnarps/"])
        #expect(names["\(kinnarps) ab "]?.map { paths[$0.0] } == ["/organisationer/kinnarps/"])
        // Every document's title is a name (words of one letter left out, as the engine does with
        // a query), and name postings have the highest impact.
        #expect(names["\(Self.stemmer.stem("möbler")) göteborg "]?.map { paths[$0.0] } == ["/projekt/a/"])
        #expect(names.values.joined().allSatisfy { $0.1 == 63 })
        // A name sorts right after the terms of its first word, in the same shard as usual.
        let keys = try reader.entries().map(\.[0])
        let stad = try #require(keys.firstIndex(of: "göteborg stad "))
        #expect(keys[stad - 1] == "göteborg")
        // The other names are searchable words too, like the title.
        #expect(try reader.terms()["knp"]?.exact.map { paths[$0.0] } == ["/organisationer/kinnarps/"])
    }

    @Test func synonymsFindEachOtherBothWays() throws {
        let synonyms = [["LCA", "livscykelanalys"], ["LOU", "lagen om offentlig upphandling"]]
        let documents = [
            Self.document("/a/", "Möbler", body: "En livscykelanalys av stolar."),
            Self.document("/b/", "Bussar", body: "En LCA visar utsläppen."),
            Self.document("/c/", "Regler", body: "Enligt lagen om offentlig upphandling ska kommunen annonsera."),
            Self.document("/d/", "Kort", body: "Kommunen följer LOU."),
            Self.document("/e/", "Lagen", body: "Lagen om skatt och offentlig sektor."),
        ]
        let reader = Self.build(documents, synonyms: synonyms)
        let terms = try reader.terms()
        let paths = try reader.documentPaths()
        func pages(_ word: String) throws -> Set<String> {
            Set(try #require(terms[Self.stemmer.stem(word)], "\(word)").exact.map { paths[$0.0] })
        }
        #expect(try pages("lca") == ["/a/", "/b/"])
        #expect(try pages("livscykelanalys") == ["/a/", "/b/"])
        #expect(try pages("lou") == ["/c/", "/d/"])
        // The words of a multi-word variant only where they stand together, or where LOU does.
        #expect(try pages("upphandling") == ["/c/", "/d/"])
        #expect(try pages("lagen") == ["/c/", "/d/", "/e/"])
        let meta = try reader.meta()
        #expect(
            meta["synonyms"] as? [[String]] == [
                ["lca", "livscykelanalys"], ["lou", "lagen om offentlig upphandling"],
            ])

        // Without the groups, each word stays where it is written.
        let plain = try Self.build(documents).terms()
        #expect(plain[Self.stemmer.stem("lca")]?.exact.map { paths[$0.0] } == ["/b/"])
    }

    @Test func rankWeightLowersImpacts() throws {
        let reader = Self.build([
            Self.document("/a/", "Stolar", body: "Återbruk av stolar i skolor."),
            Self.document("/b/", "Bänkar", body: "Återbruk av stolar i skolor.", rankWeight: 0.5),
        ])
        let postings = try #require(try reader.terms()[Self.stemmer.stem("skolor")]).exact
        #expect(postings.count == 2)
        #expect(postings[1].1 < postings[0].1)
    }

    @Test func documentsHaveKindsAndSectionPathsOnlyWhereTitlesRepeat() throws {
        let reader = Self.build([
            Self.document(
                "/docs/v1/installera/", "Installera", body: "Ladda ner.", kind: 3, breadcrumb: "Dokumentation › v1"),
            Self.document(
                "/docs/v2/installera/", "Installera", body: "Ladda ner.", kind: 3, breadcrumb: "Dokumentation › v2"),
            Self.document(
                "/docs/v2/uppgradera/", "Uppgradera", body: "Byt version.", kind: 3, breadcrumb: "Dokumentation › v2"),
            Self.document("/organisationer/ivl/", "IVL", body: "Institut.", kind: 1),
        ])
        #expect(try reader.document("/docs/v1/installera/")["b"] as? String == "Dokumentation › v1")
        #expect(try reader.document("/docs/v2/installera/")["b"] as? String == "Dokumentation › v2")
        #expect(try reader.document("/docs/v2/uppgradera/")["b"] == nil)
        #expect(try reader.document("/organisationer/ivl/")["k"] as? Int == 1)
        #expect(try reader.document("/docs/v2/uppgradera/")["k"] as? Int == 3)
    }

    /// A body with an intro and three sections, as the Markdown walk gives it.
    static func sectioned(_ texts: [String], headings: [(id: String, title: String)]) -> SearchDocument {
        var body: [UInt8] = Array((texts[0] + "\n").utf8)
        var sections: [SearchDocument.Section] = []
        for (heading, text) in zip(headings, texts.dropFirst()) {
            let start = body.count
            body += Array(heading.title.utf8)
            sections.append(.init(id: heading.id, title: heading.title, headingStart: start, textStart: body.count))
            body += Array(("\n" + text + "\n").utf8)
        }
        var document = FixtureDocuments.document("/lang/", "Lång sida", headings: headings.map(\.title), body: "")
        document.bodyUTF8 = body
        document.sections = sections
        return document
    }

    @Test func sectionsSplitTheTextAtHeadingsWithIds() throws {
        let document = Self.sectioned(
            ["Inledning om allt.", "Första avsnittet.", "Andra avsnittet."],
            headings: [("forsta", "Första"), ("andra", "Andra")])
        let written = try Self.build([document]).document("/lang/")
        #expect(written["x"] as? String == "Inledning om allt.")
        let sections = try IndexReader.sections(written)
        #expect(sections.map(\.id) == ["forsta", "andra"])
        #expect(sections.map(\.heading) == ["Första", "Andra"])
        #expect(sections.map(\.text) == ["Första avsnittet.", "Andra avsnittet."])
    }

    @Test func theTextBudgetGivesEverySectionAFairShare() throws {
        #expect(ExcerptBudget.fairShares([100, 200], budget: 1000) == [100, 200])
        #expect(ExcerptBudget.fairShares([100, 5000, 5000], budget: 3000) == [100, 1450, 1450])
        #expect(ExcerptBudget.fairShares([4000, 10, 4000, 20], budget: 1030) == [500, 10, 500, 20])

        let long = String(repeating: "ord ", count: 1_500)
        let document = Self.sectioned(
            [long, long, "Kort avsnitt.", long],
            headings: [("ett", "Ett"), ("tva", "Två"), ("tre", "Tre")])
        let written = try Self.build([document]).document("/lang/")
        let sections = try IndexReader.sections(written)
        let intro = try #require(written["x"] as? String)
        let total = intro.utf8.count + sections.map(\.text.utf8.count).reduce(0, +)
        #expect(total <= IndexLayout.excerptBytes)
        #expect(total > IndexLayout.excerptBytes - 50)
        #expect(sections[1].text == "Kort avsnitt.")
        // The last section has as much as the first: late sections still have text to show.
        #expect(sections[2].text.utf8.count > IndexLayout.excerptBytes / 4)
        #expect(abs(sections[2].text.utf8.count - sections[0].text.utf8.count) < 8)
        // Cut at spaces.
        #expect([intro, sections[0].text, sections[2].text].allSatisfy { $0.hasPrefix("ord") && $0.hasSuffix("ord") })
    }

    @Test func aChangeOfSynonymsIsNotServedFromTheCache() throws {
        let documents = [Self.document("/a/", "Möbler", body: "En livscykelanalys av stolar.")]
        let cache = SearchIndexCache()
        let options = SearchIndexOptions(language: "sv", kinds: Self.kinds)
        _ = SearchIndexBuilder.build(documents, options: options, cache: cache)
        var withSynonyms = options
        withSynonyms.synonyms = [["LCA", "livscykelanalys"]]
        let cached = SearchIndexBuilder.build(documents, options: withSynonyms, cache: cache)
        #expect(cached == SearchIndexBuilder.build(documents, options: withSynonyms))
        #expect(try IndexReader(cached).terms()["lca"] != nil)
    }
}
