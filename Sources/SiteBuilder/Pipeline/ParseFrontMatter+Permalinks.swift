/// Where `permalinks:` puts a top folder's pages (`Permalink`): a post's URL from its date, name
/// and categories.
extension ParseFrontMatter {
    /// The path `permalink` gives the page (its location's when the page lacks what it needs,
    /// said at the page).
    func permalinkPath(
        _ permalink: Permalink, location: PageLocation, file: SourceFile, map: DataValue, date: String?, title: String
    ) -> String {
        let parts = file.relativePath.split(separator: "/")
        // A leaf bundle's page (`posts/hello/index.md`) is named by its folder, as in Hugo.
        var name = String(parts.last!.dropLast(3))
        if name == "index" || name == "README", parts.count > 1 { name = String(parts[parts.count - 2]) }
        if config.links.datedNames, let (_, rest) = PageLocation.dated(name) { name = rest ?? name }
        let read = FieldReader(file: file.displayPath, log: DiagnosticLog())
        switch permalink.path(
            date: date, title: title, slug: read.string(map, "slug"), fileName: name,
            folder: location.folder, names: config.links.names, categories: Self.categories(map, path: parts))
        {
        case .success(let path): return path
        case .failure(let missing):
            log.error(
                file.displayPath, map.position,
                "the permalink \(permalink.pattern) of \(location.folder.prefix { $0 != "/" })/ needs the page's "
                    + "date for ':\(missing.token)'",
                hint: "add 'date: 2024-05-31' to its front matter")
            return location.path
        }
    }

    /// A Jekyll post's categories: the folders above its `_posts/`, then its `categories:` (a
    /// list, or words separated by spaces) or `category:`, each once.
    static func categories(_ map: DataValue, path: [Substring]) -> [String] {
        var found = path.firstIndex(of: "_posts").map { path[..<$0].map(String.init) } ?? []
        let written = map["categories"] ?? map["category"]
        let values =
            written?.list?.compactMap(\.text) ?? written?.text.map { $0.split(separator: " ").map(String.init) }
        for value in values ?? [] where !value.isEmpty && !found.contains(value) { found.append(value) }
        return found
    }
}
