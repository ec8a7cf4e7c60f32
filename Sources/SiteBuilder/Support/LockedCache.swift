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
