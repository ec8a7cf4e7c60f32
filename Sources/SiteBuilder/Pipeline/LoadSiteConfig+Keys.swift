import Markdown

extension LoadSiteConfig {
    /// site.yaml's settings: a key that is none of them (`tilte:`, a setting of another
    /// generator) changes nothing, so it is said, with the setting it was likely meant to be.
    static let settingsKeys = [
        "title", "description", "language", "languages", "translations", "baseURL", "author", "updated", "markdown",
        "links", "menu", "footer", "nav", "navIndexes", "params", "contact", "taxonomies", "collections", "schema",
        "report",
        "strings",
        "listing", "search", "feed", "ignore", "include", "static", "home", "redirects", "permalinks", "newestFirst",
    ]

    /// The keys of `markdown:`.
    static let markdownKeys = [
        "unsafeHTML", "tocMinHeadings", "headingIDs", "gfm", "definitionTermIDs", "includes", "rustHiddenLines",
        "liquid", "gitbook", "mdx", "vue", "kramdown",
    ]

    /// A warning for each key of `map` (site.yaml, or its `markdown:`) that is no setting, at the
    /// key where `text` (site.yaml's) has it at the start of a line, else at its value; a
    /// language's own value (`title.en`) is its setting's.
    func warnOfUnknownKeys(
        _ map: DataValue, known: [String], in what: String, text: String? = nil, _ read: FieldReader
    ) {
        let lines = text.map { $0.split(separator: "\n", omittingEmptySubsequences: false) } ?? []
        for (key, entry) in map.pairs ?? [] {
            let dot = key.firstIndex(of: ".")
            let setting = dot.map { String(key[..<$0]) } ?? key
            if known.contains(setting),
                dot.map({ LanguageKeys.isLanguageTag(String(key[key.index(after: $0)...])) })
                    ?? true
            {
                continue
            }
            let guess = Suggestion.closest(to: setting, in: known).map { "did you mean '\($0)'? " } ?? ""
            let line = lines.firstIndex { $0.hasPrefix(key + ":") }
            log.warning(
                read.file, line.map { SourcePosition(line: $0 + 1, column: 1) } ?? entry.position,
                "unknown setting '\(key)' in \(what); it changes nothing",
                hint: "\(guess)docs/content-model.md lists the settings")
        }
    }
}
