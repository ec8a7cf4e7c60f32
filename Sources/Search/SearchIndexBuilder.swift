import Foundation

/// Builds the search index of a site: the files the engine (`SearchEngine.javaScript`) reads.
public enum SearchIndexBuilder {
    /// The index files for `documents`, all under `assets/search/`; the same documents give the
    /// same bytes. Documents are ordered by path, so their order in the array does not matter.
    public static func build(_ documents: [SearchDocument], options: SearchIndexOptions) -> [SearchIndexFile] {
        let documents = documents.enumerated()
            .sorted { left, right in
                if left.element.path != right.element.path {
                    return InvertedIndex.precedes(left.element.path, right.element.path)
                }
                return left.offset < right.offset
            }
            .map(\.element)

        // More chunks than cores, so a core that finishes early takes another.
        let chunkCount = Swift.min(documents.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        let chunks = parallelMap(chunkCount) { chunk in
            AnalysedChunk(documents[InvertedIndex.slice(chunk, of: chunkCount, count: documents.count)])
        }
        let index = InvertedIndex(chunks: chunks, language: options.language)

        let shards = IndexLayout.shards(of: index)
        var files = [IndexLayout.meta(index: index, shards: shards, documents: documents, options: options)]
        files += IndexLayout.shardFiles(shards)
        files += IndexLayout.facetFiles(documents)
        files += IndexLayout.documentFiles(documents)
        return files
    }
}
