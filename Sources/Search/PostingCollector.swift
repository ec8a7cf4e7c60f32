/// Posting lists built in document order without a growing array per term: each posting is
/// appended to one flat record list as it is found, and the lists are cut out of it at the end
/// by a counting sort on the term, which keeps each term's documents in the order they came.
///
/// The records live in buffers sized once from a bound on their number (`capacity`): they are
/// written for every posting of the site, and a growing array would copy them as it grows and
/// check on every write whether it must be copied first. Its owner calls `deallocate`.
struct PostingCollector {
    private var terms: UnsafeMutableBufferPointer<Int32>
    /// (document, impact) of each record.
    private var pairs: UnsafeMutableBufferPointer<UInt32>
    private var counts: UnsafeMutableBufferPointer<Int>
    /// How many records there are.
    private(set) var count = 0

    /// A collector for terms `0..<termCount` and at most `capacity` postings.
    init(termCount: Int, capacity: Int) {
        terms = .allocate(capacity: Swift.max(1, capacity))
        pairs = .allocate(capacity: Swift.max(2, 2 * capacity))
        counts = .allocate(capacity: Swift.max(1, termCount))
        counts.initialize(repeating: 0)
    }

    func deallocate() {
        terms.deallocate()
        pairs.deallocate()
        counts.deallocate()
    }

    @inline(__always)
    mutating func add(term: Int32, document: UInt32, impact: UInt32) {
        precondition(count < terms.count, "more postings than the collector was made for")
        terms[count] = term
        pairs[2 * count] = document
        pairs[2 * count + 1] = impact
        counts[Int(term)] += 2
        count += 1
    }

    /// The (document, impact) pairs of each term, flat, and where each term's pairs start (the
    /// last start is the end).
    func lists(termCount: Int) -> (starts: [Int], pairs: [UInt32]) {
        var starts = [Int](repeating: 0, count: termCount + 1)
        for term in 0..<termCount { starts[term + 1] = starts[term] + counts[term] }
        var next = starts
        let grouped = [UInt32](unsafeUninitializedCapacity: 2 * count) { grouped, initialized in
            next.withUnsafeMutableBufferPointer { next in
                for record in 0..<count {
                    let term = Int(terms[record])
                    let at = next[term]
                    grouped[at] = pairs[2 * record]
                    grouped[at + 1] = pairs[2 * record + 1]
                    next[term] = at + 2
                }
            }
            initialized = 2 * count
        }
        return (starts, grouped)
    }
}
