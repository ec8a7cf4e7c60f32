import Foundation

/// The site's files in one list: the generated ones, then the theme's assets and the content's
/// files copied as they are (`static/` and those beside the pages). Two files with one path are
/// an error (the first stays), and so is a file where other files need a folder.
struct CollectOutput {
    let log: DiagnosticLog

    /// `written` are the paths of pages already written, which come first; the answer is sorted
    /// by path and has neither them nor the second of two files with one path.
    func run(written: [String], generated: [OutputFile], theme: Theme, content: ContentFiles) -> [OutputFile] {
        let assets = theme.assets.map { OutputFile(path: "assets/" + $0.path, data: $0.data) }
        let copied = content.staticFiles.map {
            OutputFile(path: SourceFile.publishedPath(of: $0.relativePath), data: $0.data)
        }
        var seen = Set<String>()
        func isFirst(_ path: String) -> Bool {
            if seen.insert(path).inserted { return true }
            log.error(
                path, .start, "two sources write the output file \(path)",
                hint: "a file in static/, beside the pages or in the theme's assets/ has the path of another file "
                    + "or a generated page")
            return false
        }
        for path in written { _ = isFirst(path) }
        let files = (generated + assets + copied).filter { isFirst($0.path) }
        reportFilesInTheWayOfFolders(seen, sources: content.staticFiles)
        return files.sorted { $0.path < $1.path }
    }

    /// A file at `docs/guide` cannot be written when `docs/guide/index.html` is: said here, at the
    /// content file when it is one, before anything is written.
    private func reportFilesInTheWayOfFolders(_ paths: Set<String>, sources: [SourceFile]) {
        var folders = Set<Substring>()
        for path in paths {
            var end = path.endIndex
            while let slash = path[..<end].lastIndex(of: "/") {
                guard folders.insert(path[..<slash]).inserted else { break }
                end = slash
            }
        }
        let sourceOf = Dictionary(
            sources.map { (SourceFile.publishedPath(of: $0.relativePath), $0.displayPath) },
            uniquingKeysWith: { a, _ in a })
        for path in paths.filter({ folders.contains(Substring($0)) }).sorted() {
            log.error(
                sourceOf[path] ?? path, .start, "this file has the path of a folder the site needs (\(path)/)",
                hint: "rename the file or move it into another folder")
        }
    }
}
