import Foundation
import Markdown

/// `kretslopp import hugo.toml` (or Zola's `config.toml`): a site.yaml for a Hugo or Zola project,
/// so its content folder builds as it is: the site's title, description, URL and language, Hugo's
/// main menu (or its only one), raw HTML as Hugo's `unsafe` setting says (Zola keeps it), broken links as warnings,
/// URLs in lower case as Hugo and Zola make them, and the old `x.html` URLs kept where Hugo's
/// `uglyURLs` made them.
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
        func setting(_ path: String...) -> String? {
            var value: DataValue? = root
            for key in path { value = value?[key] }
            return value?.text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        let title = setting("title") ?? URL(fileURLWithPath: file).deletingLastPathComponent().lastPathComponent
        let written =
            (isZola ? setting("default_language") : setting("languageCode") ?? setting("defaultContentLanguage"))
        // `en-us` -> `en`: the site's language is its primary tag.
        let primary = written.map { String($0.lowercased().prefix { $0 != "-" && $0 != "_" }) }
        let language = primary.flatMap { LanguageKeys.isLanguageTag($0) ? $0 : nil } ?? "en"
        // Where the pages are: the default language's `contentDir`, the site's, or the folder a
        // module mount puts at `content` (Hugo's own docs mount `content/en` there).
        let mounted = root["module"]?["mounts"]?.list?.first { $0["target"]?.text == "content" }?["source"]?.text
        let defaultLanguage = setting("defaultContentLanguage") ?? "en"
        if let folder = setting("languages", defaultLanguage, "contentDir") ?? setting("contentDir") ?? mounted {
            contentFolder = folder
        }

        var yaml = "# Made by `kretslopp import` from \(file) (\(generator)): the site's settings for Kretslopp.\n"
        yaml += "title: \(YAMLScalar.written(title))\n"
        if let description = setting("description") ?? setting("params", "description") {
            yaml += "description: \(YAMLScalar.written(description))\n"
        }
        if let author = setting("author") ?? setting("params", "author") {
            yaml += "author: \(YAMLScalar.written(author))\n"
        }
        yaml += "language: \(language)\n"
        if let url = isZola ? setting("base_url") : setting("baseURL"), url.hasPrefix("http") {
            yaml += "baseURL: \(YAMLScalar.written(url))\n"
        }
        let unsafe = isZola || root["markup"]?["goldmark"]?["renderer"]?["unsafe"]?.text == "true"
        yaml +=
            "markdown:\n  unsafeHTML: \(unsafe)  # raw HTML, as \(generator) "
            + (unsafe ? "keeps it\n" : "drops it\n")
        if !isZola && root["markup"]?["goldmark"]?["parser"]?["autoDefinitionTermID"]?.text == "true" {
            yaml += "  definitionTermIDs: true  # Hugo's autoDefinitionTermID: a term's id from its text\n"
        }
        yaml +=
            "links:\n  broken: warning   # a broken link is a warning (error: it fails the build)\n"
        // Hugo lower-cases the URLs it makes from file names unless told not to; Zola slugifies them.
        let lowercase =
            isZola
            ? (root["slugify"]?["paths"]?.text ?? "on") == "on" : root["disablePathToLower"]?.text != "true"
        if lowercase {
            yaml += "  lowercase: true    # URLs in lower case, as \(generator) makes them from file names\n"
        }
        // Hugo's `uglyURLs` put pages at x.html: they are x/ here, and x.html sends readers on.
        if !isZola && root["uglyURLs"]?.text == "true" {
            yaml += "  keepHTML: true    # Hugo's uglyURLs: each page also answers at its old x.html URL\n"
        }
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
        siteYAML = yaml
        diagnostics = log.all
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
