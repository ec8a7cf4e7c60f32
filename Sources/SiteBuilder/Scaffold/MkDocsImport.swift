import Foundation
import Markdown

/// `kretslopp import`: a site.yaml for an MkDocs project, made from its `mkdocs.yml`, so its docs
/// folder builds as it is: the site's name, description, author, URL and language, its `nav:`
/// as written, its `exclude_docs:` as `ignore:` globs, and the settings that make Kretslopp read
/// the tree as MkDocs does (raw HTML kept, broken links warned about).
///
/// mkdocs.yml is read key by key at the top level: its other keys (`markdown_extensions:`,
/// `plugins:`) may hold Python tags (`!!python/name:`) that no YAML reader outside MkDocs reads,
/// and nothing here needs them.
public struct MkDocsImport {
    /// mkdocs.yml as shown in messages.
    public let file: String
    /// The docs folder, relative to mkdocs.yml's folder (`docs_dir:`, `docs` by default).
    public private(set) var docsFolder = "docs"
    /// The site.yaml text.
    public private(set) var siteYAML = ""
    /// How many entries the nav has, and whether there is one.
    public private(set) var navEntryCount = 0
    public private(set) var diagnostics: [Diagnostic] = []

    public init(text: String, file: String) {
        self.file = file
        let log = DiagnosticLog()
        let blocks = Self.topLevelBlocks(text)
        func scalar(_ key: String) -> String? {
            guard let block = blocks[key],
                let value = YAMLReader.parse(block.text, file: file, lineOffset: block.line - 1, log: log)?[key],
                let text = value.text, !text.trimmingCharacters(in: .whitespaces).isEmpty
            else { return nil }
            return text
        }
        guard let name = scalar("site_name") else {
            log.error(
                file, blocks["site_name"].map { SourcePosition(line: $0.line, column: 1) } ?? .start,
                "mkdocs.yml has no site_name", hint: "MkDocs needs it too: add 'site_name: My docs'")
            diagnostics = log.all
            return
        }
        if let folder = scalar("docs_dir") { docsFolder = folder }
        var language = "en"
        let theme = blocks["theme"].flatMap {
            YAMLReader.parse($0.text, file: file, lineOffset: $0.line - 1, log: DiagnosticLog())?["theme"]
        }
        if let written = theme?["language"]?.text, LanguageKeys.isLanguageTag(written) { language = written }
        var yaml = "# Made by `kretslopp import` from \(file): the site's settings for Kretslopp.\n"
        yaml += "title: \(YAMLScalar.written(name))\n"
        if let description = scalar("site_description") { yaml += "description: \(YAMLScalar.written(description))\n" }
        if let author = scalar("site_author") { yaml += "author: \(YAMLScalar.written(author))\n" }
        yaml += "language: \(language)\n"
        if let url = scalar("site_url") { yaml += "baseURL: \(YAMLScalar.written(url))\n" }
        yaml += """
            markdown:
              unsafeHTML: true  # raw HTML is kept, as Python-Markdown keeps it

            """
        if !Self.slugifiesHeadingsItsOwnWay(blocks["markdown_extensions"]?.text ?? "") {
            yaml += "  headingIDs: mkdocs  # heading ids as Python-Markdown's toc makes them, which links name\n"
        }
        yaml += """
            links:
              broken: warning   # a broken link is a warning, as in MkDocs (error: the build fails)

            """
        if scalar("use_directory_urls") == "false" {
            yaml += "  keepHTML: true    # use_directory_urls: false: each page also answers at its x.html URL\n"
        }
        let ignored = Self.ignorePatterns(scalar("exclude_docs") ?? "")
        if !ignored.isEmpty {
            yaml += "ignore:  # exclude_docs:\n" + ignored.map { "  - \(YAMLScalar.written($0))\n" }.joined()
        }
        let plugins =
            blocks["plugins"].flatMap {
                YAMLReader.parse($0.text, file: file, lineOffset: $0.line - 1, log: DiagnosticLog())?["plugins"]?.list
            } ?? []
        let redirects = Self.redirects(plugins, directoryURLs: scalar("use_directory_urls") != "false")
        yaml += YAMLScalar.redirects(redirects, from: "the redirects plugin's redirect_maps")
        if let nav = blocks["nav"] {
            if Self.groupsHaveIndexPages(theme: theme, plugins: plugins) {
                yaml += "navIndexes: true  # a group's index.md is its link, as navigation.indexes shows it\n"
            }
            // As written, comments and all: the nav is the part of mkdocs.yml people edit.
            yaml += nav.text.hasSuffix("\n") ? nav.text : nav.text + "\n"
            let parsed = YAMLReader.parse(nav.text, file: file, lineOffset: nav.line - 1, log: log)
            navEntryCount = parsed?["nav"]?.list?.count ?? 0
        } else {
            yaml += "nav: auto  # every section and page, as MkDocs makes a nav for a mkdocs.yml without one\n"
        }
        yaml += PageWords.yaml(languages: [language])
        siteYAML = yaml
        diagnostics = log.all
    }

    /// Each top-level key's lines (the key's line, and the indented, blank and comment lines
    /// after it), with the line it starts on.
    static func topLevelBlocks(_ text: String) -> [String: (text: String, line: Int)] {
        var blocks: [String: (text: String, line: Int)] = [:]
        var current: String? = nil
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // A list may start at the margin under its key (`nav:` then `- index.md`).
            if let first = line.first, !" \t#-".contains(first), let colon = line.firstIndex(of: ":") {
                let key = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
                current = key
                if blocks[key] == nil { blocks[key] = ("", offset + 1) }
            }
            guard let key = current else { continue }
            blocks[key]!.text += line + "\n"
        }
        // Blank and comment lines at a block's end belong to no key.
        for (key, block) in blocks {
            var lines = block.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty || last.hasPrefix("#") {
                lines.removeLast()
            }
            blocks[key]!.text = lines.joined(separator: "\n") + "\n"
        }
        return blocks
    }

    /// The redirects plugin's `redirect_maps` (`old.md: new.md`) as site.yaml's `redirects:`: the
    /// URL MkDocs gave the old page (`/old/`, or `/old.html` without directory URLs), and the new
    /// page's file (its `#fragment` left off) or an address elsewhere.
    static func redirects(_ plugins: [DataValue], directoryURLs: Bool) -> [(String, String)] {
        let maps = plugins.lazy.compactMap { $0["redirects"]?["redirect_maps"]?.pairs }.first ?? []
        return maps.compactMap { old, new in
            guard let to = new.text, old.hasSuffix(".md") else { return nil }
            let path = ImportedPath.relative(String(old.dropLast(".md".count)))
            let name = path.split(separator: "/").last ?? ""
            let isIndex = name == "index" || name == "README"
            let folder = isIndex ? String(path.dropLast(name.count)) : String(path) + "/"
            let from = directoryURLs ? "/" + folder : "/" + (isIndex ? folder + "index" : String(path)) + ".html"
            let external = to.hasPrefix("https://") || to.hasPrefix("http://")
            return (from, external ? to : String(to.prefix { $0 != "#" }))
        }
    }

    /// Whether `markdown_extensions:` gives the `toc` extension a `slugify` of its own (pymdownx's,
    /// whose ids are GitHub's), read as text: its `!!python/…` tags are no YAML Kretslopp reads.
    static func slugifiesHeadingsItsOwnWay(_ extensions: String) -> Bool {
        let lines = extensions.split(separator: "\n", omittingEmptySubsequences: false)
        guard let toc = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- toc:") }) else {
            return false
        }
        let indent = lines[toc].prefix { $0 == " " }.count
        for line in lines[(toc + 1)...] {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("#") { continue }
            guard line.prefix(while: { $0 == " " }).count > indent + 1 else { return false }
            if text.hasPrefix("slugify:") { return true }
        }
        return false
    }

    /// Whether a nav group's first page, its folder's `index.md`, is the group's own link:
    /// Material's `navigation.indexes` feature, or the section-index plugin (`plugins:`' entries).
    static func groupsHaveIndexPages(theme: DataValue?, plugins: [DataValue]) -> Bool {
        theme?["features"]?.list?.contains { $0.text == "navigation.indexes" } == true
            || plugins.contains { $0.text == "section-index" || $0["section-index"] != nil }
    }

    /// `exclude_docs:` (gitignore patterns, one a line) as `ignore:` globs below the content
    /// folder: a pattern without a `/` matches at any depth, one with a `/` from the top.
    static func ignorePatterns(_ written: String) -> [String] {
        written.split(separator: "\n").compactMap { line in
            var pattern = line.trimmingCharacters(in: .whitespaces)
            guard !pattern.isEmpty, !pattern.hasPrefix("#"), !pattern.hasPrefix("!") else { return nil }
            if pattern.hasSuffix("/") { pattern.removeLast() }
            if pattern.hasPrefix("/") { return String(pattern.dropFirst()) }
            return pattern.contains("/") ? pattern : "**/" + pattern
        }
    }
}
