import Foundation
import Parallel

#if canImport(Glibc)
    import Glibc
#endif

/// Deletes a folder and everything in it, spread over the cores: a replaced site is removed on
/// every rebuild, and it is tens of thousands of files in thousands of folders.
enum FileTreeRemover {
    /// Removes `path` and, when it is a folder, everything below it. Symbolic links are removed,
    /// never followed. A path that does not exist is not an error.
    static func remove(_ path: String) throws {
        var info = stat()
        if lstat(path, &info) != 0 {
            if errno == ENOENT { return }
            throw FileSystemError(operation: "remove", path: path, code: errno)
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            if unlink(path) != 0 && errno != ENOENT {
                throw FileSystemError(operation: "remove", path: path, code: errno)
            }
            return
        }
        // Going down one depth at a time: the folders of a depth are emptied of files in parallel
        // and their subfolders make the next depth; then the folders go, deepest first.
        let failure = FirstFailure()
        var levels: [[String]] = []
        var level = [path]
        while !level.isEmpty {
            levels.append(level)
            let current = level
            let found = parallelMap(current.count, minimumChunk: 8) { i in
                failure.first == nil ? emptyOfFiles(current[i], failure: failure) : []
            }
            try failure.check()
            level = found.flatMap { $0 }
        }
        for level in levels.reversed() {
            forEachIndex(level.count, minimumChunk: 8) { i in
                guard failure.first == nil else { return }
                if rmdir(level[i]) != 0 && errno != ENOENT {
                    failure.record(FileSystemError(operation: "remove", path: level[i], code: errno))
                }
            }
            try failure.check()
        }
    }

    /// Unlinks everything in `folder` that is not a folder; returns the paths of its subfolders.
    private static func emptyOfFiles(_ folder: String, failure: FirstFailure) -> [String] {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            failure.record(FileSystemError(operation: "open folder", path: folder, code: errno))
            return []
        }
        guard let directory = fdopendir(fd) else {
            failure.record(FileSystemError(operation: "open folder", path: folder, code: errno))
            close(fd)
            return []
        }
        defer { closedir(directory) }
        // All names are read before any is unlinked: removing entries while reading a folder
        // may make readdir skip or repeat others.
        var files: [String] = []
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                // Some file systems do not fill in the type; ask without following links.
                var info = stat()
                isFolder = fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder { folders.append(folder + "/" + name) } else { files.append(name) }
        }
        for name in files where unlinkat(fd, name, 0) != 0 && errno != ENOENT {
            failure.record(FileSystemError(operation: "remove", path: folder + "/" + name, code: errno))
            break
        }
        return folders
    }
}
