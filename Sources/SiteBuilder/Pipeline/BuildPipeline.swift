import Foundation
import Parallel
import Search

/// What to build and how.
public struct BuildOptions: Sendable {
    public var content: URL
    public var theme: URL
    /// Paths as the user typed them, for messages.
    public var contentDisplay: String
    public var themeDisplay: String
    public var baseURL: String?
    public var includeDrafts: Bool
    public var linkStyle: LinkStyle
    /// HTML injected into every page by the preview server.
    public var liveReload: String
    /// Print how long each stage took to standard error; stages then run one after another.
    public var timings = false
    /// Build the search index; off only to measure what the index costs (`make bench`), since the
    /// theme's search then finds nothing.
    public var searchIndex = true

    public init(content: String = "Content", theme: String = "Themes/default", baseURL: String? = nil,
                includeDrafts: Bool = false, linkStyle: LinkStyle = .pretty, liveReload: String = "") {
        self.content = URL(fileURLWithPath: content)
        self.theme = URL(fileURLWithPath: theme)
        self.contentDisplay = content.hasSuffix("/") ? String(content.dropLast()) : content
        self.themeDisplay = theme.hasSuffix("/") ? String(theme.dropLast()) : theme
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.linkStyle = linkStyle
        self.liveReload = liveReload
    }
}

/// The outcome of a build: the site's files (when there were no errors) and every diagnostic.
public struct BuildResult: Sendable {
    /// The files to write; without the pages already written while the build went on.
    public var files: [OutputFile]
    /// Pages written into the output while the build went on (`build(_:to:outputDisplay:)`).
    public var streamedFileCount = 0
    /// How many files the site has.
    public var fileCount: Int { streamedFileCount + files.count }
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    /// When the content was last updated: site.yaml's `updated`, else the newest page date.
    public var contentDate: String? = nil
    /// Output path of the report page, when the site has one.
    public var reportPath: String? = nil
    public var siteTitle: String = ""
    /// Every link to another site, where it is written, for `check --external`.
    public var externalLinks: [ExternalLink] = []
    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// The build, top to bottom. Only the first stage reads the disk; writing is the caller's
/// `OutputWriter`, so the same build serves `build`, `check` and the preview server.
public enum BuildPipeline {
    public static func build(_ options: BuildOptions) -> BuildResult {
        buildKeepingState(options).result
    }

    /// A term's `icon:` must name a file of the theme's `icons/` folder.
    static func checkIcons(_ config: SiteConfig, _ theme: Theme, configPath: String, log: DiagnosticLog) {
        for taxonomy in config.taxonomies {
            for term in taxonomy.terms {
                guard let icon = term.icon, theme.icons.use(icon).isEmpty else { continue }
                let known = theme.icons.names.joined(separator: ", ")
                log.error(configPath, term.iconPosition ?? .start, "icon '\(icon)' of term '\(term.id)' is not in the theme's icons/ folder",
                          hint: known.isEmpty ? "the theme has no icons; remove 'icon:'" : "use one of: \(known)")
            }
        }
    }

    /// A build, plus what an incremental rebuild starts from when it succeeded; `searchCache`
    /// keeps the search index's analysis for the next build.
    ///
    /// `stream`, when given, receives the HTML pages as they are rendered instead of the result
    /// (unless there are errors by then, or the build is timed); the result counts them.
    static func buildKeepingState(_ options: BuildOptions, searchCache: SearchIndexCache? = nil,
                                  stream: PageStream? = nil) -> (result: BuildResult, state: BuildState?) {
        let log = DiagnosticLog()
        var clock = StageClock(enabled: options.timings)
        func failed() -> (result: BuildResult, state: BuildState?) {
            (BuildResult(files: [], diagnostics: log.all, pageCount: 0), nil)
        }

        // site.yaml first: its `ignore:` says which files are content.
        let loader = LoadContent(root: options.content, displayRoot: options.contentDisplay, log: log)
        let siteYAML = loader.siteConfig()
        guard var config = LoadSiteConfig(log: log).run(siteYAML, displayRoot: options.contentDisplay) else { return failed() }
        let content = loader.run(ignoring: config.ignore)
        clock.lap("LoadContent")
        if let baseURL = options.baseURL { config.baseURL = baseURL.hasSuffix("/") || baseURL.isEmpty ? baseURL : baseURL + "/" }
        guard let theme = LoadTheme(root: options.theme, displayRoot: options.themeDisplay, language: config.language,
                                    needsReport: config.report != nil, log: log).run()
        else { return failed() }
        checkIcons(config, theme, configPath: content.siteConfig?.displayPath ?? "site.yaml", log: log)
        clock.lap("LoadTheme")
        let parsed = ParseFrontMatter(config: config, includeDrafts: options.includeDrafts, log: log).run(content.markdown)
        clock.lap("ParseFrontMatter")
        let data = LoadData(log: log).run(content.data)
        clock.lap("LoadData")
        let site = BuildSiteModel(config: config, configPath: content.siteConfig?.displayPath ?? "site.yaml", log: log)
            .run(pages: parsed, data: data, staticFiles: Set(content.staticFiles.map(\.relativePath)))
        clock.lap("BuildSiteModel")
        let bodies = RenderMarkdown(site: site, theme: theme, style: options.linkStyle, log: log).run()
        clock.lap("RenderMarkdown")
        CheckSite(site: site, bodies: bodies, dataUsedByTemplates: theme.dataKeys, log: log).run()
        clock.lap("CheckSite")
        // The search index needs only the site and the bodies: it is built on another thread
        // while the pages render, so the parts of each that keep one core busy and the other idle
        // overlap with the other's work. A timed build runs it here instead, so that each stage's
        // time is its own.
        let searchWork = BackgroundWork(inBackground: !options.timings) { [site, bodies, searchCache, style = options.linkStyle, options] in
            options.searchIndex ? IndexForSearch(site: site, bodies: bodies, style: style, cache: searchCache).run() : []
        }
        if options.timings { clock.lap("IndexForSearch") }
        let pages = RenderPages(site: site, bodies: bodies, theme: theme, style: options.linkStyle,
                                liveReload: options.liveReload, log: log)
        // Nothing of a build with errors is written, and a timed build writes in its own stage.
        let pageStream = log.hasErrors || options.timings ? nil : stream
        var htmlFiles = pages.run(stream: pageStream)
        let streamed = pageStream?.paths ?? []
        pages.leftovers.freeInBackground()
        clock.lap("RenderPages")
        if let report = RenderReport(site: site, theme: theme, style: options.linkStyle, common: pages.common).run() {
            htmlFiles.append(report)
        }
        clock.lap("RenderReport")
        // Pages, not the filter data scripts that are rendered with them.
        let htmlPaths = (streamed + htmlFiles.map(\.path)).filter { $0.hasSuffix(".html") }
        let feeds = RenderFeeds(site: site, configPath: content.siteConfig?.displayPath ?? "site.yaml",
                                pagePaths: htmlPaths.map(sitePath).sorted(), log: log).run()
        clock.lap("RenderFeeds")
        let search = searchWork.wait()
        let copied = theme.assets.map { OutputFile(path: "assets/" + $0.path, data: $0.data) }
            + content.staticFiles.map { OutputFile(path: String($0.relativePath.dropFirst("static/".count)), data: $0.data) }
        let files = checkCollisions(written: streamed, htmlFiles + feeds + search + copied, log: log)

        let external = bodies.indices.flatMap { i in
            bodies[i].externalLinks.map { ExternalLink(url: $0.url, file: site.pages[i].source.displayPath, position: $0.position) }
        }
        guard !log.hasErrors else {
            var result = failed()
            result.result.externalLinks = external
            return result
        }
        var result = BuildResult(files: files, diagnostics: log.all, pageCount: htmlPaths.count,
                                 contentDate: config.updated ?? site.pages.compactMap(\.date).max(),
                                 reportPath: config.report.map { "\($0.path)/index.html" }, siteTitle: config.title,
                                 externalLinks: external)
        result.streamedFileCount = streamed.count
        return (result, BuildState(options: options, config: config, theme: theme, site: site, bodies: bodies, searchCache: searchCache))
    }

    /// Builds and, when there are no errors, writes the site; the old output stays on any error.
    ///
    /// Pages are written into a staging folder beside the output while the build goes on (so the
    /// site's HTML is never all in memory); the staging folder replaces the output folder in one
    /// step when the build succeeds and is removed when it does not.
    public static func build(_ options: BuildOptions, to writer: OutputWriter, outputDisplay: String) -> (BuildResult, OutputError?) {
        guard case .disk(let url) = writer else { return (build(options), nil) }
        let output = WriteOutput(output: url, displayPath: outputDisplay)
        let staging: URL
        let stream: PageStream
        do {
            staging = try output.stage()
            stream = try PageStream(into: staging.path)
        } catch {
            // The build still runs, for its diagnostics; nothing is written.
            return (build(options), output.outputError(error))
        }
        let result = buildKeepingState(options, stream: stream).result
        var clock = StageClock(enabled: options.timings)
        do {
            let unwritten = try stream.finish()
            guard result.succeeded else {
                output.abandon(staging)
                return (result, nil)
            }
            try output.commit(unwritten + result.files, staging: staging)
            clock.lap("WriteOutput")
            return (result, nil)
        } catch {
            output.abandon(staging)
            return (result, output.outputError(error))
        }
    }

    /// The site path of an output file: `projekt/x/index.html` -> `/projekt/x/`, `404.html` -> `/404.html`.
    static func sitePath(_ file: String) -> String {
        file == "index.html" ? "/" : file.hasSuffix("/index.html") ? "/" + file.dropLast("index.html".count) : "/" + file
    }

    /// `files` without the second of two with one path (an error); `written` are the paths of
    /// pages already written, which come first.
    private static func checkCollisions(written: [String], _ files: [OutputFile], log: DiagnosticLog) -> [OutputFile] {
        var seen = Set<String>()
        func isFirst(_ path: String) -> Bool {
            if seen.insert(path).inserted { return true }
            log.error(path, .start, "two sources write the output file \(path)",
                      hint: "a file in static/ or the theme's assets/ has the same path as a generated page")
            return false
        }
        for path in written { _ = isFirst(path) }
        return files.filter { isFirst($0.path) }.sorted { $0.path < $1.path }
    }
}
