import Foundation

/// A document's fields and how much a word in each counts, relative to the body.
enum SearchField: CaseIterable {
    case title, names, headings, keywords, summary, body

    /// Weight of one occurrence: title and names highest, then headings, keywords and summary,
    /// then body.
    var weight: UInt32 {
        switch self {
        case .title, .names: 6
        case .headings: 4
        case .keywords: 3
        case .summary: 3
        case .body: 1
        }
    }

    /// Whether a word in this field counts as a title word (`AnalysedChunk.titleBit`).
    var isTitle: Bool { self == .title || self == .names }

    /// Calls `body` with the UTF-8 bytes of each text of this field of `document`.
    func forEachText(of document: SearchDocument, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        func each(_ texts: [String]) {
            for var text in texts { text.withUTF8(body) }
        }
        switch self {
        case .title: each([document.title])
        // The title is a name too, but counted once.
        case .names: each(document.names.filter { $0 != document.title })
        case .headings: each(document.headings)
        case .keywords: each(document.keywords)
        case .summary: each([document.summary])
        // Kept as bytes from the Markdown renderer on.
        case .body: document.bodyUTF8.withUnsafeBufferPointer(body)
        }
    }
}

/// The words of a run of documents, as tokenised on one core.
///
/// Word ids are local to the chunk; `words` maps them to normalised words (two spellings such as
/// `Göteborg` and `GÖTEBORG` may share one).
struct AnalysedChunk {
    /// Normalised word of each local id.
    var words: [String] = []
    /// One entry per distinct word per document: its local id.
    var entryWord: [Int32] = []
    /// The weighted count of the entry; `titleBit` set when the word is in the title.
    var entryWeight: [UInt32] = []
    /// For each document, the end of its entries.
    var entryEnds: [Int] = []
    /// For each document, its number of words (all fields).
    var lengths: [Int] = []
    /// For each document, its `rankWeight`.
    var rankWeights: [Double] = []
    /// For each document, its `kind`: lengths are normalised among documents of one kind.
    var kinds: [Int] = []

    static let titleBit: UInt32 = 1 << 31

    /// Tokenises `documents` and counts each document's words by field weight; where a text has
    /// a variant of a synonym group, the other variants' words count as if they were there too.
    init<C: Collection<SearchDocument>>(_ documents: C, synonyms: SynonymTable = SynonymTable([])) {
        var tokenizer = Tokenizer()
        var interner = ByteInterner()
        var counts = WordWeights()
        defer { counts.deallocate() }
        // Room for one entry per 8 bytes of body text, more than the distinct words of a
        // document usually need, so the entry lists rarely grow and copy themselves.
        let estimate = documents.reduce(0) { $0 + $1.bodyUTF8.count } / 8
        entryWord.reserveCapacity(estimate)
        entryWeight.reserveCapacity(estimate)
        // Synonyms: whether each local word ends a variant; the words of the text so far and where
        // a variant may end, looked at once the text is done so the tokenizer's loop stays lean.
        let expands = !synonyms.isEmpty
        var endsVariant: [Bool] = []
        var recent: [Int32] = []
        var candidates: [Int] = []
        for document in documents {
            var length = 0
            for field in SearchField.allCases {
                let weight = field.weight
                let titleBit = field.isTitle ? Self.titleBit : 0
                field.forEachText(of: document) { text in
                    tokenizer.tokenize(text) { word, needsNormalization in
                        let (id, isNew) = interner.intern(word)
                        if isNew {
                            words.append(Self.normalize(word, needsNormalization: needsNormalization))
                            counts.reserve(id)
                            if expands { endsVariant.append(synonyms.endsVariant(words[words.count - 1])) }
                        }
                        counts.add(id, weight: weight, titleBit: titleBit)
                        length += 1
                        if expands {
                            recent.append(id)
                            if endsVariant[Int(id)] { candidates.append(recent.count) }
                        }
                    }
                    guard expands else { return }
                    for end in candidates {
                        let context = recent[max(0, end - synonyms.longestVariant)..<end].map { words[Int($0)] }
                        for variant in synonyms.matches(endingWith: context) {
                            for var added in synonyms.addedWords(for: variant) {
                                let (id, isNew) = added.withUTF8 { interner.intern($0) }
                                if isNew {
                                    words.append(added)
                                    counts.reserve(id)
                                    endsVariant.append(synonyms.endsVariant(added))
                                }
                                counts.add(id, weight: weight, titleBit: titleBit)
                            }
                        }
                    }
                    recent.removeAll(keepingCapacity: true)
                    candidates.removeAll(keepingCapacity: true)
                }
            }
            counts.drain { id, weight in
                entryWord.append(id)
                entryWeight.append(weight)
            }
            entryEnds.append(entryWord.count)
            lengths.append(length)
            rankWeights.append(document.rankWeight)
            kinds.append(document.kind)
        }
    }

    /// The index form of a word from the tokenizer: lower-cased and in NFC.
    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, needsNormalization: Bool) -> String {
        let word = String(decoding: bytes, as: UTF8.self)
        guard needsNormalization else { return word }
        return word.lowercased().precomposedStringWithCanonicalMapping
    }
}
