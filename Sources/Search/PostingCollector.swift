/// Posting lists built in document order without a growing array per term: each posting is
/// appended to one flat record list as it is found, and the lists are cut out of it at the end
/// by a counting sort on the term, which keeps each term's documents in the order they came.
///
/// The records live in buffers sized once from a bound on their number (`capacity`): they are
/// written for every posting of the site, and a growing array would copy them as it grows and
/// check on every write whether it must be copied first. Its owner calls `deallocate`.
struct PostingCollector {
    /// The term of each record.
    private var terms: UnsafeMutableBufferPointer<Int32>
    /// The impact of each record (at most 63, `InvertedIndex.impact`). The record's document is
    /// where it stands among `documentEnds`: five bytes a record instead of twelve, at the point
    /// of the build that holds the most memory.
    private var impacts: UnsafeMutableBufferPointer<UInt8>
    private var counts: UnsafeMutableBufferPointer<Int>
    /// Where each document's records end, documents numbered from 0 in the order they ended.
    private var documentEnds: [Int] = []
    /// How many records there are.
    private(set) var count = 0

    /// A collector for terms `0..<termCount` and at most `capacity` postings.
    init(termCount: Int, capacity: Int) {
        terms = .allocate(capacity: Swift.max(1, capacity))
        impacts = .allocate(capacity: Swift.max(1, capacity))
        counts = .allocate(capacity: Swift.max(1, termCount))
        counts.initialize(repeating: 0)
    }

    func deallocate() {
        terms.deallocate()
        impacts.deallocate()
        counts.deallocate()
    }

    /// A posting of `term` in the document being collected (the one `endDocument` ends next).
    @inline(__always)
    mutating func add(term: Int32, impact: UInt32) {
        precondition(count < terms.count, "more postings than the collector was made for")
        precondition(impact <= UInt32(UInt8.max), "an impact of more than a byte")
        terms[count] = term
        impacts[count] = UInt8(truncatingIfNeeded: impact)
        counts[Int(term)] += 2
        count += 1
    }

    /// Ends the current document: the next posting is of the next document.
    mutating func endDocument() { documentEnds.append(count) }

    /// The (document, impact) pairs of each term, flat, and where each term's pairs start (the
    /// last start is the end).
    func lists(termCount: Int) -> (starts: [Int], pairs: [UInt32]) {
        precondition(documentEnds.last ?? 0 == count, "postings after the last document ended")
        var starts = [Int](repeating: 0, count: termCount + 1)
        for term in 0..<termCount { starts[term + 1] = starts[term] + counts[term] }
        var next = starts
        let grouped = [UInt32](unsafeUninitializedCapacity: 2 * count) { grouped, initialized in
            next.withUnsafeMutableBufferPointer { next in
                var record = 0
                for (document, end) in documentEnds.enumerated() {
                    while record < end {
                        let term = Int(terms[record])
                        let at = next[term]
                        grouped[at] = UInt32(document)
                        grouped[at + 1] = UInt32(impacts[record])
                        next[term] = at + 2
                        record += 1
                    }
                }
            }
            initialized = 2 * count
        }
        return (starts, grouped)
    }
}
