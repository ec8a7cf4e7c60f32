import Testing

@testable import Search

/// The collector gives each term its (document, impact) pairs in the order the documents came,
/// documents without postings included in the numbering.
@Suite struct PostingCollectorTests {
    /// Random documents (some empty, some with no terms of a kind) against the lists made the
    /// plain way: a growing array per term.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func listsEqualThePlainGroupingOfEveryPosting(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let termCount = Int.random(in: 1...40, using: &random)
        let documents: [[(term: Int32, impact: UInt32)]] = (0..<Int.random(in: 0...60, using: &random)).map { _ in
            // A document has each term at most once, as InvertedIndex adds them.
            let terms = (0..<termCount).shuffled(using: &random).prefix(Int.random(in: 0...8, using: &random))
            return terms.map { (Int32($0), UInt32.random(in: 1...63, using: &random)) }
        }
        let capacity = documents.reduce(0) { $0 + $1.count }
        var collector = PostingCollector(termCount: termCount, capacity: capacity)
        defer { collector.deallocate() }
        var expected = [[UInt32]](repeating: [], count: termCount)
        for (number, postings) in documents.enumerated() {
            for posting in postings {
                collector.add(term: posting.term, impact: posting.impact)
                expected[Int(posting.term)] += [UInt32(number), posting.impact]
            }
            collector.endDocument()
        }
        let (starts, pairs) = collector.lists(termCount: termCount)
        #expect(starts.count == termCount + 1 && starts.last == pairs.count && pairs.count == 2 * capacity)
        for term in 0..<termCount {
            #expect(Array(pairs[starts[term]..<starts[term + 1]]) == expected[term], "term \(term), seed \(seed)")
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing seed fails again.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
