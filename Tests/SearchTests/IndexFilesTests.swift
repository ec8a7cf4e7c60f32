import Testing

@testable import Search

@Suite struct IndexFilesTests {
    let files = SearchIndexBuilder.build(FixtureDocuments.all, options: SearchIndexOptions(language: "sv"))

    func documentNumber(_ path: String) throws -> Int {
        try #require(try IndexReader(files).documentPaths().firstIndex(of: path))
    }

    /// Excerpts end at the last space before the limit, or inside one long word at a character
    /// boundary; short bodies are whole.
    @Test func excerptsAreCutAtSpacesOrCharacterBoundaries() {
        func excerpt(_ text: String) -> String {
            String(decoding: ExcerptBudget.cut(Array(text.utf8)[...], at: IndexLayout.excerptBytes), as: UTF8.self)
        }
        let limit = IndexLayout.excerptBytes
        #expect(excerpt("kort text") == "kort text")
        let words = String(repeating: "ord ", count: limit)
        #expect(excerpt(words).utf8.count <= limit && excerpt(words).hasSuffix(" ") && words.hasPrefix(excerpt(words)))
        // One word of two-byte letters with an odd limit: the cut may not split a letter.
        let long = "x" + String(repeating: "å", count: limit)
        let cut = excerpt(long)
        #expect(cut.utf8.count <= limit && long.hasPrefix(cut) && !cut.contains("\u{FFFD}"))
        #expect(cut.utf8.count >= limit - 1)
    }

    @Test func writesEverythingUnderAssetsSearch() throws {
        let paths = Set(files.map(\.path))
        #expect(files.allSatisfy { $0.path.hasPrefix("assets/search/") && $0.path.hasSuffix(".js") })
        #expect(paths.count == files.count)
        #expect(paths.contains("assets/search/meta.js"))
        let meta = try IndexReader(files).meta()
        #expect(meta["documents"] as? Int == FixtureDocuments.all.count)
        #expect(meta["stemmer"] as? String == "swedish")
        #expect(meta["fileLinks"] as? Bool == false)
        #expect(meta["facets"] as? [String] == ["omrade", "tagg"])
        // Documents are numbered in path order.
        #expect(try IndexReader(files).documentPaths() == FixtureDocuments.all.map(\.path).sorted())
    }

    @Test func indexesStemsWithPostings() throws {
        let terms = try IndexReader(files).terms()
        let upphandling = try #require(terms["upphandling"])
        let withWord = try Set(
            ["/projekt/upphandling-av-mobler/", "/projekt/anpassning-av-krav/", "/om/"].map(documentNumber))
        #expect(withWord.isSubset(of: Set(upphandling.exact.map(\.0))))
        // Inflections share the stem; no separate entries.
        #expect(terms["upphandlingen"] == nil && terms["upphandlingar"] == nil)
        #expect(terms["göteborg"] != nil)
        #expect(terms["cirkulär"] != nil)
        #expect(upphandling.exact.allSatisfy { (1...63).contains($0.1) })
    }

    @Test func ranksTitleWordsAboveBodyWords() throws {
        let krav = try #require(try IndexReader(files).terms()["krav"])
        let impacts = Dictionary(uniqueKeysWithValues: krav.exact)
        let inTitle = try #require(impacts[try documentNumber("/projekt/anpassning-av-krav/")])
        let inBody = try #require(impacts[try documentNumber("/projekt/upphandling-av-mobler/")])
        #expect(inTitle > inBody)
    }

    @Test func indexesCompoundsUnderTheirParts() throws {
        let terms = try IndexReader(files).terms()
        let mobelfloden = try documentNumber("/projekt/cirkulara-mobelfloden/")
        #expect(try #require(terms["möbel"]).compound.map(\.0) == [mobelfloden])
        #expect(try #require(terms["möbel"]).exact.map(\.0) == [try documentNumber("/projekt/upphandling-av-mobler/")])
        #expect(
            try #require(terms["anpassning"]).compound.map(\.0).contains(
                try documentNumber("/projekt/klimatanpassning-i-staden/")))
        let myndighet = try #require(terms["upphandling"]).compound.map(\.0)
        #expect(myndighet.contains(try documentNumber("/projekt/upphandlingsmyndigheten/")))
    }

    @Test func writesFacetsAndDocuments() throws {
        let reader = IndexReader(files)
        let facets = try #require(try reader.meta()["facets"] as? [String])
        let taggNumber = try #require(facets.firstIndex(of: "tagg"))
        let tagg = try #require(try reader.registration("f/\(taggNumber).js").value as? [String: String])
        let klimat = IndexReader.documents(try #require(tagg["klimatanpassad"]))
        #expect(
            try Set(klimat)
                == Set(
                    ["/projekt/klimatanpassning-i-staden/", "/projekt/anpassning-av-krav/", "/projekt/elbussar/"].map(
                        documentNumber)))
        let group = try #require(try reader.registration("d/0.js").value as? [[String: Any]])
        #expect(group.count == IndexLayout.documentsPerFile)
        // No document has headings with ids or a title another has: no `h`, no `b`.
        #expect(group.allSatisfy { Set($0.keys) == ["p", "t", "s", "x", "k"] })
        #expect(try reader.documentPaths().count == FixtureDocuments.all.count)
    }

    @Test func isDeterministic() {
        let again = SearchIndexBuilder.build(
            FixtureDocuments.all.reversed(), options: SearchIndexOptions(language: "sv"))
        #expect(again == files)
    }

    @Test func doesNotDependOnHowTheWorkIsSplit() {
        let documents = FixtureDocuments.all.sorted { $0.path < $1.path }
        let whole = InvertedIndex(chunks: [AnalysedChunk(documents)], language: "sv")
        let split = InvertedIndex(
            chunks: [AnalysedChunk(documents[..<3]), AnalysedChunk(documents[3..<4]), AnalysedChunk(documents[4...])],
            language: "sv")
        #expect(whole.terms.map(\.stem) == split.terms.map(\.stem))
        #expect(whole.terms.map(\.exact) == split.terms.map(\.exact))
        #expect(whole.terms.map(\.compound) == split.terms.map(\.compound))
    }

    @Test func splitsShardsByFoldedKey() {
        // Many documents with many distinct words: more than one shard, each key in one place.
        let documents = (0..<400).map { number in
            FixtureDocuments.document(
                "/p/\(number)/", "Sida \(number)",
                body: (0..<60).map { "ord\(number * 7 + $0)x göteborg goteborg" }.joined(separator: " "))
        }
        let reader = IndexReader(SearchIndexBuilder.build(documents, options: SearchIndexOptions(language: "sv")))
        let shards = (try? reader.meta()["shards"] as? [String]) ?? []
        #expect(shards.count > 3)
        #expect(shards.first == "")
        #expect(shards == shards.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        let terms = (try? reader.terms()) ?? [:]
        #expect(terms["göteborg"]?.exact.count == 400 && terms["goteborg"]?.exact.count == 400)
    }

    @Test func handlesAnEmptySite() throws {
        let files = SearchIndexBuilder.build([], options: SearchIndexOptions(language: "sv", fileLinks: true))
        #expect(files.map(\.path) == ["assets/search/meta.js"])
        #expect(try IndexReader(files).meta()["fileLinks"] as? Bool == true)
    }

    @Test func enginesIsBundled() {
        #expect(SearchEngine.javaScript.contains("__kretsloppSearch"))
        #expect(SearchEngine.javaScript.utf8.allSatisfy { $0 < 0x80 })
    }
}
