import Foundation
import Search
import Synchronization

/// A site kept in memory between builds, for the preview server: the last good build is served
/// while a broken one is reported, and changes rebuild what they touch.
///
/// The files of the last good build are published whole: each swap (a build, or a re-index)
/// replaces them under `published` in one step, and a reader takes the set current at that
/// moment. Readers never wait for a rebuild, and never see half of one.
public final class SiteSession: @unchecked Sendable {
    // Unchecked: the background re-index is waited for on a condition variable (`indexed`), which
    // `Synchronization` has no counterpart of, and the fields it guards are read by the waiters.
    // Every mutable field below is read and written only with its lock held.
    // The state below is guarded by `lock`; swaps of `published` happen under it too, so they
    // come in the order the builds were made.
    private let lock = NSLock()
    /// One rebuild at a time.
    private let rebuildLock = NSLock()
    private let options: BuildOptions
    /// The files and parsed pages of the last build (used under `rebuildLock`).
    let inputs = InputCache()
    private var state: BuildState?
    private let published = Mutex<[String: OutputFile]>([:])
    private var lastDiagnostics: [Diagnostic] = []
    private var generation = 0
    /// The build whose search index is being made in the background, if any, and how long the
    /// last one took (both guarded by `indexed`).
    private var indexing: Int?
    private var indexTime: Duration?
    private let indexed = NSCondition()
    private var searchIndexed: (@Sendable ([String]) -> Void)?

    /// What a rebuild did.
    public enum Outcome: Sendable {
        /// The site was rebuilt; `changed` lists output paths whose bytes changed (added, modified
        /// or removed), `cssOnly` is true when every change is a stylesheet.
        case updated(changed: [String], cssOnly: Bool)
        /// The build has errors; the previous good site is still served.
        case failed([Diagnostic])
    }

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Called on a background thread after a re-index was swapped in, with the output paths whose
    /// bytes it changed (added, modified or removed), so a server can tell its pages.
    /// Set it before the first rebuild.
    public func onSearchIndexed(_ handler: @escaping @Sendable (_ changed: [String]) -> Void) {
        withLock { searchIndexed = handler }
    }

    /// Builds from scratch; call once before serving.
    @discardableResult
    public func buildAll() -> Outcome { rebuild(changedPaths: []) }

    /// Rebuilds after the files at `changedPaths` (absolute paths in the content or theme folder)
    /// changed, were created or were deleted. A change to the body of existing pages re-renders
    /// just those pages (the search index follows in the background); anything else rebuilds all.
    /// Builds run outside the lock: requests keep getting the last good site meanwhile.
    public func rebuild(changedPaths: [String]) -> Outcome {
        rebuildLock.lock()
        defer { rebuildLock.unlock() }
        inputs.forget(absolute: changedPaths, root: options.content)
        // The session lets go of its state while updating it, so the update owns the only
        // reference and changes the page arrays in place (a background re-index may still
        // hold them; then they are copied).
        var current = withLock { () -> BuildState? in
            defer { state = nil }
            return state
        }
        if var updating = current, !changedPaths.isEmpty {
            current = nil
            let update = IncrementalBuild.update(&updating, changedPaths: changedPaths)
            guard let update else {
                withLock { state = updating }
                return fullRebuild()
            }
            guard !update.diagnostics.contains(where: { $0.severity == .error }) else {
                withLock {
                    state = updating
                    lastDiagnostics = update.diagnostics
                }
                return .failed(update.diagnostics)
            }
            let changed = withLock { () -> [String] in
                let changed = published.withLock { files in
                    var changed: [String] = []
                    for file in update.files where files[file.path]?.bytes != file.bytes {
                        files[file.path] = file
                        changed.append(file.path)
                    }
                    return changed
                }
                state = updating
                lastDiagnostics = update.diagnostics
                generation += 1
                return changed.sorted()
            }
            reindexInBackground(updating, generation: buildNumber)
            return .updated(changed: changed, cssOnly: false)
        }
        if let current { withLock { state = current } }
        return fullRebuild()
    }

    private func fullRebuild() -> Outcome {
        let (result, newState) = BuildPipeline.buildKeepingState(
            options, searchCache: SearchIndexCache(), inputs: inputs)
        guard result.succeeded else {
            withLock { lastDiagnostics = result.diagnostics }
            return .failed(result.diagnostics)
        }
        return withLock {
            lastDiagnostics = result.diagnostics
            var next: [String: OutputFile] = [:]
            for file in result.files { next[file.path] = file }
            // Compared outside `published`: readers go on meanwhile (no other swap can come
            // between, they all happen under `lock`).
            let current = published.withLock { $0 }
            var changed: [String] = []
            for (path, file) in next where current[path]?.bytes != file.bytes { changed.append(path) }
            for path in current.keys where next[path] == nil { changed.append(path) }
            published.withLock { $0 = next }
            state = newState
            generation += 1
            changed.sort()
            return .updated(changed: changed, cssOnly: !changed.isEmpty && changed.allSatisfy { $0.hasSuffix(".css") })
        }
    }

    // The search index reads every page; after a one-page change it is rebuilt off the request
    // path and swapped in as a whole (shards and documents of one build, never a mix), unless a
    // newer build has replaced the site meanwhile. Index files the new index no longer has (fewer
    // shards) are removed, or the engine would read a stale one.
    private func reindexInBackground(_ state: BuildState, generation: Int) {
        indexed.lock()
        indexing = generation
        indexed.unlock()
        DispatchQueue.global(qos: .utility).async { [self] in
            let start = ContinuousClock.now
            let index = IndexForSearch(style: state.options.linkStyle, theme: state.theme, cache: state.searchCache)
                .run(state.site, bodies: state.bodies)
            let (changed, handler) = withLock { () -> ([String], (@Sendable ([String]) -> Void)?) in
                guard self.generation == generation else { return ([], nil) }
                let paths = Set(index.map(\.path))
                let changed = published.withLock { files in
                    var changed = files.keys.filter { IndexForSearch.writes($0) && !paths.contains($0) }
                    for path in changed { files[path] = nil }
                    for file in index where files[file.path]?.bytes != file.bytes {
                        files[file.path] = file
                        changed.append(file.path)
                    }
                    return changed
                }
                return (changed.sorted(), searchIndexed)
            }
            // The handler runs before the waiters are woken: a rebuild waiting for this index
            // then finds its files already handed over.
            if let handler, !changed.isEmpty { handler(changed) }
            indexed.lock()
            if indexing == generation { indexing = nil }
            indexTime = ContinuousClock.now - start
            indexed.broadcast()
            indexed.unlock()
        }
    }

    /// How long the last background re-index took (to its swap), or nil before the first.
    public var lastSearchIndexTime: Duration? {
        indexed.lock()
        defer { indexed.unlock() }
        return indexTime
    }

    /// Waits up to `timeout` for a background re-index to be swapped in (or dropped for a newer
    /// build); true when none is running any more.
    public func waitForSearchIndex(timeout: Duration) -> Bool {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let deadline = Date(timeIntervalSinceNow: seconds)
        indexed.lock()
        defer { indexed.unlock() }
        while indexing != nil {
            guard indexed.wait(until: deadline) else { return indexing == nil }
        }
        return true
    }

    /// Waits up to `timeout` for everything a rebuild left to the background (the search index)
    /// to be swapped in; true when nothing is left.
    public func waitForBackgroundWork(timeout: Duration) -> Bool {
        waitForSearchIndex(timeout: timeout)
    }

    private func withLock<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// The files of the last good build by output path (`projekt/x/index.html`), with its
    /// search index as last swapped in: one whole set, which later swaps leave as it is.
    public var files: [String: OutputFile] {
        published.withLock { $0 }
    }

    /// A file of the last good build by its output path, or nil.
    func file(_ path: String) -> OutputFile? {
        published.withLock { $0[path] }
    }

    /// Diagnostics of the most recent build, good or not (warnings included).
    public var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return lastDiagnostics
    }

    /// Increases with every successful build.
    var buildNumber: Int {
        lock.lock()
        defer { lock.unlock() }
        return generation
    }

    /// The folders to watch for changes: content and theme.
    public var watchedFolders: [URL] { [options.content, options.theme] }
}
