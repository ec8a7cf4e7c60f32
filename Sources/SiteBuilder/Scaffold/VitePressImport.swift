import Foundation

/// `kretslopp import`: a site.yaml for a VitePress site, made from its `.vitepress/config.ts`
/// (or `.js`, `.mts`, `.mjs`), so that its source folder builds as it is: the title, description,
/// language and URL, the sidebar as `nav:`, the top bar's links as `menu:`, the languages of its
/// `locales` whose pages are in a folder of the site (`zh/`) with their own titles, nav and menu,
/// `srcExclude` as `ignore:`, and the settings that read the pages as VitePress does: Vue's
/// blocks and components, its heading ids, its links (`/guide/features`, `x.html`) and URLs.
///
/// The settings are JavaScript, which Kretslopp does not run: their literal values are read,
/// with the names, spreads and calls around objects that settings files use followed
/// (`JSModule`), and what is code is said, not followed.
public struct VitePressImport {
    /// The names VitePress reads its settings from, in `.vitepress/`.
    public static let settingsNames = [
        "config.ts", "config.mts", "config.js", "config.mjs", "config/index.ts", "config/index.mts",
        "config/index.js", "config/index.mjs",
    ]

    /// The settings file as shown in messages.
    public let file: String
    /// The source folder (VitePress' `srcDir`), relative to the folder that holds `.vitepress/`.
    public private(set) var sourceFolder = "."
    /// The site.yaml text, once `read` has looked at the pages.
    public private(set) var siteYAML = ""
    public private(set) var diagnostics: [Diagnostic] = []
    /// What the import could not carry over, for the person running it.
    public private(set) var notes: [String] = []
    /// How many top-level entries the nav has (0: `nav: auto`).
    public private(set) var navEntryCount = 0

    private let module: JSModule
    private var settings: JSLiteral
    /// Each locale's additional settings (VitePress' `defineAdditionalConfig` in `config.ts` in
    /// its folder; the root's in the source folder), by locale key (`""` for the root).
    private var additional: [String: JSLiteral] = [:]

    /// Reads the settings at `url` (shown as `file`); `read` gives a file's text, for the files
    /// the settings import.
    public init(url: URL, file: String, read: (URL) -> String?) {
        self.file = file
        module = JSModule(text: read(url) ?? "", file: url, read: read)
        let written = module.settings ?? .object(keys: [], values: [])
        // The root locale's settings are the default language's, over the site's.
        settings = written["locales"]?["root"].map { Self.merged(written, $0) } ?? written
        if module.settings == nil {
            diagnostics.append(
                Diagnostic(
                    .error, file, .start, "no settings object found in \(file)",
                    hint: "VitePress reads one too: 'export default defineConfig({title: \"My docs\", …})'"))
            return
        }
        if let folder = settings["srcDir"]?.string { sourceFolder = ImportedPath.tidied(ImportedPath.relative(folder)) }
        let project = Self.project(of: url) ?? url.deletingLastPathComponent()
        let source = project.appendingPathComponent(sourceFolder)
        let keys = [""] + (written["locales"]?.pairs ?? []).map(\.key).filter { $0 != "root" }
        for key in keys {
            let folder = key.isEmpty ? source : source.appendingPathComponent(key)
            for name in Self.settingsNames where !name.contains("/") {
                let candidate = folder.appendingPathComponent(name)
                guard let text = read(candidate) else { continue }
                additional[key] = JSModule(text: text, file: candidate, read: read).settings
                break
            }
        }
        if let root = additional[""] { settings = Self.merged(settings, root) }
    }

    /// The folder that holds `.vitepress/` when `settings` is a VitePress site's settings file
    /// (`docs/.vitepress/config.ts`, `docs/.vitepress/config/index.ts`); nil otherwise.
    public static func project(of settings: URL) -> URL? {
        var folder = settings.standardized.deletingLastPathComponent()
        for _ in 0..<2 {
            if folder.lastPathComponent == ".vitepress" { return folder.deletingLastPathComponent() }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The folder the default language's pages are in when `rewrites` moves it to the root
    /// (`'en/:rest*': ':rest*'`, as VitePress' own docs write it); nil otherwise.
    private var defaultLanguageFolder: String? {
        for (from, to) in settings["rewrites"]?.pairs ?? [] {
            guard let match = from.wholeMatch(of: /([A-Za-z0-9_-]+)\/:(\w+)\*/), to.string == ":\(match.output.2)*"
            else { continue }
            return String(match.output.1)
        }
        return nil
    }

    /// Makes the site.yaml from the settings and `pages`, the Markdown files below the source
    /// folder (relative paths); `hasPublicFolder`: the source folder has `public/`.
    public mutating func read(pages: [String], hasPublicFolder: Bool = false) {
        guard diagnostics.isEmpty else { return }
        let pageSet = Set(pages)
        var yaml = "# Made by `kretslopp import` from \(file): the site's settings for Kretslopp.\n"
        let title = text("title") ?? "VitePress"
        yaml += "title: \(YAMLScalar.written(title))\n"
        if let description = text("description") { yaml += "description: \(YAMLScalar.written(description))\n" }
        // A default language in a folder of its own (`en/`) is named after it, as its folder's pages are.
        let folder = defaultLanguageFolder.flatMap { folder in
            LanguageKeys.isLanguageTag(folder) && pageSet.contains { $0.hasPrefix(folder + "/") } ? folder : nil
        }
        let language = folder ?? settings["lang"]?.string.flatMap(LanguageKeys.normalizedTag) ?? "en-US"
        yaml += "language: \(language)\n"
        let locales = otherLocales(pages: pageSet)
        if !locales.isEmpty {
            yaml += "languages: [\(([language] + locales.map(\.key)).joined(separator: ", "))]  # locales: "
            yaml +=
                "the default at /" + (folder.map { " (its pages in \($0)/)" } ?? "") + ", the others in their folders ("
                + locales.map { $0.key + "/" }.joined(separator: ", ") + ")\n"
            yaml += "translations: partial  # a page may be in one language only, as in VitePress\n"
            for (key, locale) in locales {
                for name in ["title", "description"] {
                    if let value = locale[name].flatMap({ module.text(of: $0)?.text }) {
                        yaml += "\(name).\(key): \(YAMLScalar.written(value))\n"
                    }
                }
            }
        }
        if let hostname = (settings["sitemap"]?["hostname"]).flatMap({ module.text(of: $0)?.text }),
            hostname.hasPrefix("http")
        {
            let base = settings["base"]?.string ?? "/"
            let trimmed = hostname.hasSuffix("/") ? String(hostname.dropLast()) : hostname
            yaml += "baseURL: \(YAMLScalar.written(trimmed + (base.hasPrefix("/") ? base : "/" + base)))\n"
        }
        var cleanURLs = false
        if case .bool(true)? = settings["cleanUrls"] { cleanURLs = true }
        yaml += """
            markdown:
              unsafeHTML: true      # raw HTML is kept, as VitePress keeps it
              vue: true             # <script>, <style> left out, <Badge> drawn, other components' tags left out
              headingIDs: vitepress # heading ids as VitePress makes them (server.watch -> server-watch)
              includes: .           # <!--@include: ./part.md--> puts the file in, from this folder
            links:
              broken: warning       # a broken link is a warning (error: the build fails)
              htmlToMarkdown: true  # links to /guide/features, x.html and x/ go to x.md, as VitePress reads them
              relativeTo: file      # links are read from the page's file

            """
        if !cleanURLs { yaml += "  keepHTML: true        # VitePress' URLs (x.html): each page also answers there\n" }
        if hasPublicFolder { yaml += "static: public  # copied as it is to the site's root, as VitePress copies it\n" }
        yaml += ignored()
        let menuSetting = settings["themeConfig"]?["nav"]
        var sidebar = VitePressSidebar(pages: pageSet)
        sidebar.languageFolder = folder.map { $0 + "/" } ?? ""
        if let menu = sidebar.menu(menuSetting) { yaml += "menu:  # themeConfig.nav\n" + menu }
        if let nav = sidebar.nav(settings["themeConfig"]?["sidebar"], menu: menuSetting) {
            yaml += "nav:  # themeConfig.sidebar\n" + nav
            navEntryCount = sidebar.topCount
        } else {
            yaml += "nav: auto  # every section and page (no sidebar in the settings)\n"
        }
        notes += sidebar.notes
        var missing = sidebar.missing
        for (key, locale) in locales {
            var own = VitePressSidebar(pages: pageSet)
            own.languageFolder = key + "/"
            let localeMenu = locale["themeConfig"]?["nav"]
            if let menu = own.menu(localeMenu) { yaml += "menu.\(key):\n" + menu }
            if let nav = own.nav(locale["themeConfig"]?["sidebar"], menu: localeMenu) { yaml += "nav.\(key):\n" + nav }
            missing += own.missing
        }
        if !missing.isEmpty {
            notes.append(
                "left out of the nav, as no page is there: " + Array(Set(missing)).sorted().joined(separator: ", "))
        }
        if settings["rewrites"] != nil && folder == nil {
            notes.append("rewrites: pages keep their files' URLs (Kretslopp has no rewrites; url: in a page moves it)")
        }
        yaml += PageWords.yaml(languages: [language] + locales.map(\.key))
        siteYAML = yaml
    }

    /// `site` with `locale`'s settings over it, `themeConfig`'s one by one, as VitePress merges them.
    static func merged(_ site: JSLiteral, _ locale: JSLiteral) -> JSLiteral {
        guard case .object(var keys, var values) = site else { return locale }
        for (key, value) in locale.pairs ?? [] where key != "label" && key != "link" {
            var value = value
            if key == "themeConfig", let theme = site[key] { value = merged(theme, value) }
            if let at = keys.firstIndex(of: key) {
                values[at] = value
            } else {
                keys.append(key)
                values.append(value)
            }
        }
        return .object(keys: keys, values: values)
    }

    /// A setting's text; a template's parts that are code are left out and said.
    private mutating func text(_ name: String) -> String? {
        guard let found = module.text(of: settings[name]), !found.text.isEmpty else {
            if settings[name] != nil { notes.append("\(name): written as code, not read") }
            return nil
        }
        if !found.leftOut.isEmpty {
            notes.append(
                "\(name): read as '\(found.text)', without what is code in it ("
                    + found.leftOut.map { "${\($0)}" }
                    .joined(separator: ", ") + ")")
        }
        return found.text
    }

    /// The locales other than `root` whose pages are in a folder of the site named after them
    /// (`zh/`); the others (another site's, `link: 'https://…'`) are said in `notes`.
    private mutating func otherLocales(pages: Set<String>) -> [(key: String, value: JSLiteral)] {
        var found: [(key: String, value: JSLiteral)] = []
        var elsewhere: [String] = []
        for (key, locale) in settings["locales"]?.pairs ?? [] where key != "root" {
            let link = locale["link"]?.string ?? "/\(key)/"
            guard link.hasPrefix("/"), LanguageKeys.isLanguageTag(key),
                pages.contains(where: { $0.hasPrefix(key + "/") })
            else {
                elsewhere.append(key)
                continue
            }
            found.append((key, additional[key].map { Self.merged(locale, $0) } ?? locale))
        }
        if !elsewhere.isEmpty {
            notes.append(
                "locales with no pages here (other sites, or no folder of their own) are not imported: "
                    + elsewhere.joined(separator: ", "))
        }
        return found
    }

    /// `ignore:` with `srcExclude`, and the files VitePress builds from but does not publish.
    private func ignored() -> String {
        var yaml = "ignore:\n"
        for pattern in settings["srcExclude"]?.array?.compactMap(\.string) ?? [] {
            yaml += "  - \(YAMLScalar.written(ImportedPath.relative(pattern)))  # srcExclude\n"
        }
        yaml +=
            "  - '**/*.vue'  # components, scripts and packages' files: VitePress builds with them, publishes none\n"
        for pattern in ["**/*.ts", "**/*.mts", "**/*.js", "**/*.mjs", "**/*.cjs", "**/package.json"] {
            yaml += "  - \(YAMLScalar.written(pattern))\n"
        }
        return yaml
    }
}
