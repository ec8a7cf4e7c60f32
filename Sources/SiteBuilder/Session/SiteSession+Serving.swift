import Foundation

/// What the session's readers call: the files as served (rendered on request during a fast
/// render), and waits for what a rebuild left to the background.
extension SiteSession {
    /// How long the work a rebuild left to the background is likely to take, judged by how long
    /// the same work took last time: a fast render's other pages, else a search re-index. Zero
    /// when none is under way; nil when that work was never timed.
    public var expectedBackgroundTime: Duration? {
        if isRendering { return withLock { renderTime } }
        indexed.lock()
        defer { indexed.unlock() }
        return indexing == nil ? .zero : indexTime
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

    /// Waits up to `timeout` for everything a rebuild left to the background (the pages of a
    /// fast render, the search index) to be swapped in; true when nothing is left.
    public func waitForBackgroundWork(timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while let current = withLock({ pending }), !current.isFinished {
            guard ContinuousClock.now < deadline else { return false }
            waitForRendering(until: deadline)
        }
        return waitForSearchIndex(timeout: max(.zero, deadline - ContinuousClock.now))
    }

    /// Waits for the pending render to change or finish, for `renderingWait` at most.
    func waitForRendering(until deadline: ContinuousClock.Instant? = nil) {
        let wait = Self.renderingWait(from: .now, until: deadline)
        rendering.lock()
        _ = rendering.wait(until: Date(timeIntervalSinceNow: wait / .seconds(1)))
        rendering.unlock()
    }

    /// How long one wait for the pending render lasts at most: 50 ms, since a change made just
    /// before the wait began wakes no one, and never past `deadline`.
    static func renderingWait(from now: ContinuousClock.Instant, until deadline: ContinuousClock.Instant?) -> Duration {
        let wait = Duration.milliseconds(50)
        guard let deadline else { return wait }
        return max(.zero, min(wait, deadline - now))
    }

    func withLock<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// The files of the last good build by output path (`projekt/x/index.html`), with its
    /// search index as last swapped in: one whole set, which later swaps leave as it is.
    public var files: [String: OutputFile] {
        published.withLock { $0.files }
    }

    /// True while a fast render's background is under way (a lookup may then render or wait).
    public var isRendering: Bool {
        withLock { pending.map { !$0.isFinished } ?? false }
    }

    /// A file of the site by its output path (`projekt/x/index.html`), or nil: during a fast
    /// render, from the newest good model, rendered now if the background has not come to it yet
    /// (or, for a file that is not a page, once the background is done). The search index is
    /// the exception: the previous one, whole, is served until the new one is swapped in.
    public func file(_ path: String) -> OutputFile? {
        while true {
            guard let current = withLock({ pending }), !current.isFinished, !IndexForSearch.writes(path),
                !current.isRendered(path)
            else { return published.withLock { $0[path] } }
            if let page = current.render([path]).first {
                withLock {
                    guard pending === current else { return }
                    current.noteRendered([path])
                    published.withLock { $0[path] = page }
                }
                return page
            }
            // A feed, the report, or a path the new build may not have: the whole render decides.
            while withLock({ pending === current }) && !current.isFinished { waitForRendering() }
        }
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

    /// The folders to watch for changes: content and theme, and the folder files are included
    /// from when it is outside the content (a book's `listings/` beside its `src/`).
    public var watchedFolders: [URL] {
        var folders = [options.content, options.theme]
        if let includes = includeSettings, FolderPath.relative(includes.root.path, to: includes.content) == nil {
            folders.append(includes.root)
        }
        return folders
    }
}
