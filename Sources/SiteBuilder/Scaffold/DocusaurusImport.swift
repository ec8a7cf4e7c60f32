import Foundation

/// `kretslopp import`: a site.yaml for a Docusaurus site's docs, made from its
/// `docusaurus.config.js` (or `.ts`, `.mjs`), so its docs folder builds as it is: the site's
/// title, tagline, URL (with the docs' `routeBasePath`) and language, its sidebar as `nav:`, the
/// doc with `slug: /` as the front page, and the settings that make Kretslopp read the tree as
/// Docusaurus does: MDX (`.mdx` pages, imports, `<Tabs>`), docs' URLs from their ids and
/// slugs, number prefixes left out, links from the file and then from the docs folder.
///
/// The settings are JavaScript, which Kretslopp does not run: their literal values are read
/// (`JSLiteral`), and what is code (`require(…)`, a variable) is said, not followed.
public struct DocusaurusImport {
    /// The names Docusaurus reads its settings from.
    public static let settingsNames = [
        "docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.cjs",
        "docusaurus.config.mts",
    ]

    /// The settings file as shown in messages.
    public let file: String
    /// The docs folder, relative to the settings' folder (the docs plugin's `path`, `docs` by default).
    public private(set) var docsFolder = "docs"
    /// The sidebars file, relative to the settings' folder (`sidebarPath`), when there is one.
    public private(set) var sidebarsFile: String? = nil
    /// The site.yaml text, once `read` has looked at the pages.
    public private(set) var siteYAML = ""
    public private(set) var diagnostics: [Diagnostic] = []
    /// What the import could not carry over, for the person running it.
    public private(set) var notes: [String] = []
    /// How many top-level entries the nav has (0: `nav: auto`).
    public private(set) var navEntryCount = 0

    private var title = ""
    private var tagline: String?
    private var baseURL: String?
    /// `url:` without a `/` at its end, and `baseUrl:`'s path: the site's own address.
    private var siteURL: String?
    private var language = "en"

    public init(text: String, file: String) {
        self.file = file
        let log = DiagnosticLog()
        defer { diagnostics = log.all }
        guard let config = JSLiteral.exported(from: text, matching: { $0["title"] != nil }),
            let title = config["title"]?.string, !title.isEmpty
        else {
            log.error(
                file, .start, "no settings object with a title found in \(file)",
                hint: "Docusaurus needs one too: 'export default {title: \"My docs\", …}'")
            return
        }
        self.title = title
        tagline = config["tagline"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        if let locale = config["i18n"]?["defaultLocale"]?.string, LanguageKeys.isLanguageTag(locale) {
            language = locale
        }
        let docs = Self.docsOptions(config)
        if case .bool(false)? = docs {
            log.error(
                file, .start, "this Docusaurus site has no docs (docs: false): there is no folder of pages to import",
                hint: "import the folder of Markdown itself: kretslopp import <folder>")
            return
        }
        if let path = docs?["path"]?.string { docsFolder = ImportedPath.relative(path) }
        let route = docs?["routeBasePath"]?.string ?? "docs"
        switch docs?["sidebarPath"] {
        case .string(let path)?: sidebarsFile = ImportedPath.relative(path)
        case .code(let written)?: sidebarsFile = Self.quoted(in: written).map(ImportedPath.relative)
        case .bool(false)?, nil: sidebarsFile = nil
        default: sidebarsFile = nil
        }
        if let url = config["url"]?.string, url.hasPrefix("http") {
            var base = url
            while base.hasSuffix("/") { base.removeLast() }
            siteURL = base + (config["baseUrl"]?.string ?? "/").split(separator: "/").map { "/" + $0 }.joined()
            let path = (config["baseUrl"]?.string ?? "/") + route
            let parts = path.split(separator: "/").filter { !$0.isEmpty && $0 != "." }
            baseURL = base + "/" + parts.map { $0 + "/" }.joined()
        }
    }

    /// The docs plugin's options: the classic preset's `docs:`, or the docs plugin's own (the one
    /// without an `id`, or `id: 'default'`).
    static func docsOptions(_ config: JSLiteral) -> JSLiteral? {
        for preset in config["presets"]?.array ?? [] {
            guard let pair = preset.array, pair.count > 1, let options = pair[1]["docs"] else { continue }
            return options
        }
        for plugin in config["plugins"]?.array ?? [] {
            guard let pair = plugin.array, pair.count > 1, let name = pair[0].string,
                name.hasSuffix("plugin-content-docs"), (pair[1]["id"]?.string ?? "default") == "default"
            else { continue }
            return pair[1]
        }
        return nil
    }

    /// Each folder's `_category_.json`, `_category_.yml` or `_category_.yaml` below `folder`, by
    /// folder (relative to it), hidden folders skipped.
    public static func categories(in folder: URL) -> [String: String] {
        var found: [String: String] = [:]
        let names: Set<String> = ["_category_.json", "_category_.yml", "_category_.yaml"]
        let files = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles, .skipsPackageDescendants])
        let root = folder.standardized.path
        while let file = files?.nextObject() as? URL {
            guard names.contains(file.lastPathComponent), let data = FileManager.default.contents(atPath: file.path)
            else { continue }
            let inside = file.standardized.deletingLastPathComponent().path
            found[String(inside.dropFirst(root.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))] =
                String(decoding: data, as: UTF8.self)
        }
        return found
    }

    /// The first quoted string in code (`require.resolve('./sidebars.js')` -> `./sidebars.js`).
    static func quoted(in code: String) -> String? {
        guard let open = code.firstIndex(where: { $0 == "'" || $0 == "\"" }) else { return nil }
        let rest = code[code.index(after: open)...]
        guard let close = rest.firstIndex(of: code[open]) else { return nil }
        return String(rest[..<close])
    }

    /// Makes the site.yaml from the settings and the docs: `pages` are the docs folder's
    /// Markdown files (relative paths and texts), `categories` its folders' `_category_.json`
    /// (or `.yml`) texts by folder, `sidebars` the sidebars file's text.
    public mutating func read(
        pages: [(path: String, text: String)], categories: [String: String] = [:], sidebars: String?
    ) {
        guard !title.isEmpty else { return }
        let docs = DocusaurusDocs(pages: pages, categories: categories)
        var yaml = "# Made by `kretslopp import` from \(file): the site's settings for Kretslopp.\n"
        yaml += "title: \(YAMLScalar.written(title))\n"
        if let tagline { yaml += "description: \(YAMLScalar.written(tagline))\n" }
        yaml += "language: \(language)\n"
        if let baseURL { yaml += "baseURL: \(YAMLScalar.written(baseURL))\n" }
        if let home = docs.home { yaml += "home: \(YAMLScalar.written(home))  # its slug: / makes it the front page\n" }
        yaml += """
            markdown:
              unsafeHTML: true      # raw HTML is kept, as MDX keeps it
              mdx: true             # .mdx files are pages; imports, {/* comments */}, <Tabs> and <Admonition> are read
              includes: .           # partials (import Note from './_note.md', then <Note />) are put in
            links:
              broken: warning       # a broken link is a warning (error: the build fails)
              docIDs: true          # URLs from docs' ids and slugs, number prefixes left out, as Docusaurus makes them
              relativeTo: file      # links are read from the page's file (then from the docs folder)

            """
        var nav = "nav: auto  # every section and page, ordered by sidebar_position and number prefixes\n"
        if let sidebars, let file = sidebarsFile {
            var sidebar = DocusaurusSidebar(docs: docs)
            sidebar.siteURL = siteURL
            if let written = sidebar.nav(from: sidebars) {
                nav = "nav:  # from \(file)\n" + written
                navEntryCount = sidebar.topCount
            }
            notes += sidebar.notes.map { "\(file): \($0)" }
        } else if let items = docs.generatedTopLevel() {
            nav =
                "nav:  # the sidebar Docusaurus generates: _category_ labels and positions, sidebar_position\n"
                + items.map {
                    "  - " + ($0.label.map { YAMLScalar.written($0) + ": " } ?? "") + YAMLScalar.written($0.target)
                }
                .joined(separator: "\n") + "\n"
            navEntryCount = items.count
        }
        yaml += nav
        yaml += PageWords.yaml(languages: [language])
        siteYAML = yaml
    }
}
