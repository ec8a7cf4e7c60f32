import Foundation

/// `kretslopp import astro.config.mjs`: a site.yaml for a Starlight site (Astro's documentation
/// theme), made from the options its `starlight({…})` integration is given, so that its
/// `src/content/docs` builds as it is: the title (one per language too), description, language
/// and URL (`site` + `base`), the sidebar as `nav:` (each language's labels from `translations` as
/// its `nav.LANG:`), the locales whose folders hold pages as languages, and MDX read.
///
/// The settings are JavaScript, which Kretslopp does not run: they are read as `JSModule` reads
/// them, and what is code is said, not followed.
public struct StarlightImport {
    /// The names Astro reads its settings from.
    public static let settingsNames = ["astro.config.mjs", "astro.config.ts", "astro.config.mts", "astro.config.js"]
    /// Where Starlight's pages are, relative to the settings' folder.
    public static let contentFolder = "src/content/docs"

    public let file: String
    public private(set) var siteYAML = ""
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var notes: [String] = []
    /// How many top-level entries the nav has (0: `nav: auto`).
    public private(set) var navEntryCount = 0

    private let module: JSModule
    /// Astro's settings, and the options of its Starlight integration.
    private let astro: JSLiteral
    private let options: JSLiteral

    public init(url: URL, file: String, read: (URL) -> String?) {
        self.file = file
        module = JSModule(text: read(url) ?? "", file: url, read: read)
        astro = module.settings ?? .object(keys: [], values: [])
        let integration =
            (astro["integrations"]?.array ?? []).first { $0["title"] != nil && $0["sidebar"] != nil }
            ?? (astro["integrations"]?.array ?? []).first { $0["title"] != nil }
        options = integration ?? .object(keys: [], values: [])
        if integration == nil {
            diagnostics.append(
                Diagnostic(
                    .error, file, .start, "no starlight({…}) integration with a title found in \(file)",
                    hint: "Starlight needs one: 'integrations: [starlight({title: \"My docs\", …})]'"))
        }
    }

    /// Makes the site.yaml from the options and `pages`, the Markdown files of the content folder.
    public mutating func read(pages: [String]) {
        guard diagnostics.isEmpty else { return }
        let pageSet = Set(pages)
        // Locales: `root` (or `defaultLocale`) at /, the others in folders named after their keys.
        let locales = options["locales"]?.pairs ?? []
        let defaultKey = options["defaultLocale"]?.string ?? "root"
        let defaultLocale = locales.first { $0.key == defaultKey }?.value
        let language =
            (defaultLocale?["lang"]?.string ?? (defaultKey == "root" ? nil : defaultKey))
            .flatMap(LanguageKeys.normalizedTag) ?? "en"
        var others: [(key: String, lang: String)] = []
        var leftOut: [String] = []
        for (key, locale) in locales where key != "root" && key != defaultKey {
            guard pageSet.contains(where: { $0.hasPrefix(key + "/") }) else { continue }
            // Kretslopp's language folders are named by their tags (`pt-br`, `zh-Hant`): `brasil` is none.
            guard LanguageKeys.isLanguageTag(key) else {
                leftOut.append(key)
                continue
            }
            others.append((key, locale["lang"]?.string ?? key))
        }
        var yaml = "# Made by `kretslopp import` from \(file): the site's settings for Kretslopp.\n"
        let titles = options["title"]
        let title =
            module.text(of: titles)?.text ?? titles?[defaultKey == "root" ? language : defaultKey]?.string
            ?? titles?.pairs?.first?.value.string ?? "Starlight"
        yaml += "title: \(YAMLScalar.written(title))\n"
        for other in others {
            if let own = titles?[other.lang]?.string ?? titles?[other.key]?.string {
                yaml += "title.\(other.key): \(YAMLScalar.written(own))\n"
            }
        }
        if let description = module.text(of: options["description"])?.text {
            yaml += "description: \(YAMLScalar.written(description))\n"
        }
        yaml += "language: \(language)\n"
        if !others.isEmpty {
            yaml +=
                "languages: [\(([language] + others.map(\.key)).joined(separator: ", "))]  # the locales with pages\n"
            yaml += "translations: partial  # a page may be in one language only, as in Starlight\n"
        }
        if let site = module.text(of: astro["site"])?.text, site.hasPrefix("http") {
            let base = module.text(of: astro["base"])?.text ?? "/"
            let trimmed = site.hasSuffix("/") ? String(site.dropLast()) : site
            let path = base.split(separator: "/").map { "/" + $0 }.joined() + "/"
            yaml += "baseURL: \(YAMLScalar.written(trimmed + path))\n"
        }
        yaml += """
            markdown:
              unsafeHTML: true      # raw HTML is kept, as MDX keeps it
              mdx: true             # .mdx pages; imports, <Tabs>, <Aside>, <LinkCard>, <LinkButton>, <Badge> read
            links:
              broken: warning       # a broken link is a warning (error: the build fails)
              htmlToMarkdown: true  # links to /guides/x/ go to the page of guides/x.md(x)

            """
        if !leftOut.isEmpty {
            yaml += "ignore:  # locales whose folders are not named by a language tag (pt-br, not brasil)\n"
            yaml += leftOut.map { "  - \(YAMLScalar.written($0))\n" }.joined()
            notes.append(
                "the locales " + leftOut.joined(separator: ", ") + " are left out: Kretslopp names a language's "
                    + "folder by its tag (rename brasil/ to pt-br/ and add it to languages: to build it)")
        }
        let sidebar = StarlightSidebar(pages: pageSet)
        if let items = options["sidebar"]?.array, !items.isEmpty {
            let written = sidebar.nav(items, language: nil)
            yaml += "nav:  # the sidebar\n" + written.lines
            navEntryCount = items.count
            if !written.missing.isEmpty {
                notes.append("left out of the nav, as no page is there: " + written.missing.joined(separator: ", "))
            }
            for other in others {
                let translated = sidebar.nav(items, language: other.lang)
                if translated.translated { yaml += "nav.\(other.key):\n" + translated.lines }
            }
        } else {
            yaml += "nav: auto  # every section and page, as Starlight's sidebar without settings lists them\n"
        }
        yaml += PageWords.yaml(languages: [language] + others.map(\.key))
        siteYAML = yaml
    }
}

/// Starlight's `sidebar` as `nav:` entries: a slug (`'getting-started'`) or `{label, slug}` as its
/// page's file, `{label, link}` as a page or a link out, `{label, items}` a group,
/// `{autogenerate: {directory}}` the folder; in a language, labels from `translations`.
struct StarlightSidebar {
    let pages: Set<String>

    /// The entries (indented YAML lines), the slugs no page has, and whether a label was translated.
    func nav(_ items: [JSLiteral], language: String?) -> (lines: String, missing: [String], translated: Bool) {
        var lines: [String] = []
        var missing: [String] = []
        var translated = false
        func entry(_ item: JSLiteral, depth: Int) {
            let indent = String(repeating: "  ", count: depth) + "- "
            if let slug = item.string {
                if let file = file(forSlug: slug) {
                    lines.append(indent + YAMLScalar.written(file))
                } else {
                    missing.append(slug)
                }
                return
            }
            var label = item["label"]?.string
            if let language, let own = item["translations"]?[language]?.string {
                label = own
                translated = true
            }
            let titled = label.map { YAMLScalar.written($0) + ": " } ?? ""
            if let children = item["items"]?.array {
                lines.append(indent + YAMLScalar.written(label ?? "") + ":")
                for child in children { entry(child, depth: depth + 1) }
            } else if let directory = item["autogenerate"]?["directory"]?.string {
                lines.append(indent + titled + YAMLScalar.written(ImportedPath.relative(directory) + "/"))
            } else if let slug = item["slug"]?.string {
                if let file = file(forSlug: slug) {
                    lines.append(indent + titled + YAMLScalar.written(file))
                } else {
                    missing.append(slug)
                }
            } else if let link = item["link"]?.string {
                let page = link.contains("://") ? nil : file(forSlug: link)
                lines.append(indent + titled + YAMLScalar.written(page ?? link))
            }
        }
        for item in items { entry(item, depth: 1) }
        return (lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n", missing, translated)
    }

    /// The page a slug or a link to one names (`guides/x`, `/guides/x/`, `index`).
    func file(forSlug slug: String) -> String? {
        var path = ImportedPath.relative(String(slug.prefix { $0 != "#" && $0 != "?" }))
        while path.hasSuffix("/") { path.removeLast() }
        let folder = path.isEmpty ? "" : path + "/"
        let candidates =
            (path.isEmpty ? [] : [path + ".md", path + ".mdx"]) + [folder + "index.md", folder + "index.mdx"]
        return candidates.first { pages.contains($0) }
    }
}
