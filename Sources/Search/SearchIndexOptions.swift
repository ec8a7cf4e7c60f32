/// Settings for one search index build.
public struct SearchIndexOptions: Sendable, Equatable {
    /// The site's language tag: words are stemmed with libstemmer's algorithm for it (`sv`,
    /// `sv-SE` -> Swedish, `en-GB` -> English, `de` -> German; `WordStemmer`), compounds split
    /// where the language writes them as one word (`CompoundSplitter.compoundingLanguages`); a
    /// language libstemmer has no algorithm for is tokenised and folded but not stemmed.
    public var language: String
    /// Whether result links to folders get `index.html` appended (a `--relative-urls` build that
    /// is opened from `file://`). The engine also does this on its own when the page is a file.
    public var fileLinks: Bool = false
    /// The label of each document kind (`SearchDocument.kind`), in the site's language:
    /// `["Projekt", "Organisation", "Ordlista", "Sida"]`.
    public var kinds: [String] = []
    /// Groups of words that mean the same (`["LCA", "livscykelanalys"]`): a document with one
    /// of a group is also found by the others.
    public var synonyms: [[String]] = []

    public init(language: String, fileLinks: Bool = false, kinds: [String] = [], synonyms: [[String]] = []) {
        self.language = language
        self.fileLinks = fileLinks
        self.kinds = kinds
        self.synonyms = synonyms
    }
}
