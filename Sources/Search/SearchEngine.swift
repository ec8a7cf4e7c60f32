import Foundation

/// The browser side of the search: a script that reads the index files `SearchIndexBuilder` writes.
public enum SearchEngine {
    /// The engine's source. Write it to `assets/search/engine.js`, next to the index files, and load
    /// it on every page with `<script src="…/assets/search/engine.js" defer></script>`.
    public static var javaScript: String { source }

    private static let source: String = {
        guard let url = Bundle.module.url(forResource: "search", withExtension: "js", subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            // The resource is part of the module; without it the package itself is broken.
            fatalError("Search: Resources/search.js is missing from the module's bundle")
        }
        return text
    }()
}
