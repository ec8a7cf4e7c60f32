import Testing

@testable import Search

/// The preview rebuilds the index after every save; with the previous build's cache it must
/// give exactly the bytes of a fresh build while analysing only the run with the edited page.
@Suite struct SearchIndexCacheTests {
    static func site(editing edited: Int? = nil) -> [SearchDocument] {
        (0..<200).map { n in
            let base = FixtureDocuments.all[n % FixtureDocuments.all.count]
            var document = base
            document.path = base.path + "\(n)/"
            document.body = base.body + " Avsnitt \(n)."
            if n == edited { document.body += " Nytt stycke om återbrukade fönster och klimatanpassning." }
            return document
        }
    }

    @Test func anEditReanalysesOneRunAndGivesTheFreshBytes() {
        let options = SearchIndexOptions(language: "sv", fileLinks: false)
        let cache = SearchIndexCache()
        let first = SearchIndexBuilder.build(Self.site(), options: options, cache: cache)
        #expect(first == SearchIndexBuilder.build(Self.site(), options: options))
        let runs = cache.analysedRuns
        #expect(runs == (200 + SearchIndexCache.chunkSize - 1) / SearchIndexCache.chunkSize)

        let edited = SearchIndexBuilder.build(Self.site(editing: 130), options: options, cache: cache)
        #expect(cache.analysedRuns == runs + 1)
        #expect(edited == SearchIndexBuilder.build(Self.site(editing: 130), options: options))
        #expect(edited != first)
        #expect(edited.first { $0.path.hasSuffix("/d/0.js") } == first.first { $0.path.hasSuffix("/d/0.js") })
    }
}
