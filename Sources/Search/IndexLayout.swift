import Parallel

/// The files of the index under `assets/search/` and what each holds.
///
/// - `meta.js` (`meta`): `version` 2, document count, stemmer, the first key of every term
///   shard, facet parameters, the label of each document kind (`kinds`, by number) and, when the
///   site has any, the synonym groups (`synonyms`: each variant's words joined by spaces). The
///   engine loads it on the first query.
/// - `t/<n>.js` (`t/<n>`): a term shard, a flat array `[stem, exact postings, compound postings, …]`
///   sorted by folded stem; shard n holds the keys from `shards[n]` up to `shards[n + 1]`. Among
///   the stems are the documents' names as `[name key, postings, ""]`: the stems of the name's
///   words joined by spaces, with a space at the end (`göteborg stad `), every posting of
///   impact 63, or 31 for a page's heading (`NameKeys`); a stem never has a space. Where the
///   engine cannot stem the language (meta `aliases: true`), the words of the site are sorted in
///   among the stems as `[word, "=", stem]`.
/// - `d/<n>.js` (`d/<n>`): documents n × `documentsPerFile` onwards, a list of
///   `{p: path, t: title, s: summary, x: intro, k: kind, b: section path, h: sections}`: `x` is
///   the body before the first heading with an id, `h` `[[id, heading, text], …]` the body from
///   each such heading to the next (left out when there is none), together cut near
///   `excerptBytes` with a fair share for each (`ExcerptBudget`); `b` (`Dokumentation › v2`) only
///   where another document has the same title. Loaded only for the results shown.
/// - `f/<n>.js` (`f/<n>`): facet parameter n: `{slug: document list, …}`, loaded only to filter.
enum IndexLayout {
    static let folder = "assets/search/"
    /// Shards close when they pass this many bytes (a single term may be larger).
    static let shardTarget = 24_000
    /// How much body text a document file keeps for result excerpts (intro and sections
    /// together), so each section's matches can be shown under its result. 6000 bytes made a
    /// first query load more than Pagefind's and each query analyse twice the text.
    static let excerptBytes = 2_500
    /// Documents per `d/` file. One file per document would be a third of a large site's files,
    /// and creating files is most of writing a site; three keep the bytes of a first query's
    /// results (engine, meta, about three shards, up to ten `d/` files: 157–297 kB at 10,000
    /// pages of the `real` benchmark corpus) at or below Pagefind's (307–1366 kB).
    static let documentsPerFile = 3

    struct Shard {
        var firstKey: String
        var entries: [(stem: String, exact: [UInt8], compound: [UInt8], alias: String?)]
    }

    /// The terms cut into shards of about `shardTarget` bytes, never between two terms of one
    /// folded key (`goteborg` and `göteborg` land together).
    static func shards(of index: InvertedIndex) -> [Shard] {
        let encoded = parallelMap(index.terms.count) { term -> ([UInt8], [UInt8]) in
            (PostingEncoding.postings(index.terms[term].exact), PostingEncoding.postings(index.terms[term].compound))
        }
        var shards: [Shard] = []
        var size = 0
        var previousKey: String?
        for (term, (exact, compound)) in zip(index.terms, encoded) {
            let entrySize = term.stem.utf8.count + exact.count + compound.count + (term.alias?.utf8.count ?? 0) + 12
            if shards.isEmpty || (size + entrySize > shardTarget && term.folded != previousKey) {
                shards.append(Shard(firstKey: term.folded, entries: []))
                size = 0
            }
            previousKey = term.folded
            shards[shards.count - 1].entries.append((term.stem, exact, compound, term.alias))
            size += entrySize
        }
        if !shards.isEmpty { shards[0].firstKey = "" }
        return shards
    }

    /// Facet parameters with their values and documents (`facetParameters`).
    typealias Facets = [(name: String, values: [(slug: String, documents: [Int])])]

    static func meta(
        index: InvertedIndex, shards: [Shard], facets: Facets, options: SearchIndexOptions, synonyms: SynonymTable
    ) -> SearchIndexFile {
        var writer = JavaScriptWriter(registering: "meta")
        writer.append("{\"version\":2,\"language\":")
        writer.string(options.language)
        writer.append(",\"stemmer\":")
        writer.string(WordStemmer.algorithm(for: options.language) ?? "")
        // Only where there are aliases, so the index of a language the engine stems stays as it was.
        if WordStemmer.needsAliases(options.language) { writer.append(",\"aliases\":true") }
        writer.append(",\"fileLinks\":")
        writer.append(options.fileLinks ? "true" : "false")
        writer.append(",\"documents\":")
        writer.number(index.documentCount)
        writer.append(",\"documentsPerFile\":")
        writer.number(documentsPerFile)
        writer.append(",\"impactScale\":")
        writer.number(Int(InvertedIndex.impactScale))
        writer.append(",\"shards\":")
        writer.strings(shards.map(\.firstKey))
        writer.append(",\"facets\":")
        writer.strings(facets.map(\.name))
        writer.append(",\"kinds\":")
        writer.strings(options.kinds)
        // Only where there are synonyms, so a site without a glossary pays nothing.
        if !synonyms.isEmpty {
            writer.append(",\"synonyms\":[")
            for (index, group) in synonyms.written.enumerated() {
                if index > 0 { writer.append(",") }
                writer.strings(group)
            }
            writer.append("]")
        }
        writer.append("}")
        return SearchIndexFile(path: folder + "meta.js", data: writer.finish())
    }

    static func shardFiles(_ shards: [Shard]) -> [SearchIndexFile] {
        parallelMap(shards.count) { number in
            var writer = JavaScriptWriter(registering: "t/\(number)")
            writer.append("[")
            for (index, entry) in shards[number].entries.enumerated() {
                if index > 0 { writer.append(",") }
                writer.string(entry.stem)
                if let alias = entry.alias {
                    writer.append(",\"=\",")
                    writer.string(alias)
                    continue
                }
                writer.append(",\"")
                writer.append(raw: entry.exact)
                writer.append("\",\"")
                writer.append(raw: entry.compound)
                writer.append("\"")
            }
            writer.append("]")
            return SearchIndexFile(path: folder + "t/\(number).js", data: writer.finish())
        }
    }

    static func documentFiles(_ documents: [SearchDocument], cache: SearchIndexCache? = nil) -> [SearchIndexFile] {
        // A section path is shown only where a title repeats, so it tells the results apart.
        var titleCounts: [String: Int] = [:]
        for document in documents { titleCounts[document.title, default: 0] += 1 }
        let showsBreadcrumb = documents.map { !$0.breadcrumb.isEmpty && titleCounts[$0.title, default: 0] > 1 }
        return parallelMap((documents.count + documentsPerFile - 1) / documentsPerFile) { number in
            let range = (number * documentsPerFile)..<min((number + 1) * documentsPerFile, documents.count)
            let group = documents[range]
            let breadcrumbs = showsBreadcrumb[range]
            if let file = cache?.documentFile(number, group, breadcrumbs) { return file }
            let file = documentFile(number, group, breadcrumbs: breadcrumbs)
            cache?.store(file, number, group, breadcrumbs)
            return file
        }
    }

    static func documentFile(
        _ number: Int, _ documents: ArraySlice<SearchDocument>, breadcrumbs: ArraySlice<Bool>
    ) -> SearchIndexFile {
        var writer = JavaScriptWriter(registering: "d/\(number)")
        writer.append("[")
        for (offset, (document, showsBreadcrumb)) in zip(documents, breadcrumbs).enumerated() {
            if offset > 0 { writer.append(",") }
            writer.append("{\"p\":")
            writer.string(document.path)
            writer.append(",\"t\":")
            writer.string(document.title, collapsingSpace: true)
            writer.append(",\"s\":")
            writer.string(document.summary, collapsingSpace: true)
            let parts = ExcerptBudget.parts(of: document, budget: excerptBytes)
            writer.append(",\"x\":")
            writer.string(utf8: parts[0], collapsingSpace: true)
            writer.append(",\"k\":")
            writer.number(document.kind)
            if showsBreadcrumb {
                writer.append(",\"b\":")
                writer.string(document.breadcrumb, collapsingSpace: true)
            }
            if !document.sections.isEmpty {
                writer.append(",\"h\":[")
                for (index, section) in document.sections.enumerated() {
                    writer.append(index > 0 ? ",[" : "[")
                    writer.string(section.id)
                    writer.append(",")
                    writer.string(section.title, collapsingSpace: true)
                    writer.append(",")
                    writer.string(utf8: parts[index + 1], collapsingSpace: true)
                    writer.append("]")
                }
                writer.append("]")
            }
            writer.append("}")
        }
        writer.append("]")
        return SearchIndexFile(path: folder + "d/\(number).js", data: writer.finish())
    }

    static func facetFiles(_ facets: Facets) -> [SearchIndexFile] {
        facets.enumerated().map { number, parameter in
            var writer = JavaScriptWriter(registering: "f/\(number)")
            writer.append("{")
            for (index, value) in parameter.values.enumerated() {
                if index > 0 { writer.append(",") }
                writer.string(value.slug)
                writer.append(":\"")
                writer.append(raw: PostingEncoding.documents(value.documents))
                writer.append("\"")
            }
            writer.append("}")
            return SearchIndexFile(path: folder + "f/\(number).js", data: writer.finish())
        }
    }

    /// Facet parameters (`tagg` of `tagg:cirkular`) with their values and documents, sorted.
    static func facetParameters(_ documents: [SearchDocument]) -> Facets {
        // Documents by whole facet key first (one hash per facet), split into name and slug once
        // per distinct key.
        var byFacet: [String: [Int]] = [:]
        for (number, document) in documents.enumerated() {
            for (index, facet) in document.facets.enumerated() where !document.facets[..<index].contains(facet) {
                byFacet[facet, default: []].append(number)
            }
        }
        var parameters: [String: [String: [Int]]] = [:]
        for (facet, numbers) in byFacet {
            let parts = facet.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            parameters[String(parts[0]), default: [:]][parts.count > 1 ? String(parts[1]) : ""] = numbers
        }
        return parameters.sorted { InvertedIndex.precedes($0.key, $1.key) }.map { name, values in
            (name, values.sorted { InvertedIndex.precedes($0.key, $1.key) }.map { ($0.key, $0.value) })
        }
    }
}
