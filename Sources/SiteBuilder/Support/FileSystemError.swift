import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A system call on a path that failed: what was tried, on which path, and the system's reason.
struct FileSystemError: Error, CustomStringConvertible, Equatable {
    var operation: String
    var path: String
    var code: Int32

    var description: String { "cannot \(operation) \(path): \(String(cString: strerror(code)))" }
}

/// Keeps the first of the errors that concurrent work reports, so the others can stop early.
final class FirstFailure: Sendable {
    // Written rarely (on failure) and read by every worker between items.
    private let error = Mutex<FileSystemError?>(nil)

    func record(_ failure: FileSystemError) {
        error.withLock { if $0 == nil { $0 = failure } }
    }

    var first: FileSystemError? { error.withLock { $0 } }

    /// Throws the first recorded error, if any.
    func check() throws {
        if let first { throw first }
    }
}
