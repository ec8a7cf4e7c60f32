import Foundation
import Markdown

/// Decides, for one page, where its links go and what its directive blocks render; notes what
/// the page links to and defines, for the checks that need the whole site.
struct PageHooks: MarkdownHooks {
    let site: Site
    let page: Page
    let url: SiteURL
    let log: DiagnosticLog
    /// Pages shown in the same HTML document as this one (the report): site path -> the anchor of
    /// the page there and the prefix of its heading ids. Links to them stay in the document.
    var sameDocument: [String: (anchor: String, idPrefix: String)] = [:]
    /// Prefix of ids this page's HTML defines (headings, charts).
    var idPrefix = ""
    let record = PageRecord()
    /// Whether to note what the body reads of the site (`record.reads`): only the preview keeps
    /// bodies from build to build and needs it.
    var recordsReads = false

    static let directives = ["tabell", "diagram", "ordlista"]

    func resolve(_ link: MarkdownLink) -> String? {
        let destination = link.destination
        if destination.hasPrefix("#") {
            record.localFragments.append((String(destination.dropFirst()), link.position))
            return nil
        }
        if destination.isEmpty || destination.hasPrefix("//") { return nil }
        if Self.hasScheme(destination) {
            if destination.hasPrefix("http:") || destination.hasPrefix("https:") {
                record.externalLinks.append((destination, link.position))
            }
            if link.isImage && (destination.hasPrefix("http:") || destination.hasPrefix("https:")) {
                log.warning(
                    page.source.displayPath, link.position, "image '\(destination)' is loaded from another site",
                    hint: "copy it into static/ so the site also works offline")
            }
            return nil
        }
        if destination.hasPrefix("/") {
            if site.config.links.htmlToMarkdown, !link.isImage, let (index, fragment) = migratedPage(destination) {
                return pageLink(index, fragment: fragment, position: link.position)
            }
            if site.config.links.htmlToMarkdown, !link.isImage, let original = migratedOriginal(destination) {
                return original
            }
            let end = destination.firstIndex { $0 == "#" || $0 == "?" } ?? destination.endIndex
            if let target = folderLink(String(destination[..<end]), link) {
                return url.to(target) + destination[end...]
            }
            return url.to(destination)
        }

        // `#` and `?` are ASCII, so the first such byte starts a character.
        let cut = ASCIIPath.pathEnd(destination).map {
            destination.utf8.index(destination.utf8.startIndex, offsetBy: $0)
        }
        let written = cut.map { String(destination[..<$0]) } ?? destination
        // GitBook writes `../` past the space's root at times, which a browser stops at the root.
        let path = SourceFile.pagePath(
            site.config.links.relativeToFile ? Self.stoppedAtRoot(written, from: page.source.relativePath) : written,
            mdx: site.config.mdx)
        let fragment = cut.map { String(destination[$0...]) } ?? ""
        // GitBook writes a link whose page it lost (deleted, or moved out of the space) so.
        if Self.isBrokenReference(path) {
            broken(
                link.position, "link 'broken-reference' is GitBook's mark for a link whose page was deleted or moved",
                hint: "link to the page's .md file, relative to this file, or make the text plain")
            return nil
        }
        // The file below the content folder that the path names; links to pages by their URL
        // (the most common kind) never need it.
        func resolvedFile() -> String? {
            let written = path.contains("%") ? path.removingPercentEncoding ?? path : path
            // Zola's internal links (`@/blog/post.md`) start at the content folder.
            if written.hasPrefix("@/") { return Self.join(folder: "", String(written.dropFirst(2))) }
            return Self.join(folder: page.source.relativePath, written)
        }
        // Whether the path as written goes above the content folder (`../../assets/x.png` from a
        // project's docs/), where nothing is published (GitBook's way of stopping at the root
        // still finds a file there).
        func leavesFolder() -> Bool { Self.join(folder: page.source.relativePath, written) == nil }
        // A wiki's link names a page, wherever its file is (`[[Getting Started]]`, `Getting-Started`).
        if site.config.links.wiki, !link.isImage, let name = WikiName.of(link: path) {
            if let index = wikiPage(name) { return pageLink(index, fragment: fragment, position: link.position) }
            if !path.contains(".") {
                broken(
                    link.position, "link '\(path)' names no page of the wiki",
                    hint: "a wiki's link names a page by its file's name: [[Getting Started]] or "
                        + "[text](Getting-Started) for Getting-Started.md")
                return nil
            }
        }
        if path.hasSuffix(".md") {
            guard let index = resolvedFile().flatMap(pageIndex) ?? docFromRoot(path) else {
                // A translation's link to a page not translated into its language goes to the original.
                if let resolved = resolvedFile(), let original = untranslated(resolved) {
                    return url.to(original) + fragment
                }
                if leavesFolder() {
                    outside(link, written)
                    return nil
                }
                // The page is there, with an error of its own that the build reported.
                if let resolved = resolvedFile(), site.unreadablePages.contains(resolved) { return nil }
                broken(
                    link.position, "link to '\(path)' points to no page",
                    hint: "links to pages are paths to their .md files relative to this file")
                return nil
            }
            return pageLink(index, fragment: fragment, position: link.position)
        }
        // A doc's URL as Docusaurus sites write them (`../reducing-boilerplate`).
        if !link.isImage, let target = docURL(path), isKnown(target) {
            record.linkedPages.append((target, link.position))
            return url.to(target) + fragment
        }
        // A relative URL as a browser reads it from this page (`../annan-sida/`): a page of the site
        // (unless the site's links are written from their files, as GitBook writes them). Without
        // its last `/` (`../advanced/transports`, as MkDocs' docs write them) it is that page too:
        // a server sends the browser there; the link says it, so that it also works from file://.
        let relativeURL = link.isImage || site.config.links.relativeToFile ? nil : Self.join(url: page.path, path)
        // Most links of a site are a page's URL: its index says it is known too (every page's path
        // is), one lookup instead of two. The preview notes the known-path answer, so asks for it.
        if !recordsReads, let target = relativeURL, let index = site.pageByPath[target] {
            return pageLink(index, fragment: fragment, position: link.position)
        }
        if let target = relativeURL,
            let known = isKnown(target) ? target : Self.folderURL(target).flatMap({ isKnown($0) ? $0 : nil })
        {
            // A Markdown page's anchors are checked as a link to its file is; a listing has none to check.
            if let index = site.pageByPath[known] {
                return pageLink(index, fragment: fragment, position: link.position)
            }
            record.linkedPages.append((known, link.position))
            return url.to(known) + fragment
        }
        // `x.html` or `x/` as Jekyll wrote them, for the page made from `x.md`.
        if !link.isImage, let (index, _) = migratedPage(path) {
            if site.config.links.htmlToMarkdown { return pageLink(index, fragment: fragment, position: link.position) }
            broken(
                link.position, "link '\(path)' points to no page or file",
                hint:
                    "'\(site.pages[index].source.writtenPath)' is a page: link to its .md file, or set 'links: "
                    + "{htmlToMarkdown: true}' in site.yaml for links written for Jekyll or VitePress"
            )
            return nil
        }
        if !link.isImage, site.config.links.htmlToMarkdown, let original = migratedOriginal(path + fragment) {
            return original
        }
        // A folder with no page of its own (`./keybindings`, no README.md in it): its listing, as
        // GitHub shows a folder's files.
        if let target = folderLink(path, link) { return url.to(target) + fragment }
        // Other relative paths point at files copied as they are: from static/ or beside the pages,
        // a translation's in its language folder first (`no/docs/a.png`), else its original's.
        let inFolder = resolvedFile().map { page.source.languageFolder + $0 }
        let own = inFolder.flatMap { page.source.languageFolder.isEmpty || !isCopied($0) ? nil : $0 }
        guard let resolved = own ?? resolvedFile(), isCopied(resolved) else {
            if leavesFolder() {
                outside(link, written)
                return nil
            }
            broken(
                link.position,
                "\(link.isImage ? "image" : "link") '\(path)' points to no \(link.isImage ? "file" : "page or file")",
                hint: "link to pages through their .md files and to images and other files by their path, "
                    + "relative to this file")
            return nil
        }
        if link.isImage && !link.inHTML && link.text.trimmingCharacters(in: .whitespaces).isEmpty {
            log.error(
                page.source.displayPath, link.position, "image '\(path)' has no alt text",
                hint: "describe the image: ![what it shows](\(path))"
                    + (site.config.links.wiki ? ", or in a wiki's way [[\(path)|alt=what it shows]]" : ""))
        }
        return url.to(
            "/"
                + SourceFile.publishedPath(
                    of: resolved, names: site.config.links.names, staticFolder: site.config.staticFolder)) + fragment
    }

    /// A link or image whose path leads out of the content folder (`../pkg/README.md` from a
    /// project's docs/): only the folder's files are published, so it would lead nowhere.
    private func outside(_ link: MarkdownLink, _ path: String) {
        broken(
            link.position,
            "\(link.isImage ? "image" : "link") '\(path)' leads out of the content folder, and only its files are "
                + "published",
            hint: link.isImage
                ? "copy the image into the content folder (beside the page, or into static/) and link to it there"
                : "link to it where it is published (its address on GitHub, say), or move it into the content folder")
    }

    /// The URL of a link to page `index` (with `#fragment` or not), noting the fragment for the
    /// anchor check.
    private func pageLink(_ index: Int, fragment: String, position: SourcePosition) -> String {
        if fragment.hasPrefix("#") { record.pageLinks.append((index, String(fragment.dropFirst()), position)) }
        record.linkedPages.append((site.pages[index].path, position))
        let target = site.pages[index].path
        if let local = sameDocument[target] {
            return fragment.hasPrefix("#") ? "#" + local.idPrefix + fragment.dropFirst() : "#" + local.anchor
        }
        return url.to(target) + fragment
    }

    /// With `links: {docIDs: true}`, a link to a page's file that is not beside this page's
    /// (`api/Store.md` from `usage/`) is read from the content folder, as Docusaurus reads it.
    private func docFromRoot(_ path: String) -> Int? {
        guard site.config.links.docIDs, !path.hasPrefix("./"), !path.hasPrefix("../"), !path.hasPrefix("/"),
            let file = Self.join(folder: "", path)
        else { return nil }
        return pageIndex(file)
    }

    /// With `links: {docIDs: true}`, the site path a link written as a Docusaurus doc's URL
    /// goes to (`../reducing-boilerplate`, `./installation`, `/api/store`): read as a browser reads
    /// it from the doc's URL, which has no `/` at its end (a folder's page's has).
    private func docURL(_ path: String) -> String? {
        guard site.config.links.docIDs, !path.isEmpty, !path.hasSuffix(".md"), !path.hasSuffix(".html") else {
            return nil
        }
        let base: String
        if page.kind == .regular || page.kind == .standalone, let slash = page.path.dropLast().lastIndex(of: "/") {
            base = String(page.path[...slash])
        } else {
            base = page.path
        }
        guard let joined = Self.join(url: base, path) else { return nil }
        return joined.hasSuffix("/") ? joined : joined + "/"
    }

    /// Only a page without a summary of its own takes its first paragraph for one.
    var wantsOpeningText: Bool { page.summary.isEmpty }

    /// The title of the page a link goes to (`x.md`, or `x/` as GitBook writes a folder's page),
    /// for a link whose text is only the file's name.
    func title(of link: MarkdownLink) -> String? {
        guard !link.isImage, !Self.hasScheme(link.destination), !link.destination.hasPrefix("#") else { return nil }
        let written = String(link.destination.prefix { $0 != "#" && $0 != "?" })
        let path = SourceFile.pagePath(
            site.config.links.relativeToFile ? Self.stoppedAtRoot(written, from: page.source.relativePath) : written,
            mdx: site.config.mdx)
        let index: Int?
        if path.hasSuffix(".md") {
            let file =
                path.hasPrefix("@/")
                ? Self.join(folder: "", String(path.dropFirst(2))) : Self.join(folder: page.source.relativePath, path)
            index = file.flatMap { site.pageBySource[$0] }
        } else {
            index = migratedPage(path)?.0
        }
        guard let index else { return nil }
        let title = site.pages[index].title
        if recordsReads { record.reads.append(.pageTitle(source: site.pages[index].source.relativePath, title: title)) }
        return title
    }

    /// With `links: {htmlToMarkdown: true}`, the listing a link to a folder without a page of its
    /// own goes to, noted as a link to it; nil for any other link.
    private func folderLink(_ path: String, _ link: MarkdownLink) -> String? {
        guard !link.isImage, site.config.links.htmlToMarkdown, let target = folderListing(path), isKnown(target) else {
            return nil
        }
        record.linkedPages.append((target, link.position))
        return target
    }

    /// The listing's path of the folder `path` names (relative to this file, or from the content
    /// folder with `/`), in this page's language: `/keybindings/` for `./keybindings` or `keybindings/`.
    private func folderListing(_ path: String) -> String? {
        let name = path.split(separator: "/").last ?? ""
        guard path.hasSuffix("/") || (!name.isEmpty && name != "." && name != ".." && !name.contains(".")),
            var folder = path.hasPrefix("/")
                ? String(path.dropFirst()) : Self.join(folder: page.source.relativePath, path)
        else { return nil }
        while folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? nil : site.config.sitePath(ofFolder: folder)
    }

    /// The page that a link written for Jekyll means: `x.html` or `x/` for `x.md` (or the
    /// folder's `_index.md`, `index.md` or `README.md` for `index.html` and `x/`), relative to this file or,
    /// from `/`, to the content folder; with the link's `#fragment`. VitePress and Docusaurus
    /// write `x` for `x.md` (their clean URLs): a name without an extension is read as `x/`.
    func migratedPage(_ destination: String) -> (Int, String)? {
        guard let (candidates, fragment) = migratedFiles(destination),
            let index = candidates.lazy.compactMap({ self.pageIndex($0) }).first
        else { return nil }
        return (index, fragment)
    }

    /// A link written for Jekyll or VitePress from a translation to a page not translated into its
    /// language: the original's URL, with the link's `#fragment`.
    private func migratedOriginal(_ destination: String) -> String? {
        guard let (files, fragment) = migratedFiles(destination),
            let original = files.lazy.compactMap({ self.untranslated($0) }).first
        else { return nil }
        return url.to(original) + fragment
    }

    /// The files a link written for Jekyll or VitePress may mean, in the order tried, and its
    /// `#fragment`; nil for a link that is no such link.
    private func migratedFiles(_ destination: String) -> (files: [String], fragment: String)? {
        let cut = ASCIIPath.pathEnd(destination).map {
            destination.utf8.index(destination.utf8.startIndex, offsetBy: $0)
        }
        var path = cut.map { String(destination[..<$0]) } ?? destination
        let fragment = cut.map { String(destination[$0...]) } ?? ""
        if path.contains("%") { path = path.removingPercentEncoding ?? path }
        let name = path.split(separator: "/").last ?? ""
        let isFolder = path.hasSuffix("/") || (!name.isEmpty && name != "." && name != ".." && !name.contains("."))
        guard path.hasSuffix(".html") || isFolder else { return nil }
        guard
            var file = path.hasPrefix("/") || path.hasPrefix("@/")
                ? String(path.drop { $0 == "@" }.dropFirst()) : Self.join(folder: page.source.relativePath, path)
        else {
            return nil
        }
        while file.hasSuffix("/") { file.removeLast() }
        var candidates: [String] = []
        if isFolder {
            let folder = file.isEmpty ? "" : file + "/"
            if !file.isEmpty { candidates.append(file + ".md") }
            candidates += [folder + "_index.md", folder + "index.md", folder + "README.md"]
        } else {
            let base = String(file.dropLast(".html".count))
            candidates.append(base + ".md")
            // mdBook and GitBook make a folder's README.md its index.html.
            if base == "index" || base.hasSuffix("/index") {
                let folder = String(base.dropLast("index".count))
                candidates += [folder + "_index.md", folder + "README.md"]
            }
        }
        return (candidates, fragment)
    }

    /// A link or image that points to nothing: an error, or a warning when site.yaml says
    /// `links: {broken: warning}`.
    private func broken(_ position: SourcePosition, _ message: String, hint: String) {
        log.add(Diagnostic(site.config.links.broken, page.source.displayPath, position, message, hint: hint))
    }

    /// Reports what is wrong in the page's Markdown itself: ids set with `{#id}` that cannot be
    /// ids, and raw HTML that is dropped (once per page, at the first piece, with the count).
    func report(_ document: MarkdownDocument) {
        for problem in document.problems {
            if problem.isWarning {
                log.warning(page.source.displayPath, problem.position, problem.message, hint: problem.hint)
            } else {
                log.error(page.source.displayPath, problem.position, problem.message, hint: problem.hint)
            }
        }
        if let first = document.droppedHTML.first {
            let count = document.droppedHTML.count
            let what =
                count == 1
                ? "1 piece of raw HTML is dropped (here)" : "\(count) pieces of raw HTML are dropped (first here)"
            log.warning(
                page.source.displayPath, first, what,
                hint: "set markdown.unsafeHTML: true to keep them, or write Markdown instead")
        }
    }
}
