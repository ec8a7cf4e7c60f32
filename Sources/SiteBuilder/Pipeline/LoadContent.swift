import Foundation
import Markdown
import Parallel

#if canImport(Glibc)
    import Glibc
#endif

/// Everything in `Content/` but site.yaml (`LoadSiteConfig` reads that), read once and sorted by path.
struct ContentFiles: Sendable {
    var markdown: [SourceFile] = []
    var data: [SourceFile] = []
    /// Files copied as they are: `static/`'s, and the files of the page tree that are not pages
    /// (the images and downloads beside the pages that show them, as MkDocs and Zola publish them).
    var staticFiles: [SourceFile] = []

    /// What the later stages need once the pages are parsed: the data and static files. The
    /// Markdown files' bytes are let go (the pages hold their text; the preview keeps its own copy).
    var afterParsing: ContentFiles { ContentFiles(data: data, staticFiles: staticFiles) }
}

/// A file as `LoadContent` read it: its bytes, or a page's text.
private enum FileRead: Sendable {
    case bytes(Data)
    case text(TextOnce)

    func file(relativePath: String, displayPath: String, writtenExtension: String = "md") -> SourceFile {
        switch self {
        case .bytes(let data):
            SourceFile(
                relativePath: relativePath, displayPath: displayPath, data: data, writtenExtension: writtenExtension)
        case .text(let text):
            SourceFile(
                relativePath: relativePath, displayPath: displayPath, text: text, writtenExtension: writtenExtension)
        }
    }
}

/// Reads the content folder. Hidden files are skipped; symlinked folders are followed
/// once (a loop is reported, not followed forever); unreadable files are errors.
///
/// What is not content is never read nor reported: names starting with `.`, names starting with
/// `_` outside `static/` and `data/` (`_includes/`, `_drafts/`; `_index.md` is a section's page),
/// and paths matched by site.yaml's `ignore:` patterns, unless its `include:` names them
/// (`ContentFilter`).
struct LoadContent {
    let root: URL
    let displayRoot: String
    let log: DiagnosticLog
    /// On a site in several languages, its languages: a section's translation
    /// (`_index.en.md`) is content too.
    var languages: [String] = []
    /// Files whose bytes are known unchanged, by relative path (the preview's last read): they
    /// are taken from here instead of the disk.
    var known: [String: Data] = [:]
    /// `.mdx` files are pages too (`markdown: {mdx: true}`), each the page its `.md` name would be.
    var mdx = false
    /// The folder copied as it is to the site's root (site.yaml's `static:`).
    var staticFolder = "static"
    /// Whether pages are read as text (`TextFile`), handed once to the parser: a build's, which
    /// reads each file once. The preview keeps every file's bytes to compare with the next read.
    var readsText = false

    /// The files of the content folder, by relative and full path, in the order they are read.
    typealias Listing = [(relative: String, path: String)]

    /// The content, as site.yaml's `ignore:` and `include:` say.
    func run(_ filter: ContentFilter = ContentFilter()) -> ContentFiles {
        read(list(filter))
    }

    /// Every content file's relative and full path; what is wrong on the way (a link loop, a
    /// folder that cannot be read) is reported.
    func list(_ filter: ContentFilter = ContentFilter()) -> Listing {
        var found: Listing = []
        var visited = Set<String>()
        walk(root, relative: "", filter: filter, onlyIncluded: false, visited: &visited) {
            if $0 != "site.yaml" { found.append(($0, $1)) }
        }
        return found
    }

    /// The files of `found`, read in parallel (those in `known` taken from there).
    func read(_ found: Listing) -> ContentFiles {
        let paths = found.map(\.path)
        let known = found.map { self.known[$0.relative] }
        let staticPrefix = staticFolder + "/"
        let asText = found.map { file in
            readsText && !file.relative.hasPrefix("data/") && !file.relative.hasPrefix(staticPrefix)
                && SourceFile.pageExtension(of: file.relative, mdx: mdx) != nil
        }
        let contents = parallelMap(paths.count, minimumChunk: 8) { i -> FileRead? in
            if let bytes = known[i] { return .bytes(bytes) }
            if asText[i], let text = TextFile.read(paths[i]) { return .text(TextOnce(text)) }
            return FileManager.default.contents(atPath: paths[i]).map(FileRead.bytes)
        }
        var files = ContentFiles()
        // Markdown under another name (Docusaurus' `.mdx` without `mdx`, `.mdown`): copied as it is.
        var otherMarkdown: [String] = []
        defer { reportOtherMarkdown(otherMarkdown) }
        // The files' names, made the first time a page is not an `.md` file (few sites have any).
        var names: Set<String>? = nil
        for (i, (relative, _)) in found.enumerated() {
            guard let read = contents[i] else {
                log.error(
                    display(relative), .start, "cannot read file (permission denied?)",
                    hint: "check the file's permissions")
                continue
            }
            let file = read.file(relativePath: relative, displayPath: display(relative))
            switch true {
            case relative.hasPrefix("data/"): files.data.append(file)
            case relative.hasSuffix(".md") && !relative.hasPrefix(staticPrefix): files.markdown.append(file)
            case (mdx && relative.hasSuffix(".mdx") || relative.hasSuffix(".markdown"))
                && !relative.hasPrefix(staticPrefix):
                let page = SourceFile.pagePath(relative, mdx: mdx)
                if names == nil { names = Set(found.map(\.relative)) }
                guard !names!.contains(page) else {
                    log.error(
                        display(relative), .start, "\(page) and this file would be one page",
                        hint: "rename one of them, or move it to another folder")
                    continue
                }
                files.markdown.append(
                    read.file(
                        relativePath: page, displayPath: display(relative),
                        writtenExtension: relative.hasSuffix(".mdx") ? "mdx" : "markdown"))
            default:
                if !relative.hasPrefix(staticPrefix), Self.isOtherMarkdown(relative) { otherMarkdown.append(relative) }
                files.staticFiles.append(file)
            }
        }
        return files
    }

    /// Whether a file is Markdown under a name Kretslopp does not build as a page.
    static func isOtherMarkdown(_ relative: String) -> Bool {
        let lower = relative.lowercased()
        return lower.hasSuffix(".mdx") || lower.hasSuffix(".mdown") || lower.hasSuffix(".mkd")
            || (lower.hasSuffix(".markdown") && !relative.hasSuffix(".markdown"))
    }

    /// One warning, at the first such file, for the Markdown files that are not pages: a tree
    /// brought from Docusaurus would otherwise lose its `.mdx` pages without a word.
    private func reportOtherMarkdown(_ paths: [String]) {
        guard let first = paths.min() else { return }
        let what =
            paths.count == 1
            ? "this Markdown file is not a page (pages are .md and .markdown files); it is copied as it is"
            : "\(paths.count) Markdown files (.mdx, .mdown) are not pages (pages are .md and .markdown files); they "
                + "are copied "
                + "as they are (first here)"
        let them = paths.count == 1 ? "it" : "them"
        log.warning(
            display(first), .start, what,
            hint: paths.contains { $0.lowercased().hasSuffix(".mdx") }
                ? "set 'markdown: {mdx: true}' in site.yaml to build .mdx files as pages, their imports and "
                    + "components read as Docusaurus writes them; or move \(them) to static/"
                : "rename \(them) to .md to build pages, or move \(them) to static/")
    }

    /// True when the file or folder at `relative` (named `name`) is content: not hidden, not a
    /// `_` name of the page tree (other than `_index.md`), not matched by an `ignore:` pattern.
    static func isContent(
        name: String, relative: String, ignore: [ContentGlob], languages: [String] = [], staticFolder: String = "static"
    ) -> Bool {
        if relative == "site.yaml" { return true }
        if name.hasPrefix(".") { return false }
        if name.hasPrefix("_") && name != "_index.md" && !isSectionTranslation(name, languages) {
            // static/ is copied as it is and data/ is read by name: `_headers` or `_x.yaml` there are used.
            guard relative.hasPrefix(staticFolder + "/") || relative.hasPrefix("data/") else { return false }
        }
        return !ignore.contains { $0.matches(relative) }
    }

    /// `_index.en.md`, with `en` one of the site's languages.
    static func isSectionTranslation(_ name: String, _ languages: [String]) -> Bool {
        guard name.hasPrefix("_index."), name.hasSuffix(".md") else { return false }
        return languages.contains(String(name.dropFirst("_index.".count).dropLast(3)))
    }

    private func display(_ relative: String) -> String {
        relative.isEmpty ? displayRoot : displayRoot + "/" + relative
    }

    /// Calls `found` with the relative and full path of every regular file below `url`, sorted;
    /// `onlyIncluded` for a folder that is no content but on the way to an `include:` path, of
    /// which only that path is read.
    private func walk(
        _ url: URL, relative: String, filter: ContentFilter, onlyIncluded: Bool, visited: inout Set<String>,
        _ found: (String, String) -> Void
    ) {
        let real = url.resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            log.error(
                display(relative), .start, "symbolic link loop: this folder is already part of the content",
                hint: "remove the link or point it outside the content folder")
            return
        }
        defer { visited.remove(real) }
        let entries: [(name: String, kind: FolderEntries.Kind)]
        switch FolderEntries.read(url.path) {
        case .success(let read): entries = read.sorted { $0.name < $1.name }
        case .failure(let error):
            log.error(
                display(relative), .start, "cannot read folder: \(error.reason)", hint: "check the folder's permissions"
            )
            return
        }
        for (name, kind) in entries {
            let path = url.path + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            // Checked before stat: a broken link or a pipe in an ignored folder is no concern of the build.
            let included = filter.isIncluded(childRelative)
            let content =
                included
                || !onlyIncluded
                    && Self.isContent(
                        name: name, relative: childRelative, ignore: filter.ignore, languages: languages,
                        staticFolder: staticFolder)
            let onTheWay = !content && filter.leadsToIncluded(childRelative)
            if !content && !onTheWay { continue }
            // A link is followed (stat), as a reader of the folder would; the folder's listing
            // says what the other entries are. Foundation's attributesOfItem would also look up
            // the owner's name, for every file.
            var info = stat()
            switch kind {
            case .folder: info.st_mode = S_IFDIR
            case .file: info.st_mode = S_IFREG
            case .other: info.st_mode = 0
            case .unknown:
                guard stat(path, &info) == 0 else {
                    log.error(
                        display(childRelative), .start, "broken symbolic link", hint: "remove it or fix its target")
                    continue
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(
                    URL(fileURLWithPath: path), relative: childRelative, filter: filter, onlyIncluded: onTheWay,
                    visited: &visited, found)
            case S_IFREG:
                found(childRelative, path)
            default:
                // Reading a pipe or device would block or never end: only regular files are content.
                log.error(
                    display(childRelative), .start, "not a regular file", hint: "remove it from the content folder")
            }
        }
    }
}
