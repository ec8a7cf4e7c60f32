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
        self.prefix = rootPrefix ?? String(repeating: "../", count: SiteURL.folderCount(of: from))
        self.style = style
        self.rootPrefix = rootPrefix
    }

    /// The link from this page to `target`, keeping any `#fragment` or `?query`.
    func to(_ target: String) -> String {
        // Over bytes where the path is ASCII (every generated one): this runs for every link of
        // every page, and the Character version below was 2.6% of a build.
        var bytes = target
        if let link = bytes.withUTF8({ asciiLink(to: $0) }) { return link }
        return toByCharacters(target)
    }

    /// `to` for a target whose path (before `#` or `?`) is ASCII other than a leading CR LF,
    /// where each byte is a character; nil for any other.
    private func asciiLink(to target: UnsafeBufferPointer<UInt8>) -> String? {
        var cut = target.count
        for i in target.indices {
            let byte = target[i]
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "?") {
                cut = i
                break
            }
        }
        // "\r\n" is one Character: dropping the first would drop both.
        if cut >= 2 && target[0] == 0x0D && target[1] == 0x0A { return nil }
        let suffix = UnsafeBufferPointer(rebasing: target[cut...])
        if cut == 0 { return String(decoding: suffix, as: UTF8.self) }
        let path = UnsafeBufferPointer(rebasing: target[1..<cut])
        let index: StaticString = target[cut - 1] == UInt8(ascii: "/") && style == .files ? "index.html" : ""
        var prefix = self.prefix
        return prefix.withUTF8 { prefix in
            let length = prefix.count + path.count + index.utf8CodeUnitCount
            if length == 0 { return "./" + String(decoding: suffix, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: length + suffix.count) { out in
                var at = 0
                func copy(_ part: UnsafeBufferPointer<UInt8>) {
                    guard let base = part.baseAddress, let end = out.baseAddress else { return }
                    (end + at).initialize(from: base, count: part.count)
                    at += part.count
                }
                copy(prefix)
                copy(path)
                copy(UnsafeBufferPointer(start: index.utf8Start, count: index.utf8CodeUnitCount))
                copy(suffix)
                return at
            }
        }
    }

    /// `to` over Characters, for any target.
    func toByCharacters(_ target: String) -> String {
        var path = Substring(target)
        var suffix: Substring = ""
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

    /// How many folders a page sits in: `/projekt/x/` -> 2 (projekt, x); `/404.html` -> 0.
    static func folderCount(of path: String) -> Int {
        // By characters a slash with a combining mark on it is no separator; ASCII paths (all
        // generated ones) are counted over bytes, as two of these are made for every page.
        guard ASCIIPath.isASCII(path) else { return folderCountByCharacters(of: path) }
        var count = 0
        var inName = false
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if inName { count += 1 }
                inName = false
            } else {
                inName = true
            }
        }
        // A name with no slash after it is the page's file, not a folder.
        return count
    }

    static func folderCountByCharacters(of path: String) -> Int {
        let parts = path.split(separator: "/")
        return path.hasSuffix("/") ? parts.count : max(parts.count - 1, 0)
    }

    /// Hashes the prefix's length, not its text: within a site the prefixes are `../` repeated
    /// or one root prefix, told apart by their length, and listing caches hash this for every card.
    /// (Equality still compares the text.)
    func hash(into hasher: inout Hasher) {
        hasher.combine(prefix.utf8.count)
        hasher.combine(style)
        hasher.combine(rootPrefix == nil)
    }

    /// The output file of a site path: `/projekt/x/` -> `projekt/x/index.html`.
    static func outputFile(of path: String) -> String {
        let trimmed = String(path.dropFirst())
        return path.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }
}
