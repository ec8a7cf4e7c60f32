import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes rendered pages into a folder on a thread of its own while the build goes on, so the
/// site's HTML need not be all in memory at once and writing overlaps rendering. One thread makes
/// every folder and file: two threads creating entries in one folder wait for each other's lock
/// in the kernel.
final class PageStream: @unchecked Sendable {
    // Unchecked because the threads wait on each other, and Mutex has no condition to wait on.
    // Safe because `state` guards the queue, the flags and `handedOver`; `made` and `failure`
    // belong to the writing thread until `finish` has seen it stop.
    private let state = NSCondition()
    private var queue: [[OutputFile]] = []
    private var closed = false
    private var stopped = false
    private var failure: FileSystemError?
    private var made: Set<Substring> = []
    private var handedOver: [String] = []
    private let root: Int32

    /// Starts writing below `folder`, which must exist.
    init(into folder: String) throws {
        root = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw FileSystemError(operation: "open folder", path: folder, code: errno) }
        Thread { [self] in drain() }.start()
    }

    /// Batches waiting at most: a renderer that finds the queue this long waits for the writer, so
    /// that a slow disk holds back rendering instead of letting unwritten pages pile up in memory.
    static let waitingBatches = 8

    /// Hands over files to write; returns at once unless the writer is `waitingBatches` behind.
    func write(_ files: [OutputFile]) {
        guard !files.isEmpty else { return }
        state.lock()
        while queue.count >= Self.waitingBatches && !stopped { state.wait() }
        queue.append(files)
        handedOver += files.map(\.path)
        state.broadcast()
        state.unlock()
    }

    /// The paths of every file handed over, in the order they came.
    var paths: [String] {
        state.lock()
        defer { state.unlock() }
        return handedOver
    }

    /// Stops the writing thread once it has written the batch it is on; returns the files it did
    /// not get to, for the caller to write with the rest of the site on every core (writing is
    /// slower than rendering on a slow disk, or on a file system busy with a large deletion).
    /// Throws the first failure.
    func finish() throws -> [OutputFile] {
        state.lock()
        closed = true
        let rest = queue.flatMap { $0 }
        queue.removeAll()
        state.broadcast()
        while !stopped { state.wait() }
        state.unlock()
        close(root)
        if let failure { throw failure }
        return rest
    }

    private func drain() {
        while true {
            state.lock()
            while queue.isEmpty && !closed { state.wait() }
            guard !queue.isEmpty else {
                stopped = true
                state.broadcast()
                state.unlock()
                return
            }
            let files = queue.removeFirst()
            state.broadcast()
            state.unlock()
            if failure == nil { store(files) }
        }
    }

    private func store(_ files: [OutputFile]) {
        for file in files {
            // Each folder of the path once: `projekt`, then `projekt/x`.
            var end = file.path.startIndex
            while let slash = file.path[end...].firstIndex(of: "/") {
                let folder = file.path[..<slash]
                if !made.contains(folder) {
                    if mkdirat(root, String(folder), 0o777) != 0 && errno != EEXIST {
                        failure = FileSystemError(operation: "create folder", path: String(folder), code: errno)
                        return
                    }
                    made.insert(folder)
                }
                end = file.path.index(after: slash)
            }
            let code = FileTreeWriter.writeFile(file.bytes, at: file.path, in: root)
            if code != 0 {
                failure = FileSystemError(operation: "write", path: file.path, code: code)
                return
            }
        }
    }
}
