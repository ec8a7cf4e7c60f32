import Foundation

/// The browser side of the search: a script that reads the index files `SearchIndexBuilder` writes.
public enum SearchEngine {
    /// The engine as sites ship it (`shipped` of `Resources/search.js`). Write it to
    /// `assets/search/engine.js`, next to the index files, and load it on every page with
    /// `<script src="…/assets/search/engine.js" defer></script>`.
    public static var javaScript: String { shippedSource }

    /// The hand-written engine, comments and all.
    static var source: String { sourceText }

    private static let sourceText: String = {
        guard let url = Bundle.module.url(forResource: "search", withExtension: "js", subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            // The resource is part of the module; without it the package itself is broken.
            fatalError("Search: Resources/search.js is missing from the module's bundle")
        }
        return text
    }()

    private static let shippedSource = shipped(sourceText)

    /// The source without its whole-line comments (`//` lines and `/* … */` blocks that begin a
    /// line), blank lines and indentation, under one line that says where the source is. Every
    /// line of code stays as written: the comments and indentation were a third of the bytes,
    /// and every page loads the engine.
    static func shipped(_ source: String) -> String {
        var lines = ["/* Kretslopp search engine; the commented source is Sources/Search/Resources/search.js. */"]
        var inComment = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            var code = line.drop { $0 == " " || $0 == "\t" }
            if !inComment, code.hasPrefix("/*") { inComment = true }
            if inComment {
                guard let end = code.range(of: "*/") else { continue }
                inComment = false
                code = code[end.upperBound...].drop { $0 == " " || $0 == "\t" }
            }
            if code.isEmpty || code.hasPrefix("//") { continue }
            lines.append(String(code))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
