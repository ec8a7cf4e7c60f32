/// Fixed slots written concurrently, one per index, and read once every writer has finished.
public final class ResultSlots<T: Sendable>: @unchecked Sendable {
    // Unchecked: the threads write through one buffer pointer without a lock. That is safe
    // because each index is written by exactly one thread (an index of `forEachIndex`), distinct
    // elements never overlap, and the slots are read only after `forEachIndex` has returned,
    // which waits for every thread.
    @usableFromInline let slots: UnsafeMutableBufferPointer<T?>

    @inlinable
    public init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    @inlinable
    public subscript(index: Int) -> T? {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    /// Every slot's value; each must have been written.
    @inlinable
    public var values: [T] { slots.map { $0! } }
}
