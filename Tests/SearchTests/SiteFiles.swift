import Foundation

@testable import Search

/// Helpers for the tests that write whole folders for the browser test and the benchmark.
enum SiteFiles {
    /// The repository root.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Writes the index, the engine and `pages` (path -> HTML) into `folder`.
    static func write(_ files: [SearchIndexFile], pages: [String: String], to folder: URL) throws {
        let manager = FileManager.default
        var all = files.map { ($0.path, Data($0.data)) }
        all.append(("assets/search/engine.js", Data(SearchEngine.javaScript.utf8)))
        all += pages.map { ($0.key, Data($0.value.utf8)) }
        for (path, data) in all {
            let url = folder.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    /// A page that loads the engine from `root` (`../../` for a page two folders down).
    static func page(title: String, root: String, scripts: [String] = [], language: String = "sv") -> String {
        let extra = scripts.map { "<script src=\"\(root)\($0)\"></script>\n" }.joined()
        return """
            <!doctype html>
            <html lang="\(language)">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            \(extra)<script src="\(root)assets/search/engine.js" defer></script>
            </head>
            <body><h1>\(title)</h1></body>
            </html>

            """
    }

    /// Markdown files under a folder, sorted, as documents: front matter `title:` and
    /// `summary:`, `##` lines as headings, the rest as body with link targets removed.
    static func markdownDocuments(in folder: URL, sitePath: (String) -> String) throws -> [SearchDocument] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        let files = enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }
            .sorted { $0.path < $1.path }
        return try files.map { file in
            let text = try String(contentsOf: file, encoding: .utf8)
            return markdownDocument(text, path: sitePath(file.deletingPathExtension().lastPathComponent))
        }
    }

    static func markdownDocument(_ text: String, path: String) -> SearchDocument {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var title = ""
        var summary = ""
        var facets: [String] = []
        var keywords: [String] = []
        if lines.first == "---" {
            lines = lines.dropFirst()
            while let line = lines.first, line != "---" {
                lines = lines.dropFirst()
                let value = { (key: String) in
                    line.dropFirst(key.count).trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
                }
                if line.hasPrefix("title:") { title = value("title:") }
                if line.hasPrefix("summary:") { summary = value("summary:") }
                if line.hasPrefix("tags:") {
                    let tags = value("tags:").trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                    for tag in tags.split(separator: ",") {
                        let name = tag.trimmingCharacters(in: .whitespaces)
                        keywords.append(name)
                        facets.append("tagg:" + DiacriticFolding.fold(name))
                    }
                }
            }
            lines = lines.dropFirst()
        }
        var headings: [String] = []
        var body: [String] = []
        for line in lines {
            if line.hasPrefix("#") {
                headings.append(line.drop { $0 == "#" || $0 == " " }.description)
            } else {
                body.append(removingLinkTargets(String(line)))
            }
        }
        return SearchDocument(
            path: path, title: title, summary: summary, headings: headings,
            body: body.joined(separator: "\n"), keywords: keywords, facets: facets)
    }

    /// `[text](target)` -> `[text]`.
    static func removingLinkTargets(_ line: String) -> String {
        var result = ""
        var rest = line[...]
        while let open = rest.range(of: "](") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: ")") else {
                rest = rest[open.lowerBound...]
                break
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
