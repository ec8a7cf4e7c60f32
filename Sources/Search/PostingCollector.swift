/// Posting lists built in document order without a growing array per term: each posting is
/// appended to one flat record list as it is found, and the lists are cut out of it at the end
/// by a counting sort on the term, which keeps each term's documents in the order they came.
struct PostingCollector {
    private var terms: [Int32] = []
    /// (document, impact) of each record.
    private var pairs: [UInt32] = []
    private var counts: [Int]

    init(termCount: Int) {
        counts = [Int](repeating: 0, count: termCount)
    }

    mutating func add(term: Int32, document: UInt32, impact: UInt32) {
        terms.append(term)
        pairs.append(document)
        pairs.append(impact)
        counts[Int(term)] += 2
    }

    /// The (document, impact) pairs of each term, flat, and where each term's pairs start (the
    /// last start is the end).
    func lists() -> (starts: [Int], pairs: [UInt32]) {
        var starts = [Int](repeating: 0, count: counts.count + 1)
        for term in counts.indices { starts[term + 1] = starts[term] + counts[term] }
        var next = starts
        var grouped = [UInt32](repeating: 0, count: pairs.count)
        terms.withUnsafeBufferPointer { terms in
            pairs.withUnsafeBufferPointer { pairs in
                grouped.withUnsafeMutableBufferPointer { grouped in
                    next.withUnsafeMutableBufferPointer { next in
                        for (record, term) in terms.enumerated() {
                            let at = next[Int(term)]
                            grouped[at] = pairs[2 * record]
                            grouped[at + 1] = pairs[2 * record + 1]
                            next[Int(term)] = at + 2
                        }
                    }
                }
            }
        }
        return (starts, grouped)
    }
}
