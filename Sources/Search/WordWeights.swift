/// The weighted counts of one document's words by local word id, and the ids it has, kept in
/// buffers of their own: the tokenizer's loop adds to them for every word, and arrays there
/// would check on every write whether they must be copied first. Its owner calls `deallocate`.
struct WordWeights {
    private var weights: UnsafeMutableBufferPointer<UInt32>
    private var touched: UnsafeMutableBufferPointer<Int32>
    /// How many ids the document has so far.
    private(set) var touchedCount = 0

    init() {
        weights = .allocate(capacity: 1024)
        weights.initialize(repeating: 0)
        touched = .allocate(capacity: 1024)
        touched.initialize(repeating: 0)
    }

    func deallocate() {
        weights.deallocate()
        touched.deallocate()
    }

    /// Makes room for ids up to `id`, which start at 0.
    mutating func reserve(_ id: Int32) {
        guard Int(id) >= weights.count else { return }
        let capacity = Swift.max(weights.count * 2, Int(id) + 1)
        let larger = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: capacity)
        larger.initialize(repeating: 0)
        _ = larger.update(fromContentsOf: weights)
        weights.deallocate()
        weights = larger
        let touchedLarger = UnsafeMutableBufferPointer<Int32>.allocate(capacity: capacity)
        touchedLarger.initialize(repeating: 0)
        _ = touchedLarger.update(fromContentsOf: touched)
        touched.deallocate()
        touched = touchedLarger
    }

    /// Adds `weight` to the word `id` (reserved), with `titleBit` when it is in the title.
    @inline(__always)
    mutating func add(_ id: Int32, weight: UInt32, titleBit: UInt32) {
        let index = Int(id)
        let old = weights[index]
        if old == 0 {
            touched[touchedCount] = id
            touchedCount += 1
        }
        weights[index] = (old &+ weight) | titleBit
    }

    /// Calls `body` with each id of the document and its weighted count, in the order they came,
    /// and starts the next document.
    mutating func drain(_ body: (Int32, UInt32) -> Void) {
        for position in 0..<touchedCount {
            let id = touched[position]
            body(id, weights[Int(id)])
            weights[Int(id)] = 0
        }
        touchedCount = 0
    }
}
