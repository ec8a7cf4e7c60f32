import Foundation
import Markdown

/// `kretslopp import .gitbook.yaml`: a site.yaml for a GitBook space synced to Git, in its root
/// folder (`root:`, else the folder of `.gitbook.yaml`), so the space builds as it is: its
/// summary (`structure.summary`, `SUMMARY.md` by default) as `nav:` (`## Group` headings as
/// groups, a page's nested pages below it), the Markdown files the summary leaves out as
/// `ignore:` (GitBook makes no pages of them), `.gitbook/assets/` (the space's images and files)
/// as content, `redirects:` as site.yaml's, GitBook's blocks read (`markdown: {gitbook: true}`),
/// reusable content put in (`{% include %}`), raw HTML kept, heading ids made as GitBook makes
/// them (its links name them), and links to a
/// folder (`installation/`, GitBook's URL of its README.md) read as links to its page.
/// The space's first page (`structure.readme`) is the front page (`home:`). Without
/// `.gitbook.yaml` (`kretslopp import SUMMARY.md`) GitBook's defaults hold.
public struct GitBookImport {
    /// `.gitbook.yaml` (or the summary) as shown in messages.
    public let file: String
    /// The space's root folder, relative to the folder of `file`.
    public private(set) var rootFolder = "."
    /// The summary and the first page, relative to the root folder.
    public private(set) var summaryPath = "SUMMARY.md"
    public private(set) var readmePath = "README.md"
    /// The site.yaml text (empty until `read(summary:…)` and after an error).
    public private(set) var siteYAML = ""
    /// How many pages the summary lists.
    public private(set) var chapterCount = 0
    /// The language written: the pages', guessed from their words (GitBook keeps it outside Git).
    public private(set) var language = "en"
    /// How many redirects name no page of the space (a file the summary does not list is none),
    /// or are from a URL a page or folder of the space has: left out.
    public private(set) var redirectsLeftOut = 0
    public private(set) var diagnostics: [Diagnostic] = []
    /// `.gitbook.yaml`'s redirects as written: old path, file.
    private var redirectsWritten: [(from: String, to: String)] = []
    private var title = ""

    /// Reads `.gitbook.yaml`'s text (nil: there is none, and `file` is the summary).
    public init(text: String?, file: String) {
        self.file = file
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().standardized
        let log = DiagnosticLog()
        defer { diagnostics = log.all }
        var root: DataValue? = nil
        if let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            root = YAMLReader.parse(text, file: file, log: log)
            guard root != nil else { return }
        }
        func setting(_ value: DataValue?) -> String? {
            value?.text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        if let written = setting(root?["root"]) {
            let relative = ImportedPath.relative(written)
            rootFolder = relative.isEmpty ? "." : (relative.hasSuffix("/") ? String(relative.dropLast()) : relative)
        }
        if text == nil {
            summaryPath = URL(fileURLWithPath: file).lastPathComponent
        } else if let written = setting(root?["structure"]?["summary"]) {
            summaryPath = ImportedPath.relative(written)
        }
        if let written = setting(root?["structure"]?["readme"]) { readmePath = ImportedPath.relative(written) }
        redirectsWritten = (root?["redirects"]?.pairs ?? []).compactMap { key, value in value.text.map { (key, $0) } }
        let rootURL = rootFolder == "." ? folder : folder.appendingPathComponent(rootFolder).standardized
        title = rootURL.lastPathComponent
    }

    /// Reads the summary (nil when there is none), the Markdown files below the root folder
    /// (`files`, relative to it; `texts`, theirs, for the language), whether `.gitbook/assets` is
    /// there, and writes the site.yaml.
    public mutating func read(summary: String?, files: [String], texts: [String] = [], hasAssets: Bool) {
        let log = DiagnosticLog()
        defer { diagnostics += log.all }
        guard !title.isEmpty else { return }
        let shownRoot = rootFolder == "." ? "" : rootFolder + "/"
        let folderOfFile = file.contains("/") ? String(file[...file.lastIndex(of: "/")!]) : ""
        let summaryFile = folderOfFile + shownRoot + summaryPath
        guard let summary else {
            log.error(
                summaryFile, .start, "the space has no \(summaryPath)",
                hint: "GitBook writes one when it syncs a space; list the pages in it as '* [Title](page.md)'")
            return
        }
        let summaryNav = SummaryNav(
            MdBookSummary(text: summary, levelTwoParts: true), summaryFile: summaryFile, files: files,
            generator: "GitBook", log: log)
        chapterCount = summaryNav.chapterCount
        var yaml = "# Made by `kretslopp import` from \(file): the site's settings for Kretslopp.\n"
        yaml += "title: \(YAMLScalar.written(title))  # GitBook keeps a space's title outside Git: write its own\n"
        // GitBook keeps the language outside Git too: the pages' words say it.
        language = LanguageGuess.language(of: texts).tag
        yaml += "language: \(language)  # and check its language, guessed from the pages' words (sv, de, pt-BR …)\n"
        if readmePath != "README.md" {
            yaml += "home: \(YAMLScalar.written(readmePath))  # the space's first page (structure.readme)\n"
        }
        yaml += """
            markdown:
              unsafeHTML: true      # raw HTML is kept (<figure>, <details>, <mark>), as GitBook keeps it
              gitbook: true         # {% hint %}, {% tabs %}, {% code %}, {% embed %} … read as GitBook draws them
              headingIDs: gitbook   # heading ids as GitBook makes them, which its links name
              includes: .           # {% include "../.gitbook/includes/x.md" %}: reusable content put in
            links:
              broken: warning       # a broken link is a warning (error: the build fails)
              htmlToMarkdown: true  # a link to a folder (x/, GitBook's URL of x/README.md) or to x goes to its page
              relativeTo: file      # such links are read from the page's file, as GitBook writes them

            """
        if hasAssets { yaml += "include:\n  - .gitbook/assets  # the space's images and files (a hidden folder)\n" }
        yaml += summaryNav.ignore
        var redirects: [(String, String)] = []
        // The URLs the space's pages and folders have (`guide/install`), which no redirect may take.
        var taken = Set<String>()
        for file in files {
            var parts = file.split(separator: "/").map(String.init)
            if let name = parts.popLast(), name != "README.md" {
                taken.insert((parts + [String(name.dropLast(3))]).joined(separator: "/"))
            }
            while !parts.isEmpty {
                taken.insert(parts.joined(separator: "/"))
                parts.removeLast()
            }
        }
        for (from, to) in redirectsWritten {
            let target = ImportedPath.relative(String(to.prefix { $0 != "#" }))
            var old = ImportedPath.relative(from)
            while old.hasSuffix("/") { old.removeLast() }
            guard !old.isEmpty, summaryNav.pages.contains(target), !taken.contains(old) else {
                redirectsLeftOut += 1
                continue
            }
            redirects.append(("/" + old + "/", target))
        }
        yaml += YAMLScalar.redirects(redirects, from: ".gitbook.yaml's redirects")
        yaml += "menu: []  # no menu bar, as a GitBook space has none: the nav beside the page leads on\n"
        yaml += summaryNav.nav
        yaml += PageWords.yaml(languages: [language])
        siteYAML = yaml
    }
}
