import Foundation
import Synchronization

/// A preview build whose model is checked and good and whose pages are still being rendered: the
/// pages open in a browser come first, the rest follow in the background, as Hugo's fast render
/// mode does. Until they are all in, a page is rendered when it is asked for, so no request gets
/// a page older than the model.
final class PendingRender: Sendable {
    let state: BuildState
    /// The build's diagnostics so far (the model's); the background render adds its own.
    let log: DiagnosticLog
    let generation: Int
    private let progress = Mutex(Progress())

    private struct Progress {
        /// Output paths (`projekt/x/index.html`) already rendered from this model and swapped in.
        var rendered: Set<String> = []
        var cancelled = false
        var finished = false
    }

    init(state: BuildState, log: DiagnosticLog, generation: Int, rendered: Set<String> = []) {
        self.state = state
        self.log = log
        self.generation = generation
        progress.withLock { $0.rendered = rendered }
    }

    /// Stops the background render at its next page (a newer edit replaces this model).
    func cancel() { progress.withLock { $0.cancelled = true } }
    var isCancelled: Bool { progress.withLock { $0.cancelled } }
    /// True once every file of the build was swapped in (or the render failed).
    var isFinished: Bool { progress.withLock { $0.finished } }
    func finish() { progress.withLock { $0.finished = true } }

    var rendered: Set<String> { progress.withLock { $0.rendered } }
    func isRendered(_ path: String) -> Bool { progress.withLock { $0.rendered.contains(path) } }
    func noteRendered(_ paths: [String]) { progress.withLock { $0.rendered.formUnion(paths) } }

    /// The pages at the output paths `paths` rendered from this model: each one that is an HTML
    /// page (or a listing's filter data) the site has; other paths (feeds, the report, files that
    /// are not pages) are left out.
    func render(_ paths: [String]) -> [OutputFile] {
        let sitePaths = Set(paths.map(BuildPipeline.sitePath))
        let options = state.options
        // What rendering one page says is said again by the whole render in the background.
        return RenderPages(style: options.linkStyle, liveReload: options.liveReload, log: DiagnosticLog())
            .run(state.site, bodies: state.bodies, theme: state.theme, only: sitePaths).files
            .filter { paths.contains($0.path) }
    }
}
