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
        var configs = loaded
        var loader = LoadContent(root: options.content, displayRoot: options.contentDisplay, log: log)
        loader.languages = configs[0].languages
        loader.known = inputs?.content ?? [:]
        let content = loader.run(ignoring: configs[0].ignore)
        inputs?.keep(content)
        clock.lap("LoadContent")
        // Each language's stages report to a log of their own, merged at the end, so that a
        // problem in what the languages share is said once.
        let logs = configs.indices.map { $0 == 0 ? log : DiagnosticLog() }
        // What another language says of the data (a record or file that only the default
        // language's pages use) is no problem: its warnings count only for its own pages and theme.
        func mergeLogs() {
            for other in logs.dropFirst() {
                log.merge(other) { $0.severity == .error || !$0.file.hasPrefix(options.contentDisplay + "/data/") }
            }
        }
        func failed() -> (result: BuildResult, state: BuildState?) {
            mergeLogs()
            return (BuildResult(failed: log), nil)
        }
        // The theme is read and compiled once; each language gets its own UI strings.
        guard
            let first = LoadTheme(root: options.theme, displayRoot: options.themeDisplay, config: configs[0], log: log)
                .run()
        else { return failed() }
        let themes =
            [first]
            + configs.indices.dropFirst().map { n in
                LoadTheme(root: options.theme, displayRoot: options.themeDisplay, config: configs[n], log: logs[n])
                    .run(sharing: first)
            }
        clock.lap("LoadTheme")
        let split = SplitLanguages(configs: configs, log: log)
        let files = split.markdown(content.markdown)
        var pages = configs.indices.map { n in
            ParseFrontMatter(
                config: configs[n], includeDrafts: options.includeDrafts, log: log, sectionSlugs: n > 0
            ).run(files[n])
        }
        split.link(&pages, configs: &configs)
        clock.lap("ParseFrontMatter")
        let data = LoadData(log: log).run(content.data)
        clock.lap("LoadData")
        let staticFiles = Set(content.staticFiles.map(\.relativePath))
        var sites: [Site] = []
        for n in configs.indices {
            var model = BuildSiteModel(config: configs[n], log: logs[n])
            if n > 0 { model.alsoKnown = sites[0].knownPaths }
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

        var generated: [OutputFile] = []
        var streamed: [String] = []
        var htmlPaths: [String] = []
        var externalLinks: [ExternalLink] = []
        var allBodies: [[RenderedBody]] = []
        for n in sites.indices {
            allBodies.append(RenderMarkdown(style: options.linkStyle, log: logs[n]).run(sites[n], theme: themes[n]))
        }
        clock.lap("RenderMarkdown")
        for n in sites.indices {
            CheckSite(log: logs[n]).run(sites[n], bodies: allBodies[n], dataUsedByTemplates: themes[n].dataKeys)
            externalLinks += ExternalLink.all(in: sites[n], bodies: allBodies[n])
        }
        clock.lap("CheckSite")
        let anyErrors = logs.contains { $0.hasErrors }
        // The indexes are built on another thread while the pages render, as in a site in one language.
        let searchWork = BackgroundWork(inBackground: !options.timings) { [sites, allBodies, themes, options] in
            guard options.searchIndex else { return [OutputFile]() }
            return sites.indices.flatMap { n in
                IndexForSearch(style: options.linkStyle, theme: themes[n]).run(sites[n], bodies: allBodies[n])
            }
        }
        if options.timings { clock.lap("IndexForSearch") }
        let pageStream = anyErrors || options.timings ? nil : stream
        for n in sites.indices {
            let pagesOut = RenderPages(style: options.linkStyle, liveReload: options.liveReload, log: logs[n])
                .run(sites[n], bodies: allBodies[n], theme: themes[n], stream: pageStream)
            pagesOut.leftovers.freeInBackground()
            generated += pagesOut.files
        }
        clock.lap("RenderPages")
        for n in sites.indices {
            let report = RenderReport(style: options.linkStyle, liveReload: options.liveReload)
                .run(sites[n], theme: themes[n])
            generated += report.map { [$0] } ?? []
        }
        clock.lap("RenderReport")
        htmlPaths = generated.map(\.path).filter { $0.hasSuffix(".html") }
        streamed = pageStream?.paths ?? []
        htmlPaths += streamed.filter { $0.hasSuffix(".html") }
        let feeds = RenderFeeds(log: log).run(sites, pagePaths: htmlPaths.map(sitePath).sorted())
        clock.lap("RenderFeeds")
        mergeLogs()
        let output = CollectOutput(log: log)
            .run(
                written: streamed, generated: generated + feeds + searchWork.wait(), theme: themes[0], content: content)
        guard !log.hasErrors else { return (BuildResult(failed: log, externalLinks: externalLinks), nil) }
        var result = BuildResult(
            sites[0], files: output, streamed: streamed, pageCount: htmlPaths.count,
            externalLinks: externalLinks, log: log)
        for site in sites {
            if let report = site.config.report {
                result.reportPaths[site.config.language] = "\(report.path)/index.html"
            }
        }
        return (result, nil)
    }
}
