import Foundation

/// The site's files in one list: the generated ones, then the theme's assets and the content's
/// files copied as they are (`static/` and those beside the pages). Two files with one path are
/// an error (the first stays), and so is a file where other files need a folder.
struct CollectOutput {
    let log: DiagnosticLog
    /// `links: {lowercase: true}` or `{slugify: true}`: files beside the pages go to their folder's
    /// URL as the pages' are made.
    var names = URLNames.asWritten
    /// The folder copied to the site's root (site.yaml's `static:`).
    var staticFolder = "static"

    /// `written` are the paths of pages already written, which come first; the answer is sorted
    /// by path and has neither them nor the second of two files with one path. Two files at a
    /// site path in `reported` (`Site.clashes`) were said already, at their pages.
    func run(
        written: [String], generated: [OutputFile], theme: Theme, content: ContentFiles, reported: Set<String> = []
    ) -> [OutputFile] {
        let assets = theme.assets.map { OutputFile(path: "assets/" + $0.path, data: $0.data) }
        let copied = content.staticFiles.map {
            OutputFile(path: published($0), data: $0.data)
        }
        var seen = Set<String>()
        func isFirst(_ path: String) -> Bool {
            if seen.insert(path).inserted { return true }
            if reported.contains(BuildPipeline.sitePath(path)) { return false }
            log.error(
                path, .start, "two sources write the output file \(path)",
                hint: "a file in \(staticFolder)/, beside the pages or in the theme's assets/ has the path of another "
                    + "file or a generated page")
            return false
        }
        for path in written { _ = isFirst(path) }
        // The site's own robots.txt says what it means to say: it takes the place of the one made.
        let own = Set(copied.map(\.path)).intersection(Self.replaceable)
        let files = (generated.filter { !own.contains($0.path) } + assets + copied).filter { isFirst($0.path) }
        reportFilesInTheWayOfFolders(seen, copied: content.staticFiles)
        return files.sorted { $0.path < $1.path }
    }

    /// Generated files a copied file of the same path takes the place of.
    static let replaceable: Set<String> = ["robots.txt"]

    /// Where a copied file is published.
    private func published(_ file: SourceFile) -> String {
        SourceFile.publishedPath(of: file.relativePath, names: names, staticFolder: staticFolder)
    }

    /// A file at `docs/guide` cannot be written when `docs/guide/index.html` is: said here, at the
    /// content file, before anything is written. Only copied files can stand where the site needs
    /// a folder, or need one where a generated file stands: the few copied files are looked at, not
    /// the thousands of pages (the preview collects the output on every rebuild).
    private func reportFilesInTheWayOfFolders(_ paths: Set<String>, copied: [SourceFile]) {
        let published = copied.map { (path: self.published($0), source: $0.displayPath) }
        var copiedFolders = Set<String>()
        var inTheWay: [String: String] = [:]
        for file in published {
            var folder = file.path
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = String(folder[..<slash])
                guard copiedFolders.insert(folder).inserted else { break }
                // A generated file (or a copied one) where this file needs a folder.
                if paths.contains(folder) { inTheWay[folder] = inTheWay[folder] ?? folder }
            }
        }
        for file in published where copiedFolders.contains(file.path) || paths.contains(file.path + "/index.html") {
            inTheWay[file.path] = file.source
        }
        let sourceOf = Dictionary(published.map { ($0.path, $0.source) }, uniquingKeysWith: { a, _ in a })
        for path in inTheWay.keys.sorted() {
            log.error(
                sourceOf[path] ?? path, .start, "this file has the path of a folder the site needs (\(path)/)",
                hint: "rename the file or move it into another folder")
        }
    }
}
