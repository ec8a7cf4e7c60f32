import Foundation
import Markdown

/// `site.yaml` -> `SiteConfig`, every mistake reported at its line. Read before the rest of the
/// content: its `ignore:` says which files are content.
struct LoadSiteConfig {
    /// The content folder.
    let root: URL
    let displayRoot: String
    /// `--base-url`: replaces site.yaml's `baseURL`.
    var baseURL: String? = nil
    let log: DiagnosticLog

    /// The settings of the default language (of the only one, on a site in one language).
    func run() -> SiteConfig? { runAll()?.first }

    /// The settings of every language, the default first: one on a site with `language:` alone;
    /// with `languages: [sv, en]`, each language's values (`title.en`) in its own.
    func runAll() -> [SiteConfig]? {
        guard let file = read() else {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
                log.error(
                    displayRoot, .start, "there is no content folder '\(displayRoot)'",
                    hint: "give the folder with the site's pages and its site.yaml: --content <folder>")
                return nil
            }
            let create = "create it with at least 'title:' and 'language:' (the pages' language: en, sv, de …)"
            let settings = importableSettings()
            let from = settings == nil ? "the folder's pages" : "that file"
            let command = "kretslopp import " + ShellWord.quoted(settings ?? displayRoot)
            log.error(
                displayRoot + "/site.yaml", .start, "site.yaml is missing",
                hint: "run '\(command)' to write it from \(from), or \(create)")
            return nil
        }
        guard let text = file.text(log: log),
            let root = YAMLReader.parse(text, file: file.displayPath, log: log)
        else { return nil }
        let read = FieldReader(file: file.displayPath, log: log)
        guard let map = read.mapping(root, what: "site.yaml") else { return nil }
        warnOfUnknownKeys(map, known: Self.settingsKeys, in: "site.yaml", text: text, read)
        if let markdown = map["markdown"], markdown.pairs != nil {
            warnOfUnknownKeys(markdown, known: Self.markdownKeys, in: "'markdown'", read)
        }
        guard let languages = languages(map, read), languages.count > 1 else {
            return [settings(map, file: file, read: read)]
        }
        return languages.enumerated().map { n, language in
            // The shared values' problems are reported once, with the default language's.
            let languageLog = n == 0 ? log : DiagnosticLog()
            var keys = LanguageKeys(declared: languages, file: file.displayPath, log: n == 0 ? log : nil)
            keys.verbatim = ["nav", "redirects", "permalinks", "newestFirst"]
            let localized = keys.localize(map, to: language)
            var config = LoadSiteConfig(root: self.root, displayRoot: displayRoot, baseURL: baseURL, log: languageLog)
                .settings(localized, file: file, read: FieldReader(file: file.displayPath, log: languageLog))
            if n > 0 { log.merge(languageLog) }
            config.language = language
            config.languages = languages
            config.translations = read.string(map, "translations").flatMap(TranslationPolicy.init) ?? .optional
            if n > 0 {
                config.root = "/\(language)/"
                for t in config.taxonomies.indices {
                    config.taxonomies[t].path = language + "/" + config.taxonomies[t].path
                }
                for c in config.collections.indices {
                    config.collections[c].path = language + "/" + config.collections[c].path
                }
                if let path = config.report?.path { config.report?.path = language + "/" + path }
            }
            return config
        }
    }

    /// `languages: [sv, en]`, checked; nil when site.yaml does not declare them.
    private func languages(_ map: DataValue, _ read: FieldReader) -> [String]? {
        guard let list = read.strings(map, "languages") else { return nil }
        var languages: [String] = []
        for (tag, position) in list {
            if !LanguageKeys.isLanguageTag(tag) {
                log.error(
                    read.file, position, "'\(tag)' is not a language tag",
                    hint: "write languages as two-letter codes, the default first: 'languages: [sv, en]'")
            } else if languages.contains(tag) {
                log.error(read.file, position, "language '\(tag)' is declared twice")
            } else {
                languages.append(tag)
            }
        }
        if languages.isEmpty { return nil }
        if let language = read.string(map, "language"), language != languages[0] {
            log.error(
                read.file, map["language"]!.position,
                "'language: \(language)' is not the first of 'languages:' (\(languages.joined(separator: ", ")))",
                hint: "the default language comes first in 'languages:'; remove 'language:' or make them agree")
        }
        if let choice = read.string(map, "translations"), TranslationPolicy(rawValue: choice) == nil {
            log.error(
                read.file, map["translations"]!.position,
                "'translations' must be optional, required or partial, not '\(choice)'",
                hint: "optional: a page without a translation is a warning; required: an error; partial: neither")
        }
        return languages
    }

    /// The settings in one language's view of site.yaml.
    private func settings(_ map: DataValue, file: SourceFile, read: FieldReader) -> SiteConfig {
        let written = Self.folderURL(read.string(map, "baseURL") ?? "")
        if let value = map["baseURL"], !written.isEmpty,
            !(written.hasPrefix("https://") || written.hasPrefix("http://"))
        {
            log.error(file.displayPath, value.position, "baseURL must start with https:// or http://")
        }
        let markdown = map["markdown"].flatMap { read.mapping($0, what: "'markdown'") }
        var config = SiteConfig(
            title: read.string(map, "title", required: true) ?? "",
            description: read.string(map, "description") ?? "",
            language: read.string(map, "language") ?? "sv",
            baseURL: baseURL.map(Self.folderURL) ?? written,
            author: read.string(map, "author") ?? "",
            unsafeHTML: markdown.flatMap { read.bool($0, "unsafeHTML") } ?? false,
            tocMinHeadings: markdown.flatMap { read.int($0, "tocMinHeadings") } ?? 3,
            menu: (read.list(map, "menu") ?? []).compactMap { menuItem($0, read) },
            taxonomies: (read.list(map, "taxonomies") ?? []).compactMap { taxonomy($0, read) },
            collections: (read.list(map, "collections") ?? []).compactMap { collection($0, read) },
            updated: date(map, "updated", read),
            report: map["report"].flatMap { read.mapping($0, what: "'report'") }.map { report($0, read) })
        config.file = file.displayPath
        config.menuIsWritten = map["menu"] != nil
        config.footer = (read.list(map, "footer") ?? []).compactMap { menuItem($0, read) }
        (config.nav, config.navTree) = nav(map, read)
        config.navAuto = map["nav"]?.text == "auto"
        config.navIndexes = read.bool(map, "navIndexes") ?? false
        config.params = map["params"].flatMap { read.mapping($0, what: "'params'") }.map(SiteParams.texts) ?? [:]
        config.contact = map["contact"].flatMap { read.mapping($0, what: "'contact'") }
        config.strings = strings(map, read)
        config.schema = schema(map["schema"], read)
        if let style = markdown.flatMap({ choice($0, "headingIDs", read, HeadingIDStyle.allCases.map(\.rawValue)) }) {
            config.headingIDs = HeadingIDStyle(rawValue: style)!
        }
        if let links = map["links"] { config.links = linkPolicy(links, read) }
        if let listing = map["listing"].flatMap({ read.mapping($0, what: "'listing'") }) {
            if let size = read.int(listing, "pageSize") {
                if size >= 1 {
                    config.listingPageSize = size
                } else {
                    log.error(
                        file.displayPath, listing["pageSize"]!.position,
                        "listing pageSize must be at least 1, not \(size)",
                        hint: "the number of cards on one page of a listing: 'listing: {pageSize: 24}'")
                }
            }
            config.listingPagePath = urlFolder(
                listing, "pagePath", what: "listing pagePath", example: "'pagePath: sida' gives /projekt/sida/2/", read)
        }
        if let search = map["search"].flatMap({ read.mapping($0, what: "'search'") }) {
            config.searchFolder = urlFolder(
                search, "path", what: "search path", example: "'search: {path: sok}' gives /sok/", read)
        }
        if let feed = map["feed"].flatMap({ read.mapping($0, what: "'feed'") }), let limit = read.int(feed, "limit") {
            if limit >= 1 {
                config.feedLimit = limit
            } else {
                log.error(
                    file.displayPath, feed["limit"]!.position, "feed limit must be at least 1, not \(limit)",
                    hint: "the feed carries the newest pages: 'feed: {limit: 50}'")
            }
        }
        config.gfm = markdown.flatMap { read.bool($0, "gfm") } ?? true
        config.definitionTermIDs = markdown.flatMap { read.bool($0, "definitionTermIDs") } ?? false
        config.rustHiddenLines = markdown.flatMap { read.bool($0, "rustHiddenLines") } ?? false
        (config.liquid, config.liquidSite) = markdown.map { liquid($0, read) } ?? (false, [:])
        config.gitbook = markdown.flatMap { read.bool($0, "gitbook") } ?? false
        config.mdx = markdown.flatMap { read.bool($0, "mdx") } ?? false
        config.vue = markdown.flatMap { read.bool($0, "vue") } ?? false
        config.kramdown = markdown.flatMap { kramdown($0, read) }
        config.includes = markdown.flatMap { includes($0, read) }
        config.includes?.gitbook = config.gitbook
        config.includes?.vue = config.vue
        config.includes?.mdx = config.mdx
        config.ignore = ignorePatterns(map, read)
        config.staticFolder = staticFolder(map, read)
        config.include = includedPaths(map, read)
        config.home = home(map, read, mdx: config.mdx)
        config.redirects = redirects(map, read)
        config.permalinks = permalinks(map, read)
        config.newestFirst = newestFirst(map, read)
        checkUnique(config, read: read, map: map)
        if let report = config.report, let groupBy = report.groupBy,
            !config.taxonomies.contains(where: { $0.key == groupBy })
        {
            log.error(
                file.displayPath, map["report"]!.position, "report groupBy '\(groupBy)' is not a taxonomy",
                hint: "use one of: \(config.taxonomies.map { $0.key }.joined(separator: ", "))")
        }
        if let languages = read.strings(map, "languages"), languages.count == 1 {
            config.language = languages[0].0
        }
        return config
    }

    /// `site.yaml`, or nil when there is none or it cannot be read (an error).
    private func read() -> SourceFile? {
        let path = root.path + "/site.yaml"
        let display = displayRoot + "/site.yaml"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            log.error(display, .start, "cannot read file (permission denied?)", hint: "check the file's permissions")
            return nil
        }
        return SourceFile(relativePath: "site.yaml", displayPath: display, data: data)
    }

    /// A base URL ending in `/` (URLs of pages are appended to it); empty stays empty.
    static func folderURL(_ url: String) -> String {
        url.isEmpty || url.hasSuffix("/") ? url : url + "/"
    }

    private func schema(_ value: DataValue?, _ read: FieldReader) -> [String: [FieldSchema]] {
        guard let value, let sections = read.mapping(value, what: "'schema'")?.pairs else { return [:] }
        var result: [String: [FieldSchema]] = [:]
        for (section, fields) in sections {
            guard let pairs = read.mapping(fields, what: "the schema of '\(section)'")?.pairs else { continue }
            result[section == "sidor" ? "" : section] = pairs.compactMap { field, rule -> FieldSchema? in
                guard let rule = read.mapping(rule, what: "the rule for '\(field)'") else { return nil }
                let typeName = read.string(rule, "type") ?? "text"
                guard let type = FieldSchema.FieldType(rawValue: typeName) else {
                    log.error(
                        read.file, rule["type"]!.position, "unknown field type '\(typeName)'",
                        hint: "known: \(FieldSchema.FieldType.allCases.map(\.rawValue).joined(separator: ", "))")
                    return nil
                }
                let values = (read.strings(rule, "values") ?? []).map(\.0)
                return FieldSchema(
                    field: field, type: type, required: read.bool(rule, "required") ?? false, values: values,
                    labels: labels(rule["labels"], field: field, values: values, read))
            }
        }
        return result
    }

    /// The value of `key` in `map` when it is one URL folder name (a slug); an error otherwise.
    private func urlFolder(
        _ map: DataValue, _ key: String, what: String, example: String, _ read: FieldReader
    ) -> String? {
        guard let folder = read.string(map, key) else { return nil }
        guard !folder.isEmpty && Slug.make(folder) == folder else {
            log.error(
                read.file, map[key]!.position,
                "\(what) must be one URL folder name of a–z, 0–9 and '-', not '\(folder)'",
                hint: "for example \(example)")
            return nil
        }
        return folder
    }

    /// `labels: {value: text}` of a schema rule: each key one of the rule's `values`.
    private func labels(_ value: DataValue?, field: String, values: [String], _ read: FieldReader) -> [String: String] {
        guard let value, let pairs = read.mapping(value, what: "the labels of '\(field)'")?.pairs else { return [:] }
        var labels: [String: String] = [:]
        for (key, label) in pairs {
            guard let text = label.text, !text.isEmpty else {
                log.error(
                    read.file, label.position, "the label of '\(key)' must be text", hint: "write it as '\(key): Text'")
                continue
            }
            guard values.isEmpty || values.contains(key) else {
                log.error(
                    read.file, label.position, "'\(key)' has a label but is not one of the values of '\(field)'",
                    hint: "the values are: \(values.joined(separator: ", ")); label those, or add '\(key)' to 'values'")
                continue
            }
            labels[key] = text
        }
        return labels
    }

    /// A text field that must be one of `allowed`; nil, with an error at the value, otherwise.
    func choice(_ map: DataValue, _ key: String, _ read: FieldReader, _ allowed: [String]) -> String? {
        guard let text = read.string(map, key) else { return nil }
        guard allowed.contains(text) else {
            log.error(
                read.file, map[key]!.position,
                "'\(key)' must be one of \(allowed.joined(separator: ", ")), not '\(text)'",
                hint: "write \(key): \(allowed[0])")
            return nil
        }
        return text
    }

    private func date(_ map: DataValue, _ key: String, _ read: FieldReader) -> String? {
        guard let text = read.string(map, key) else { return nil }
        guard CalendarDate.isValid(text) else {
            log.error(
                read.file, map[key]!.position, "'\(key)' must be a calendar date in the form YYYY-MM-DD, not '\(text)'",
                hint: CalendarDate.hint(example: "\(key): 2024-05-31"))
            return nil
        }
        return text
    }

    private func report(_ map: DataValue, _ read: FieldReader) -> ReportConfig {
        ReportConfig(
            title: read.string(map, "title") ?? "Rapport", subtitle: read.string(map, "subtitle") ?? "",
            path: Slug.make(read.string(map, "path") ?? "rapport"), groupBy: read.string(map, "groupBy"),
            sections: (read.strings(map, "sections") ?? []).map(\.0), glossary: read.string(map, "glossary"))
    }

    private func taxonomy(_ value: DataValue, _ read: FieldReader) -> Taxonomy? {
        guard let map = read.mapping(value, what: "a taxonomy"),
            let key = read.string(map, "key", required: true)
        else { return nil }
        let title = read.string(map, "title") ?? key
        let terms = (read.list(map, "terms") ?? []).compactMap { item -> Term? in
            guard let t = read.mapping(item, what: "a term"), let id = read.string(t, "id", required: true) else {
                return nil
            }
            let slug = Slug.make(id)
            if slug.isEmpty {
                log.error(read.file, t.position, "term id '\(id)' has no letters or digits to make a URL from")
            }
            return Term(
                id: id, title: read.string(t, "title") ?? id, slug: slug,
                icon: read.string(t, "icon"), description: read.string(t, "description"),
                spellings: (read.strings(t, "spellings") ?? []).map(\.0), iconPosition: t["icon"]?.position)
        }
        var taxonomy = Taxonomy(
            key: key, title: title, singular: read.string(map, "singular") ?? title,
            path: Slug.make(read.string(map, "path") ?? key), param: read.string(map, "param") ?? Slug.make(key),
            required: read.bool(map, "required") ?? false,
            sections: (read.strings(map, "sections") ?? []).map(\.0), terms: terms)
        taxonomy.spaceSeparated = read.bool(map, "spaceSeparated") ?? false
        return taxonomy
    }

    private func collection(_ value: DataValue, _ read: FieldReader) -> CollectionConfig? {
        guard let map = read.mapping(value, what: "a collection"),
            let key = read.string(map, "key", required: true)
        else { return nil }
        func choices(_ field: String) -> [Choice] {
            (read.list(map, field) ?? []).compactMap { item in
                guard let c = read.mapping(item, what: "an entry of '\(field)'"),
                    let id = read.string(c, "id", required: true)
                else { return nil }
                return Choice(id: id, title: read.string(c, "title") ?? id)
            }
        }
        let title = read.string(map, "title") ?? key
        return CollectionConfig(
            key: key, data: read.string(map, "data") ?? key, title: title,
            singular: read.string(map, "singular") ?? title,
            path: Slug.make(read.string(map, "path") ?? key),
            titleField: read.string(map, "titleField") ?? "title",
            roles: choices("roles"), types: choices("types"))
    }

    private func checkUnique(_ config: SiteConfig, read: FieldReader, map: DataValue) {
        var paths: [String: String] = [:]
        for (path, owner) in config.taxonomies.map({ ($0.path, $0.key) })
            + config.collections.map({ ($0.path, $0.key) })
        {
            if let other = paths[path] {
                log.error(
                    read.file, map.position, "'\(owner)' and '\(other)' both use the URL folder '/\(path)/'",
                    hint: "give one of them another 'path'")
            }
            paths[path] = owner
        }
        for taxonomy in config.taxonomies {
            var slugs: [String: String] = [:]
            for term in taxonomy.terms {
                if let other = slugs[term.slug] {
                    log.error(
                        read.file, map.position,
                        "terms '\(other)' and '\(term.id)' of '\(taxonomy.key)' have the same URL slug '\(term.slug)'")
                }
                slugs[term.slug] = term.id
            }
        }
    }
}

extension SiteConfig {
    /// The settings of the site in the folder `content`, read from its site.yaml alone (for
    /// `kretslopp new`, which needs the vocabularies and not the pages). Nil when site.yaml is
    /// missing or cannot be read as settings; the diagnostics say why, and what else is wrong.
    public static func load(content: String) -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        let display = content.hasSuffix("/") ? String(content.dropLast()) : content
        let config = LoadSiteConfig(root: URL(fileURLWithPath: content), displayRoot: display, log: log).run()
        return (config, log.all)
    }
}
