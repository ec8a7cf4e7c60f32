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
        /// The language `notTranslated` is in: another one's (English) where the theme has no
        /// strings for this one.
        var notTranslatedLanguage: String
    }

    var languages: [Language]
    /// URL folders of listings' later pages, one per language (`sida`, `page`).
    private var pagePaths: Set<String> = []
    private var keyByPath: [String: String] = [:]
    private var pathByKey: [String: [String: String]] = [:]

    /// The links between the sites of each language (`sites` and `themes` in the same order).
    init(sites: [Site], themes: [Theme]) {
        languages = zip(sites, themes).map { site, theme in
            Language(
                tag: site.config.language, root: site.config.root, name: theme.string("languageName"),
                notTranslated: theme.string("languageNotTranslated"), notTranslatedLanguage: theme.stringsLanguage)
        }
        for site in sites {
            let language = site.config.language
            pagePaths.insert(site.config.listingFolder)
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
        let paths = (keyByPath[path] ?? keyByPath[firstPage(of: path)]).flatMap { pathByKey[$0] } ?? [:]
        return languages.map { ($0, paths[$0.tag]) }
    }

    /// True when `path` is a page of its own in the links (not a later page of a listing), so it
    /// has `hreflang` alternates.
    func isMatched(_ path: String) -> Bool { keyByPath[path] != nil }

    /// A later page of a listing leads to the listing (`/projekt/sida/2/` -> `/projekt/`): its
    /// pages are numbered by the language's own count.
    private func firstPage(of path: String) -> String {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, Int(parts[parts.count - 1]) != nil, pagePaths.contains(String(parts[parts.count - 2]))
        else { return path }
        return "/" + parts.dropLast(2).map { $0 + "/" }.joined()
    }
}
