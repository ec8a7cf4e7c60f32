import Foundation

/// What one build of the index learnt about its documents, kept for the next build of the same
/// site: the analysis of each run of documents and each `d/` file. A run is reused when
/// its documents are equal to the stored ones (strings that were not edited share storage, so
/// comparing them is cheap).
public final class SearchIndexCache: @unchecked Sendable {
    // Entries are replaced whole under the lock and never mutated.
    private let lock = NSLock()
    private var chunks: [Int: (count: Int, documents: ArraySlice<SearchDocument>, analysis: AnalysedChunk)] = [:]
    private var files: [Int: (documents: ArraySlice<SearchDocument>, file: SearchIndexFile)] = [:]

    /// How many runs were analysed rather than reused, for tests.
    private(set) var analysedRuns = 0

    /// Documents per analysed run when a cache is used.
    static let chunkSize = 64

    public init() {}

    func analysis(chunk: Int, of count: Int, documents: ArraySlice<SearchDocument>) -> AnalysedChunk? {
        lock.lock()
        let entry = chunks[chunk]
        lock.unlock()
        guard let entry, entry.count == count, entry.documents.elementsEqual(documents) else { return nil }
        return entry.analysis
    }

    func store(_ analysis: AnalysedChunk, chunk: Int, of count: Int, documents: ArraySlice<SearchDocument>) {
        lock.lock()
        chunks[chunk] = (count, documents, analysis)
        analysedRuns += 1
        lock.unlock()
    }

    func documentFile(_ number: Int, _ documents: ArraySlice<SearchDocument>) -> SearchIndexFile? {
        lock.lock()
        let entry = files[number]
        lock.unlock()
        guard let entry, entry.documents.elementsEqual(documents) else { return nil }
        return entry.file
    }

    func store(_ file: SearchIndexFile, _ number: Int, _ documents: ArraySlice<SearchDocument>) {
        lock.lock()
        files[number] = (documents, file)
        lock.unlock()
    }
}
