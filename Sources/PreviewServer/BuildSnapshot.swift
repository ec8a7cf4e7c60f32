import Foundation

/// The files of the last good build as the server answers from them, replaced as a whole after
/// each build: requests never wait for a rebuild in progress, and never see half of one.
final class BuildSnapshot: @unchecked Sendable {
    // Guarded by `lock`; `Data` values share their storage with the session's files.
    private let lock = NSLock()
    private var files: [String: Data] = [:]

    /// The bytes of an output path, or nil.
    func file(_ path: String) -> Data? {
        lock.lock()
        defer { lock.unlock() }
        return files[path]
    }

    /// Takes the new bytes of `changed` paths (nil: removed) from `source`, then swaps them in.
    func update(changed: [String], from source: (String) -> Data?) {
        lock.lock()
        var next = files
        lock.unlock()
        for path in changed { next[path] = source(path) }
        lock.lock()
        files = next
        lock.unlock()
    }
}
