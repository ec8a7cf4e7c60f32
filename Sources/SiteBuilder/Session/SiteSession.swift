import Foundation

/// A site kept in memory between builds, for the preview server: the last good build is served
/// while a broken one is reported, and changes rebuild what they touch.
public final class SiteSession: @unchecked Sendable {
    // All state is guarded by `lock`; rebuilds are serialised by it as well.
    private let lock = NSLock()
    private let options: BuildOptions
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
    /// changed, were created or were deleted.
    public func rebuild(changedPaths: [String]) -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        let result = BuildPipeline.build(options)
        lastDiagnostics = result.diagnostics
        guard result.succeeded else { return .failed(result.diagnostics) }
        var next: [String: OutputFile] = [:]
        for file in result.files { next[file.path] = file }
        var changed: [String] = []
        for (path, file) in next where files[path]?.data != file.data { changed.append(path) }
        for path in files.keys where next[path] == nil { changed.append(path) }
        files = next
        generation += 1
        changed.sort()
        return .updated(changed: changed, cssOnly: !changed.isEmpty && changed.allSatisfy { $0.hasSuffix(".css") })
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
