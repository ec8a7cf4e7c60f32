import Synchronization

/// Where a page goes as Docusaurus makes a doc's URL (`links: {docIDs: true}`).
extension ParseFrontMatter {
    /// `location` as a doc's front matter moves it: `id:` names the page in its folder
    /// (`id: getting-started` in `introduction/GettingStarted.md` is
    /// `/introduction/getting-started/`), and `slug:` is its path, from the site's root when it
    /// starts with `/`, else from the page's folder (`../x` too). A folder's page keeps its
    /// folder's URL (Docusaurus ignores its `id:`), and `slug: /` is the front page, which
    /// site.yaml's `home:` names. A doc moved to the URL of a folder that has no page of its
    /// own becomes that folder's page.
    func docLocation(_ location: PageLocation, file: SourceFile, map: DataValue, read: FieldReader) -> PageLocation {
        let names = config.links.names
        let folderPath = PageLocation.sitePath(ofFolder: location.folder, names: names)
        var target = location.path
        var key = "slug"
        if let slug = read.string(map, "slug") {
            let resolved = Self.resolved(slug.hasPrefix("/") ? slug : folderPath + slug)
            guard let path = resolved.flatMap({ Self.sitePath(url: $0) }) else {
                log.error(
                    file.displayPath, map["slug"]!.position,
                    "'slug' must be a path such as /guides/setup, not '\(slug)'",
                    hint: "use only A–Z, a–z, 0–9, '-', '.', '_', '~' between single '/'")
                return location
            }
            target = path
        } else if let id = read.string(map, "id"), location.kind == .regular || location.kind == .standalone {
            key = "id"
            guard !id.contains("/"), !id.isEmpty else {
                log.error(
                    file.displayPath, map["id"]!.position, "'id' names the page in its folder and cannot contain '/'",
                    hint: "use 'slug: /\(id.drop { $0 == "/" })' for a whole path")
                return location
            }
            target = folderPath + URLSegment.make(id, names: names.keepingNumberPrefixes) + "/"
        }
        guard target != location.path else { return location }
        if location.kind == .home || location.kind == .sectionIndex {
            log.error(
                file.displayPath, map[key]!.position,
                "'\(key)' cannot move a folder's page (\(file.writtenPath.split(separator: "/").last!))",
                hint: "a section's URL is its folder's name: rename the folder, or remove '\(key)'")
            return location
        }
        if target == "/" {
            log.error(
                file.displayPath, map[key]!.position, "'slug: /' makes this page the front page, which site.yaml names",
                hint: "set 'home: \(file.writtenPath)' in site.yaml")
            return location
        }
        var moved = location
        moved.path = target
        // A doc at the URL of a folder without a page of its own is that folder's page
        // (`FAQ.md` with `id: faq` beside `faq/`), as Docusaurus shows it there.
        if let folder = unpagedFolders.folder(at: target, of: folderPages, names: names) {
            moved.kind = .sectionIndex
            moved.folder = folder
        }
        return moved
    }

    /// `path` with its `.` and `..` segments resolved (`/usage/../x` -> `/x`); nil when `..` goes
    /// above the root.
    static func resolved(_ path: String) -> String? {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                guard segments.popLast() != nil else { return nil }
                continue
            }
            segments.append(segment)
        }
        return "/" + segments.joined(separator: "/") + (path.hasSuffix("/") && !segments.isEmpty ? "/" : "")
    }
}

/// The folders without a page of their own by their site paths (`FolderPages.unpaged`), made
/// once for all the pages a parser reads: a doc moved by its `id:` is looked up, not compared
/// with every folder.
final class UnpagedFoldersOnce: Sendable {
    private let made = Mutex<[String: String]?>(nil)

    /// The unpaged folder whose site path is `path`.
    func folder(at path: String, of folders: FolderPages, names: URLNames) -> String? {
        made.withLock { made in
            if made == nil {
                made = Dictionary(
                    folders.unpaged.map { (PageLocation.sitePath(ofFolder: $0, names: names), $0) },
                    uniquingKeysWith: { first, _ in first })
            }
            return made?[path]
        }
    }
}
