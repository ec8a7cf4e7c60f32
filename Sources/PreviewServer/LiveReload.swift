import Foundation
import SiteBuilder
import Synchronization

/// Rebuilds the site when its sources change and tells the open pages and the terminal.
///
/// A body edit re-renders its pages at once and re-indexes the search in the background; other
/// edits render the open pages at once and the rest in the background. On a small site the
/// rebuild waits up to `searchWait` for that background work, and everything is swapped in
/// together before the one `reload` event. Where the same work took longer last time (a site of
/// a thousand pages or more) the page reloads without waiting, with the previous index (still
/// whole), and a `search` event follows once the new index is swapped in. Requests are
/// answered from the session's files, so the served search is never left behind.
final class LiveReload: Sendable {
    let hub: ReloadHub
    private let session: SiteSession
    private let console: Console
    /// How long a rebuild waits for a background re-index before it reloads the pages.
    let searchWait: Duration
    // Held while a build's or a re-index's files are swapped in and announced, so that the two
    // never interleave.
    private let status = Mutex(Status())

    private struct Status {
        /// Counts builds that changed the output; pages compare it when they reconnect.
        var version = 0
        var broken = false
        /// True while a rebuild runs: a re-index finished meanwhile waits for the rebuild's swap.
        var rebuilding = false
        var indexChanges: Set<String> = []
    }

    init(
        session: SiteSession, hub: ReloadHub = ReloadHub(), console: Console = .standard,
        searchWait: Duration = .milliseconds(20)
    ) {
        self.session = session
        self.hub = hub
        self.console = console
        self.searchWait = searchWait
        session.onSearchIndexed { [weak self] changed in self?.searchIndexed(changed) }
        session.onRenderFailed { [weak self] diagnostics in self?.renderFailed(diagnostics) }
    }

    /// The first build, before serving.
    func buildAll() {
        let start = ContinuousClock.now
        let outcome = session.buildAll()
        finish(outcome, elapsed: ContinuousClock.now - start, trigger: nil)
    }

    /// A rebuild after `paths` changed (called by the watcher, one at a time).
    func rebuild(_ paths: [String]) {
        let start = ContinuousClock.now
        status.withLock { $0.rebuilding = true }
        // The open pages are rendered first; the rest follow in the background.
        let open = hub.openPages
        let outcome = session.rebuild(changedPaths: paths, open: open)
        let elapsed = ContinuousClock.now - start
        // Waiting is worth it only where the background work is usually done in time.
        if case .updated = outcome, session.expectedBackgroundTime.map({ $0 <= searchWait }) ?? true {
            _ = session.waitForBackgroundWork(timeout: searchWait)
        }
        finish(outcome, elapsed: elapsed, trigger: paths, noneOpen: open?.isEmpty == true)
    }

    /// A background re-index was swapped into the session: tell open pages to drop the index they
    /// loaded (unless a rebuild is running; its event tells them).
    private func searchIndexed(_ changed: [String]) {
        status.withLock { status in
            guard !status.rebuilding else {
                status.indexChanges.formUnion(changed)
                return
            }
            status.version += 1
            hub.publish(.search(version: status.version))
            console.out("Search index updated: \(changed.count) file\(changed.count == 1 ? "" : "s") changed.")
        }
    }

    /// The pages of a fast render turned out not to build: the last good site is served again.
    private func renderFailed(_ diagnostics: [Diagnostic]) {
        status.withLock { status in
            guard !status.rebuilding else { return }
            announce(.failed(diagnostics), ms: 0, trigger: [], status: &status)
        }
    }

    private func finish(_ outcome: SiteSession.Outcome, elapsed: Duration, trigger: [String]?, noneOpen: Bool = false) {
        let ms = Int((elapsed / .milliseconds(1)).rounded())
        status.withLock { announce(outcome, ms: ms, trigger: trigger, noneOpen: noneOpen, status: &$0) }
    }

    /// Tells the pages and the terminal what a finished build did; `status` is held. `noneOpen`:
    /// no browser had a page of the site open when the rebuild began.
    private func announce(
        _ outcome: SiteSession.Outcome, ms: Int, trigger: [String]?, noneOpen: Bool = false, status: inout Status
    ) {
        status.rebuilding = false
        // A re-index that finished during the rebuild (or the wait for it) is told with it.
        let index = status.indexChanges
        status.indexChanges = []
        switch outcome {
        case .failed(let diagnostics):
            status.broken = true
            if !index.isEmpty {
                status.version += 1
                hub.publish(.search(version: status.version))
            }
            for diagnostic in diagnostics { console.err(diagnostic.description) }
            let count = Self.count(diagnostics)
            console.err(
                trigger == nil
                    ? "Build failed: \(count). Fix it and the preview updates by itself."
                    : "Build failed: \(count); still serving the last good build.")
            hub.publish(.error(version: status.version, DiagnosticReport.reports(for: diagnostics)))
        case .updated(let changed, let cssOnly):
            let indexOnly = index.subtracting(changed)
            let wasBroken = status.broken
            status.broken = false
            for diagnostic in session.diagnostics { console.err(diagnostic.description) }
            if let trigger {
                // A fast render renders the open pages at once and the rest in the background:
                // with no page open, what changed is not known yet, which is not "nothing".
                let unknown = changed.isEmpty && noneOpen
                let what =
                    unknown
                    ? "no page is open in a browser (each is up to date when asked for)"
                    : changed.isEmpty
                        ? "no output changed" : "\(changed.count) file\(changed.count == 1 ? "" : "s") changed"
                let files = "\(indexOnly.count) file\(indexOnly.count == 1 ? "" : "s")"
                let search =
                    indexOnly.isEmpty
                    ? "" : unknown ? "; the search index changed (\(files))" : " and the search index (\(files))"
                console.out(
                    "Rebuilt in \(ms) ms after \(Self.describe(trigger)): "
                        + "\(what)\(cssOnly ? " (stylesheets only)" : "")\(search)."
                )
            } else {
                console.out("Built the site in \(ms) ms: \(changed.count) files.")
            }
            guard let trigger else { return }
            // The warnings of the files just saved (an editor's, seen in the browser); others stay
            // in the terminal.
            let hadWarnings = !hub.currentState.warnings.isEmpty
            let warnings = Self.warnings(session.diagnostics, in: trigger)
            hub.setWarnings(warnings)
            if !changed.isEmpty {
                status.version += 1
                hub.publish(cssOnly ? .css(version: status.version) : .reload(version: status.version))
                // A stylesheet swap keeps the page, and with it the index it loaded.
                if cssOnly && !indexOnly.isEmpty { hub.publish(.search(version: status.version)) }
            } else if !indexOnly.isEmpty {
                status.version += 1
                hub.publish(.search(version: status.version))
            }
            if changed.isEmpty && (wasBroken || hadWarnings || !warnings.isEmpty) {
                hub.publish(.ok(version: status.version, warnings: warnings))
            }
        }
    }

    /// The warnings in the files at `paths` (as the watcher gives them), with their source lines.
    static func warnings(_ diagnostics: [Diagnostic], in paths: [String]) -> [DiagnosticReport] {
        let saved = Set(paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        return DiagnosticReport.reports(
            for: diagnostics.filter {
                $0.severity == .warning && saved.contains(URL(fileURLWithPath: $0.file).standardizedFileURL.path)
            })
    }

    /// "Content/projekt/x.md" or "Content/projekt/x.md and 2 more", relative to the working folder.
    static func describe(_ paths: [String]) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let shown = paths.first.map { $0.hasPrefix(cwd) ? String($0.dropFirst(cwd.count)) : $0 } ?? "a change"
        return paths.count > 1 ? "\(shown) and \(paths.count - 1) more" : shown
    }

    /// "2 errors, 1 warning".
    static func count(_ diagnostics: [Diagnostic]) -> String { Diagnostic.summary(diagnostics) }
}
