import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc

    /// Watches folders recursively with inotify and hands over batches of changed paths.
    ///
    /// inotify is not recursive: every folder gets its own watch, and a folder that appears later
    /// (created, or moved in with its files) is watched from then on and its files reported. Events
    /// are collected until the folders have been quiet for a moment (see `ChangeBatch`), then
    /// `onChange` runs on the watcher's own thread. Events that arrive while it runs (a rebuild) wait
    /// in the kernel's queue and form the next batch, so rebuilds never overlap. After each batch
    /// the folders are asked for again, and one that was not there before is watched from then on
    /// (the folder a site's includes read from, which its first good build names).
    final class FileWatcher: Sendable {
        struct Timing: Sendable {
            /// Quiet time before a batch that looks finished is handed over.
            var settle: Duration = .milliseconds(10)
            /// Quiet time before a batch with a half-done save (or a deletion) is handed over.
            var debounce: Duration = .milliseconds(100)
            /// A batch is handed over after this long even if events keep coming.
            var maximum: Duration = .seconds(1)
        }

        private let folders: @Sendable () -> [URL]
        private let timing: Timing
        private let onChange: @Sendable ([String]) -> Void
        /// The descriptors of the inotify instance and the pipe that wakes the watcher thread to
        /// stop, from `start()` until `stop()`.
        private let running = Mutex<(inotify: Int32, wake: (read: Int32, write: Int32))?>(nil)
        private let finished = DispatchSemaphore(value: 0)

        static let mask: UInt32 = UInt32(
            IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                | IN_DELETE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK)

        init(folders: [URL], timing: Timing = Timing(), onChange: @escaping @Sendable ([String]) -> Void) {
            self.folders = { folders }
            self.timing = timing
            self.onChange = onChange
        }

        /// Watches the folders `folders` names, asked for at the start and after each batch.
        init(
            folders: @escaping @Sendable () -> [URL], timing: Timing = Timing(),
            onChange: @escaping @Sendable ([String]) -> Void
        ) {
            self.folders = folders
            self.timing = timing
            self.onChange = onChange
        }

        /// Starts watching; the folders are being watched when this returns.
        func start() throws {
            let inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard inotify >= 0 else { throw WatchError("inotify_init1 failed: \(String(cString: strerror(errno)))") }
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { throw WatchError("pipe failed: \(String(cString: strerror(errno)))") }
            let roots = folders().map(\.standardizedFileURL)
            var loop = WatchLoop(
                inotify: inotify, wake: fds[0], timing: timing, onChange: onChange, folders: folders,
                overflowPath: roots.first?.path ?? "/")
            loop.watchNewFolders()
            guard !loop.watches.isEmpty else {
                throw WatchError("none of the folders could be watched: \(roots.map(\.path))")
            }
            running.withLock { $0 = (inotify, (fds[0], fds[1])) }
            // The loop's watches are the watcher thread's alone from here on.
            let thread = Thread { [loop, finished] in
                var loop = loop
                loop.run()
                finished.signal()
            }
            thread.name = "kretslopp-watcher"
            thread.start()
        }

        /// Asks the watcher thread to stop once a running `onChange` returns, without waiting.
        func requestStop() {
            guard let wake = running.withLock({ $0?.wake.write }) else { return }
            var byte: UInt8 = 1
            _ = write(wake, &byte, 1)
        }

        /// Stops the watcher thread (after a running `onChange` returns) and releases its resources.
        func stop() {
            guard let descriptors = running.withLock({ $0 }) else { return }
            requestStop()
            finished.wait()
            close(descriptors.inotify)
            close(descriptors.wake.read)
            close(descriptors.wake.write)
            running.withLock { $0 = nil }
        }
    }

    /// What the watcher thread owns: the inotify instance's watches and the loop that reads its events.
    private struct WatchLoop {
        let inotify: Int32
        /// Readable once the watcher is asked to stop.
        let wake: Int32
        let timing: FileWatcher.Timing
        let onChange: @Sendable ([String]) -> Void
        let folders: @Sendable () -> [URL]
        /// Where an overflow of the kernel's queue is reported (every path may have changed).
        let overflowPath: String
        var watches: [Int32: String] = [:]
        /// The folders asked for so far, watched with everything below them.
        var roots: Set<String> = []

        /// Watches each folder `folders` names that is not watched yet.
        mutating func watchNewFolders() {
            for folder in folders().map(\.standardizedFileURL.path) where roots.insert(folder).inserted {
                _ = addWatches(under: folder)
            }
        }

        mutating func run() {
            var batch = ChangeBatch()
            var firstEvent = ContinuousClock.now
            var lastEvent = ContinuousClock.now
            var pollFDs = [
                pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
            ]
            while true {
                var timeout: Int32 = -1
                if !batch.isEmpty {
                    let now = ContinuousClock.now
                    let quiet = batch.isSettled ? timing.settle : timing.debounce
                    let due = min(lastEvent + quiet, firstEvent + timing.maximum)
                    timeout = now >= due ? 0 : Int32(((due - now) / .milliseconds(1)).rounded(.up))
                }
                pollFDs[0].revents = 0
                pollFDs[1].revents = 0
                let ready = poll(&pollFDs, 2, timeout)
                if ready < 0 && errno == EINTR { continue }
                if pollFDs[1].revents != 0 { return }
                if ready > 0 && pollFDs[0].revents != 0 {
                    if batch.isEmpty { firstEvent = .now }
                    lastEvent = .now
                    readEvents(into: &batch)
                } else if ready == 0 && !batch.isEmpty {
                    onChange(batch.paths)
                    batch = ChangeBatch()
                    watchNewFolders()
                }
            }
        }

        private mutating func readEvents(into batch: inout ChangeBatch) {
            let capacity = 64 * 1024
            let buffer = UnsafeMutableRawPointer.allocate(
                byteCount: capacity, alignment: MemoryLayout<inotify_event>.alignment)
            defer { buffer.deallocate() }
            while true {
                let count = read(inotify, buffer, capacity)
                guard count > 0 else { return }
                var offset = 0
                while offset < count {
                    let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = buffer + offset + MemoryLayout<inotify_event>.size
                    let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                    offset += MemoryLayout<inotify_event>.size + Int(event.len)
                    handle(event, name: name, into: &batch)
                }
            }
        }

        private mutating func handle(_ event: inotify_event, name: String, into batch: inout ChangeBatch) {
            let mask = event.mask
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                batch.add(overflowPath, .overflow)
                return
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                watches[event.wd] = nil
                return
            }
            guard let folder = watches[event.wd], !name.isEmpty else { return }
            let path = folder + "/" + name
            let isFolder = mask & UInt32(IN_ISDIR) != 0
            if isFolder && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                // Files written into the folder before its watch existed are reported here.
                batch.add(path, .folderAdded)
                for file in addWatches(under: path) { batch.add(file, .written) }
            } else if mask & UInt32(IN_CLOSE_WRITE) != 0 {
                batch.add(path, .written)
            } else if mask & UInt32(IN_MOVED_TO) != 0 {
                batch.add(path, .movedIn)
            } else if mask & UInt32(IN_CREATE) != 0 {
                // A symbolic link or a hard link is complete when created; a file is complete when closed.
                batch.add(path, isRegularFileBeingWritten(path) ? .created : .written)
            } else if mask & UInt32(IN_MOVED_FROM) != 0 {
                // A folder moved away keeps its watches; drop them, or they report stale paths.
                if isFolder { removeWatches(under: path) }
                batch.add(path, .movedOut)
            } else if mask & UInt32(IN_DELETE) != 0 {
                batch.add(path, .removed)
            }
        }

        private func isRegularFileBeingWritten(_ path: String) -> Bool {
            var info = stat()
            return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_nlink == 1
        }

        private mutating func removeWatches(under root: String) {
            for (wd, folder) in watches where folder == root || folder.hasPrefix(root + "/") {
                inotify_rm_watch(inotify, wd)
                watches[wd] = nil
            }
        }

        /// Watches `root` and every folder below it; returns the files found (for a new folder).
        @discardableResult
        mutating func addWatches(under root: String) -> [String] {
            var files: [String] = []
            var pending = [root]
            while let folder = pending.popLast() {
                let wd = inotify_add_watch(inotify, folder, FileWatcher.mask)
                guard wd >= 0 else { continue }
                watches[wd] = folder
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
                for name in names.sorted() {
                    let path = folder + "/" + name
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                    if isDirectory.boolValue { pending.append(path) } else { files.append(path) }
                }
            }
            return files
        }
    }

#else

    /// File watching needs inotify (Linux); elsewhere the preview serves without live reload.
    final class FileWatcher: Sendable {
        struct Timing: Sendable {
            var settle: Duration = .milliseconds(10)
            var debounce: Duration = .milliseconds(100)
            var maximum: Duration = .seconds(1)
        }

        init(folders: [URL], timing: Timing = Timing(), onChange: @escaping @Sendable ([String]) -> Void) {}
        init(
            folders: @escaping @Sendable () -> [URL], timing: Timing = Timing(),
            onChange: @escaping @Sendable ([String]) -> Void
        ) {}
        func start() throws { throw WatchError("file watching is only available on Linux (inotify)") }
        func requestStop() {}
        func stop() {}
    }

#endif

/// Why watching could not start.
struct WatchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
