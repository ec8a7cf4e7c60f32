import Foundation
import Parallel
import Search

extension BuildPipeline {
    /// The build of a site in several languages (`configs`, the default language's first), as
    /// Hugo builds one: the content and the theme's files read once, then one `Site` per language
    /// from the shared parse, each rendered with its own UI strings, search index and feed, the
    /// pages of every language but the default below `/<language>/`. Problems of the shared input
    /// are reported once.
    static func buildLanguages(
        _ options: BuildOptions, configs loaded: [SiteConfig], log: DiagnosticLog, stream: PageStream?,
        clock: inout StageClock, inputs: InputCache? = nil
    ) -> (result: BuildResult, state: BuildState?) {
        guard var model = modelLanguages(options, configs: loaded, log: log, clock: &clock, inputs: inputs) else {
            return (BuildResult(failed: log), nil)
        }
        // As in a site in one language (`buildKeepingState`).
        if stream != nil { for n in model.sites.indices { model.sites[n].letMarkdownGo() } }
        let result = renderLanguages(model, log: log, clock: &clock, stream: stream)
        if !options.freesWhenDone { Leftovers.keepUntilExit(model) }
        return (result, nil)
    }

    /// What a site in several languages is rendered from: each language's site, theme and bodies.
    struct LanguagesModel: Sendable {
        var options: BuildOptions
        var sites: [Site]
        var themes: [Theme]
        var bodies: [[RenderedBody]]
        var content: ContentFiles
        /// Each language's own log (the default language's is the build's).
        var logs: [DiagnosticLog]
    }

    /// The stages before rendering, for a site in several languages; nil when the theme cannot be
    /// loaded. Every language's problems are in `log` when it returns.
    static func modelLanguages(
        _ options: BuildOptions, configs loaded: [SiteConfig], log: DiagnosticLog, clock: inout StageClock,
        inputs: InputCache? = nil
    ) -> LanguagesModel? {
        var configs = loaded
        var loader = LoadContent(root: options.content, displayRoot: options.contentDisplay, log: log)
        loader.languages = configs[0].languages
        loader.mdx = configs[0].mdx
        loader.staticFolder = configs[0].staticFolder
        loader.known = inputs?.content ?? [:]
        var content = loader.run(configs[0].contentFilter)
        inputs?.keep(content)
        content.staticFiles = content.staticFiles.map { SplitLanguages.publishedFile($0, configs[0].languages) }
        clock.lap("LoadContent")
        // Each language's stages report to a log of their own, merged at the end, so that a
        // problem in what the languages share is said once.
        let logs = configs.indices.map { $0 == 0 ? log : DiagnosticLog() }
        // The theme is read and compiled once; each language gets its own UI strings.
        func loadTheme(_ log: DiagnosticLog) -> Theme? {
            LoadTheme(root: options.theme, displayRoot: options.themeDisplay, config: configs[0], log: log).run()
        }
        guard let first = inputs.map({ $0.theme(log: log, load: loadTheme) }) ?? loadTheme(log) else {
            mergeLogs(logs, into: log, options: options)
            return nil
        }
        let themes =
            [first]
            + configs.indices.dropFirst().map { n in
                LoadTheme(root: options.theme, displayRoot: options.themeDisplay, config: configs[n], log: logs[n])
                    .run(sharing: first)
            }
        clock.lap("LoadTheme")
        let split = SplitLanguages(configs: configs, log: log)
        // The languages' files live only while they are parsed: as in `BuildPipeline.model`, the
        // pages hold their text, and the files' bytes go before the bodies are rendered.
        var unreadable: [Set<String>] = []
        var pages = { [configs] () -> [[Page]] in
            let files = split.markdown(content.markdown)
            return configs.indices.map { n in
                let pages = ParseFrontMatter(
                    config: configs[n], includeDrafts: options.includeDrafts, log: log, sectionSlugs: n > 0,
                    folderPages: PageLocation.folderPages(files[n].lazy.map(\.relativePath))
                ).run(files[n])
                unreadable.append(ParseFrontMatter.unreadable(files[n], pages: pages, log: log))
                return pages
            }
        }()
        content = content.afterParsing
        split.link(&pages, configs: &configs)
        clock.lap("ParseFrontMatter")
        let data = LoadData(log: log).run(content.data)
        clock.lap("LoadData")
        let staticFiles = Set(content.staticFiles.map(\.relativePath))
        var sites: [Site] = []
        for n in configs.indices {
            var model = BuildSiteModel(config: configs[n], log: logs[n])
            model.unreadable = unreadable[n]
            model.unreadableData = LoadData.unreadable(content.data, loaded: data)
            if n > 0 {
                model.alsoKnown = sites[0].knownPaths
                model.alsoSources = Set(sites[0].pageBySource.keys)
            }
            sites.append(model.run(pages: pages[n], data: split.data(data, for: n), staticFiles: staticFiles))
        }
        let links = LanguageLinks(sites: sites, themes: themes)
        for n in sites.indices {
            sites[n].languageLinks = links
            guard n > 0 else { continue }
            let translated = Set(sites[n].pages.map(\.source.relativePath))
            for page in sites[0].pages where !translated.contains(page.source.relativePath) {
                sites[n].untranslatedPages[page.source.relativePath] = page.path
            }
            // The paths of the default language's pages, for links written as URLs.
            sites[n].knownPaths.formUnion(sites[0].knownPaths)
        }
        TranslationCheck(log: log).run(sites)
        clock.lap("BuildSiteModel")

        var allBodies: [[RenderedBody]] = []
        for n in sites.indices {
            let markdown = RenderMarkdown(style: options.linkStyle, log: logs[n])
            allBodies.append(
                inputs.map { markdown.run(sites[n], theme: themes[n], cache: $0.bodies) }
                    ?? markdown.run(sites[n], theme: themes[n]))
        }
        clock.lap("RenderMarkdown")
        for n in sites.indices {
            CheckSite(log: logs[n]).run(sites[n], bodies: allBodies[n], dataUsedByTemplates: themes[n].dataKeys)
        }
        clock.lap("CheckSite")
        mergeLogs(logs, into: log, options: options)
        return LanguagesModel(
            options: options, sites: sites, themes: themes, bodies: allBodies, content: content, logs: logs
        )
    }

    /// What another language says of the data (a record or file that only the default language's
    /// pages use) is no problem: its warnings count only for its own pages and theme.
    static func mergeLogs(_ logs: [DiagnosticLog], into log: DiagnosticLog, options: BuildOptions) {
        for other in logs.dropFirst() {
            log.merge(other) { $0.severity == .error || !$0.file.hasPrefix(options.contentDisplay + "/data/") }
        }
    }

    /// The stages after the model, for a site in several languages (see `render`).
    static func renderLanguages(
        _ model: LanguagesModel, log: DiagnosticLog, clock: inout StageClock, stream: PageStream? = nil,
        isCancelled: (@Sendable () -> Bool)? = nil
    ) -> BuildResult {
        let (options, sites, themes, allBodies, logs) = (
            model.options, model.sites, model.themes, model.bodies, model.logs
        )
        let cancellable = isCancelled != nil
        let isCancelled = isCancelled ?? { false }
        var generated: [OutputFile] = []
        let externalLinks = sites.indices.flatMap { ExternalLink.all(in: sites[$0], bodies: allBodies[$0]) }
        let anyErrors = logs.contains { $0.hasErrors }
        // The indexes are built on another thread while the pages render, as in a site in one
        // language (after them in the preview, so that a newer edit stops both).
        let makeIndexes: @Sendable () -> [OutputFile] = {
            guard options.searchIndex, !isCancelled() else { return [OutputFile]() }
            return sites.indices.flatMap { n in
                IndexForSearch(style: options.linkStyle, theme: themes[n]).run(sites[n], bodies: allBodies[n])
            }
        }
        let searchWork = cancellable ? nil : BackgroundWork(inBackground: !options.timings, makeIndexes)
        if options.timings { clock.lap("IndexForSearch") }
        let pageStream = anyErrors || options.timings ? nil : stream
        for n in sites.indices {
            let pagesOut = RenderPages(style: options.linkStyle, liveReload: options.liveReload, log: logs[n])
                .run(sites[n], bodies: allBodies[n], theme: themes[n], stream: pageStream, isCancelled: isCancelled)
            pagesOut.leftovers.letGo(freeing: options.freesWhenDone)
            generated += pagesOut.files
        }
        clock.lap("RenderPages")
        for n in sites.indices {
            let report = RenderReport(style: options.linkStyle, liveReload: options.liveReload)
                .run(sites[n], theme: themes[n])
            generated += report.map { [$0] } ?? []
        }
        clock.lap("RenderReport")
        var htmlPaths = generated.map(\.path).filter { $0.hasSuffix(".html") }
        let streamed = pageStream?.paths ?? []
        htmlPaths += streamed.filter { $0.hasSuffix(".html") }
        let feeds = RenderFeeds(log: log).run(sites, bodies: allBodies, pagePaths: htmlPaths.map(sitePath).sorted())
        clock.lap("RenderFeeds")
        mergeLogs(logs, into: log, options: options)
        let taken = Set(htmlPaths)
        // One old URL sends readers to one page, whichever language gives it.
        var aliasesGiven: [String: String] = [:]
        for n in sites.indices {
            generated += RenderAliases(style: options.linkStyle, log: log)
                .run(sites[n], theme: themes[n], taken: taken, given: &aliasesGiven, withRedirects: n == 0)
        }
        let indexes = searchWork?.wait() ?? makeIndexes()
        if isCancelled() { return BuildResult(files: [], diagnostics: [], pageCount: 0) }
        let output = CollectOutput(
            log: log, names: sites[0].config.links.names, staticFolder: sites[0].config.staticFolder
        )
        .run(
            written: streamed, generated: generated + feeds + indexes, theme: themes[0], content: model.content,
            reported: sites.reduce(into: Set()) { $0.formUnion($1.clashes) })
        guard !log.hasErrors else { return BuildResult(failed: log, externalLinks: externalLinks) }
        var result = BuildResult(
            sites[0], files: output, streamed: streamed, pageCount: htmlPaths.count,
            externalLinks: externalLinks, log: log)
        for site in sites {
            if let report = site.config.report {
                result.reportPaths[site.config.language] = "\(report.path)/index.html"
            }
        }
        return result
    }
}
