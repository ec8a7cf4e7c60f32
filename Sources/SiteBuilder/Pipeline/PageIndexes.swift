/// The site's pages looked up by source file and by site path, and the pages that clash (two
/// files becoming one path).
struct PageIndexes: Sendable {
    var bySource: [String: Int] = [:]
    var byPath: [String: Int] = [:]
    /// Every page's site path.
    var paths: Set<String> = []
    /// A page and the earlier one whose path it takes, in page order.
    var clashes: [(page: Int, other: Int)] = []

    /// The indexes of `pages`; the preview's `memo` gives the last build's when every page has the
    /// same source and path (one edit rarely renames a page: 10,000 paths need not be hashed again).
    static func of(_ pages: [Page], memo: SiteModelMemo?) -> PageIndexes {
        let sources = pages.indices.map { pages[$0].source.relativePath }
        let paths = pages.indices.map { pages[$0].path }
        if let kept = memo?.indexes(sources: sources, paths: paths) { return kept }
        var indexes = PageIndexes()
        // Sized once: growing them page by page rehashes every path several times.
        indexes.bySource.reserveCapacity(pages.count)
        indexes.byPath.reserveCapacity(pages.count)
        for index in pages.indices {
            indexes.bySource[sources[index]] = index
            if let other = indexes.byPath[paths[index]] { indexes.clashes.append((index, other)) }
            indexes.byPath[paths[index]] = index
        }
        indexes.paths = Set(indexes.byPath.keys)
        memo?.keep(indexes, sources: sources, paths: paths)
        return indexes
    }
}
