/// A site in several languages: every language's page paths, and which pages are the same page
/// in another language. Pages are matched by their translation key; generated pages (listings,
/// taxonomies, terms, records, the report, search) by what they show.
struct LanguageLinks: Sendable {
    /// One language of the site, with the words its switcher entry says in that language.
    struct Language: Sendable {
        var tag: String
        /// Its front page (`/`, `/en/`).
        var root: String
        /// The language's name in itself (`English`, `Svenska`).
        var name: String
        /// Said, in the language, where a page has no translation into it.
        var notTranslated: String
    }

    var languages: [Language]
    private var keyByPath: [String: String] = [:]
    private var pathByKey: [String: [String: String]] = [:]

    /// The links between the sites of each language (`sites` and `themes` in the same order).
    init(sites: [Site], themes: [Theme]) {
        languages = zip(sites, themes).map { site, theme in
            Language(
                tag: site.config.language, root: site.config.root, name: theme.string("languageName"),
                notTranslated: theme.string("languageNotTranslated"))
        }
        for site in sites {
            let language = site.config.language
            func add(_ key: String, _ path: String) {
                keyByPath[path] = key
                pathByKey[key, default: [:]][language] = path
            }
            for page in site.pages where page.kind == .regular || page.kind == .standalone {
                add("page:" + page.translationKey, page.path)
            }
            for section in site.sections { add("section:" + section.folder, section.path) }
            for taxonomy in site.config.taxonomies {
                add("taxonomy:" + taxonomy.key, "/\(taxonomy.path)/")
                for term in taxonomy.terms { add("term:\(taxonomy.key):\(term.id)", "/\(taxonomy.path)/\(term.slug)/") }
            }
            for collection in site.collections {
                add("collection:" + collection.config.key, "/\(collection.config.path)/")
                for record in collection.records { add("record:\(collection.config.key):\(record.id)", record.path) }
            }
            if let report = site.config.report { add("report", "/\(report.path)/") }
            add("search", site.config.searchPath)
        }
    }

    /// The page at `path` in each language: its path there, or nil where it has no translation.
    func alternates(of path: String) -> [(language: Language, path: String?)] {
        let paths = keyByPath[path].flatMap { pathByKey[$0] } ?? [:]
        return languages.map { ($0, paths[$0.tag]) }
    }
}
