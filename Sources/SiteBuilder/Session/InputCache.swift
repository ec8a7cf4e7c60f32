import Foundation
import Parallel

/// What the preview's last build read, so that the next one reads from the disk and parses only
/// the files that changed: each content file's bytes by relative path, and the page parsed from
/// each Markdown file under the site.yaml of that parse.
///
/// Used by one rebuild at a time (the session's rebuild lock), never concurrently.
final class InputCache: @unchecked Sendable {
    // Unchecked: only the session's rebuild thread reads or writes it, one rebuild at a time.
    /// Content files as last read, by path relative to the content folder.
    private(set) var content: [String: Data] = [:]
    /// The page bodies as last rendered, with what each read.
    let bodies = BodyCache()
    /// What the site model's making found last time.
    let modelMemo = SiteModelMemo()
    private var pages: [String: Parsed] = [:]
    /// The site.yaml (and options) the pages were parsed under; any change to it parses again.
    private var parsedUnder: ParseSettings?
    /// The content folder's files as last listed, and the `ignore:` patterns of that walk; nil
    /// when files may have come or gone since (or the walk reported something, which a walk
    /// must then say again).
    private var lastListing: (filter: ContentFilter, files: LoadContent.Listing)?
    /// How many times the folders were walked (for tests).
    private(set) var walks = 0
    /// The last build's content files and where each is in them, what reading them reported, and
    /// the files changed since (relative paths): while no file comes or goes, the next build
    /// takes these with the changed files read again, instead of all 10,000.
    private var lastFiles: ContentFiles?
    private var positions: [String: (kind: FileKind, index: Int)] = [:]
    private var readDiagnostics: [Diagnostic] = []
    private var dirty = Set<String>()
    /// The Markdown files (by index in `lastFiles.markdown`) the last load read again, when it
    /// patched `lastFiles`; nil after a full read.
    private var patchedMarkdown: [Int]?
    /// The page parsed from each of `lastFiles.markdown` (nil: a draft, or a parse that said
    /// something and is made again every build), under `parsedUnder`.
    private var parsedFiles: [Page?]?
    private var noisy = Set<Int>()

    enum FileKind { case markdown, data, staticFile }

    /// The theme as last loaded and what loading it said; nil once a theme file or site.yaml
    /// (its language, report and icons decide what the theme must have) changed.
    private var loadedTheme: (theme: Theme, diagnostics: [Diagnostic])?

    /// The theme: as last loaded, unless it or site.yaml changed since; `load` otherwise.
    func theme(log: DiagnosticLog, load: (DiagnosticLog) -> Theme?) -> Theme? {
        if let loadedTheme {
            for diagnostic in loadedTheme.diagnostics { log.add(diagnostic) }
            return loadedTheme.theme
        }
        let own = DiagnosticLog()
        let theme = load(own)
        log.merge(own)
        loadedTheme = theme.map { ($0, own.all) }
        return theme
    }

    /// A file of the theme changed.
    func forgetTheme() { loadedTheme = nil }
    /// How many files the last build read from the disk and how many it parsed (for tests).
    private(set) var lastRead = 0
    private(set) var lastParsed = 0

    /// A parsed page (nil: a draft left out), with the bytes it came from.
    private struct Parsed {
        var bytes: Data
        var page: Page?
    }

    /// What ParseFrontMatter reads of the settings (keep in step with it): the vocabularies' and
    /// collections' keys, the schema, the site's title (a page without one falls back to it),
    /// whether drafts are built and which file is the front page. A term's or a collection's
    /// title, the menu and the rest of site.yaml do not change a parsed page.
    struct ParseSettings: Equatable {
        var taxonomies: [String]
        var collections: [String]
        var schema: String
        var siteTitle: String
        var includeDrafts: Bool
        /// Which files are their folder's page (a README.md, `x.md` beside `x/`): a file added or
        /// gone can change it.
        var folderPages = FolderPages()
        /// site.yaml's `home:`, the front page's file.
        var home: String?

        static func of(_ config: SiteConfig, _ options: BuildOptions, folderPages: FolderPages = FolderPages())
            -> ParseSettings
        {
            ParseSettings(
                taxonomies: config.taxonomies.map(\.key), collections: config.collections.map(\.key),
                schema: config.schema.keys.sorted().map { "\($0): \(String(reflecting: config.schema[$0]!))" }
                    .joined(separator: "\n"),
                siteTitle: config.title, includeDrafts: options.includeDrafts, folderPages: folderPages,
                home: config.home?.path)
        }
    }

    /// Whether two byte buffers are equal; an unchanged file's bytes are the very buffer read
    /// before, which is told without comparing 10,000 pages byte by byte.
    static func same(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        let shared = a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.baseAddress == y.baseAddress } }
        return shared || a == b
    }

    /// The content files: the last build's with the changed ones read again when no file came
    /// or went since, else listed (walked, or as last listed) and read (unchanged files from
    /// memory).
    func load(_ filter: ContentFilter, with loader: LoadContent) -> ContentFiles {
        defer { dirty = [] }
        if var files = lastFiles, let lastListing, lastListing.filter == filter {
            var markdown: [Int] = []
            var complete = true
            for path in dirty.sorted() {
                guard let (kind, index) = positions[path] else { continue }
                guard let data = FileManager.default.contents(atPath: loader.root.path + "/" + path) else {
                    complete = false
                    break
                }
                content[path] = data
                switch kind {
                case .markdown:
                    files.markdown[index].data = data
                    markdown.append(index)
                case .data: files.data[index].data = data
                case .staticFile: files.staticFiles[index].data = data
                }
            }
            if complete {
                lastRead = dirty.count { positions[$0] != nil }
                for diagnostic in readDiagnostics { loader.log.add(diagnostic) }
                lastFiles = files
                patchedMarkdown = markdown
                return files
            }
        }
        let own = DiagnosticLog()
        var reader = LoadContent(root: loader.root, displayRoot: loader.displayRoot, log: own)
        reader.languages = loader.languages
        reader.mdx = loader.mdx
        reader.staticFolder = loader.staticFolder
        reader.known = content
        let files = reader.read(listing(filter, walk: loader))
        keep(files)
        readDiagnostics = own.all
        for diagnostic in readDiagnostics { loader.log.add(diagnostic) }
        lastFiles = files
        positions = [:]
        for (index, file) in files.markdown.enumerated() { positions[file.relativePath] = (.markdown, index) }
        for (index, file) in files.data.enumerated() { positions[file.relativePath] = (.data, index) }
        for (index, file) in files.staticFiles.enumerated() { positions[file.relativePath] = (.staticFile, index) }
        patchedMarkdown = nil
        return files
    }

    /// The content's files: as last listed when no file came or went since, else walked now.
    func listing(_ filter: ContentFilter, walk loader: LoadContent) -> LoadContent.Listing {
        if let lastListing, lastListing.filter == filter { return lastListing.files }
        walks += 1
        let own = DiagnosticLog()
        var walker = LoadContent(root: loader.root, displayRoot: loader.displayRoot, log: own)
        walker.languages = loader.languages
        walker.mdx = loader.mdx
        walker.staticFolder = loader.staticFolder
        let files = walker.list(filter)
        loader.log.merge(own)
        lastListing = own.all.isEmpty ? (filter, files) : nil
        return files
    }

    /// Forgets the files at `relativePaths` (and below them, for a folder), so the next build
    /// reads them again. A path that was not a file of the last listing, or is no file now (one
    /// created, deleted, renamed, or a folder), makes the next build walk the folders again.
    func forget(_ relativePaths: [String], root: URL? = nil) {
        if let (filter, listed) = lastListing {
            // site.yaml and hidden files (an editor's swap file) are never in the listing, unless
            // `include:` names them (`.gitbook/assets`).
            for path in relativePaths
            where path != "site.yaml"
                && (!path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) || filter.isIncluded(path))
            {
                var info = stat()
                let full = (root?.path ?? "") + "/" + path
                let isFile = root != nil && stat(full, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
                guard isFile, content[path] != nil || listed.contains(where: { $0.relative == path }) else {
                    lastListing = nil
                    break
                }
            }
        }
        dirty.formUnion(relativePaths)
        if relativePaths.contains("site.yaml") { loadedTheme = nil }
        for path in relativePaths {
            guard !path.isEmpty else { return forgetAll() }
            content[path] = nil
            pages[path] = nil
            let folder = path + "/"
            if content.keys.contains(where: { $0.hasPrefix(folder) }) {
                content = content.filter { !$0.key.hasPrefix(folder) }
                pages = pages.filter { !$0.key.hasPrefix(folder) }
            }
        }
    }

    /// Forgets the files at the absolute `paths` that are in the content folder `root`.
    func forget(absolute paths: [String], root: URL) {
        let relative = paths.compactMap { FolderPath.relative($0, to: root) }
        if relative.contains("") { return forgetAll() }
        forget(relative, root: root.standardizedFileURL.resolvingSymlinksInPath())
    }

    /// Forgets everything (a change the session cannot place).
    func forgetAll() {
        loadedTheme = nil
        lastListing = nil
        lastFiles = nil
        parsedFiles = nil
        content = [:]
        pages = [:]
        parsedUnder = nil
    }

    /// Keeps the bytes of the files a build read.
    func keep(_ files: ContentFiles) {
        lastRead = (files.markdown + files.data + files.staticFiles).count { content[$0.relativePath] == nil }
        var next: [String: Data] = [:]
        next.reserveCapacity(files.markdown.count + files.data.count + files.staticFiles.count)
        for file in files.markdown + files.data + files.staticFiles { next[file.relativePath] = file.data }
        content = next
    }

    /// The pages of `files`, in their order: those of unchanged files as parsed before, the rest
    /// parsed now. A file whose parse said anything (a warning or an error) is not kept, so that
    /// its diagnostics are said again on every build, as a full build says them.
    func parse(_ files: [SourceFile], settings: ParseSettings, with parser: ParseFrontMatter) -> [Page] {
        if settings == parsedUnder, let patchedMarkdown, var parsed = parsedFiles, parsed.count == files.count {
            // The files are the last build's, with those at `patchedMarkdown` read again.
            let again = Array(Set(patchedMarkdown).union(noisy)).sorted()
            lastParsed = again.count
            let fresh = parseEach(again.map { files[$0] }, with: parser)
            for (k, index) in again.enumerated() {
                for diagnostic in fresh[k].diagnostics { parser.log.add(diagnostic) }
                parsed[index] = fresh[k].page
                if fresh[k].diagnostics.isEmpty {
                    noisy.remove(index)
                    pages[files[index].relativePath] = Parsed(bytes: files[index].data, page: fresh[k].page)
                } else {
                    noisy.insert(index)
                    pages[files[index].relativePath] = nil
                }
            }
            parsedFiles = parsed
            return parsed.compactMap { $0 }
        }
        if settings != parsedUnder {
            pages = [:]
            parsedUnder = settings
        }
        let missing = files.indices.filter { i in
            guard let kept = pages[files[i].relativePath]?.bytes else { return true }
            return !Self.same(kept, files[i].data)
        }
        lastParsed = missing.count
        let fresh = parseEach(missing.map { files[$0] }, with: parser)
        var aligned: [Page?] = []
        aligned.reserveCapacity(files.count)
        noisy = []
        var next: [String: Parsed] = [:]
        next.reserveCapacity(files.count)
        var result: [Page] = []
        result.reserveCapacity(files.count)
        var k = 0
        for (i, file) in files.enumerated() {
            let page: Page?
            if k < missing.count, missing[k] == i {
                page = fresh[k].page
                for diagnostic in fresh[k].diagnostics { parser.log.add(diagnostic) }
                if fresh[k].diagnostics.isEmpty {
                    next[file.relativePath] = Parsed(bytes: file.data, page: page)
                } else {
                    noisy.insert(i)
                }
                k += 1
            } else {
                let kept = pages[file.relativePath]!
                page = kept.page
                next[file.relativePath] = kept
            }
            if let page { result.append(page) }
            aligned.append(page)
        }
        pages = next
        parsedFiles = aligned
        return result
    }

    /// Each file parsed on its own, in parallel, with what its parse said.
    private func parseEach(_ files: [SourceFile], with parser: ParseFrontMatter) -> [(
        page: Page?, diagnostics: [Diagnostic]
    )] {
        let config = parser.config
        let includeDrafts = parser.includeDrafts
        let folderPages = parser.folderPages
        return parallelMap(files.count, minimumChunk: 8) { k in
            let own = DiagnosticLog()
            var parser = ParseFrontMatter(config: config, includeDrafts: includeDrafts, log: own)
            parser.folderPages = folderPages
            let page = parser.parse(files[k])
            return (page, own.all)
        }
    }
}
