import Foundation

/// A page's name as a GitHub wiki's links write it: its file's name without `.md`, in any case,
/// with spaces or hyphens (`[[Getting started]]`, `[x](getting-started)` for
/// `guide/Getting-Started.md`), as GitHub finds a wiki's pages wherever their files are; failing
/// that, by its letters and digits alone (`[[Backend Stores, Object Cache]]` for
/// `Backend-Stores,-Object-Cache.md`, `[[Scripts "Used"]]` for `Scripts Used.md`).
enum WikiName {
    /// The name a link's path (`Getting Started`, `Getting-Started.md`, `Getting%20Started`)
    /// names a page by, as written; nil for a path with a folder in it.
    static func of(link path: String) -> String? {
        var name = path.removingPercentEncoding ?? path
        if name.hasPrefix("./") { name.removeFirst(2) }
        if name.lowercased().hasSuffix(".md") { name.removeLast(3) }
        guard !name.isEmpty, !name.contains("/") else { return nil }
        return name
    }

    /// Each page (its index in `pages`) by the keys of its file's name; the first by source path
    /// where two share one.
    static func pages(_ pages: [Page]) -> [String: Int] {
        index(pages.map(\.source.relativePath))
    }

    /// Each of `paths` (Markdown files) by the keys of its name, as its place in `paths`.
    static func index(_ paths: [String]) -> [String: Int] {
        var found: [String: Int] = [:]
        for (place, path) in paths.enumerated() {
            let file = path.split(separator: "/").last.map(String.init) ?? path
            guard file.lowercased().hasSuffix(".md"), let name = of(link: file) else { continue }
            for key in keys(name) where found[key] == nil { found[key] = place }
        }
        return found
    }

    /// The page `name` names in `index` (made by `pages` or `index`).
    static func find(_ name: String, in index: [String: Int]) -> Int? {
        keys(name).lazy.compactMap { index[$0] }.first
    }

    /// The exact key first (any case, a space as a hyphen), then the loose one.
    private static func keys(_ name: String) -> [String] {
        let lower = name.lowercased()
        let letters = String(
            lower.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
                .map(Character.init))
        return ["=" + lower.replacingOccurrences(of: " ", with: "-")] + (letters.isEmpty ? [] : ["~" + letters])
    }
}
