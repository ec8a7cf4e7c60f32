import Markdown

/// A book's table of contents (`SUMMARY.md`, mdBook's and GitBook's) as site.yaml's `nav:` and
/// `ignore:`: its chapters in order (a chapter with sub-chapters a group, its own page first),
/// the Markdown files it leaves out ignored (neither generator makes pages of them), and each
/// line it cannot read or file it names that does not exist a warning at its line.
struct SummaryNav {
    /// The `ignore:` block: the summary itself, then the files it leaves out.
    private(set) var ignore = ""
    /// The `nav:` block.
    private(set) var nav = ""
    /// How many of its chapters have files.
    private(set) var chapterCount = 0
    /// The files that are pages: those the summary lists that exist.
    private(set) var pages = Set<String>()

    /// `generator` names the book's generator in messages (`mdBook`); `summaryFile` is the summary
    /// as shown in them; `files` are the Markdown files below the book's folder.
    init(_ summary: MdBookSummary, summaryFile: String, files: [String], generator: String, log: DiagnosticLog) {
        for (line, text) in summary.unread {
            log.warning(
                summaryFile, SourcePosition(line: line, column: 1),
                "'\(text)' is not a chapter, a part title or a separator; it is left out, as \(generator) leaves it",
                hint: "write a chapter as '- [Title](file.md)' or '[Title](file.md)'")
        }
        let existing = Set(files)
        var missing = Set<String>()
        func check(_ chapters: [MdBookSummary.Chapter]) {
            for chapter in chapters {
                if let path = chapter.path, !Self.isAddress(path), !existing.contains(ImportedPath.relative(path)) {
                    missing.insert(path)
                    log.warning(
                        summaryFile, SourcePosition(line: chapter.line, column: 1),
                        "chapter '\(chapter.title)' names '\(path)', which does not exist; it is left out of the nav",
                        hint: generator == "mdBook"
                            ? "create the file (mdBook's create-missing does), or correct the path"
                            : "create the file, or correct the path")
                }
                check(chapter.children)
            }
        }
        for item in summary.items {
            switch item {
            case .chapter(let chapter): check([chapter])
            case .part(_, _, let chapters): check(chapters)
            }
        }
        let inBook = Set(summary.paths.map(ImportedPath.relative))
        pages = inBook.intersection(existing)
        chapterCount = pages.count
        let summaryName = String(summaryFile.split(separator: "/").last ?? "SUMMARY.md")
        let outside = files.filter { !inBook.contains($0) && $0 != summaryName }.sorted()
        ignore = "ignore:\n  - \(ImportedPath.glob(summaryName))  # the book's table of contents: the nav below\n"
        for path in outside {
            ignore +=
                "  - \(YAMLScalar.written(ImportedPath.glob(path)))  # not in \(summaryName): no page in \(generator)\n"
        }
        nav = "nav:  # \(summaryName)\n" + summary.items.map { Self.nav($0, depth: 0, missing: missing) }.joined()
    }

    /// Whether a chapter's destination is an address elsewhere (GitBook's summary may link out).
    static func isAddress(_ path: String) -> Bool {
        path.hasPrefix("https://") || path.hasPrefix("http://")
    }

    /// The nav lines of one summary item.
    private static func nav(_ item: MdBookSummary.Item, depth: Int, missing: Set<String>) -> String {
        let indent = String(repeating: "    ", count: depth)
        switch item {
        case .part(let title, _, let chapters):
            guard !chapters.isEmpty else { return "\(indent)# part \(title): no chapters\n" }
            return "\(indent)- \(YAMLScalar.written(title)):  # part\n"
                + chapters.map { nav(.chapter($0), depth: depth + 1, missing: missing) }.joined()
        case .chapter(let chapter):
            let title = YAMLScalar.written(chapter.title)
            let page = chapter.path.flatMap { missing.contains($0) ? nil : $0 }
            let target = page.map { isAddress($0) ? $0 : ImportedPath.relative($0) }
            guard !chapter.children.isEmpty else {
                guard let target else {
                    return "\(indent)# \(chapter.title): "
                        + (chapter.path == nil ? "a draft chapter, no file yet\n" : "no file \(chapter.path!)\n")
                }
                return "\(indent)- \(title): \(YAMLScalar.written(target))\n"
            }
            // Drafts all the way down are comments: a group of nothing would be a warning.
            guard Self.hasPage(chapter, missing: missing) else {
                return "\(indent)# \(chapter.title): a draft chapter, no file yet\n"
                    + chapter.children.map { nav(.chapter($0), depth: depth + 1, missing: missing) }.joined()
            }
            // A chapter with sub-chapters is a group: the chapter's page, then theirs.
            var lines = "\(indent)- \(title):\n"
            if let target { lines += "\(indent)    - \(title): \(YAMLScalar.written(target))\n" }
            return lines + chapter.children.map { nav(.chapter($0), depth: depth + 1, missing: missing) }.joined()
        }
    }

    /// Whether a chapter or one below it has a file.
    private static func hasPage(_ chapter: MdBookSummary.Chapter, missing: Set<String>) -> Bool {
        if let path = chapter.path, !missing.contains(path) { return true }
        return chapter.children.contains { hasPage($0, missing: missing) }
    }
}
