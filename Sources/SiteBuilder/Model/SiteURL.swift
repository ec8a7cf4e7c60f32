/// How links are written into pages.
public enum LinkStyle: Sendable {
    /// Relative links, folders as `../om/` (for HTTP hosting: pretty URLs).
    case pretty
    /// Relative links to files, folders as `../om/index.html` (for file:// and offline bundles).
    case files
}

/// Turns site paths (`/projekt/x/`, `/assets/style.css`) into links relative to one page.
///
/// A link is the way up to the root (`../../`) followed by the target's path, so it depends only
/// on how deep the linking page sits: listings at the same depth can share rendered values.
struct SiteURL: Sendable, Hashable {
    /// `../` once per folder of the linking page, or the root-relative prefix.
    let prefix: String
    let style: LinkStyle
    let rootPrefix: String?

    /// - Parameters:
    ///   - from: site path of the page that links (`/projekt/x/`, or `/404.html`).
    ///   - rootPrefix: when set, links are root-relative with this prefix instead (`/` or
    ///     `/sub/`): the 404 page, which is served at any depth.
    init(from: String, style: LinkStyle, rootPrefix: String? = nil) {
        self.prefix = rootPrefix ?? String(repeating: "../", count: SiteURL.folders(of: from).count)
        self.style = style
        self.rootPrefix = rootPrefix
    }

    /// The link from this page to `target`, keeping any `#fragment` or `?query`.
    func to(_ target: String) -> String {
        var path = Substring(target)
        var suffix: Substring = ""
        // Bytes, not Characters: this runs for every link of every page.
        if let offset = ASCIIPath.pathEnd(target) {
            let cut = target.utf8.index(target.utf8.startIndex, offsetBy: offset)
            path = target[..<cut]
            suffix = target[cut...]
        }
        if path.isEmpty { return String(suffix) }
        var link = prefix + path.dropFirst()
        if path.hasSuffix("/") && style == .files { link += "index.html" }
        if link.isEmpty { link = "./" }
        return link + suffix
    }

    /// The folders a page sits in: `/projekt/x/` -> [projekt, x]; `/404.html` -> [].
    static func folders(of path: String) -> [Substring] {
        let parts = path.split(separator: "/")
        return path.hasSuffix("/") ? parts : Array(parts.dropLast())
    }

    /// The output file of a site path: `/projekt/x/` -> `projekt/x/index.html`.
    static func outputFile(of path: String) -> String {
        let trimmed = String(path.dropFirst())
        return path.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }
}
