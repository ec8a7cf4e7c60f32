import Foundation
import Markdown

/// `kretslopp import book.toml`: a site.yaml for an mdBook project, in its source folder (`src`
/// unless `[book] src` says otherwise), so the book builds as it is: the book's title,
/// description, authors and language, `SUMMARY.md` as `nav:` (parts and chapters with sub-chapters
/// as groups, in the book's order), the Markdown files the summary leaves out as `ignore:` (mdBook
/// makes no pages of them), raw HTML kept, broken links as warnings, and mdBook's URLs kept
/// (`x.html` links read as the page of `x.md`, each page answering at its `x.html` too).
public struct MdBookImport {
    /// book.toml as shown in messages.
    public let file: String
    /// The source folder, relative to book.toml's folder.
    public private(set) var sourceFolder = "src"
    /// The site.yaml text (empty until `read(summary:…)` and after an error).
    public private(set) var siteYAML = ""
    /// How many chapters with files the summary has.
    public private(set) var chapterCount = 0
    /// How many of book.toml's redirects (`[output.html.redirect]`) name no chapter: left out.
    public private(set) var redirectsLeftOut = 0
    public private(set) var diagnostics: [Diagnostic] = []
    /// The settings before the nav.
    private var settings = ""
    /// book.toml's redirects as written: old URL, new URL.
    private var redirectsWritten: [(from: String, to: String)] = []
    private var language = "en"

    public init(text: String, file: String) {
        self.file = file
        let log = DiagnosticLog()
        defer { diagnostics = log.all }
        guard let root = TOMLReader.parse(text, file: file, log: log) else { return }
        let book = root["book"]
        func setting(_ value: DataValue?) -> String? {
            value?.text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        if let folder = setting(book?["src"]) { sourceFolder = folder }
        let title =
            setting(book?["title"])
            ?? URL(fileURLWithPath: file).deletingLastPathComponent().standardized
            .lastPathComponent
        if let written = setting(book?["language"]) {
            if LanguageKeys.isLanguageTag(written) {
                language = written
            } else {
                log.warning(
                    file, book?["language"]?.position ?? .start,
                    "language '\(written)' is not a language tag; the site is in English (en)",
                    hint: "write a language tag such as 'en', 'sv' or 'pt-BR' in site.yaml's language:")
            }
        }
        var yaml = "# Made by `kretslopp import` from \(file): the site's settings for Kretslopp.\n"
        yaml += "title: \(YAMLScalar.written(title))\n"
        if let description = setting(book?["description"]) {
            yaml += "description: \(YAMLScalar.written(description))\n"
        }
        let authors = (book?["authors"]?.list ?? []).compactMap(setting)
        if !authors.isEmpty { yaml += "author: \(YAMLScalar.written(authors.joined(separator: ", ")))\n" }
        yaml += "language: \(language)\n"
        // mdBook's site-url is most often a path (`/mdBook/`); only a whole URL is a baseURL.
        if let url = setting(root["output"]?["html"]?["site-url"]),
            url.hasPrefix("https://") || url.hasPrefix("http://")
        {
            yaml += "baseURL: \(YAMLScalar.written(url))\n"
        }
        // The book's folder, from the source folder: includes may read its files (`../listings/`).
        let depth = sourceFolder.split(separator: "/").filter { $0 != "." }.count
        let bookFolder = depth == 0 ? "." : Array(repeating: "..", count: depth).joined(separator: "/")
        yaml += """
            markdown:
              unsafeHTML: true      # raw HTML is kept, as mdBook keeps it
              includes: \(bookFolder)           # {{#include file}} puts in files of the book's folder
              rustHiddenLines: true # the '# ' lines of Rust code are hidden, as mdBook hides them
            links:
              broken: warning       # a broken link is a warning (error: the build fails)
              htmlToMarkdown: true  # a link to x.html, mdBook's URL of x.md, goes to its page
              keepHTML: true        # each page also answers at its mdBook URL, x.html

            """
        settings = yaml
        redirectsWritten = (root["output"]?["html"]?["redirect"]?.pairs ?? []).compactMap { key, value in
            value.text.map { (key, $0) }
        }
    }

    /// Reads `SUMMARY.md` (nil when the source folder has none; `summaryFile` as shown in
    /// messages) and the Markdown files below the source folder (`files`, relative to it), and
    /// writes the site.yaml.
    public mutating func read(summary: String?, summaryFile: String, files: [String]) {
        let log = DiagnosticLog()
        defer { diagnostics += log.all }
        guard !settings.isEmpty else { return }
        guard let summary else {
            log.error(
                summaryFile, .start, "the book has no SUMMARY.md",
                hint: "mdBook needs it too: list the chapters in \(summaryFile) as '- [Title](file.md)'")
            return
        }
        let summaryNav = SummaryNav(
            MdBookSummary(text: summary), summaryFile: summaryFile, files: files, generator: "mdBook", log: log)
        chapterCount = summaryNav.chapterCount
        let existing = Set(files)
        var yaml = settings + summaryNav.ignore
        var redirects: [(String, String)] = []
        for (from, to) in redirectsWritten {
            guard let redirect = Self.redirect(from: from, to: to, files: existing) else {
                redirectsLeftOut += 1
                continue
            }
            redirects.append(redirect)
        }
        yaml += YAMLScalar.redirects(redirects, from: "book.toml's [output.html.redirect]")
        yaml += "menu: []  # no menu bar, as mdBook has none: the chapters beside the page lead on (or list links)\n"
        yaml += summaryNav.nav
        yaml += PageWords.yaml(languages: [language])
        siteYAML = yaml
    }

    /// One of book.toml's redirects as site.yaml's: the old URL from the site's root, and the
    /// chapter's file the new URL is made from (`x.html` from `x.md`, a folder's `index.html` from
    /// its README.md or index.md; relative to the old URL's folder unless it starts with `/`) or an
    /// address elsewhere; nil when it names no file of the book.
    static func redirect(from old: String, to new: String, files: Set<String>) -> (String, String)? {
        let from = "/" + ImportedPath.relative(old)
        if new.hasPrefix("https://") || new.hasPrefix("http://") { return (from, new) }
        let target = String(new.prefix { $0 != "#" })
        let folder = String(from[...from.lastIndex(of: "/")!])
        var parts: [Substring] = []
        for part in (target.hasPrefix("/") ? target : folder + target).split(separator: "/") {
            if part == ".." {
                _ = parts.popLast()
            } else if part != "." {
                parts.append(part)
            }
        }
        let path = parts.joined(separator: "/")
        guard path.hasSuffix(".html") else { return nil }
        let base = String(path.dropLast(".html".count))
        var candidates = [base + ".md"]
        if base == "index" || base.hasSuffix("/index") {
            let folder = String(base.dropLast("index".count))
            candidates = [folder + "README.md", folder + "index.md"]
        }
        return candidates.first(where: files.contains).map { (from, $0) }
    }
}
