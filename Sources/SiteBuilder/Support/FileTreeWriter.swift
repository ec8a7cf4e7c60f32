#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Writes files into a new folder with plain system calls, spread over the cores: folders are
/// made once each, parents before children, and each file is opened, written and closed in place.
enum FileTreeWriter {
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

        let failure = FirstFailure()
        for level in folderLevels(files.map(\.path)) {
            // Folders of one depth have their parents already, so they can be made in any order.
            forEachChunk(of: level.count) { range in
                for folder in level[range] where failure.first == nil {
                    if mkdirat(rootFD, folder, 0o777) != 0 && errno != EEXIST {
                        failure.record(FileSystemError(operation: "create folder", path: folder, code: errno))
                    }
                }
            }
            try failure.check()
        }
        forEachChunk(of: files.count) { range in
            for file in files[range] where failure.first == nil {
                let code = writeFile(file.data, at: file.path, in: rootFD)
                if code != 0 { failure.record(FileSystemError(operation: "write", path: file.path, code: code)) }
            }
        }
        try failure.check()
    }

    /// The folders that `paths` need, grouped by depth: `a/b/c.txt` needs `a` (depth 1) and `a/b`
    /// (depth 2). Each folder is listed once.
    static func folderLevels(_ paths: [String]) -> [[String]] {
        var seen = Set<Substring>()
        var levels: [[String]] = []
        for path in paths {
            // Walks from the deepest folder up and stops at one already seen: its parents are too.
            var end = path.lastIndex(of: "/")
            while let cut = end {
                let folder = path[..<cut]
                guard !folder.isEmpty, seen.insert(folder).inserted else { break }
                let depth = folder.utf8.reduce(1) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
                while levels.count < depth { levels.append([]) }
                levels[depth - 1].append(String(folder))
                end = folder.lastIndex(of: "/")
            }
        }
        return levels
    }

    /// Creates (or truncates) the file at `path` below `folder` and writes `data` whole; returns 0
    /// or the errno of the call that failed.
    static func writeFile(_ data: Data, at path: String, in folder: Int32) -> Int32 {
        var fd: Int32
        repeat { fd = openat(folder, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) } while fd < 0 && errno == EINTR
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
