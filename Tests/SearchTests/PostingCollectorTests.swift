import Testing

@testable import Search

/// The collector gives each term its (document, impact) pairs in the order the documents came,
/// documents without postings included in the numbering.
@Suite struct PostingCollectorTests {
    /// Random documents (some empty, some with no terms of a kind) against the lists made the
    /// plain way: a growing array per term.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func listsEqualThePlainGroupingOfEveryPosting(seed: UInt64) {
        // A linear congruential sequence: the same seed gives the same documents.
        var state = seed
        func below(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let termCount = 1 + below(40)
        let documents: [[(term: Int32, impact: UInt32)]] = (0..<below(61)).map { _ in
            // A document has each term at most once, as InvertedIndex adds them.
            var terms = Array(0..<termCount)
            for i in terms.indices.reversed() { terms.swapAt(i, below(i + 1)) }
            return terms.prefix(below(9)).map { (Int32($0), UInt32(1 + below(63))) }
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
