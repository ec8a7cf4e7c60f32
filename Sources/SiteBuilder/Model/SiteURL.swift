/// How links are written into pages.
public enum LinkStyle: Sendable {
    /// Relative links, folders as `../om/` (for HTTP hosting: pretty URLs).
    case pretty
    /// Relative links to files, folders as `../om/index.html` (for file:// and offline bundles).
    case files
}

/// Turns site paths (`/projekt/x/`, `/assets/style.css`) into links relative to one page.
struct SiteURL: Sendable {
    /// Site path of the page that links (`/projekt/x/`, or `/404.html`).
    let from: String
    let style: LinkStyle
    /// When set, links are root-relative with this prefix instead (`/` or `/sub/`): the 404 page,
    /// which is served at any depth.
    let rootPrefix: String?

    init(from: String, style: LinkStyle, rootPrefix: String? = nil) {
        self.from = from
        self.style = style
        self.rootPrefix = rootPrefix
    }

    /// The link from this page to `target`, keeping any `#fragment` or `?query`.
    func to(_ target: String) -> String {
        var path = target
        var suffix = ""
        if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            path = String(target[..<cut])
            suffix = String(target[cut...])
        }
        if path.isEmpty { return suffix }
        let isFolder = path.hasSuffix("/")
        let fileName = isFolder && style == .files ? "index.html" : ""
        if let rootPrefix { return rootPrefix + path.dropFirst() + fileName + suffix }

        let fromFolders = SiteURL.folders(of: from)
        let targetParts = path.split(separator: "/").map(String.init)
        let targetFolders = isFolder ? targetParts : Array(targetParts.dropLast())
        var common = 0
        while common < fromFolders.count, common < targetFolders.count, fromFolders[common] == targetFolders[common] {
            common += 1
        }
        var link = String(repeating: "../", count: fromFolders.count - common)
        link += targetParts[common...].joined(separator: "/")
        if isFolder && targetParts.count > common { link += "/" }
        link += fileName
        if link.isEmpty { link = "./" }
        return link + suffix
    }

    /// The folders a page sits in: `/projekt/x/` -> [projekt, x]; `/404.html` -> [].
    static func folders(of path: String) -> [String] {
        let parts = path.split(separator: "/").map(String.init)
        return path.hasSuffix("/") ? parts : Array(parts.dropLast())
    }

    /// The output file of a site path: `/projekt/x/` -> `projekt/x/index.html`.
    static func outputFile(of path: String) -> String {
        let trimmed = String(path.dropFirst())
        return path.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }
}
