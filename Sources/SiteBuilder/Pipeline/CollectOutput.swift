import Foundation

/// The site's files in one list: the generated ones, then the theme's assets and the content's
/// static files copied as they are. Two files with one path are an error; the first stays.
struct CollectOutput {
    let log: DiagnosticLog

    /// `written` are the paths of pages already written, which come first; the answer is sorted
    /// by path and has neither them nor the second of two files with one path.
    func run(written: [String], generated: [OutputFile], theme: Theme, content: ContentFiles) -> [OutputFile] {
        let copied =
            theme.assets.map { OutputFile(path: "assets/" + $0.path, data: $0.data) }
            + content.staticFiles.map {
                OutputFile(path: String($0.relativePath.dropFirst("static/".count)), data: $0.data)
            }
        var seen = Set<String>()
        func isFirst(_ path: String) -> Bool {
            if seen.insert(path).inserted { return true }
            log.error(
                path, .start, "two sources write the output file \(path)",
                hint: "a file in static/ or the theme's assets/ has the same path as a generated page")
            return false
        }
        for path in written { _ = isFirst(path) }
        return (generated + copied).filter { isFirst($0.path) }.sorted { $0.path < $1.path }
    }
}
