import Foundation
import Synchronization
import Testing

@testable import PreviewServer

/// The inotify watcher on a temporary folder. Events must arrive; how fast is not asserted.
@Suite(.serialized) struct FileWatcherTests {
    /// Collects what the watcher reports.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var batches: [[String]] = []

        func record(_ paths: [String]) {
            lock.lock()
            batches.append(paths)
            lock.unlock()
        }

        var paths: Set<String> {
            lock.lock()
            defer { lock.unlock() }
            return Set(batches.joined())
        }

        func reset() {
            lock.lock()
            batches = []
            lock.unlock()
        }
    }

    let root: URL
    let recorder = Recorder()
    let watcher: FileWatcher

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kretslopp-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("projekt"), withIntermediateDirectories: true)
        try Data("---\ntitle: A\n---\n".utf8).write(to: root.appendingPathComponent("projekt/a.md"))
        let recorder = self.recorder
        watcher = FileWatcher(folders: [root]) { recorder.record($0) }
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func expectReported(_ relative: String, _ comment: Comment? = nil) async throws {
        let wanted = path(relative)
        try await waitUntil { recorder.paths.contains(wanted) }
        #expect(recorder.paths.contains(wanted), comment ?? "\(relative) reported")
    }

    func run(_ body: () async throws -> Void) async throws {
        try watcher.start()
        defer {
            watcher.stop()
            try? FileManager.default.removeItem(at: root)
        }
        try await body()
    }

    @Test func createdFile() async throws {
        try await run {
            try Data("---\ntitle: B\n---\n".utf8).write(to: root.appendingPathComponent("projekt/b.md"))
            try await expectReported("projekt/b.md")
        }
    }

    @Test func modifiedFile() async throws {
        try await run {
            let handle = try FileHandle(forWritingTo: root.appendingPathComponent("projekt/a.md"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("Mer text.\n".utf8))
            try handle.close()
            try await expectReported("projekt/a.md")
        }
    }

    @Test func renameOnSave() async throws {
        try await run {
            // As many editors save: write a temporary file, then rename it over the original.
            let temporary = root.appendingPathComponent("projekt/.a.md.swp")
            try Data("---\ntitle: A2\n---\n".utf8).write(to: temporary)
            #expect(rename(temporary.path, path("projekt/a.md")) == 0)
            try await expectReported("projekt/a.md")
        }
    }

    @Test func backupRenameThenNewFile() async throws {
        try await run {
            // As vim saves by default: move the original away, write a new file, drop the backup.
            #expect(rename(path("projekt/a.md"), path("projekt/a.md~")) == 0)
            try Data("---\ntitle: A3\n---\n".utf8).write(to: root.appendingPathComponent("projekt/a.md"))
            try FileManager.default.removeItem(atPath: path("projekt/a.md~"))
            try await expectReported("projekt/a.md")
        }
    }

    @Test func deletedFile() async throws {
        try await run {
            try FileManager.default.removeItem(atPath: path("projekt/a.md"))
            try await expectReported("projekt/a.md")
        }
    }

    @Test func newFolderIsWatched() async throws {
        try await run {
            try FileManager.default.createDirectory(atPath: path("nytt/djupt"), withIntermediateDirectories: true)
            try await expectReported("nytt")
            // Give the watcher its turn to add the new folders' watches, then write inside.
            try await waitUntil { recorder.paths.contains(path("nytt")) }
            try await Task.sleep(for: .milliseconds(300))
            try Data("x".utf8).write(to: root.appendingPathComponent("nytt/djupt/c.md"))
            try await expectReported("nytt/djupt/c.md", "a file in a folder created after the watcher started")
        }
    }

    @Test func folderMovedInReportsItsFiles() async throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kretslopp-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: outside.appendingPathComponent("inre"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: outside.appendingPathComponent("inre/d.md"))
        try await run {
            try FileManager.default.moveItem(at: outside, to: root.appendingPathComponent("flyttad"))
            try await expectReported("flyttad/inre/d.md")
            recorder.reset()
            try Data("y".utf8).write(to: root.appendingPathComponent("flyttad/inre/e.md"))
            try await expectReported("flyttad/inre/e.md", "the moved-in folder is watched")
        }
    }

    /// A folder the watcher is told of after a batch (the folder a site's includes read from,
    /// named once the site first builds) is watched from then on.
    @Test func aFolderNamedAfterABatchIsWatched() async throws {
        let listings = root.deletingLastPathComponent().appendingPathComponent("listings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: listings, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: listings) }
        let named = Mutex<[URL]>([root])
        let recorder = Recorder()
        let watcher = FileWatcher(folders: { named.withLock { $0 } }) { paths in
            recorder.record(paths)
            // What a rebuild learns: the site now includes from `listings`.
            named.withLock { $0 = [root, listings] }
        }
        try watcher.start()
        defer {
            watcher.stop()
            try? FileManager.default.removeItem(at: root)
        }
        let early = listings.appendingPathComponent("early.rs")
        try Data("fn a() {}\n".utf8).write(to: early)
        try Data("---\ntitle: B\n---\n".utf8).write(to: root.appendingPathComponent("projekt/b.md"))
        try await waitUntil { recorder.paths.contains(path("projekt/b.md")) }
        // Before the batch the folder was not watched: its first file went unseen.
        #expect(!recorder.paths.contains(early.path))
        let late = listings.appendingPathComponent("late.rs")
        try await waitUntil(seconds: 5) {
            // Written until seen: the watch is added right after the batch, on the watcher's thread.
            try? Data("fn b() {}\n".utf8).write(to: late)
            return recorder.paths.contains(late.path)
        }
        #expect(recorder.paths.contains(late.path))
    }

    @Test func stopsWhileIdle() throws {
        try watcher.start()
        watcher.stop()
        try? FileManager.default.removeItem(at: root)
    }
}

@Suite struct ChangeBatchTests {
    @Test func aWrittenFileIsSettled() {
        var batch = ChangeBatch()
        batch.add("/c/a.md", .created)
        #expect(!batch.isSettled, "created but not yet closed")
        batch.add("/c/a.md", .written)
        #expect(batch.isSettled)
        #expect(batch.paths == ["/c/a.md"])
    }

    @Test func renameOverTheOriginalIsSettled() {
        var batch = ChangeBatch()
        batch.add("/c/.a.md.tmp", .written)
        batch.add("/c/.a.md.tmp", .movedOut)
        #expect(batch.isSettled, "a temporary file that came and went")
        batch.add("/c/a.md", .movedIn)
        #expect(batch.isSettled)
    }

    @Test func backupDanceIsSettledOnlyAtTheEnd() {
        var batch = ChangeBatch()
        batch.add("/c/a.md", .movedOut)
        batch.add("/c/a.md~", .movedIn)
        #expect(!batch.isSettled, "the original is gone until the new file is written")
        batch.add("/c/a.md", .created)
        #expect(!batch.isSettled)
        batch.add("/c/a.md", .written)
        batch.add("/c/a.md~", .removed)
        #expect(batch.isSettled)
    }

    @Test func aDeletionWaitsTheFullDebounce() {
        var batch = ChangeBatch()
        batch.add("/c/a.md", .removed)
        #expect(!batch.isSettled)
        batch.add("/c/a.md", .written)
        #expect(batch.isSettled)
        #expect(batch.paths == ["/c/a.md"])
    }
}
