/// Paths as other generators' settings write them, for the site.yaml `kretslopp import` writes.
public enum ImportedPath {
    /// A path below the content folder as written (`./a.md`, `/a.md`, `a.md`): `./` and `/` at
    /// its start taken off.
    static func relative(_ path: String) -> String {
        var path = Substring(path)
        while true {
            if path.hasPrefix("./") {
                path = path.dropFirst(2)
            } else if path.hasPrefix("/") {
                path = path.dropFirst()
            } else {
                return String(path)
            }
        }
    }

    /// A relative path with `x/..` and `.` taken out (`website/../docs` -> `docs`), as shown.
    public static func tidied(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// A file's path as an `ignore:` glob that matches it alone (`*`, `?`, `[` and `\` escaped).
    static func glob(_ path: String) -> String {
        var out = ""
        for character in path {
            if "*?[\\".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
