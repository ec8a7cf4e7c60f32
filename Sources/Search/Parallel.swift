import Dispatch

/// Runs `body` for every index in `0..<count` across the cores and returns the results in order.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let results = ResultSlots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        results.set(index, body(index))
    }
    return results.values()
}

/// One slot per iteration; each iteration writes only its own, so no lock is needed.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ value: T) {
        slots[index] = value
    }

    func values() -> [T] {
        slots.map { $0! }
    }
}
