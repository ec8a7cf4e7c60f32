import Foundation
import Markdown

/// `kretslopp import hugo.toml` (or Zola's `config.toml`): a site.yaml for a Hugo or Zola project,
/// so its content folder builds as it is: the site's title, description, URL and language, Hugo's
/// main menu (or its only one), raw HTML as Hugo's `unsafe` setting says (Zola keeps it), broken links as warnings,
/// URLs in lower case as Hugo and Zola make them, and the old `x.html` URLs kept where Hugo's
/// `uglyURLs` made them, and the taxonomies with the terms the pages use.
/// Zola's config is told by its `base_url`; Hugo's by the rest.
public struct HugoImport {
    public let file: String
    /// `Hugo` or `Zola`.
    public private(set) var generator = "Hugo"
    /// The content folder, relative to the config's folder (`contentDir`, `content` by default).
    public private(set) var contentFolder = "content"
    public private(set) var siteYAML = ""
    public private(set) var menuCount = 0
    public private(set) var diagnostics: [Diagnostic] = []
    /// The taxonomies declared, with the terms the pages use (`declareTaxonomies`).
    public private(set) var taxonomies: [(key: String, termCount: Int)] = []
    /// The taxonomies the settings name, before the pages are read.
    private var named: ImportedTaxonomies?
    /// The site's languages, the default first (none for a site in one language).
    private var languageTags: [String] = []
    /// Hugo's `params` table, for the values the pages show (`HugoParams`).
    private var params: DataValue?

    public init(text: String, file: String) {
        self.file = file
        let log = DiagnosticLog()
        let isTOML = !file.hasSuffix(".yaml") && !file.hasSuffix(".yml")
        guard
            let root = isTOML
                ? TOMLReader.parse(text, file: file, log: log) : YAMLReader.parse(text, file: file, log: log)
        else {
            diagnostics = log.all
            return
        }
        let isZola = root["base_url"] != nil
        generator = isZola ? "Zola" : "Hugo"
        named = ImportedTaxonomies(settings: root, isZola: isZola)
        params = isZola ? nil : root["params"]
        func setting(_ path: String...) -> String? {
            var value: DataValue? = root
            for key in path { value = value?[key] }
            return value?.text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        let defaultLanguage = setting("defaultContentLanguage") ?? "en"
        // A language's own setting is Hugo's for its pages: the default language's comes first.
        let title =
            setting("languages", defaultLanguage, "title") ?? setting("title")
            ?? URL(fileURLWithPath: file).deletingLastPathComponent().lastPathComponent
        let written =
            (isZola ? setting("default_language") : setting("languageCode") ?? setting("defaultContentLanguage"))
        // `en-us` -> `en`: the site's language is its primary tag.
        let primary = written.map { String($0.lowercased().prefix { $0 != "-" && $0 != "_" }) }
        let language = primary.flatMap { LanguageKeys.isLanguageTag($0) ? $0 : nil } ?? "en"
        // Where the pages are: the default language's `contentDir`, the site's, or the folder a
        // module mount puts at `content` (Hugo's own docs mount `content/en` there).
        let mounted = root["module"]?["mounts"]?.list?.first { $0["target"]?.text == "content" }?["source"]?.text
        if let folder = setting("languages", defaultLanguage, "contentDir") ?? setting("contentDir") ?? mounted {
            contentFolder = folder
        }
        // A site in several languages: its languages, the default first; with a folder per
        // language (Hugo's `content/en`, `content/no`), their common folder is the content folder.
        let several = isZola ? nil : Self.languages(root, default: defaultLanguage, siteFolder: setting("contentDir"))
        if let several {
            contentFolder = several.folder ?? contentFolder
        } else if !isZola, let declared = root["languages"], let pairs = declared.pairs, pairs.count > 1 {
            let odd = pairs.first { !LanguageKeys.isLanguageTag($0.key) }
            log.warning(
                file, (odd?.value ?? declared).position,
                "only the default language's pages (\(contentFolder)/) are imported: "
                    + (odd.map { "language '\($0.key)' is not a language tag Kretslopp reads" }
                        ?? "the languages' contentDir folders are not each named after their language in one folder"),
                hint: odd != nil
                    ? "write languages as two-letter codes, a region in capitals (pt-BR), and import again"
                    : "put each language's pages in a folder named after it, side by side (content/en, content/no), "
                        + "and import again")
        }
        let otherLanguages = several?.tags.dropFirst() ?? []
        languageTags = several?.tags ?? []

        var yaml = "# Made by `kretslopp import` from \(file) (\(generator)): the site's settings for Kretslopp.\n"
        yaml += "title: \(YAMLScalar.written(title))\n"
        for tag in otherLanguages {
            if let own = setting("languages", tag, "title") { yaml += "title.\(tag): \(YAMLScalar.written(own))\n" }
        }
        if let description = setting("languages", defaultLanguage, "description")
            ?? setting("languages", defaultLanguage, "params", "description") ?? setting("description")
            ?? setting("params", "description")
        {
            yaml += "description: \(YAMLScalar.written(description))\n"
        }
        for tag in otherLanguages {
            if let own = setting("languages", tag, "description") ?? setting("languages", tag, "params", "description")
            {
                yaml += "description.\(tag): \(YAMLScalar.written(own))\n"
            }
        }
        if let author = setting("author") ?? setting("params", "author") {
            yaml += "author: \(YAMLScalar.written(author))\n"
        }
        if let several {
            yaml += "languages: [\(several.tags.joined(separator: ", "))]\n"
            yaml += "translations: partial   # as in Hugo, a page may be in one language only\n"
        } else {
            yaml += "language: \(language)\n"
        }
        if let url = isZola ? setting("base_url") : setting("baseURL"), url.hasPrefix("http") {
            yaml += "baseURL: \(YAMLScalar.written(url))\n"
        }
        let unsafe = isZola || root["markup"]?["goldmark"]?["renderer"]?["unsafe"]?.text == "true"
        yaml +=
            "markdown:\n  unsafeHTML: \(unsafe)  # raw HTML, as \(generator) "
            + (unsafe ? "keeps it\n" : "drops it\n")
        if isZola {
            // Zola's links to headings name the ids its slugify.anchors makes.
            let safe = ["safe", "off"].contains(root["slugify"]?["anchors"]?.text ?? "on")
            yaml +=
                safe
                ? "  headingIDs: zola-safe  # heading ids as Zola's slugify.anchors = \"safe\" makes them\n"
                : "  headingIDs: zola  # heading ids as Zola makes them (get_page -> get-page), which its links name\n"
        }
        if !isZola && root["markup"]?["goldmark"]?["parser"]?["autoDefinitionTermID"]?.text == "true" {
            yaml += "  definitionTermIDs: true  # Hugo's autoDefinitionTermID: a term's id from its text\n"
        }
        yaml +=
            "links:\n  broken: warning   # a broken link is a warning (error: it fails the build)\n"
        // Hugo lower-cases the URLs it makes from file names unless told not to; Zola slugifies them.
        if isZola {
            if (root["slugify"]?["paths"]?.text ?? "on") == "on" {
                yaml +=
                    "  slugify: true     # every name in a URL a slug (my_Post.md -> my-post/), as Zola makes them\n"
            }
            if root["slugify"]?["paths_keep_dates"]?.text != "true" {
                yaml += "  datedNames: true  # 2018-10-10-hello.md: the page hello/, dated 2018-10-10, as in Zola\n"
            }
        } else if root["disablePathToLower"]?.text != "true" {
            yaml += "  lowercase: true    # URLs in lower case, as Hugo makes them from file names\n"
        }
        // Hugo's `uglyURLs` put pages at x.html: they are x/ here, and x.html sends readers on.
        if !isZola && root["uglyURLs"]?.text == "true" {
            yaml += "  keepHTML: true    # Hugo's uglyURLs: each page also answers at its old x.html URL\n"
        }
        if !isZola { yaml += Self.permalinks(root["permalinks"], file: file, log: log) }
        // The main menu; a site with one menu of another name (Hugo's docs: `global`) has that one.
        let menus = root["menus"]?.pairs ?? root["menu"]?.pairs ?? []
        let chosen = menus.first { $0.key == "main" }?.value ?? (menus.count == 1 ? menus[0].value : nil)
        let menu = isZola ? [] : Self.menu(chosen)
        menuCount = menu.count
        if !menu.isEmpty {
            yaml +=
                "menu:\n"
                + menu.map { "  - title: \(YAMLScalar.written($0.title))\n    url: \(YAMLScalar.written($0.url))\n" }
                .joined()
        }
        yaml += PageWords.yaml(languages: several?.tags ?? [language])
        siteYAML = yaml
        diagnostics = log.all
    }

    /// Hugo's `permalinks` (`posts = '/:year/:month/:title/'`, or the same under `page`) as
    /// site.yaml's: a section's pattern Kretslopp reads is kept (with the `/` Hugo's folder URLs
    /// end in, where it has no ending: `/:section/:slug`); one with other tokens
    /// (`:monthname`, a date format) is left out with a warning, its pages at their folder's URLs.
    static func permalinks(_ value: DataValue?, file: String, log: DiagnosticLog) -> String {
        guard let value else { return "" }
        let pairs = (value["page"]?.pairs ?? []) + (value.pairs ?? []).filter { $0.value.pairs == nil }
        var lines: [String] = []
        var seen = Set<String>()
        for (section, pattern) in pairs {
            guard var written = pattern.text, seen.insert(section).inserted else { continue }
            // Hugo makes a folder of a URL without an ending (`/:year/:slug` is `/2024/x/`).
            if !written.hasSuffix("/") && !written.hasSuffix(".html") && !written.contains(".") { written += "/" }
            if let problem = Permalink.problem(written) {
                log.warning(
                    file, pattern.position, "the permalink of \(section)/ is left out: \(problem.message)",
                    hint: "its pages are at their folder's URLs; \(problem.hint)")
                continue
            }
            lines.append("  \(YAMLScalar.written(section)): \(YAMLScalar.written(written))\n")
        }
        guard !lines.isEmpty else { return "" }
        return "permalinks:  # Hugo's: each section's URLs\n" + lines.joined()
    }

    /// Declares the taxonomies with the terms `pages` (path below the content folder -> text) use,
    /// as Hugo makes a page for each (`/tags/`, `/tags/<term>/`): site.yaml's `taxonomies:`.
    /// Also lists newest first the folders Hugo or Zola list so (`DatedSections`), and leaves out
    /// a theme's search page (`searchPages`).
    public mutating func declareTaxonomies(pages: [(path: String, text: String)]) {
        siteYAML += DatedSections.yaml(pages: pages, isZola: generator == "Zola", languages: languageTags)
        siteYAML += HugoParams.yaml(pages: pages, params: params)
        guard var found = named else { return }
        found.ignoredToo = searchPages(pages)
        found.gather(pages: pages, isZola: generator == "Zola", folder: contentFolder, languages: languageTags)
        siteYAML += found.yaml
        diagnostics += found.diagnostics
        taxonomies = found.taxonomies.map { ($0.key, $0.terms.count) }
    }

    /// The theme's search page each language of a Docsy site has (`search.md` with `layout:
    /// search`, or nothing but a title at the top of a language's folder), which stands where
    /// the build makes the site's search page: left out.
    func searchPages(_ pages: [(path: String, text: String)]) -> [String] {
        let tops = Set(["search.md"] + languageTags.map { "\($0)/search.md" })
        return pages.filter { page in
            guard let map = FolderImport.frontMatter(page.text) else { return false }
            if map["layout"]?.text == "search" || map["type"]?.text == "search" { return true }
            let body = FrontMatterSplitter.split(page.text).body
            return tops.contains(page.path) && body.allSatisfy(\.isWhitespace)
        }.map(\.path).sorted()
    }

    /// A file's text with its lines ended by `\n` alone, as the build reads them: a Swift String
    /// takes `\r\n` for one character, which no split at `\n` finds (a wiki's pages written on
    /// Windows were one line).
    public static func text(of data: Data) -> String {
        let text = String(decoding: data, as: UTF8.self)
        guard text.utf8.contains(13) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The Markdown pages of a content folder (path below it -> text), as the build reads them.
    public static func pages(in folder: URL, languages: [String] = [], mdx: Bool = false) -> [(
        path: String, text: String
    )] {
        var loader = LoadContent(root: folder, displayRoot: folder.path, log: DiagnosticLog(), languages: languages)
        loader.mdx = mdx
        return loader.run().markdown.map { ($0.writtenPath, Self.text(of: $0.data)) }
    }

    /// Hugo's `[languages]`, when it has more than one: their tags, the default first and the
    /// others in Hugo's order (weight, then tag), and the folder that holds each language's
    /// `contentDir` when each is named after its language (`content/en`, `content/no` ->
    /// `content`). Nil for one language, when a language's tag is not one Kretslopp reads, or when
    /// the languages have folders of their own that are not so named.
    static func languages(_ root: DataValue, default: String, siteFolder: String?) -> (tags: [String], folder: String?)?
    {
        let declared = root["languages"]?.pairs ?? []
        guard declared.count > 1, declared.contains(where: { $0.key == `default` }) else { return nil }
        guard declared.allSatisfy({ LanguageKeys.isLanguageTag($0.key) }) else { return nil }
        func weight(_ value: DataValue) -> Int { value["weight"]?.text.flatMap { Int($0) } ?? 0 }
        let others = declared.filter { $0.key != `default` }
            .sorted { (weight($0.value), $0.key) < (weight($1.value), $1.key) }
        let tags = [`default`] + others.map(\.key)
        // Translations beside their originals (`x.no.md`), as Kretslopp reads them too.
        guard declared.contains(where: { $0.value["contentDir"] != nil }) else { return (tags, nil) }
        // Each language's folder: its own contentDir, the default language's may be the site's.
        let parents = Set(
            declared.map { pair -> String in
                guard var path = pair.value["contentDir"]?.text ?? (pair.key == `default` ? siteFolder : nil) else {
                    return ""
                }
                if path.hasSuffix("/") { path.removeLast() }
                guard let slash = path.lastIndex(of: "/"), path[path.index(after: slash)...] == pair.key else {
                    return ""
                }
                return String(path[..<slash])
            })
        guard parents.count == 1, let parent = parents.first, !parent.isEmpty else { return nil }
        return (tags, parent)
    }

    /// Hugo's `[[menus.main]]` entries in their weight order (then as written): `url` as it is,
    /// `pageRef` (a content path) as the page's URL.
    static func menu(_ value: DataValue?) -> [(title: String, url: String)] {
        let entries = (value?.list ?? []).enumerated().compactMap { offset, entry -> (Int, Int, String, String)? in
            guard let name = entry["name"]?.text ?? entry["identifier"]?.text else { return nil }
            let weight = entry["weight"]?.text.flatMap { Int($0) } ?? 0
            if let url = entry["url"]?.text { return (weight, offset, name, url) }
            guard var path = entry["pageRef"]?.text else { return nil }
            for suffix in ["_index.md", "index.md", ".md"] where path.hasSuffix(suffix) {
                path.removeLast(suffix.count)
            }
            // As an alias is read: a path from the site's root.
            guard let url = ParseFrontMatter.sitePath(url: path) else { return nil }
            return (weight, offset, name, url)
        }
        return entries.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { ($0.2, $0.3) }
    }
}
