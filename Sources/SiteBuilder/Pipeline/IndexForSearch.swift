import Foundation
import Search

/// The search index. Every Markdown page becomes a `SearchDocument` (title, summary,
/// headings, body text, term titles and organisation names as keywords, facet keys for
/// filtering); the `Search` module writes the sharded index and its engine. Record pages are
/// not indexed on their own: they are short lists of projects, which BM25 would rank above the
/// projects themselves; an organisation's name finds the projects it takes part in.
struct IndexForSearch {
    let style: LinkStyle
    /// The previous build's analysis, in the preview: only changed pages are analysed again.
    var cache: SearchIndexCache? = nil

    /// Where the engine goes; every page loads it from here.
    static let enginePath = "assets/search/engine.js"

    /// True for the output paths an index can have (`meta.js`, shards, document and facet
    /// files), whichever build wrote them; the engine and theme assets are not among them.
    static func writes(_ path: String) -> Bool {
        let folder = "assets/search/"
        guard path.hasPrefix(folder), path.hasSuffix(".js") else { return false }
        let name = path.dropFirst(folder.count)
        return name == "meta.js" || name.hasPrefix("t/") || name.hasPrefix("d/") || name.hasPrefix("f/")
    }

    func run(_ site: Site, bodies: [RenderedBody]) -> [OutputFile] {
        var documents: [SearchDocument] = []
        for (index, page) in site.pages.enumerated() where page.kind != .home {
            let body = bodies[index]
            var keywords: [String] = []
            var facets: [String] = []
            for taxonomy in site.config.taxonomies {
                for term in (page.terms[taxonomy.key] ?? []).compactMap({ taxonomy.term($0.id) }) {
                    keywords.append(term.title)
                    facets.append("\(taxonomy.param):\(term.slug)")
                }
            }
            for reference in page.references {
                if let record = site.collection(reference.collection)?.record(reference.id) {
                    keywords.append(record.title)
                }
            }
            documents.append(
                SearchDocument(
                    path: page.path, title: page.title, summary: page.summary, headings: body.headings.map(\.text),
                    bodyUTF8: body.plainText, keywords: keywords, facets: facets))
        }
        let options = SearchIndexOptions(language: site.config.language, fileLinks: style == .files)
        return SearchIndexBuilder.build(documents, options: options, cache: cache).map {
            OutputFile(path: $0.path, bytes: $0.data)
        }
            + [OutputFile(path: Self.enginePath, bytes: Array(SearchEngine.javaScript.utf8))]
    }
}
