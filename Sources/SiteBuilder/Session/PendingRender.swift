import Foundation
import Synchronization

/// A preview build whose model is checked and good and whose pages are still being rendered: the
/// pages open in a browser come first, the rest follow in the background, as Hugo's fast render
/// mode does. Until they are all in, a page is rendered when it is asked for, so no request gets
/// a page older than the model.
final class PendingRender: Sendable {
    /// A site in one language: the state the next body edit starts from once all is rendered.
    let state: BuildState?
    /// The build's diagnostics so far (the model's); the background render adds its own.
    let log: DiagnosticLog
    /// The pages at some site paths (those of them the site has).
    private let pages: @Sendable (Set<String>) -> [OutputFile]
    /// Every file of the build; the closure, when given, says when to give up.
    private let everything: @Sendable (DiagnosticLog, (@Sendable () -> Bool)?) -> BuildResult
    /// The theme's assets and the static files, copied as they are.
    let copied: [OutputFile]
    private let progress = Mutex(Progress())

    private struct Progress {
        /// Output paths (`projekt/x/index.html`) already rendered from this model and swapped in.
        var rendered: Set<String> = []
        var cancelled = false
        var finished = false
    }

    private init(
        state: BuildState?, log: DiagnosticLog, copied: [OutputFile],
        pages: @escaping @Sendable (Set<String>) -> [OutputFile],
        everything: @escaping @Sendable (DiagnosticLog, (@Sendable () -> Bool)?) -> BuildResult
    ) {
        self.state = state
        self.log = log
        self.copied = copied
        self.pages = pages
        self.everything = everything
    }

    /// A site in one language.
    convenience init(state: BuildState, log: DiagnosticLog) {
        let options = state.options
        self.init(
            state: state, log: log,
            copied: CollectOutput(
                log: DiagnosticLog(), names: state.config.links.names, staticFolder: state.config.staticFolder
            )
            .run(written: [], generated: [], theme: state.theme, content: state.content),
            pages: { paths in
                // What rendering one page says is said again by the whole render.
                RenderPages(style: options.linkStyle, liveReload: options.liveReload, log: DiagnosticLog())
                    .run(state.site, bodies: state.bodies, theme: state.theme, only: paths).files
            },
            everything: { log, isCancelled in
                var clock = StageClock(enabled: options.timings)
                return BuildPipeline.render(state, log: log, clock: &clock, isCancelled: isCancelled)
            })
    }

    /// A site in several languages: a path is rendered by the language whose page it is.
    convenience init(languages model: BuildPipeline.LanguagesModel, log: DiagnosticLog) {
        let options = model.options
        self.init(
            state: nil, log: log,
            copied: CollectOutput(
                log: DiagnosticLog(), names: model.sites[0].config.links.names,
                staticFolder: model.sites[0].config.staticFolder
            )
            .run(written: [], generated: [], theme: model.themes[0], content: model.content),
            pages: { paths in
                model.sites.indices.flatMap { n in
                    RenderPages(style: options.linkStyle, liveReload: options.liveReload, log: DiagnosticLog())
                        .run(model.sites[n], bodies: model.bodies[n], theme: model.themes[n], only: paths).files
                }
            },
            everything: { log, isCancelled in
                var clock = StageClock(enabled: options.timings)
                return BuildPipeline.renderLanguages(model, log: log, clock: &clock, isCancelled: isCancelled)
            })
    }

    /// The same build again, not cancelled, knowing what was rendered (a render resumed after
    /// the change that cancelled it failed).
    func resumed() -> PendingRender {
        let again = PendingRender(state: state, log: log, copied: copied, pages: pages, everything: everything)
        again.noteRendered(Array(rendered))
        return again
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
        pages(Set(paths.map(BuildPipeline.sitePath))).filter { paths.contains($0.path) }
    }

    /// Every file of the build, with the render's diagnostics added to `log`: in the background,
    /// given up (empty) once cancelled; or at once, for a rebuild that waits for all of it.
    func renderEverything(inBackground: Bool = true) -> BuildResult {
        guard inBackground else { return everything(log, nil) }
        let isCancelled: @Sendable () -> Bool = { [self] in self.isCancelled }
        return everything(log, isCancelled)
    }
}
