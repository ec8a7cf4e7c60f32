import Synchronization

/// What one build of the index learnt about its documents, kept for the next build of the same
/// site: the analysis of each run of documents and each `d/` file. A run is reused when
/// its documents are equal to the stored ones (strings that were not edited share storage, so
/// comparing them is cheap).
public final class SearchIndexCache: Sendable {
    // Entries are replaced whole under the lock and never mutated; they are compared outside it.
    private let state = Mutex(Entries())

    private typealias Documents = ArraySlice<SearchDocument>

    private struct Entries {
        var chunks: [Int: (count: Int, synonyms: SynonymTable, documents: Documents, analysis: AnalysedChunk)] = [:]
        var files: [Int: (documents: Documents, breadcrumbs: ArraySlice<Bool>, file: SearchIndexFile)] = [:]
        var analysedRuns = 0
    }

    /// How many runs were analysed rather than reused, for tests.
    var analysedRuns: Int { state.withLock { $0.analysedRuns } }

    /// Documents per analysed run when a cache is used.
    static let chunkSize = 64

    public init() {}

    // The synonyms are part of a run's analysis: an edit of the glossary analyses every run again.
    func analysis(chunk: Int, of count: Int, synonyms: SynonymTable, documents: ArraySlice<SearchDocument>)
        -> AnalysedChunk?
    {
        let entry = state.withLock { $0.chunks[chunk] }
        guard let entry, entry.count == count, entry.synonyms == synonyms, entry.documents.elementsEqual(documents)
        else { return nil }
        return entry.analysis
    }

    func store(
        _ analysis: AnalysedChunk, chunk: Int, of count: Int, synonyms: SynonymTable,
        documents: ArraySlice<SearchDocument>
    ) {
        state.withLock {
            $0.chunks[chunk] = (count, synonyms, documents, analysis)
            $0.analysedRuns += 1
        }
    }

    // Whether a document shows its section path depends on the other documents' titles.
    func documentFile(_ number: Int, _ documents: ArraySlice<SearchDocument>, _ breadcrumbs: ArraySlice<Bool>)
        -> SearchIndexFile?
    {
        let entry = state.withLock { $0.files[number] }
        guard let entry, entry.documents.elementsEqual(documents), entry.breadcrumbs.elementsEqual(breadcrumbs)
        else { return nil }
        return entry.file
    }

    func store(
        _ file: SearchIndexFile, _ number: Int, _ documents: ArraySlice<SearchDocument>, _ breadcrumbs: ArraySlice<Bool>
    ) {
        state.withLock { $0.files[number] = (documents, breadcrumbs, file) }
    }
}
