import Foundation
import Parallel

/// The index's terms with their posting lists, before they are written as shard files.
///
/// A term is a stem (`upphandling`). Its exact postings are the documents where a word with that
/// stem occurs; its compound postings the documents where it occurs as a part of a compound
/// (`möbel` in `möbelflöden`). Each posting carries a precomputed BM25 impact, so the engine
/// needs no document lengths: it adds idf × impact over the query's terms.
struct InvertedIndex {
    struct Term {
        var stem: String
        /// The diacritic-free stem, the key shards are split and searched by.
        var folded: String
        /// (document, impact) pairs in ascending document order; slices of the lists of all
        /// terms, which are not copied term by term.
        var exact: ArraySlice<UInt32>
        var compound: ArraySlice<UInt32>
        /// Set for an alias: `stem` is then a word of the site and this its stem; the term has
        /// no postings. Written only for languages the engine cannot stem (`WordStemmer.needsAliases`).
        var alias: String? = nil
    }

    /// Terms sorted by folded key, then stem (UTF-8 byte order, the same as code point order).
    var terms: [Term]
    var documentCount: Int

    static let k1 = 1.2
    static let b = 0.75
    /// Added to the impact of a term that is in the document's title.
    static let titleBoost = 1.5
    /// Impacts are stored as `round(impact × impactScale)` in 1…63.
    static let impactScale = 16.0

    /// Builds the terms from tokenised chunks (in document order) and the documents' names
    /// (`NameKeys`), which become terms whose key has a space.
    init(chunks: [AnalysedChunk], language: String, names: [(key: String, postings: [UInt32])] = []) {
        // One vocabulary across the chunks. Words are lower-cased NFC, so equal words are equal
        // bytes and a byte table merges them without hashing strings.
        var vocabulary = ByteInterner()
        var words: [String] = []
        let localToGlobal: [[Int32]] = chunks.map { chunk in
            chunk.words.map { word in
                var word = word
                let (id, isNew) = word.withUTF8 { vocabulary.intern($0) }
                if isNew { words.append(word) }
                return id
            }
        }

        // Stems, one stemmer per task. Words of one letter are counted but not indexed.
        let slices = Swift.max(1, Swift.min(8, words.count / 2_000))
        let stemSlices: [[String?]] = parallelMap(slices) { [words] slice in
            let stemmer = WordStemmer(language: language)
            let range = Self.slice(slice, of: slices, count: words.count)
            return words[range].map { $0.unicodeScalars.count < 2 ? nil : stemmer.stem($0) }
        }
        var stemTable = ByteInterner()
        var stems: [String] = []
        func stemId(_ stem: String) -> Int32 {
            var stem = stem
            let (id, isNew) = stem.withUTF8 { stemTable.intern($0) }
            if isNew { stems.append(stem) }
            return id
        }
        let stemOfWord: [Int32] = stemSlices.joined().map { $0.map(stemId) ?? -1 }

        // Compound parts, only in languages that write compounds as one word (`de`, not `en`):
        // the parts of word i are compoundParts[partStarts[i]..<partStarts[i + 1]].
        var partStarts = [Int](repeating: 0, count: words.count + 1)
        var compoundParts: [Int32] = []
        let stemmer = WordStemmer(language: language)
        let needsAliases = WordStemmer.needsAliases(language)
        // Parts that are not words of the site alone (`anpassung` of `klimaanpassung`) -> stem id,
        // for the word list of a language the engine cannot stem.
        var partAliases: [String: Int32] = [:]
        if CompoundSplitter.splitsCompounds(language) {
            var splitter = CompoundSplitter(stemmer: stemmer, excluded: CompoundSplitter.functionWords(language))
            for (word, stem) in zip(words, stemOfWord) where stem >= 0 {
                var word = word
                var stemText = stems[Int(stem)]
                word.withUTF8 { word in stemText.withUTF8 { splitter.addWord(word, stem: $0) } }
            }
            // The stem id of each part id of the splitter, found once.
            var stemOfPart: [Int32] = []
            var parts: [Int32] = []
            for (word, own) in zip(words.indices, stemOfWord) {
                if own >= 0 {
                    var text = words[word]
                    let partIds = text.withUTF8 { splitter.parts(of: $0) }
                    parts.removeAll(keepingCapacity: true)
                    for part in partIds {
                        if Int(part) >= stemOfPart.count {
                            stemOfPart.append(contentsOf: repeatElement(-1, count: Int(part) + 1 - stemOfPart.count))
                        }
                        if stemOfPart[Int(part)] < 0 {
                            let (partText, stemText) = splitter.withPart(part) { bytes in
                                (
                                    String(decoding: bytes, as: UTF8.self),
                                    stemmer.withStem(of: bytes) {
                                        String(decoding: $0, as: UTF8.self)
                                    }
                                )
                            }
                            let id = stemId(stemText)
                            stemOfPart[Int(part)] = id
                            if needsAliases && splitter.withPart(part, { vocabulary.find($0) }) == nil {
                                partAliases[partText] = id
                            }
                        }
                        let id = stemOfPart[Int(part)]
                        if id != own && !parts.contains(id) { parts.append(id) }
                    }
                    parts.sort()
                    compoundParts += parts
                }
                partStarts[word + 1] = compoundParts.count
            }
        }

        // Postings, document by document. Every entry gives at most one exact posting and one
        // compound posting per part, so the collectors are sized once for that many.
        let documentCount = chunks.reduce(0) { $0 + $1.lengths.count }
        let averageLengths = Self.averageLengths(chunks)
        let partCounts: [Int32] = (0..<words.count).map { Int32(partStarts[$0 + 1] - partStarts[$0]) }
        var entryCount = 0
        var partEntryCount = 0
        for (chunk, map) in zip(chunks, localToGlobal) {
            entryCount += chunk.entryWord.count
            let localPartCounts = map.map { partCounts[Int($0)] }
            for word in chunk.entryWord { partEntryCount += Int(localPartCounts[Int(word)]) }
        }
        var exactPostings = PostingCollector(termCount: stems.count, capacity: entryCount)
        var compoundPostings = PostingCollector(termCount: stems.count, capacity: partEntryCount)
        defer {
            exactPostings.deallocate()
            compoundPostings.deallocate()
        }
        // A document's weighted counts by stem and the stems it has, in buffers of their own:
        // arrays would check on every write whether they must be copied first.
        let exactWeight = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: Swift.max(1, stems.count))
        let compoundWeight = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: Swift.max(1, stems.count))
        let touchedExact = UnsafeMutableBufferPointer<Int32>.allocate(capacity: Swift.max(1, stems.count))
        let touchedCompound = UnsafeMutableBufferPointer<Int32>.allocate(capacity: Swift.max(1, stems.count))
        exactWeight.initialize(repeating: 0)
        compoundWeight.initialize(repeating: 0)
        defer {
            exactWeight.deallocate()
            compoundWeight.deallocate()
            touchedExact.deallocate()
            touchedCompound.deallocate()
        }
        // A document's impacts by weight (`impactCache`): the same weight in one document has
        // the same impact, and most weights are small counts.
        var impacts = [UInt8](repeating: 0, count: 2 * Self.cachedCounts)
        compoundParts.withUnsafeBufferPointer { compoundParts in
            for (chunk, map) in zip(chunks, localToGlobal) {
                // The stem and the compound parts of each of the chunk's words, by local id.
                let localStem = map.map { stemOfWord[Int($0)] }
                let localPartStart = map.map { partStarts[Int($0)] }
                let localPartEnd = map.map { partStarts[Int($0) + 1] }
                var start = 0
                for (index, end) in chunk.entryEnds.enumerated() {
                    var exactCount = 0
                    var compoundCount = 0
                    for entry in start..<end {
                        let word = Int(chunk.entryWord[entry])
                        let weight = chunk.entryWeight[entry]
                        let stem = localStem[word]
                        if stem >= 0 { Self.add(weight, to: stem, exactWeight, touchedExact, &exactCount) }
                        for part in localPartStart[word]..<localPartEnd[word] {
                            Self.add(weight, to: compoundParts[part], compoundWeight, touchedCompound, &compoundCount)
                        }
                    }
                    start = end
                    let averageLength = averageLengths[chunk.kinds[index], default: 1]
                    let norm = Self.k1 * (1 - Self.b + Self.b * Double(chunk.lengths[index]) / averageLength)
                    let rank = chunk.rankWeights[index]
                    impacts.withUnsafeMutableBufferPointer { impacts in
                        impacts.update(repeating: 0)
                        for position in 0..<exactCount {
                            let stem = touchedExact[position]
                            let impact = Self.impact(exactWeight[Int(stem)], norm: norm, rank: rank, cache: impacts)
                            exactPostings.add(term: stem, impact: impact)
                            exactWeight[Int(stem)] = 0
                        }
                        for position in 0..<compoundCount {
                            let stem = touchedCompound[position]
                            let impact = Self.impact(compoundWeight[Int(stem)], norm: norm, rank: rank, cache: impacts)
                            compoundPostings.add(term: stem, impact: impact)
                            compoundWeight[Int(stem)] = 0
                        }
                    }
                    exactPostings.endDocument()
                    compoundPostings.endDocument()
                }
            }
        }
        let (exactStarts, exactPairs) = exactPostings.lists(termCount: stems.count)
        let (compoundStarts, compoundPairs) = compoundPostings.lists(termCount: stems.count)
        func exact(_ id: Int) -> ArraySlice<UInt32> { exactPairs[exactStarts[id]..<exactStarts[id + 1]] }
        func compound(_ id: Int) -> ArraySlice<UInt32> { compoundPairs[compoundStarts[id]..<compoundStarts[id + 1]] }

        var terms: [Term] = []
        for (id, stem) in stems.enumerated() where !exact(id).isEmpty || !compound(id).isEmpty {
            let folded = DiacriticFolding.fold(stem)
            terms.append(Term(stem: stem, folded: folded, exact: exact(id), compound: compound(id)))
        }
        for (key, postings) in names {
            terms.append(Term(stem: key, folded: DiacriticFolding.fold(key), exact: postings[...], compound: []))
        }
        // The engine has no port of this language's stemmer: it finds a query word's stem among
        // the site's own words, listed with their stems next to the terms.
        if needsAliases {
            let aliases = zip(words, stemOfWord).filter { $0.1 >= 0 } + partAliases.map { ($0.key, $0.value) }
            for (word, stem) in aliases
            where stems[Int(stem)] != word && (!exact(Int(stem)).isEmpty || !compound(Int(stem)).isEmpty) {
                terms.append(
                    Term(
                        stem: word, folded: DiacriticFolding.fold(word), exact: [], compound: [],
                        alias: stems[Int(stem)]))
            }
        }
        self.terms = Self.sorted(terms)
        self.documentCount = documentCount
    }

    /// The average length of the documents of each kind. BM25 compares a document's length with
    /// the average of its own kind: a site's many short glossary entries and organisation pages
    /// would otherwise make every long project page look padded, and a word in a two-line entry
    /// outrank the project that is about it.
    static func averageLengths(_ chunks: [AnalysedChunk]) -> [Int: Double] {
        var totals: [Int: (length: Int, count: Int)] = [:]
        for chunk in chunks {
            for (kind, length) in zip(chunk.kinds, chunk.lengths) {
                let total = totals[kind, default: (0, 0)]
                totals[kind] = (total.length + length, total.count + 1)
            }
        }
        return totals.mapValues { Swift.max(1, Double($0.length) / Double(Swift.max(1, $0.count))) }
    }

    /// BM25 term weight of a weighted count in a document of length norm `norm` times the
    /// document's rank weight, plus the title boost, quantised to 1…63. The rank weight discounts
    /// what a document's text says of a word, not a title that is the word ("EPD International
    /// AB" for `epd international`).
    static func impact(_ weight: UInt32, norm: Double, rank: Double = 1) -> UInt32 {
        let count = Double(weight & ~AnalysedChunk.titleBit)
        var score = count * (k1 + 1) / (count + norm) * rank
        if weight & AnalysedChunk.titleBit != 0 { score += titleBoost }
        return UInt32(Swift.min(63, Swift.max(1, (score * impactScale).rounded())))
    }

    /// The terms by folded key, then stem, a term before its alias, then in the order given (a
    /// stable sort). The keys are compared as bytes of one buffer, so sorting retains no string
    /// and moves no term until the order is known; they are NFC, where equal strings are equal bytes.
    static func sorted(_ terms: [Term]) -> [Term] {
        var keys: [UInt8] = []
        // Term i's folded key is keys[starts[2i]..<starts[2i + 1]], its stem up to starts[2i + 2].
        var starts: [Int] = [0]
        starts.reserveCapacity(terms.count * 2 + 1)
        for term in terms {
            keys += term.folded.utf8
            starts.append(keys.count)
            keys += term.stem.utf8
            starts.append(keys.count)
        }
        let isAlias = terms.map { $0.alias != nil }
        let order = keys.withUnsafeBufferPointer { keys in
            starts.withUnsafeBufferPointer { starts in
                func compare(_ left: Int, _ right: Int, _ field: Int) -> Int32 {
                    let a = starts[2 * left + field]..<starts[2 * left + field + 1]
                    let b = starts[2 * right + field]..<starts[2 * right + field + 1]
                    let common = Swift.min(a.count, b.count)
                    if common > 0, let base = keys.baseAddress {
                        let order = memcmp(base + a.lowerBound, base + b.lowerBound, common)
                        if order != 0 { return order }
                    }
                    return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
                }
                return terms.indices.sorted { left, right in
                    let folded = compare(left, right, 0)
                    if folded != 0 { return folded < 0 }
                    let stem = compare(left, right, 1)
                    if stem != 0 { return stem < 0 }
                    if isAlias[left] != isAlias[right] { return !isAlias[left] }
                    return left < right
                }
            }
        }
        return order.map { terms[$0] }
    }

    /// Code point order, which is UTF-8 byte order (the engine compares the same way): memcmp
    /// of the common length (it compares bytes as unsigned), then the shorter first.
    static func precedes(_ left: String, _ right: String) -> Bool {
        var left = left
        var right = right
        return left.withUTF8 { left in
            right.withUTF8 { right in
                let common = Swift.min(left.count, right.count)
                if common > 0, let a = left.baseAddress, let b = right.baseAddress {
                    let order = memcmp(a, b, common)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
    }

    /// The `slice`-th of `slices` near-equal ranges of `0..<count`.
    static func slice(_ slice: Int, of slices: Int, count: Int) -> Range<Int> {
        (count * slice / slices)..<(count * (slice + 1) / slices)
    }

    /// Weighted counts below this have their impact kept for the rest of the document.
    static let cachedCounts = 64

    /// `impact(_:norm:rank:)` through a document's cache (0: not known yet), indexed by count
    /// and title bit.
    @inline(__always)
    private static func impact(
        _ weight: UInt32, norm: Double, rank: Double, cache: UnsafeMutableBufferPointer<UInt8>
    ) -> UInt32 {
        let count = Int(weight & ~AnalysedChunk.titleBit)
        guard count < cachedCounts else { return impact(weight, norm: norm, rank: rank) }
        let slot = weight & AnalysedChunk.titleBit != 0 ? count + cachedCounts : count
        if cache[slot] == 0 { cache[slot] = UInt8(impact(weight, norm: norm, rank: rank)) }
        return UInt32(cache[slot])
    }

    @inline(__always)
    private static func add(
        _ weight: UInt32, to stem: Int32, _ weights: UnsafeMutableBufferPointer<UInt32>,
        _ touched: UnsafeMutableBufferPointer<Int32>, _ touchedCount: inout Int
    ) {
        let index = Int(stem)
        let old = weights[index]
        if old == 0 {
            touched[touchedCount] = stem
            touchedCount += 1
        }
        let title = (old | weight) & AnalysedChunk.titleBit
        weights[index] = ((old & ~AnalysedChunk.titleBit) &+ (weight & ~AnalysedChunk.titleBit)) | title
    }
}
