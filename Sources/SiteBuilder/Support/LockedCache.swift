import Foundation

/// Values made once and shared by the threads that render pages.
final class LockedCache<Key: Hashable, Value>: @unchecked Sendable {
    // Unchecked, with an NSLock rather than a Mutex: most values are template value trees
    // (`[String: Any]`, not Sendable), and a Mutex refuses to store a non-Sendable value that the
    // storing thread keeps too. Safe because a value is never changed once stored, so the threads
    // that get it only read it; the lock guards the storage only. Two threads may make the same
    // value at once; both results are equal and the first stored one is kept.
    private let lock = NSLock()
    private var storage: [Key: Value] = [:]

    func value(_ key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        if let value = storage[key] {
            lock.unlock()
            return value
        }
        lock.unlock()
        let value = make()
        lock.lock()
        defer { lock.unlock() }
        if let stored = storage[key] { return stored }
        storage[key] = value
        return value
    }
}
