/// Splits compounds into parts the site uses on their own: `möbelflöden` -> `möbel`,
/// `flöden`; `upphandlingsmyndigheten` -> `upphandling`, `myndigheten` (the linking `s` dropped).
///
/// A head part must be a word of the site's vocabulary; a tail part a word of the vocabulary,
/// an inflection of one (its stem, of at least four letters, is a known stem or word) or itself
/// a compound. When no such split exists, a long known head with a long tail the site never uses
/// alone still splits (`klimat|anpassningar`; the head may be a known word's stem, `marknad|sondering`),
/// so a search for the tail finds the compound.
/// Every part has at least three letters. Of several splits the one with fewest parts wins, then
/// the one whose shortest part is longest.
struct CompoundSplitter {
    private let words: Set<String>
    private let stems: Set<String>
    private let stem: (String) -> String
    private let excluded: Set<String>
    private var splits: [String: [String]?] = [:]
    private var allParts: [String: [String]] = [:]

    static let minimumPart = 3
    /// Longer "words" are not Swedish compounds but runs of letters (and trying every split of
    /// them would take time quadratic in their length).
    static let maximumWord = 48
    /// Languages that write compounds as one word (primary subtags): Swedish, Danish, Norwegian
    /// (`no`, `nb`, `nn`), Icelandic, Faroese, German, Dutch, Afrikaans, Frisian, Luxembourgish,
    /// Finnish, Estonian and Hungarian. Others (`en`, `fr`, `es`, …) write them apart or with
    /// hyphens, so their words are never split.
    static let compoundingLanguages: Set<String> = [
        "sv", "da", "no", "nb", "nn", "is", "fo", "de", "nl", "af", "fy", "lb", "fi", "et", "hu",
    ]

    /// Whether the index of a site in `language` (a tag such as `sv` or `de-AT`) splits compounds.
    static func splitsCompounds(_ language: String) -> Bool {
        compoundingLanguages.contains(WordStemmer.primaryLanguage(language))
    }

    /// The function words of a language that are never parts; empty for a language without a list.
    static func functionWords(_ language: String) -> Set<String> {
        switch WordStemmer.primaryLanguage(language) {
        case "sv": swedishFunctionWords
        case "de": germanFunctionWords
        default: []
        }
    }

    /// Short German function words that would make false splits (`dar|stellung`, `bei|spiel` stay whole).
    static let germanFunctionWords: Set<String> = [
        "und", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "mit", "für", "von", "zum",
        "zur", "auf", "aus", "bei", "dar", "nach", "über", "vor", "ist", "sind", "nicht", "auch", "als", "wie",
        "oder", "aber", "wir", "sie", "ihr", "man", "mehr", "sich", "noch", "nur", "vom",
    ]

    /// Short Swedish function words that make false splits (`för|slag`, `det|alj`) and are never parts.
    static let swedishFunctionWords: Set<String> = [
        "och", "att", "det", "den", "som", "med", "för", "till", "har", "kan", "var", "men",
        "inte", "ett", "från", "eller", "denna", "detta", "dessa", "alla", "sina", "sitt", "sin",
        "hon", "han", "vid", "mot", "där", "här", "när", "hur", "vad", "dem", "man", "mer", "nya",
    ]

    /// A splitter over the site's vocabulary; `stem` must be the index's stemmer, `excluded` the
    /// language's function words (`functionWords(_:)`).
    init(
        vocabulary: some Sequence<String>, stem: @escaping (String) -> String,
        excluded: Set<String> = CompoundSplitter.swedishFunctionWords
    ) {
        var words = Set<String>()
        var stems = Set<String>()
        for word in vocabulary where Self.isSplittable(word) {
            words.insert(word)
            stems.insert(stem(word))
        }
        self.words = words
        self.stems = stems
        self.stem = stem
        self.excluded = excluded
    }

    /// Every part of a compound, parts of parts included (`livscykelkostnad` -> `livscykel`,
    /// `kostnad`, `liv`, `cykel`), without duplicates; empty when the word is not a compound.
    mutating func parts(of word: String) -> [String] {
        if let known = allParts[word] { return known }
        var result: [String] = []
        if Self.isSplittable(word), let split = split(Array(word.unicodeScalars)) {
            for part in split {
                if !result.contains(part) { result.append(part) }
                for inner in parts(of: part) where !result.contains(inner) { result.append(inner) }
            }
        }
        allParts[word] = result
        return result
    }

    /// The best split of a word into two or more parts, or nil.
    private mutating func split(_ scalars: [Unicode.Scalar]) -> [String]? {
        let minimum = Self.minimumPart
        guard scalars.count >= 2 * minimum else { return nil }
        let key = Self.string(scalars[...])
        if let known = splits[key] { return known }
        var best: [String]?
        for end in minimum...(scalars.count - minimum) {
            let head = Self.string(scalars[..<end])
            guard words.contains(head), !excluded.contains(head) else { continue }
            var tailStarts = [end]
            if scalars[end] == "s" && scalars[end - 1] != "s" && scalars.count - end - 1 >= minimum {
                tailStarts.append(end + 1)
            }
            for start in tailStarts {
                let tailScalars = Array(scalars[start...])
                let tail = Self.string(tailScalars[...])
                var candidate: [String]?
                if let part = part(tail) {
                    candidate = [head, part]
                } else if let inner = split(tailScalars) {
                    candidate = [head] + inner
                }
                if let candidate, Self.isBetter(candidate, than: best) { best = candidate }
            }
        }
        if best == nil {
            // The head may be the stem of a word of the site (`marknad` of `marknaden` in
            // `marknadssondering`): the site need not use the bare form. Then only with a linking
            // `s` (not `mynd|igheten`, `kommun|ikation`) and a tail that does not stem to an ending.
            best = Self.unknownTailSplit(scalars) { head, tail, linked in
                guard !excluded.contains(head) else { return false }
                if words.contains(head) { return true }
                return linked && stems.contains(head) && stem(tail).unicodeScalars.count > Self.minimumPart
            }
        }
        splits[key] = best
        return best
    }

    /// The split of a compound whose last part the site never uses alone (`klimatanpassningar`
    /// where only `klimat` stands alone): the longest known head of at least `minimumHead`
    /// letters and a tail of at least `minimumUnknownTail`, the linking `s` dropped. Long parts
    /// only, so endings (`kommun|erna`, `myndig|heten`) stay whole; such parts rank as compound
    /// parts, below the word itself.
    static let minimumHead = 4
    static let minimumUnknownTail = 6

    private static func unknownTailSplit(
        _ scalars: [Unicode.Scalar], accepts: (_ head: String, _ tail: String, _ linked: Bool) -> Bool
    ) -> [String]? {
        guard scalars.count >= minimumHead + minimumUnknownTail else { return nil }
        for end in stride(from: scalars.count - minimumUnknownTail, through: minimumHead, by: -1) {
            let head = string(scalars[..<end])
            let linked = scalars[end] == "s" && scalars[end - 1] != "s" && scalars.count - end - 1 >= minimumUnknownTail
            let tail = string(scalars[(linked ? end + 1 : end)...])
            if accepts(head, tail, linked) { return [head, tail] }
        }
        return nil
    }

    /// A tail as a part: the tail when it is a word of the site or an inflection of one (its stem
    /// is a known stem); the word it inflects when the stemmer cuts that word further
    /// (`kostnader` -> `kostnad`, a word of the site whose own stem is `kostn`); else nil.
    private func part(_ tail: String) -> String? {
        if excluded.contains(tail) { return nil }
        if words.contains(tail) { return tail }
        let tailStem = stem(tail)
        guard tailStem.unicodeScalars.count > Self.minimumPart else { return nil }
        if stems.contains(tailStem) { return tail }
        return words.contains(tailStem) ? tailStem : nil
    }

    private static func isBetter(_ candidate: [String], than best: [String]?) -> Bool {
        guard let best else { return true }
        if candidate.count != best.count { return candidate.count < best.count }
        let shortest = { (parts: [String]) in parts.map { $0.unicodeScalars.count }.min() ?? 0 }
        return shortest(candidate) > shortest(best)
    }

    /// Words of letters only, long enough to be a part.
    private static func isSplittable(_ word: String) -> Bool {
        let count = word.unicodeScalars.count
        return count >= minimumPart && count <= maximumWord
            && word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
