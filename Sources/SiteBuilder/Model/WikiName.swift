import Foundation

/// A page's name as a GitHub wiki's links write it: its file's name without `.md`, any case,
/// spaces and hyphens alike (`[[Getting started]]`, `[x](getting-started)` for
/// `guide/Getting-Started.md`), as GitHub finds a wiki's pages wherever their files are.
enum WikiName {
    /// The name a link's path (`Getting Started`, `Getting-Started.md`, `Getting%20Started`)
    /// names a page by; nil for a path with a folder in it.
    static func of(link path: String) -> String? {
        var name = path.removingPercentEncoding ?? path
        if name.lowercased().hasSuffix(".md") { name.removeLast(3) }
        guard !name.isEmpty, !name.contains("/") else { return nil }
        return normalized(name)
    }

    /// Each page by the name of its file (the first by source path where two share one).
    static func pages(_ pages: [Page]) -> [String: Int] {
        var found: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            let file = page.source.relativePath.split(separator: "/").last.map(String.init) ?? ""
            guard file.lowercased().hasSuffix(".md") else { continue }
            let key = normalized(String(file.dropLast(3)))
            if found[key] == nil { found[key] = index }
        }
        return found
    }

    private static func normalized(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: " ", with: "-")
    }
}
