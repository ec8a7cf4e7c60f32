import Foundation
import Parallel

#if canImport(Glibc)
    import Glibc
#endif

/// Writes files into a new folder with plain system calls, spread over the cores: folders are
/// made once each, parents before children, and each file is opened, written and closed in place.
enum FileTreeWriter {
    /// A folder to fill: the folders to make in it and the files to write in it.
    struct Folder: Equatable {
        /// Relative to the root; "" for the root itself.
        var path: String
        var subfolders: [Int] = []
        var files: [Int] = []
    }

    /// Creates `root` (its parent must exist) and writes every file below it; `files` paths are
    /// relative to `root`. Errors name the path relative to `root` and the system's reason.
    static func write(_ files: [OutputFile], into root: String) throws {
        // The whole tree is new, so each file is created once: no temporary file and rename,
        // which would double the inode and directory work of every file.
        if mkdir(root, 0o777) != 0 && errno != EEXIST {
            throw FileSystemError(operation: "create folder", path: root, code: errno)
        }
        let rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else { throw FileSystemError(operation: "open folder", path: root, code: errno) }
        defer { close(rootFD) }

        // One thread fills one folder at a time. Creating an entry locks its folder in the
        // kernel, so two threads creating in the same folder wait for each other (spinning);
        // handing out whole folders keeps them apart. A folder is handed out as soon as it
        // exists, so while one thread makes projekt/a, projekt/b, … the other fills them.
        let folders = plan(files.map(\.path))
        let queue = FolderQueue(count: folders.count)
        let failure = FirstFailure()
        onEveryCore(atMost: folders.count) {
            while let next = queue.take() {
                let folder = folders[next]
                for sub in folder.subfolders {
                    let path = folders[sub].path
                    if mkdirat(rootFD, path, 0o777) != 0 && errno != EEXIST {
                        failure.record(FileSystemError(operation: "create folder", path: path, code: errno))
                        return queue.stop()
                    }
                    queue.add(sub)
                }
                for index in folder.files {
                    let code = writeFile(files[index].bytes, at: files[index].path, in: rootFD)
                    if code != 0 {
                        failure.record(FileSystemError(operation: "write", path: files[index].path, code: code))
                        return queue.stop()
                    }
                }
            }
        }
        try failure.check()
    }

    /// Every folder that `paths` need, the root first, each with its subfolders and the indices
    /// of its files (`a/b/c.txt` needs `a` and `a/b`).
    static func plan(_ paths: [String]) -> [Folder] {
        var folders = [Folder(path: "")]
        var known: [Substring: Int] = ["": 0]
        func folder(_ path: Substring) -> Int {
            if let index = known[path] { return index }
            let parent = folder(path.lastIndex(of: "/").map { path[..<$0] } ?? "")
            folders.append(Folder(path: String(path)))
            known[path] = folders.count - 1
            folders[parent].subfolders.append(folders.count - 1)
            return folders.count - 1
        }
        for (index, path) in paths.enumerated() {
            folders[folder(path.lastIndex(of: "/").map { path[..<$0] } ?? "")].files.append(index)
        }
        return folders
    }

    /// Creates (or truncates) the file at `path` below `folder` and writes `data` whole; returns 0
    /// or the errno of the call that failed.
    static func writeFile(_ data: [UInt8], at path: String, in folder: Int32) -> Int32 {
        var fd: Int32
        repeat {
            fd = openat(folder, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        } while fd < 0 && errno == EINTR
        guard fd >= 0 else { return errno }
        var failed: Int32 = 0
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                // write may take fewer bytes than asked (signals, quotas, pipes): go on from there.
                let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    failed = written < 0 ? errno : EIO
                    return
                }
            }
        }
        // close reports delayed write errors (NFS, quotas); after EINTR the descriptor is closed anyway.
        if close(fd) != 0 && failed == 0 && errno != EINTR { failed = errno }
        return failed
    }
}

/// Folders that exist and wait to be filled, handed to the writing threads one at a time.
private final class FolderQueue: @unchecked Sendable {
    // Unchecked because the threads wait for folders, and Mutex has no condition to wait on: every
    // stored property is read and written only with `condition` locked.
    private let condition = NSCondition()
    // The root exists before the threads start.
    private var ready = [0]
    /// Folders not yet handed out; when it reaches 0 the waiting threads are done.
    private var untaken: Int

    init(count: Int) { untaken = count }

    /// The next folder to fill, waiting while others are still being made; nil when all are
    /// handed out or the writing stopped.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && untaken > 0 { condition.wait() }
        guard let next = ready.popLast() else { return nil }
        untaken -= 1
        if untaken == 0 { condition.broadcast() }
        return next
    }

    /// `folder` now exists.
    func add(_ folder: Int) {
        condition.lock()
        ready.append(folder)
        condition.signal()
        condition.unlock()
    }

    /// After a failure: hand out nothing more, and wake every waiting thread.
    func stop() {
        condition.lock()
        ready = []
        untaken = 0
        condition.broadcast()
        condition.unlock()
    }
}
