import Foundation
import Markdown

/// `kretslopp import _config.yml`: a site.yaml for a Jekyll site (GitHub Pages' generator), in
/// its source folder (the folder of `_config.yml` unless `source:` names another), so its pages
/// build as they are: the site's title, description, author, language and URL (`url` and
/// `baseurl`), Jekyll's and the site's `exclude:` as `ignore:`, Jekyll's URLs kept (`x.html`
/// unless `permalink: pretty`), and the nav Just the Docs makes from the pages' `parent:`,
/// `grand_parent:`, `nav_order:` and `nav_exclude:` (`nav: auto` for a site that uses none of
/// them). Pages are read with Jekyll's Liquid tags (`markdown: {liquid: true}`) and kramdown's
/// attribute lists (`markdown: {kramdown: true}`).
public struct JekyllImport {
    /// `_config.yml` as shown in messages.
    public let file: String
    /// The source folder, relative to `_config.yml`'s folder.
    public private(set) var sourceFolder = "."
    /// The site.yaml text (empty until `read(pages:…)` and after an error).
    public private(set) var siteYAML = ""
    /// How many pages the nav lists (0 for `nav: auto`).
    public private(set) var navPageCount = 0
    /// The files with front matter that are not pages (Liquid templates), left out of the build.
    public private(set) var templatePages: [String] = []
    /// Collections (`collections:`, posts aside) that Kretslopp does not build: those without
    /// `output: true` (Jekyll writes no pages for them either) are not listed; those whose
    /// `permalink:` is not `/:collection/:path/` or Jekyll's default, and those without a folder.
    public private(set) var collections: [String] = []
    /// The collections built, each its folder (`_recipes/` at `/recipes/…`, as Jekyll writes them).
    public private(set) var builtCollections: [String] = []
    /// Collections written out (`output: true`), with their `permalink:` (nil: Jekyll's default).
    private var outputCollections: [(name: String, permalink: String?)] = []
    public private(set) var diagnostics: [Diagnostic] = []
    private var settings = ""
    /// Just the Docs' `aux_links` (title, URL), its links beside the search box.
    private var auxLinks: [(title: String, url: String)] = []
    /// Jekyll's exclusions and the site's `exclude:` (with where each is written).
    private var exclude: [(pattern: String, position: SourcePosition?)] = []
    private var language = "en"
    /// `_config.yml`'s `permalink:` (`date`, Jekyll's default): the pages' style.
    private var sitePermalink = "date"
    /// The posts' `permalink:` (the posts collection's own, else the site's), and where it is written.
    private var permalink = "date"
    private var permalinkPosition: SourcePosition?
    /// `_config.yml` as read, for the values the pages' `{{ site.x }}` show.
    private var config: DataValue?
    /// How many posts `_posts/` has (`read(pages:…)`).
    public private(set) var postCount = 0

    /// What Jekyll leaves out of every site (Jekyll 4 adds them to the site's own `exclude:`).
    static let defaultExcludes = [
        ".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules", "vendor/bundle",
        "vendor/cache", "vendor/gems", "vendor/ruby",
    ]

    public init(text: String, file: String) {
        self.file = file
        let log = DiagnosticLog()
        defer { diagnostics = log.all }
        // An empty _config.yml is a Jekyll site with every default.
        let root =
            text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            ? DataValue(.map([]), at: .start) : YAMLReader.parse(text, file: file, log: log)
        guard let root else { return }
        func setting(_ key: String) -> String? {
            root[key]?.text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        if let folder = setting("source") { sourceFolder = ImportedPath.relative(folder).isEmpty ? "." : folder }
        // `name:` where a site has no `title:` (Jekyll's own docs, some themes).
        let title =
            setting("title") ?? setting("name")
            ?? URL(fileURLWithPath: file).deletingLastPathComponent().standardized.lastPathComponent
        // jekyll-seo-tag's `lang:`, or `locale:` as `en_US`.
        if let written = setting("lang") ?? setting("locale") {
            let tag = written.replacingOccurrences(of: "_", with: "-")
            if LanguageKeys.isLanguageTag(tag) {
                language = tag
            } else {
                log.warning(
                    file, (root["lang"] ?? root["locale"])?.position ?? .start,
                    "language '\(written)' is not a language tag; the site is in English (en)",
                    hint: "write a language tag such as 'en', 'sv' or 'pt-BR' in site.yaml's language:")
            }
        }
        var yaml = "# Made by `kretslopp import` from \(file): the site's settings for Kretslopp.\n"
        yaml += "title: \(YAMLScalar.written(title))\n"
        if let description = setting("description") { yaml += "description: \(YAMLScalar.written(description))\n" }
        // `author:` is a name, or a mapping with one (jekyll-seo-tag's).
        if let author = setting("author") ?? root["author"]?["name"]?.text {
            yaml += "author: \(YAMLScalar.written(author))\n"
        }
        yaml += "language: \(language)\n"
        if let url = setting("url"), url.hasPrefix("https://") || url.hasPrefix("http://") {
            let base = ImportedPath.relative(setting("baseurl") ?? "")
            var whole = url.hasSuffix("/") ? url : url + "/"
            if !base.isEmpty { whole += base.hasSuffix("/") ? base : base + "/" }
            yaml += "baseURL: \(YAMLScalar.written(whole))\n"
        }
        // kramdown's `toc_levels` (`2..3`), which its `{:toc}` lists.
        var kramdown = "true    # kramdown's {: .class #id} after a block, {:toc}, markdown=\"1\""
        if let levels = root["kramdown"]?["toc_levels"] {
            if let text = levels.list.map({ $0.compactMap(\.text).joined(separator: ",") }) ?? levels.text,
                LoadSiteConfig.headingLevels(levels) != nil
            {
                kramdown = "{tocLevels: \(YAMLScalar.written(text))}  # kramdown's blocks; its toc_levels"
            } else {
                log.warning(
                    file, levels.position, "kramdown's toc_levels is not a list of heading levels; {:toc} lists all",
                    hint: "write a range such as 2..3 or levels such as 1,2,3")
            }
        }
        // Jekyll's pages are at x.html unless the permalinks end in '/' (`pretty`, `/:title/`).
        sitePermalink = setting("permalink") ?? "date"
        permalink = sitePermalink
        permalinkPosition = root["permalink"]?.position
        yaml += """
            markdown:
              unsafeHTML: true  # raw HTML is kept, as kramdown keeps it
              liquid: true      # Jekyll's {% link %}, {% raw %}, {% highlight %} and {{ site.baseurl }}
              kramdown: \(kramdown)

            """
        settings = yaml
        config = root
        exclude =
            Self.defaultExcludes.map { ($0, nil) }
            + (root["exclude"]?.list ?? []).compactMap { item in item.text.map { ($0, item.position) } }
        // The posts' own `permalink:` wins over the site's, as in Jekyll.
        if let posts = root["collections"]?["posts"]?["permalink"]?.text {
            permalink = posts
            permalinkPosition = root["collections"]?["posts"]?["permalink"]?.position
        }
        for (name, value) in root["collections"]?.pairs ?? [] where name != "posts" {
            if value["output"]?.text == "true" { outputCollections.append((name, value["permalink"]?.text)) }
        }
        auxLinks = (root["aux_links"]?.pairs ?? []).compactMap { title, value in
            (value.list?.first?.text ?? value.text).map { (title, $0) }
        }
    }

    /// Reads the Markdown pages below the source folder (path relative to it, and text) and the
    /// other files there that have front matter (Jekyll's templates: `404.html`, `robots.txt`),
    /// the posts' file names, the folders starting with `_` (collections), the texts in them, and
    /// the `source` folder's `_data/` (for `{{ site.data.x }}`), and writes the site.yaml.
    public mutating func read(
        pages: [(path: String, text: String)], templatePages: [String], posts: [String] = [],
        folders: Set<String> = [], otherTexts: [String] = [], source: URL? = nil,
        postPages: [(path: String, text: String)] = []
    ) {
        let log = DiagnosticLog()
        defer { diagnostics += log.all }
        guard !settings.isEmpty else { return }
        var yaml = settings
        let siteValues = JekyllSiteValues.used(
            in: pages.map(\.text) + otherTexts, config: config, data: source.map(JekyllSiteValues.dataFiles) ?? [:])
        if !siteValues.isEmpty {
            yaml = yaml.replacingOccurrences(
                of: "  liquid: true      # Jekyll's",
                with: "  liquid:\n    site:  # _config.yml's values the pages show ({{ site.x }})\n"
                    + siteValues.map { "      \($0.key): \(YAMLScalar.written($0.value))\n" }.joined()
                    + "    # and Jekyll's")
        }
        // The pages' URLs: the site's style, whatever the posts' own is.
        let pretty = sitePermalink == "pretty" || sitePermalink.hasSuffix("/")
        postCount = posts.count
        yaml += """
            links:
              broken: warning       # a broken link is a warning, as Jekyll says nothing (error: the build fails)
              htmlToMarkdown: true  # a link to x.html or x/, Jekyll's URLs of x.md, goes to its page

            """
        if !pretty { yaml += "  keepHTML: true        # each page also answers at its Jekyll URL, x.html\n" }
        var postSettings = ""
        if !posts.isEmpty {
            yaml += "  datedNames: true      # _posts/2024-01-15-hello.md: dated 2024-01-15, named hello\n"
            var jekyll = JekyllPosts(permalink: permalink)
            if jekyll.pattern == nil {
                log.warning(
                    file, permalinkPosition ?? .start,
                    "permalink '\(permalink)' has \(jekyll.unknownTokens.joined(separator: ", ")), which Kretslopp's "
                        + "permalinks do not have; the posts are at Jekyll's default URLs (permalink: date)",
                    hint: "write the posts' URLs with :categories, :year, :month, :day and :title in site.yaml's "
                        + "permalinks:, or give each post its permalink:")
                jekyll = JekyllPosts(permalink: "date")
            }
            postSettings = jekyll.yaml
        }
        // Jekyll writes a collection's pages at /name/path/ (`/:collection/:path/`) or
        // /name/path.html (its default), which an included `_name/` folder's pages have.
        let asFolders = ["/:collection/:path/", "/:collection/:path:output_ext", "/:collection/:path"]
        for (name, written) in outputCollections {
            if folders.contains("_" + name), asFolders.contains(written ?? "/:collection/:path:output_ext") {
                builtCollections.append("_" + name)
            } else {
                collections.append(name)
            }
        }
        if !posts.isEmpty || !builtCollections.isEmpty {
            yaml += "include:\n" + (posts.isEmpty ? "" : JekyllPosts.included(count: posts.count))
            yaml += builtCollections.map { "  - \($0)  # a collection of Jekyll's, at /\($0.dropFirst())/\n" }.joined()
        }
        yaml += postSettings
        // Jekyll's own and the site's, once each (`vendor/bundle` and `vendor/bundle/` are one folder).
        var seen = Set<String>()
        var excluded: [String] = []
        var globs: [ContentGlob] = []
        for (pattern, position) in exclude {
            var path = ImportedPath.relative(pattern)
            while path.hasSuffix("/") { path.removeLast() }
            guard !path.isEmpty, seen.insert(path).inserted else { continue }
            do {
                globs.append(try ContentGlob(path))
                excluded.append(path)
            } catch {
                // site.yaml's ignore: would stop every build with it.
                log.warning(
                    file, position ?? .start,
                    "exclude: '\(pattern)' is not a pattern Kretslopp reads (\(error.message)); it is left out",
                    hint: "add the paths it meant to site.yaml's ignore: by hand (\(error.hint))")
            }
        }
        // A pattern that names a folder leaves out all of it, as the build's `ignore:` does.
        func isExcluded(_ path: String) -> Bool {
            let parts = path.split(separator: "/")
            return parts.indices.contains { end in
                let prefix = parts[...end].joined(separator: "/")
                return globs.contains { $0.matches(prefix) }
            }
        }
        self.templatePages = templatePages.filter { !isExcluded($0) }.sorted()
        let taxonomies = JekyllTaxonomies(
            pages: pages.filter { !isExcluded($0.path) } + postPages, folder: sourceFolder)
        for diagnostic in taxonomies.diagnostics { log.add(diagnostic) }
        if !excluded.isEmpty || !self.templatePages.isEmpty || !taxonomies.replacedPages.isEmpty {
            yaml += "ignore:\n"
            for pattern in excluded {
                let why = Self.defaultExcludes.contains(pattern) ? "Jekyll leaves it out" : "exclude:"
                yaml += "  - \(YAMLScalar.written(pattern))  # \(why)\n"
            }
            for path in self.templatePages {
                yaml +=
                    "  - \(YAMLScalar.written(ImportedPath.glob(path)))"
                    + "  # a Liquid template, which Kretslopp does not run\n"
            }
            for path in taxonomies.replacedPages {
                yaml += "  - \(YAMLScalar.written(path))  # its URL is a taxonomy's page, which the build makes\n"
            }
        }
        let listed = pages.filter { !isExcluded($0.path) && !taxonomies.replacedPages.contains($0.path) }
        var shown = (file as NSString).deletingLastPathComponent
        if sourceFolder != "." { shown = (shown as NSString).appendingPathComponent(sourceFolder) }
        let nav = JustTheDocsNav(pages: listed, folder: shown.isEmpty ? "" : shown + "/", log: log)
        if nav.entries.isEmpty {
            yaml += "nav: auto  # every section and page, by folder\n"
        } else {
            // Just the Docs has no menu bar: its nav is beside the page, its aux_links above it.
            if auxLinks.isEmpty {
                yaml += "menu: []  # no menu bar, as Just the Docs has none: the nav beside the page leads on\n"
            } else {
                yaml += "menu:  # Just the Docs' aux_links\n"
                for link in auxLinks {
                    yaml += "  - title: \(YAMLScalar.written(link.title))\n    url: \(YAMLScalar.written(link.url))\n"
                }
            }
            yaml += "nav:  # the pages' parent:, grand_parent: and nav_order:, as Just the Docs orders them\n"
            yaml += nav.yaml
            navPageCount = nav.pageCount
        }
        yaml += taxonomies.yaml
        yaml += PageWords.yaml(languages: [language])
        siteYAML = yaml
    }

    /// The Markdown texts in the folders `names` below `folder` (posts, collections), which the
    /// content's reading leaves out until site.yaml includes them.
    public static func texts(in folder: URL, folders names: Set<String>) -> [String] {
        names.sorted().flatMap { name -> [String] in
            let root = folder.appendingPathComponent(name)
            let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
            return files.filter { $0.hasSuffix(".md") || $0.hasSuffix(".markdown") }.sorted().compactMap {
                FileManager.default.contents(atPath: root.appendingPathComponent($0).path).map {
                    String(decoding: $0, as: UTF8.self)
                }
            }
        }
    }

    /// Reads the source folder once: its Markdown pages (path, text), and the other files that
    /// start with front matter, which Jekyll renders through Liquid (a theme's `404.html`, a
    /// `robots.txt` or `feed.xml` made from the site's settings) and Kretslopp would copy as written.
    public static func files(in folder: URL) -> (pages: [(path: String, text: String)], templatePages: [String]) {
        let files = LoadContent(root: folder, displayRoot: folder.path, log: DiagnosticLog()).run()
        let pages = files.markdown.map { ($0.relativePath, String(decoding: $0.data, as: UTF8.self)) }
        let templates = files.staticFiles.compactMap { file in
            file.data.starts(with: Array("---\n".utf8)) || file.data.starts(with: Array("---\r\n".utf8))
                ? file.relativePath : nil
        }
        return (pages, templates)
    }
}
