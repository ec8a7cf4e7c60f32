import Foundation
import Search

/// The search index. Every page kind becomes a `SearchDocument` (`SearchDocuments`): Markdown
/// pages with their sections, each record of a collection (an organisation), each glossary
/// entry; the `Search` module writes the sharded index and its engine.
struct IndexForSearch {
    let style: LinkStyle
    /// Labels of the kinds of pages results name, in the site's language.
    let kindLabels: SearchKinds.Labels
    /// The previous build's analysis, in the preview: only changed pages are analysed again.
    var cache: SearchIndexCache? = nil

    init(style: LinkStyle, theme: Theme, cache: SearchIndexCache? = nil) {
        self.style = style
        self.kindLabels = SearchKinds.Labels(theme)
        self.cache = cache
    }

    /// Where the engine goes; every page loads it from here.
    static let enginePath = "assets/search/engine.js"

    /// True for the output paths an index can have (`meta.js`, shards, document and facet
    /// files), whichever build wrote them; the engine and theme assets are not among them.
    static func writes(_ path: String) -> Bool {
        let folder = "assets/search/"
        // A language's own index is below its root (`en/assets/search/`).
        if !path.hasPrefix(folder), let slash = path.firstIndex(of: "/") {
            return writes(String(path[path.index(after: slash)...]))
        }
        guard path.hasPrefix(folder), path.hasSuffix(".js") else { return false }
        let name = path.dropFirst(folder.count)
        return name == "meta.js" || name.hasPrefix("t/") || name.hasPrefix("d/") || name.hasPrefix("f/")
    }

    func run(_ site: Site, bodies: [RenderedBody]) -> [OutputFile] {
        var builder = SearchDocuments(site: site, bodies: bodies, labels: kindLabels)
        var documents = builder.all()
        // A language's index sits below its root, and its engine finds pages from there.
        let root = site.config.root
        if root != "/" {
            for i in documents.indices where documents[i].path.hasPrefix(root) {
                documents[i].path = "/" + documents[i].path.dropFirst(root.count)
            }
        }
        let folder = String(root.dropFirst())
        let options = SearchIndexOptions(
            language: site.config.language, fileLinks: style == .files, kinds: builder.kinds.labels,
            synonyms: builder.synonymGroups)
        return SearchIndexBuilder.build(documents, options: options, cache: cache).map {
            OutputFile(path: folder + $0.path, bytes: $0.data)
        }
            + [OutputFile(path: folder + Self.enginePath, bytes: Array(SearchEngine.javaScript.utf8))]
    }
}
