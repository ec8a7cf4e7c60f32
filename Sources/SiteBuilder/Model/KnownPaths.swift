/// The site paths of every page a build writes, in two parts: the Markdown pages' own, one set
/// that the preview's builds share while no page comes, goes or moves (`PageIndexes`), and the
/// others (listings, terms, records, the report, search). No path is in both.
struct KnownPaths: Sendable {
    private(set) var pages: Set<String>
    private(set) var others: Set<String> = []

    init(pages: Set<String> = []) { self.pages = pages }

    func contains(_ path: String) -> Bool { pages.contains(path) || others.contains(path) }

    mutating func insert(_ path: String) {
        if !pages.contains(path) { others.insert(path) }
    }

    mutating func formUnion(_ other: KnownPaths) {
        for path in other.pages { insert(path) }
        for path in other.others { insert(path) }
    }

    /// The paths one of the two knows and the other does not. When the pages are the same set
    /// (usually the same storage, compared without hashing a path), only the others are compared.
    func changed(from other: KnownPaths) -> Set<String> {
        if pages == other.pages { return others.symmetricDifference(other.others) }
        return pages.union(others).symmetricDifference(other.pages.union(other.others))
    }
}
