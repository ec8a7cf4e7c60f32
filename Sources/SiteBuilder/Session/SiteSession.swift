import Foundation
import Parallel
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
    // Every mutable field below is read and written only with its lock held. The fields are not
    // private: SiteSession+Serving.swift (the lookups and waits) reads them too.
    // The state below is guarded by `lock`; swaps of `published` happen under it too, so they
    // come in the order the builds were made.
    let lock = NSLock()
    /// One rebuild at a time.
    private let rebuildLock = NSLock()
    let options: BuildOptions
    /// The files and parsed pages of the last build (used under `rebuildLock`).
    let inputs = InputCache()
    private var state: BuildState?

    /// Where the last good build's includes came from (`markdown: {includes: …}`), if it read any.
    var includeSettings: IncludeSettings? { withLock { state?.config.includes } }
    let published = Mutex(PublishedFiles())
    var lastDiagnostics: [Diagnostic] = []
    var generation = 0
    /// The build whose search index is being made in the background, if any, and how long the
    /// last one took (both guarded by `indexed`).
    var indexing: Int?
    var indexTime: Duration?
    let indexed = NSCondition()
    private var searchIndexed: (@Sendable ([String]) -> Void)?
    private var renderFailed: (@Sendable ([Diagnostic]) -> Void)?
    /// The build whose pages are still being rendered (fast render), if any; guarded by `lock`,
    /// and `rendering` is broadcast whenever it changes or finishes.
    var pending: PendingRender?
    let rendering = NSCondition()
    /// How long the last render of every page took (at once, or a fast render's background);
    /// guarded by `lock`.
    var renderTime: Duration?
    /// The search index's analysis, reused from build to build (guarded by `rebuildLock`).
    private var searchCache = SearchIndexCache()
    private var searchCacheLanguage = ""

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

    /// Called on a background thread when the pages of a fast render (see `rebuild`) turn out
    /// not to build after all (a template a page needs is gone, two files with one path): the
    /// last good site is served again. Set it before the first rebuild.
    public func onRenderFailed(_ handler: @escaping @Sendable (_ diagnostics: [Diagnostic]) -> Void) {
        withLock { renderFailed = handler }
    }

    /// Builds from scratch; call once before serving.
    @discardableResult
    public func buildAll() -> Outcome { rebuild(changedPaths: []) }

    /// Rebuilds after the files at `changedPaths` (absolute paths in the content or theme folder)
    /// changed, were created or were deleted. A change to the body of existing pages re-renders
    /// just those pages (the search index follows in the background). Anything else makes the
    /// site model again from what changed (the files read and parsed again, the bodies whose page
    /// or reads changed rendered again) and renders every page.
    ///
    /// With `open` (the site paths of the pages open in browsers) the rebuild is a fast render:
    /// it returns once the model is checked and those pages are rendered; the rest are rendered in
    /// the background, and meanwhile `file(_:)` renders a page when it is asked for. `changed`
    /// then lists the files known so far to have changed. Builds run outside the lock: requests
    /// keep getting the last good site meanwhile.
    public func rebuild(changedPaths: [String], open: Set<String>? = nil) -> Outcome {
        rebuildLock.lock()
        defer { rebuildLock.unlock() }
        // A render still going on is for a model this change replaces.
        let unfinished = withLock { () -> PendingRender? in
            guard let pending, !pending.isFinished else { return nil }
            pending.cancel()
            return pending
        }
        inputs.forget(absolute: changedPaths, root: options.content)
        if changedPaths.contains(where: { FolderPath.relative($0, to: options.theme) != nil }) { inputs.forgetTheme() }
        // The session lets go of its state while updating it, so the update owns the only
        // reference and changes the page arrays in place (a background re-index may still
        // hold them; then they are copied).
        var current = withLock { () -> BuildState? in
            defer { state = nil }
            return state
        }
        if var updating = current, !changedPaths.isEmpty, unfinished == nil {
            current = nil
            let update = IncrementalBuild.update(&updating, changedPaths: changedPaths)
            guard let update else {
                withLock { state = updating }
                return modelRebuild(open: open, unfinished: unfinished)
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
        return modelRebuild(open: open, unfinished: unfinished)
    }

    /// The site model made again from what changed, then every page rendered: at once, or with
    /// `open` first and the rest in the background.
    private func modelRebuild(open: Set<String>?, unfinished: PendingRender?) -> Outcome {
        let log = DiagnosticLog()
        var clock = StageClock(enabled: options.timings)
        let configs = LoadSiteConfig(
            root: options.content, displayRoot: options.contentDisplay, baseURL: options.baseURL, log: log
        ).runAll()
        guard let configs, let config = configs.first else { return failed(log, resuming: unfinished) }
        // A fast render is timed up to the open pages; its background render is not.
        var stageOptions = options
        if open != nil { stageOptions.timings = false }
        let made: PendingRender
        if config.isMultilingual {
            guard
                let model = BuildPipeline.modelLanguages(
                    stageOptions, configs: configs, log: log, clock: &clock, inputs: inputs),
                !log.hasErrors
            else { return failed(log, resuming: unfinished) }
            made = PendingRender(languages: model, log: log)
        } else {
            guard
                var model = BuildPipeline.model(stageOptions, config: config, log: log, clock: &clock, inputs: inputs),
                !log.hasErrors
            else { return failed(log, resuming: unfinished) }
            if config.language != searchCacheLanguage {
                searchCache = SearchIndexCache()
                searchCacheLanguage = config.language
            }
            model.searchCache = searchCache
            made = PendingRender(state: model, log: log)
        }
        guard let open else {
            let start = ContinuousClock.now
            let result = made.renderEverything(inBackground: false)
            withLock { renderTime = ContinuousClock.now - start }
            guard result.succeeded else { return failed(log, resuming: unfinished) }
            return swapIn(result, state: made.state, diagnostics: result.diagnostics)
        }
        let outcome = fastRender(made, open: open)
        clock.lap("Render the open pages")
        return outcome
    }

    /// A rebuild that failed: its diagnostics are the session's, the last good site stays. A fast
    /// render the failed change cancelled goes on, so that its model's pages all come in.
    private func failed(_ log: DiagnosticLog, resuming unfinished: PendingRender?) -> Outcome {
        withLock { lastDiagnostics = log.all }
        if let unfinished {
            let resumed = unfinished.resumed()
            withLock { pending = resumed }
            renderInBackground(resumed)
        }
        return .failed(log.all)
    }

    /// Swaps in the copied files and the open pages of a new model, and renders the rest in the
    /// background.
    private func fastRender(_ next: PendingRender, open: Set<String>) -> Outcome {
        withLock {
            generation += 1
            lastDiagnostics = next.log.all
            pending = next
        }
        rendering.broadcast()
        let openFiles = next.render(open.map(SiteURL.outputFile(of:)))
        let copied = next.copied
        let changed = withLock { () -> [String] in
            next.noteRendered(openFiles.map(\.path) + copied.map(\.path))
            return published.withLock { files in
                var changed: [String] = []
                for file in openFiles + copied where files[file.path]?.bytes != file.bytes {
                    files[file.path] = file
                    changed.append(file.path)
                }
                return changed.sorted()
            }
        }
        renderInBackground(next)
        return .updated(changed: changed, cssOnly: !changed.isEmpty && changed.allSatisfy { $0.hasSuffix(".css") })
    }

    /// Renders every file of a pending build on another thread and swaps them in as one set;
    /// dropped when a newer change cancelled it. When the render finds errors, the files swapped
    /// in ahead of it are taken back out and the failure is told.
    private func renderInBackground(_ render: PendingRender) {
        let before = published.withLock { $0 }
        Thread { [self] in
            // Off the dispatch pool, which the server's requests and events run on.
            OwnThreads.markCurrent()
            let start = ContinuousClock.now
            let result = render.renderEverything()
            if !render.isCancelled { withLock { renderTime = ContinuousClock.now - start } }
            guard !render.isCancelled else { return }
            if !result.succeeded {
                let handler = withLock { () -> (@Sendable ([Diagnostic]) -> Void)? in
                    guard pending === render else { return nil }
                    published.withLock { files in
                        for path in render.rendered { files[path] = before[path] }
                    }
                    lastDiagnostics = result.diagnostics
                    pending = nil
                    // The next edit must not start from the state of before: the site is broken.
                    state = nil
                    return renderFailed
                }
                render.finish()
                rendering.broadcast()
                handler?(result.diagnostics)
                return
            }
            let swap = published.withLock { $0 }.replacement(by: result.files)
            let swapped = withLock { () -> PublishedFiles.Swapped? in
                guard pending === render else { return nil }
                pending = nil
                return swapFiles(swap, state: render.state, diagnostics: result.diagnostics)
            }
            render.finish()
            rendering.broadcast()
            let index = (swapped?.changed ?? []).filter(IndexForSearch.writes)
            if let handler = withLock({ searchIndexed }), !index.isEmpty { handler(index) }
        }.start()
    }

    /// Swaps in a whole build (rendered at once: nothing is left pending).
    private func swapIn(_ result: BuildResult, state newState: BuildState?, diagnostics: [Diagnostic]) -> Outcome {
        let swap = published.withLock { $0 }.replacement(by: result.files)
        let changed = withLock { () -> PublishedFiles.Swapped in
            pending = nil
            return swapFiles(swap, state: newState, diagnostics: diagnostics)
        }.changed
        return .updated(changed: changed, cssOnly: !changed.isEmpty && changed.allSatisfy { $0.hasSuffix(".css") })
    }

    /// Publishes the files of `swap` (worked out before `lock` was taken, which is held now) with
    /// the state they were made from. The files published before are returned with the paths
    /// that changed, to be let go of outside `lock`.
    private func swapFiles(_ swap: PublishedFiles.Swap, state newState: BuildState?, diagnostics: [Diagnostic])
        -> PublishedFiles.Swapped
    {
        lastDiagnostics = diagnostics
        let swapped = published.withLock { $0.apply(swap) }
        state = newState
        generation += 1
        return swapped
    }

    // The search index reads every page; after a one-page change it is rebuilt off the request
    // path and swapped in as a whole (shards and documents of one build, never a mix), unless a
    // newer build has replaced the site meanwhile. Index files the new index no longer has (fewer
    // shards) are removed, or the engine would read a stale one.
    private func reindexInBackground(_ state: BuildState, generation: Int) {
        indexed.lock()
        indexing = generation
        indexed.unlock()
        Thread { [self] in
            OwnThreads.markCurrent()
            let start = ContinuousClock.now
            let index = IndexForSearch(style: state.options.linkStyle, theme: state.theme, cache: state.searchCache)
                .run(state.site, bodies: state.bodies)
            // Index files the new index no longer has (fewer shards) are removed.
            let swap = published.withLock { $0 }.update(index, dropping: IndexForSearch.writes)
            let (swapped, handler) = withLock { () -> (PublishedFiles.Swapped?, (@Sendable ([String]) -> Void)?) in
                guard self.generation == generation else { return (nil, nil) }
                return (published.withLock { $0.apply(swap) }, searchIndexed)
            }
            let changed = swapped?.changed ?? []
            // The handler runs before the waiters are woken: a rebuild waiting for this index
            // then finds its files already handed over.
            if let handler, !changed.isEmpty { handler(changed) }
            indexed.lock()
            if indexing == generation { indexing = nil }
            indexTime = ContinuousClock.now - start
            indexed.broadcast()
            indexed.unlock()
        }.start()
    }
}
