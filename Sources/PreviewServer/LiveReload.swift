import Foundation
import SiteBuilder

/// Rebuilds the site when its sources change and tells the open pages and the terminal.
final class LiveReload: @unchecked Sendable {
    let hub: ReloadHub
    /// What the server answers from; updated after each good build.
    let snapshot = BuildSnapshot()
    private let session: SiteSession
    private let console: Console
    // Guarded by `lock`. `version` counts builds that changed the output; pages compare it
    // when they reconnect.
    private let lock = NSLock()
    private var version = 0
    private var broken = false

    init(session: SiteSession, hub: ReloadHub = ReloadHub(), console: Console = .standard) {
        self.session = session
        self.hub = hub
        self.console = console
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
        let outcome = session.rebuild(changedPaths: paths)
        finish(outcome, elapsed: ContinuousClock.now - start, trigger: paths)
    }

    private func finish(_ outcome: SiteSession.Outcome, elapsed: Duration, trigger: [String]?) {
        let ms = Int((elapsed / .milliseconds(1)).rounded())
        lock.lock()
        defer { lock.unlock() }
        switch outcome {
        case .failed(let diagnostics):
            broken = true
            for diagnostic in diagnostics { console.err(diagnostic.description) }
            let count = Self.count(diagnostics)
            console.err(trigger == nil
                ? "Build failed: \(count). Fix it and the preview updates by itself."
                : "Build failed: \(count); still serving the last good build.")
            hub.publish(.error(version: version, DiagnosticReport.reports(for: diagnostics)))
        case .updated(let changed, let cssOnly):
            snapshot.update(changed: changed) { session.file($0)?.data }
            let wasBroken = broken
            broken = false
            for diagnostic in session.diagnostics { console.err(diagnostic.description) }
            if let trigger {
                let what = changed.isEmpty ? "no output changed" : "\(changed.count) file\(changed.count == 1 ? "" : "s") changed"
                console.out("Rebuilt in \(ms) ms after \(Self.describe(trigger)): \(what)\(cssOnly ? " (stylesheets only)" : "").")
            } else {
                console.out("Built the site in \(ms) ms: \(changed.count) files.")
            }
            guard trigger != nil else { return }
            if !changed.isEmpty {
                version += 1
                hub.publish(cssOnly ? .css(version: version) : .reload(version: version))
            } else if wasBroken {
                hub.publish(.ok(version: version))
            }
        }
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
