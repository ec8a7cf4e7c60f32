import Foundation
import Parallel

/// Builds the search index of a site: the files the engine (`SearchEngine.javaScript`) reads.
public enum SearchIndexBuilder {
    /// The index files for `documents`, all under `assets/search/`; the same documents give the
    /// same bytes. Documents are ordered by path, so their order in the array does not matter.
    ///
    /// With a `cache` from the previous build of the same site, documents that did not change
    /// are not analysed again and their files are reused: after a one-page edit in the preview,
    /// only one run of documents is tokenised.
    public static func build(_ documents: [SearchDocument], options: SearchIndexOptions, cache: SearchIndexCache? = nil)
        -> [SearchIndexFile]
    {
        // The order is found on the numbers, and each document is copied once (a document is a
        // dozen references to retain); none when they are in order already.
        let order = documents.indices.sorted { left, right in
            if documents[left].path != documents[right].path {
                return InvertedIndex.precedes(documents[left].path, documents[right].path)
            }
            return left < right
        }
        let documents = order.elementsEqual(documents.indices) ? documents : order.map { documents[$0] }

        // Two chunks per core, so a core that finishes early takes another (each chunk learns
        // its vocabulary anew, so more would cost CPU time); small ones when they are kept for
        // the next build, so an edit invalidates little.
        let chunkCount =
            cache == nil
            ? Swift.min(documents.count, ProcessInfo.processInfo.activeProcessorCount * 2)
            : (documents.count + SearchIndexCache.chunkSize - 1) / SearchIndexCache.chunkSize
        let synonyms = SynonymTable(options.synonyms)
        let chunks = parallelMap(chunkCount) { chunk in
            let slice = documents[InvertedIndex.slice(chunk, of: chunkCount, count: documents.count)]
            if let cached = cache?.analysis(chunk: chunk, of: chunkCount, synonyms: synonyms, documents: slice) {
                return cached
            }
            let analysis = AnalysedChunk(slice, synonyms: synonyms)
            cache?.store(analysis, chunk: chunk, of: chunkCount, synonyms: synonyms, documents: slice)
            return analysis
        }
        let names = NameKeys.postings(documents, language: options.language)
        let index = InvertedIndex(chunks: chunks, language: options.language, names: names)

        let shards = IndexLayout.shards(of: index)
        let facets = IndexLayout.facetParameters(documents)
        var files = [
            IndexLayout.meta(index: index, shards: shards, facets: facets, options: options, synonyms: synonyms)
        ]
        files += IndexLayout.shardFiles(shards)
        files += IndexLayout.facetFiles(facets)
        files += IndexLayout.documentFiles(documents, cache: cache)
        return files
    }
}
