import Foundation
import Parallel
import Search

/// The build, top to bottom. Only the loading stages read the disk; writing is
/// `build(_:to:outputDisplay:)`'s, so the same build serves `build`, `check` and the preview.
public enum BuildPipeline {
    public static func build(_ options: BuildOptions) -> BuildResult {
        buildKeepingState(options).result
    }

    /// A build, plus what an incremental rebuild starts from when it succeeded; `searchCache`
    /// keeps the search index's analysis for the next build.
    ///
    /// `stream`, when given, receives the HTML pages as they are rendered instead of the result
    /// (unless there are errors by then, or the build is timed); the result counts them. Such a
    /// build has no state to go on from: its bodies let their HTML go as their pages are written.
    /// `inputs`, the preview's, gives the files and parsed pages of the last build that did not
    /// change, and keeps this build's.
    static func buildKeepingState(
        _ options: BuildOptions, searchCache: SearchIndexCache? = nil,
        stream: PageStream? = nil, inputs: InputCache? = nil
    ) -> (result: BuildResult, state: BuildState?) {
        let log = DiagnosticLog()
        var clock = StageClock(enabled: options.timings)
        guard
            let configs = LoadSiteConfig(
                root: options.content, displayRoot: options.contentDisplay,
                baseURL: options.baseURL, log: log
            ).runAll(), let config = configs.first
        else { return (BuildResult(failed: log), nil) }
        if config.isMultilingual {
            return buildLanguages(options, configs: configs, log: log, stream: stream, clock: &clock, inputs: inputs)
        }
        guard var state = model(options, config: config, log: log, clock: &clock, inputs: inputs) else {
            return (BuildResult(failed: log), nil)
        }
        state.searchCache = searchCache
        // A build that streams its pages keeps no state to go on from, so the pages' Markdown
        // (a fifth of what the build holds at its peak, at 10,000 pages) goes once it is rendered.
        if stream != nil { state.site.letMarkdownGo() }
        let result = render(state, log: log, clock: &clock, stream: stream)
        let keeps = result.succeeded && stream == nil
        if !keeps && !options.freesWhenDone { Leftovers.keepUntilExit(state) }
        return (result, keeps ? state : nil)
    }

    /// The stages before rendering, for a site in one language: the content read and parsed, the
    /// site model made, the bodies rendered and the links checked. Nil when the theme cannot be
    /// loaded; otherwise the state, with any errors in `log`. `inputs`, the preview's, also keeps
    /// the bodies, and renders again only those whose page or reads changed.
    static func model(
        _ options: BuildOptions, config: SiteConfig, log: DiagnosticLog, clock: inout StageClock,
        inputs: InputCache? = nil
    ) -> BuildState? {
        var loader = LoadContent(root: options.content, displayRoot: options.contentDisplay, log: log)
        loader.mdx = config.mdx
        loader.staticFolder = config.staticFolder
        // Each page is parsed once here, so its text can be read as text and handed over.
        loader.readsText = inputs == nil
        var content = inputs?.load(config.contentFilter, with: loader) ?? loader.run(config.contentFilter)
        clock.lap("LoadContent")
        func loadTheme(_ log: DiagnosticLog) -> Theme? {
            LoadTheme(root: options.theme, displayRoot: options.themeDisplay, config: config, log: log).run()
        }
        guard let theme = inputs.map({ $0.theme(log: log, load: loadTheme) }) ?? loadTheme(log) else { return nil }
        clock.lap("LoadTheme")
        var parser = ParseFrontMatter(config: config, includeDrafts: options.includeDrafts, log: log)
        parser.folderPages = PageLocation.folderPages(content.markdown.lazy.map(\.relativePath))
        let parsed =
            inputs?.parse(
                content.markdown, settings: .of(config, options, folderPages: parser.folderPages), with: parser)
            ?? parser.run(content.markdown)
        let unreadable = ParseFrontMatter.unreadable(content.markdown, pages: parsed, log: log)
        // The pages hold their text now: the files' bytes (as much again as the Markdown) would
        // otherwise stay until the bodies are rendered, when the build holds the most.
        content = content.afterParsing
        clock.lap("ParseFrontMatter")
        let data = LoadData(log: log).run(content.data)
        clock.lap("LoadData")
        var model = BuildSiteModel(config: config, log: log)
        model.memo = inputs?.modelMemo
        model.unreadable = unreadable
        model.unreadableData = LoadData.unreadable(content.data, loaded: data)
        let site = model.run(pages: parsed, data: data, staticFiles: Set(content.staticFiles.map(\.relativePath)))
        clock.lap("BuildSiteModel")
        let markdown = RenderMarkdown(style: options.linkStyle, log: log)
        let bodies =
            inputs.map { markdown.run(site, theme: theme, cache: $0.bodies) } ?? markdown.run(site, theme: theme)
        clock.lap("RenderMarkdown")
        CheckSite(log: log).run(site, bodies: bodies, dataUsedByTemplates: theme.dataKeys)
        clock.lap("CheckSite")
        return BuildState(
            options: options, config: config, theme: theme, site: site, bodies: bodies, content: content,
            folderPages: parser.folderPages)
    }

    /// The stages after the model: the pages, the report, the feeds and the search index, and
    /// the site's files collected. With errors in `log` already, nothing is streamed and the
    /// result is a failure (the later stages still run, to report what they find).
    /// `isCancelled`, the preview's, is asked between stages: a newer edit makes this render
    /// pointless, and then the result is empty.
    static func render(
        _ state: BuildState, log: DiagnosticLog, clock: inout StageClock, stream: PageStream? = nil,
        isCancelled: (@Sendable () -> Bool)? = nil
    ) -> BuildResult {
        let cancellable = isCancelled != nil
        let isCancelled = isCancelled ?? { false }
        let (options, site, bodies, theme) = (state.options, state.site, state.bodies, state.theme)
        // The search index needs only the site and the bodies: it is built on another thread
        // while the pages render, so the parts of each that keep one core busy and the other idle
        // overlap with the other's work. A timed build runs it here instead, so that each stage's
        // time is its own.
        let index = IndexForSearch(style: options.linkStyle, theme: theme, cache: state.searchCache)
        // The preview's render (one that can be cancelled) makes the index after the pages, so
        // that an edit coming meanwhile stops both.
        let makeIndex: @Sendable () -> [OutputFile] = { [site, bodies, options] in
            options.searchIndex && !isCancelled() ? index.run(site, bodies: bodies) : []
        }
        let searchWork = cancellable ? nil : BackgroundWork(inBackground: !options.timings, makeIndex)
        if options.timings { clock.lap("IndexForSearch") }
        // Nothing of a build with errors is written, and a timed build writes in its own stage.
        let pageStream = log.hasErrors || options.timings ? nil : stream
        let pages = RenderPages(style: options.linkStyle, liveReload: options.liveReload, log: log)
            .run(site, bodies: bodies, theme: theme, stream: pageStream, isCancelled: isCancelled)
        let streamed = pageStream?.paths ?? []
        pages.leftovers.letGo(freeing: options.freesWhenDone)
        clock.lap("RenderPages")
        let report = RenderReport(style: options.linkStyle, liveReload: options.liveReload).run(site, theme: theme)
        clock.lap("RenderReport")
        let htmlFiles = pages.files + (report.map { [$0] } ?? [])
        // Pages, not the filter data scripts that are rendered with them.
        let htmlPaths = (streamed + htmlFiles.map(\.path)).filter { $0.hasSuffix(".html") }
        let feeds = RenderFeeds(log: log).run(site, bodies: bodies, pagePaths: htmlPaths.map(sitePath).sorted())
        clock.lap("RenderFeeds")
        // After the feeds: an old URL is no page of the site map.
        var aliasesGiven: [String: String] = [:]
        let aliases = RenderAliases(style: options.linkStyle, log: log)
            .run(site, theme: theme, taken: Set(htmlPaths), given: &aliasesGiven)
        let searchFiles = searchWork?.wait() ?? makeIndex()
        if isCancelled() { return BuildResult(files: [], diagnostics: [], pageCount: 0) }
        let files = CollectOutput(log: log, names: site.config.links.names, staticFolder: site.config.staticFolder)
            .run(
                written: streamed, generated: htmlFiles + feeds + aliases + searchFiles, theme: theme,
                content: state.content, reported: site.clashes)

        let externalLinks = ExternalLink.all(in: site, bodies: bodies)
        guard !log.hasErrors else { return BuildResult(failed: log, externalLinks: externalLinks) }
        return BuildResult(
            site, files: files, streamed: streamed, pageCount: htmlPaths.count, externalLinks: externalLinks, log: log)
    }

    /// The site path of an output file: `projekt/x/index.html` -> `/projekt/x/`, `404.html` -> `/404.html`.
    static func sitePath(_ file: String) -> String {
        file == "index.html"
            ? "/" : file.hasSuffix("/index.html") ? "/" + file.dropLast("index.html".count) : "/" + file
    }
}
