/// Settings for one search index build.
public struct SearchIndexOptions: Sendable {
    /// The site's language: `sv` (or `sv-SE`) stems with Snowball Swedish; any other value
    /// tokenises and folds diacritics but does not stem.
    public var language: String
    /// Whether result links to folders get `index.html` appended (a `--relative-urls` build that
    /// is opened from `file://`). The engine also does this on its own when the page is a file.
    public var fileLinks: Bool = false

    public init(language: String, fileLinks: Bool = false) {
        self.language = language
        self.fileLinks = fileLinks
    }
}
