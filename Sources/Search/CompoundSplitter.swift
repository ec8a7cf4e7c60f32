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
///
/// Words are handled as UTF-8 bytes of lower-cased NFC text, so equal words are equal bytes: a
/// head or tail is looked up where it lies in the word, without making a string of it, and every
/// string met (words, tails, parts) gets an id in one table that the memos and the parts use.
struct CompoundSplitter {
    /// The words of the site that may be parts, and their stems.
    private var words = ByteInterner()
    private var stems = ByteInterner()
    private let stemmer: WordStemmer
    private var excluded = ByteInterner()
    /// Every string met, by id: words and tails split (the memo keys) and parts.
    private var strings = ByteInterner()
    /// For each string id: its best split as part ids (`split`), and all its parts (`parts(of:)`).
    private var splits: [Memo] = []
    private var allParts: [[Int32]?] = []
    /// Byte offsets of the scalars of the words being split, one buffer per level of recursion.
    private var offsetBuffers: [[Int]] = []
    /// One bit per `headHash` of the words that may be parts: a head whose bit is clear is no
    /// such word, told without a look-up in `words` (a likely cache miss, made for every
    /// prefix of every word split). A set bit still asks `words`.
    private var headBits = [UInt64](repeating: 0, count: CompoundSplitter.headBitCount / 64)
    static let headBitCount = 1 << 20

    private enum Memo {
        case unknown, none
        case some([Int32])
    }

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

    /// A splitter over the site's vocabulary (lower-cased NFC words); `stemmer` must be the
    /// index's, `excluded` the language's function words (`functionWords(_:)`).
    init(
        vocabulary: some Sequence<String>, stemmer: WordStemmer,
        excluded: Set<String> = CompoundSplitter.swedishFunctionWords
    ) {
        self.init(stemmer: stemmer, excluded: excluded)
        for var word in vocabulary {
            word.withUTF8 { bytes in
                guard Self.isSplittable(bytes) else { return }
                stemmer.withStem(of: bytes) { stem in addWord(bytes, stem: stem) }
            }
        }
    }

    /// An empty splitter; `addWord` gives it the vocabulary.
    init(stemmer: WordStemmer, excluded: Set<String>) {
        self.stemmer = stemmer
        for var word in excluded { word.withUTF8 { _ = self.excluded.intern($0) } }
    }

    /// Adds a word of the site with its stem (as `stemmer` gives it); words that cannot be parts
    /// (`isSplittable`) are left out.
    mutating func addWord(_ word: UnsafeBufferPointer<UInt8>, stem: UnsafeBufferPointer<UInt8>) {
        guard Self.isSplittable(word) else { return }
        _ = words.intern(word)
        _ = stems.intern(stem)
        var hash = Self.headHashBasis
        for byte in word { hash = Self.headHash(hash, byte) }
        let bit = Self.headBit(hash)
        headBits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// FNV-1a over bytes, one byte at a time, so the heads of a word (its prefixes) are hashed
    /// as the split goes along it.
    static let headHashBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    @inline(__always)
    static func headHash(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    @inline(__always)
    static func headBit(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash ^ hash >> 32) & UInt64(headBitCount - 1))
    }

    /// Whether the head with this hash may be a word of `words` (a clear bit: it is not).
    @inline(__always)
    private func mayBeWord(_ hash: UInt64) -> Bool {
        let bit = Self.headBit(hash)
        return headBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Every part of a compound, parts of parts included (`livscykelkostnad` -> `livscykel`,
    /// `kostnad`, `liv`, `cykel`), without duplicates; empty when the word is not a compound.
    mutating func parts(of word: String) -> [String] {
        var word = word
        let ids = word.withUTF8 { parts(of: $0) }
        return ids.map { id in strings.withBytes(id) { String(decoding: $0, as: UTF8.self) } }
    }

    /// The same for a word given as UTF-8 bytes, as ids of `part(_:)`.
    mutating func parts(of word: UnsafeBufferPointer<UInt8>) -> [Int32] {
        let id = string(word)
        if let known = allParts[Int(id)] { return known }
        var result: [Int32] = []
        if Self.isSplittable(word), let split = split(word, key: id) {
            for part in split {
                if !result.contains(part) { result.append(part) }
                let bytes = strings.withBytes(part) { Array($0) }
                let inner = bytes.withUnsafeBufferPointer { parts(of: $0) }
                for inner in inner where !result.contains(inner) { result.append(inner) }
            }
        }
        allParts[Int(id)] = result
        return result
    }

    /// Calls `body` with the bytes of a part id from `parts(of:)`.
    func withPart<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        strings.withBytes(id, body)
    }

    /// The id of a string in `strings`, with its memo entries.
    private mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (id, isNew) = strings.intern(bytes)
        if isNew {
            splits.append(.unknown)
            allParts.append(nil)
        }
        return id
    }

    /// The best split of a word into two or more parts, or nil; `key` is the word's string id.
    private mutating func split(_ word: UnsafeBufferPointer<UInt8>, key: Int32) -> [Int32]? {
        switch splits[Int(key)] {
        case .none: return nil
        case .some(let parts): return parts
        case .unknown: break
        }
        // Scalar offsets, with the end of the word last: scalar i is offsets[i]..<offsets[i + 1].
        var offsets = offsetBuffers.popLast() ?? []
        defer { offsetBuffers.append(offsets) }
        offsets.removeAll(keepingCapacity: true)
        for (index, byte) in word.enumerated() where byte & 0xC0 != 0x80 { offsets.append(index) }
        offsets.append(word.count)
        let count = offsets.count - 1
        let minimum = Self.minimumPart
        guard count >= 2 * minimum else {
            splits[Int(key)] = .none
            return nil
        }
        func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: word[offsets[range.lowerBound]..<offsets[range.upperBound]])
        }
        // Whether scalar `index` is the letter s (a one-byte scalar).
        func isS(_ index: Int) -> Bool {
            word[offsets[index]] == UInt8(ascii: "s") && offsets[index + 1] - offsets[index] == 1
        }

        var best: [Int32]?
        var bestShortest = 0
        // The hash of the head so far, over its first `hashed` bytes.
        var headHash = Self.headHashBasis
        var hashed = 0
        for end in minimum...(count - minimum) {
            while hashed < offsets[end] {
                headHash = Self.headHash(headHash, word[hashed])
                hashed += 1
            }
            guard mayBeWord(headHash) else { continue }
            let head = bytes(0..<end)
            guard words.contains(head), !excluded.contains(head) else { continue }
            var tailStarts = [end]
            if isS(end) && !isS(end - 1) && count - end - 1 >= minimum {
                tailStarts.append(end + 1)
            }
            for start in tailStarts {
                let tail = bytes(start..<count)
                var candidate: [Int32]?
                if let part = part(tail) {
                    candidate = [string(head), part]
                } else {
                    let tailKey = string(tail)
                    if let inner = split(tail, key: tailKey) { candidate = [string(head)] + inner }
                }
                if let candidate {
                    let shortest = shortestPart(candidate)
                    if best == nil || candidate.count < best!.count
                        || (candidate.count == best!.count && shortest > bestShortest)
                    {
                        best = candidate
                        bestShortest = shortest
                    }
                }
            }
        }
        if best == nil {
            // The head may be the stem of a word of the site (`marknad` of `marknaden` in
            // `marknadssondering`): the site need not use the bare form. Then only with a linking
            // `s` (not `mynd|igheten`, `kommun|ikation`) and a tail that does not stem to an ending.
            best = unknownTailSplit(count, bytes: bytes, isS: isS)
        }
        splits[Int(key)] = best.map { .some($0) } ?? .none
        return best
    }

    /// The split of a compound whose last part the site never uses alone (`klimatanpassningar`
    /// where only `klimat` stands alone): the longest known head of at least `minimumHead`
    /// letters and a tail of at least `minimumUnknownTail`, the linking `s` dropped. Long parts
    /// only, so endings (`kommun|erna`, `myndig|heten`) stay whole; such parts rank as compound
    /// parts, below the word itself.
    static let minimumHead = 4
    static let minimumUnknownTail = 6

    private mutating func unknownTailSplit(
        _ count: Int, bytes: (Range<Int>) -> UnsafeBufferPointer<UInt8>, isS: (Int) -> Bool
    ) -> [Int32]? {
        guard count >= Self.minimumHead + Self.minimumUnknownTail else { return nil }
        for end in stride(from: count - Self.minimumUnknownTail, through: Self.minimumHead, by: -1) {
            let head = bytes(0..<end)
            let linked = isS(end) && !isS(end - 1) && count - end - 1 >= Self.minimumUnknownTail
            let tail = bytes((linked ? end + 1 : end)..<count)
            guard !excluded.contains(head) else { continue }
            let accepted =
                words.contains(head)
                || (linked && stems.contains(head)
                    && stemmer.withStem(of: tail) { Self.scalarCount($0) } > Self.minimumPart)
            if accepted { return [string(head), string(tail)] }
        }
        return nil
    }

    /// A tail as a part: the tail when it is a word of the site or an inflection of one (its stem
    /// is a known stem); the word it inflects when the stemmer cuts that word further
    /// (`kostnader` -> `kostnad`, a word of the site whose own stem is `kostn`); else nil.
    private mutating func part(_ tail: UnsafeBufferPointer<UInt8>) -> Int32? {
        if excluded.contains(tail) { return nil }
        if words.contains(tail) { return string(tail) }
        enum Found {
            case none, tail
            case stem([UInt8])
        }
        let found = stemmer.withStem(of: tail) { stem -> Found in
            guard Self.scalarCount(stem) > Self.minimumPart else { return .none }
            if stems.contains(stem) { return .tail }
            return words.contains(stem) ? .stem(Array(stem)) : .none
        }
        switch found {
        case .none: return nil
        case .tail: return string(tail)
        case .stem(let stem): return stem.withUnsafeBufferPointer { string($0) }
        }
    }

    /// The letters of the shortest of some parts.
    private func shortestPart(_ parts: [Int32]) -> Int {
        parts.map { strings.withBytes($0) { Self.scalarCount($0) } }.min() ?? 0
    }

    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Words of letters only, long enough to be a part.
    static func isSplittable(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = scalarCount(word)
        guard count >= minimumPart && count <= maximumWord else { return false }
        var index = 0
        while index < word.count {
            let byte = word[index]
            if byte < 0x80 {
                guard WordCharacters.isAlphabeticASCII(byte) else { return false }
                index += 1
                continue
            }
            let (value, length) = Tokenizer.decode(word, at: index)
            guard Unicode.Scalar(value)?.properties.isAlphabetic == true else { return false }
            index += length
        }
        return true
    }
}
