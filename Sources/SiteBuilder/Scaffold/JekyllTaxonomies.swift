import Foundation
import Markdown

/// The tags and categories a Jekyll site's posts and pages write, declared as taxonomies with
/// every term they use: Kretslopp makes `/tags/<term>/` and filters by them, as Jekyll's
/// jekyll-archives would. A page of the site's own at `/tags/` or `/categories/` (Liquid that
/// lists them, which Kretslopp does not run) stands where the build makes that page: it is left
/// out. A taxonomy no page uses is not declared.
struct JekyllTaxonomies {
    /// site.yaml's `taxonomies:` block; empty when no page has tags or categories.
    private(set) var yaml = ""
    /// The site's own pages at the taxonomies' URLs, left out (`ignore:`).
    private(set) var replacedPages: [String] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// `pages`: the pages and posts (path below the source folder, text); `folder` the source
    /// folder as messages show it.
    init(pages: [(path: String, text: String)], folder: String) {
        var found = ImportedTaxonomies(settings: DataValue(.map([]), at: .start), isZola: false)
        found.spaceSeparated = true
        found.gather(pages: pages, isZola: false, folder: folder)
        found.taxonomies.removeAll { $0.terms.isEmpty }
        guard !found.taxonomies.isEmpty else { return }
        yaml = found.yaml
        diagnostics = found.diagnostics
        let keys = Set(found.taxonomies.map(\.key))
        replacedPages = pages.compactMap { page in
            Self.url(of: page).flatMap { keys.contains($0) ? page.path : nil }
        }.sorted()
    }

    /// The top folder a page is at when it is that folder's page (`tags.md`, `tags/index.md`,
    /// `permalink: /tags/`): `tags`; nil for any other page.
    private static func url(of page: (path: String, text: String)) -> String? {
        if let permalink = FolderImport.frontMatter(page.text)?["permalink"]?.text {
            let parts = permalink.split(separator: "/")
            guard parts.count == 1 else { return nil }
            let name = String(parts[0])
            return name.hasSuffix(".html") ? String(name.dropLast(5)) : name
        }
        let parts = page.path.split(separator: "/")
        if parts.count == 2, ["index.md", "index.markdown", "index.html"].contains(parts[1]) {
            return String(parts[0])
        }
        guard parts.count == 1, let dot = parts[0].lastIndex(of: ".") else { return nil }
        return String(parts[0][..<dot])
    }
}
