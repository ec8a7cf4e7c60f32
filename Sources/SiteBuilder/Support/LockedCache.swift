import Synchronization

/// Values made once and shared by the threads that render pages.
final class LockedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    // Values are never changed once stored; the lock guards the storage only, and is not held
    // while a value is made. Two threads may make the same value at once; both results are equal
    // and the first stored one is kept.
    private let storage = Mutex<[Key: Value]>([:])

    func value(_ key: Key, _ make: () -> Value) -> Value {
        if let value = storage.withLock({ $0[key] }) { return value }
        let value = make()
        return storage.withLock { storage in
            if let stored = storage[key] { return stored }
            storage[key] = value
            return value
        }
    }
}

/// Values by a dense number (a page's), made once each, with `LockedCache`'s rules: found by
/// indexing an array instead of hashing a key, which showed in profiles where every card of a
/// 10,000-page site was looked up on every listing.
final class IndexedCache<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    /// Room for the numbers `0..<count`.
    init(count: Int) {
        slots = Mutex([Value?](repeating: nil, count: count))
    }

    func value(_ index: Int, _ make: () -> Value) -> Value {
        if let value = slots.withLock({ $0[index] }) { return value }
        let value = make()
        return slots.withLock { slots in
            if let stored = slots[index] { return stored }
            slots[index] = value
            return value
        }
    }
}
