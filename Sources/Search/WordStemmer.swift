/// Turns index words into stems for the site's language: Snowball Swedish for `sv`, none otherwise.
///
/// Not thread-safe (it owns a libstemmer instance): use one per task.
struct WordStemmer {
    private let snowball: SnowballStemmer?

    /// The Snowball algorithm for a language tag, or nil when the language is not stemmed.
    static func algorithm(for language: String) -> String? {
        let primary = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? ""
        return primary == "sv" ? "swedish" : nil
    }

    init(language: String) {
        snowball = Self.algorithm(for: language).flatMap { SnowballStemmer(algorithm: $0) }
    }

    /// Whether words are stemmed at all (the engine must do the same to queries).
    var isStemming: Bool { snowball != nil }

    /// The stem of a lower-cased word; the word itself when the language has no stemmer.
    func stem(_ word: String) -> String {
        snowball?.stem(word) ?? word
    }
}
