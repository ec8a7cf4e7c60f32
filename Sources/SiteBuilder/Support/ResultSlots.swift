/// Fixed slots written concurrently, one per index.
final class ResultSlots<T>: @unchecked Sendable {
    // Each index is written by exactly one iteration of concurrentPerform and read only after
    // all of them have finished, so the slots need no lock.
    private let slots: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    subscript(index: Int) -> T? {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    var values: [T] { slots.map { $0! } }
}
