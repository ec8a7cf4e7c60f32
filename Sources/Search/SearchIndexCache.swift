import Synchronization

/// What one build of the index learnt about its documents, kept for the next build of the same
/// site: the analysis of each run of documents and each `d/` file. A run is reused when
/// its documents are equal to the stored ones (strings that were not edited share storage, so
/// comparing them is cheap).
public final class SearchIndexCache: Sendable {
    // Entries are replaced whole under the lock and never mutated; they are compared outside it.
    private let state = Mutex(Entries())

    private struct Entries {
        var chunks: [Int: (count: Int, documents: ArraySlice<SearchDocument>, analysis: AnalysedChunk)] = [:]
        var files: [Int: (documents: ArraySlice<SearchDocument>, file: SearchIndexFile)] = [:]
        var analysedRuns = 0
    }

    /// How many runs were analysed rather than reused, for tests.
    var analysedRuns: Int { state.withLock { $0.analysedRuns } }

    /// Documents per analysed run when a cache is used.
    static let chunkSize = 64

    public init() {}

    func analysis(chunk: Int, of count: Int, documents: ArraySlice<SearchDocument>) -> AnalysedChunk? {
        let entry = state.withLock { $0.chunks[chunk] }
        guard let entry, entry.count == count, entry.documents.elementsEqual(documents) else { return nil }
        return entry.analysis
    }

    func store(_ analysis: AnalysedChunk, chunk: Int, of count: Int, documents: ArraySlice<SearchDocument>) {
        state.withLock {
            $0.chunks[chunk] = (count, documents, analysis)
            $0.analysedRuns += 1
        }
    }

    func documentFile(_ number: Int, _ documents: ArraySlice<SearchDocument>) -> SearchIndexFile? {
        let entry = state.withLock { $0.files[number] }
        guard let entry, entry.documents.elementsEqual(documents) else { return nil }
        return entry.file
    }

    func store(_ file: SearchIndexFile, _ number: Int, _ documents: ArraySlice<SearchDocument>) {
        state.withLock { $0.files[number] = (documents, file) }
    }
}
