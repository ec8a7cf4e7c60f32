/// Turns index words into stems for the site's language, with libstemmer's Snowball algorithm
/// for that language (`sv` -> `swedish`, `en-GB` -> `english`); without one, words are not stemmed.
///
/// Not thread-safe (it owns a libstemmer instance): use one per task.
struct WordStemmer {
    private let snowball: SnowballStemmer?

    /// Snowball algorithm names by ISO 639-1 primary language subtag. Only the names libstemmer
    /// lists at run time count (`SnowballStemmer.algorithms`), so a libstemmer without one of
    /// them leaves that language unstemmed instead of failing.
    static let algorithmsByLanguage: [String: String] = [
        "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "da": "danish", "nl": "dutch",
        "en": "english", "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
        "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
        "ne": "nepali", "no": "norwegian", "nb": "norwegian", "nn": "norwegian", "pt": "portuguese",
        "ro": "romanian", "ru": "russian", "sr": "serbian", "es": "spanish", "sv": "swedish", "ta": "tamil",
        "tr": "turkish", "yi": "yiddish",
    ]

    /// The primary language subtag of a language tag, lower-cased: `en-GB` and `en_GB` -> `en`.
    static func primaryLanguage(_ language: String) -> String {
        String(language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    }

    /// The Snowball algorithm for a language tag, or nil when libstemmer has none for it.
    static func algorithm(for language: String) -> String? {
        let primary = primaryLanguage(language)
        // An algorithm's own name (`german`) is taken as it is.
        let name = algorithmsByLanguage[primary] ?? primary
        return SnowballStemmer.algorithms.contains(name) ? name : nil
    }

    /// Algorithms the search engine (`Resources/search.js`) has its own port of, so it stems
    /// queries as the build stems words.
    static let enginePorts: Set<String> = ["swedish", "english"]

    /// Whether the index must list the site's words with their stems, for the engine to find a
    /// query word's stem: the language is stemmed, but the engine has no port of its algorithm.
    static func needsAliases(_ language: String) -> Bool {
        algorithm(for: language).map { !enginePorts.contains($0) } ?? false
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

    /// Calls `body` with the stem of a lower-cased word given as UTF-8 bytes (the bytes
    /// themselves when the language has no stemmer), valid only inside `body`.
    func withStem<R>(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let snowball else { return body(bytes) }
        return snowball.withStem(of: bytes, body)
    }
}
