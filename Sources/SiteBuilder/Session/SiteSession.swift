import Foundation
import Search

/// A site kept in memory between builds, for the preview server: the last good build is served
/// while a broken one is reported, and changes rebuild what they touch.
public final class SiteSession: @unchecked Sendable {
    // All state is guarded by `lock`; rebuilds are serialised by it as well.
    private let lock = NSLock()
    /// One rebuild at a time.
    private let rebuildLock = NSLock()
    private let options: BuildOptions
    private var state: BuildState?
    private var files: [String: OutputFile] = [:]
    private var lastDiagnostics: [Diagnostic] = []
    private var generation = 0

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
                var changed: [String] = []
                for file in update.files where files[file.path]?.bytes != file.bytes {
                    files[file.path] = file
                    changed.append(file.path)
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
        let (result, newState) = BuildPipeline.buildKeepingState(options, searchCache: SearchIndexCache())
        guard result.succeeded else {
            withLock { lastDiagnostics = result.diagnostics }
            return .failed(result.diagnostics)
        }
        return withLock {
            lastDiagnostics = result.diagnostics
            var next: [String: OutputFile] = [:]
            for file in result.files { next[file.path] = file }
            var changed: [String] = []
            for (path, file) in next where files[path]?.bytes != file.bytes { changed.append(path) }
            for path in files.keys where next[path] == nil { changed.append(path) }
            files = next
            state = newState
            generation += 1
            changed.sort()
            return .updated(changed: changed, cssOnly: !changed.isEmpty && changed.allSatisfy { $0.hasSuffix(".css") })
        }
    }

    // The search index reads every page; after a one-page change it is rebuilt off the request
    // path and swapped in, unless a newer build has replaced the site meanwhile.
    private func reindexInBackground(_ state: BuildState, generation: Int) {
        DispatchQueue.global(qos: .utility).async { [self] in
            let index = IndexForSearch(site: state.site, bodies: state.bodies, style: state.options.linkStyle, cache: state.searchCache).run()
            withLock {
                guard self.generation == generation else { return }
                for file in index { files[file.path] = file }
            }
        }
    }

    private func withLock<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// A file of the last good build by its output path (`projekt/x/index.html`), or nil.
    public func file(_ path: String) -> OutputFile? {
        lock.lock()
        defer { lock.unlock() }
        return files[path]
    }

    /// Diagnostics of the most recent build, good or not (warnings included).
    public var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return lastDiagnostics
    }

    /// Increases with every successful build.
    public var buildNumber: Int {
        lock.lock()
        defer { lock.unlock() }
        return generation
    }

    /// The folders to watch for changes: content and theme.
    public var watchedFolders: [URL] { [options.content, options.theme] }
}
