#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A system call on a path that failed: what was tried, on which path, and the system's reason.
struct FileSystemError: Error, CustomStringConvertible, Equatable {
    var operation: String
    var path: String
    var code: Int32

    var description: String { "cannot \(operation) \(path): \(String(cString: strerror(code)))" }
}

/// Keeps the first of the errors that concurrent work reports, so the others can stop early.
final class FirstFailure: @unchecked Sendable {
    // Written rarely (on failure) and read by every worker between items; the lock keeps both safe.
    private let lock = NSLock()
    private var error: FileSystemError?

    func record(_ failure: FileSystemError) {
        lock.lock()
        if error == nil { error = failure }
        lock.unlock()
    }

    var first: FileSystemError? {
        lock.lock()
        defer { lock.unlock() }
        return error
    }

    /// Throws the first recorded error, if any.
    func check() throws {
        if let first { throw first }
    }
}
