/// What a page's body reads of the rest of the site goes through these, each noted with its
/// answer in `record.reads` (the preview's): a body whose reads all answer alike in the next
/// build is the same body.
extension PageHooks {
    /// The page made from the file `source` (`projekt/x.md`), by index.
    func pageIndex(_ source: String) -> Int? {
        let index = site.pageBySource[source]
        if recordsReads { record.reads.append(.page(source: source, path: index.map { site.pages[$0].path })) }
        return index
    }

    /// The page a wiki link names, by index.
    func wikiPage(_ name: String) -> Int? {
        let index = WikiName.find(name, in: site.pageByWikiName)
        if recordsReads { record.reads.append(.wikiPage(name: name, path: index.map { site.pages[$0].path })) }
        return index
    }

    /// The default language's page for `source`, which this language has no translation of.
    func untranslated(_ source: String) -> String? {
        let path = site.untranslatedPages[source]
        if recordsReads { record.reads.append(.untranslated(source: source, path: path)) }
        return path
    }

    /// Whether the build writes a page at the site path `path`.
    func isKnown(_ path: String) -> Bool {
        let known = site.knownPaths.contains(path)
        if recordsReads { record.reads.append(.knownPath(path, known)) }
        return known
    }

    /// Whether `path` (below the content folder) is a file copied as it is.
    func isCopied(_ path: String) -> Bool {
        let exists = site.staticFiles.contains(path)
        if recordsReads { record.reads.append(.staticFile(path, exists)) }
        return exists
    }
}
