import Foundation

/// The path arithmetic of a page's links: schemes, joining a link to its page's URL or file,
/// and the forms other generators write (GitBook's `../` past the root, its lost links).
extension PageHooks {
    /// True when `destination` starts with a URL scheme (`https:`, `mailto:`): a colon with no
    /// `/`, `?` or `#` before it.
    static func hasScheme(_ destination: String) -> Bool {
        guard ASCIIPath.isASCII(destination) else {
            guard let colon = destination.firstIndex(of: ":") else { return false }
            return !destination[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" })
        }
        // In ASCII each byte is a character; a relative link (`../x/`) ends the search at its first `/`.
        for byte in destination.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return true
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"): return false
            default: continue
            }
        }
        return false
    }

    /// Resolves a relative URL against a page's site path (`/projekt/x/` + `../y/` -> `/projekt/y/`);
    /// nil when it climbs above the root.
    /// `/a/b/` for `/a/b`, a page's URL without its last `/`; nil for one that has it, or names a
    /// file (`/a/b.png`).
    static func folderURL(_ path: String) -> String? {
        guard !path.hasSuffix("/"), !(path.split(separator: "/").last?.contains(".") ?? true) else { return nil }
        return path + "/"
    }

    static func join(url pagePath: String, _ relative: String) -> String? {
        if ASCIIPath.isASCII(pagePath) && ASCIIPath.isASCII(relative) {
            return ASCIIPath.joinURL(page: pagePath, relative)
        }
        // Appended to a String: `Substring + String` counts the substring's characters first.
        var file = String(pagePath.dropFirst())
        file += "index.html"
        guard let joined = join(folder: file, relative) else { return nil }
        let isFolder =
            relative.hasSuffix("/") || relative.isEmpty || relative.hasSuffix("/.") || relative.hasSuffix("..")
        return "/" + joined + (isFolder && !joined.isEmpty ? "/" : "")
    }

    /// Resolves `path` against the folder of `file` (both relative to the content folder);
    /// nil when it climbs out of the content folder.
    /// Whether `path`'s last name is `broken-reference` (`broken-reference/`, `../broken-reference`):
    /// a suffix check first, as this runs for every link of every page.
    static func isBrokenReference(_ path: String) -> Bool {
        guard path.hasSuffix("broken-reference") || path.hasSuffix("broken-reference/") else { return false }
        var rest = Substring(path)
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        return rest == "broken-reference" || rest.hasSuffix("/broken-reference")
    }

    /// `path` without the `../` at its start that would climb above the content folder from
    /// `file`'s folder, as a browser stops at a site's root.
    static func stoppedAtRoot(_ path: String, from file: String) -> String {
        var depth = file.split(separator: "/").count - 1
        var rest = Substring(path)
        var kept = ""
        while rest.hasPrefix("../") {
            rest = rest.dropFirst(3)
            if depth > 0 {
                kept += "../"
                depth -= 1
            }
        }
        return kept + rest
    }

    static func join(folder file: String, _ path: String) -> String? {
        if ASCIIPath.isASCII(file) && ASCIIPath.isASCII(path) { return ASCIIPath.join(folderOf: file, path) }
        return joinByCharacters(folder: file, path)
    }

    /// `join(folder:_:)` character by character: for paths that are not ASCII (a slash with a
    /// combining accent is one character, not a separator), and the reference the byte version is
    /// tested against.
    static func joinByCharacters(folder file: String, _ path: String) -> String? {
        var parts = file.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
