/// Settings for one search index build.
public struct SearchIndexOptions: Sendable {
    /// The site's language tag: words are stemmed with libstemmer's algorithm for it (`sv`,
    /// `sv-SE` -> Swedish, `en-GB` -> English, `de` -> German; `WordStemmer`), compounds split
    /// where the language writes them as one word (`CompoundSplitter.compoundingLanguages`); a
    /// language libstemmer has no algorithm for is tokenised and folded but not stemmed.
    public var language: String
    /// Whether result links to folders get `index.html` appended (a `--relative-urls` build that
    /// is opened from `file://`). The engine also does this on its own when the page is a file.
    public var fileLinks: Bool = false

    public init(language: String, fileLinks: Bool = false) {
        self.language = language
        self.fileLinks = fileLinks
    }
}
