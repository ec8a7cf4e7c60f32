import Foundation
import Search

/// What a successful build computed, kept so that a change can rebuild only what it touches.
struct BuildState: Sendable {
    var options: BuildOptions
    var config: SiteConfig
    var theme: Theme
    var site: Site
    var bodies: [RenderedBody]
    /// The search index's analysis of this build, reused by the next.
    var searchCache: SearchIndexCache?
}

/// Rebuilds after a change to the body of existing Markdown pages: each changed page is parsed and
/// rendered again and written with its own HTML; nothing else can have changed, because listings,
/// term pages, records and the menu only read front matter. Anything else — a new, deleted or
/// renamed file, a front matter edit, data, site.yaml, the theme — needs the full build, and
/// `update` says so by returning nil.
enum IncrementalBuild {
    struct Outcome {
        var state: BuildState
        /// Output files to replace.
        var files: [OutputFile]
        var diagnostics: [Diagnostic]
    }

    static func update(_ state: BuildState, changedPaths: [String]) -> Outcome? {
        let root = state.options.content.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        var changed: [(index: Int, file: SourceFile)] = []
        for path in Set(changedPaths).sorted() {
            let full = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(root), full.hasSuffix(".md") else { return nil }
            let relative = String(full.dropFirst(root.count))
            guard !relative.hasPrefix("data/"), !relative.hasPrefix("static/"),
                  let index = state.site.pageBySource[relative],
                  let data = FileManager.default.contents(atPath: full) else { return nil }
            changed.append((index, SourceFile(relativePath: relative, displayPath: state.options.contentDisplay + "/" + relative, data: data)))
        }
        guard !changed.isEmpty else { return nil }

        let log = DiagnosticLog()
        var site = state.site
        var bodies = state.bodies
        for (index, file) in changed {
            guard let page = ParseFrontMatter(config: state.config, includeDrafts: state.options.includeDrafts, log: log).parse(file) else {
                return log.hasErrors ? Outcome(state: state, files: [], diagnostics: log.all) : nil
            }
            guard page.frontMatterText == site.pages[index].frontMatterText, page.path == site.pages[index].path else { return nil }
            site.pages[index] = page
        }
        for (index, _) in changed {
            let page = site.pages[index]
            let hooks = PageHooks(site: site, page: page, url: SiteURL(from: page.path, style: state.options.linkStyle), log: log)
            let renderer = RenderMarkdown.renderer(site: site, theme: state.theme)
            bodies[index] = RenderMarkdown.body(renderer.render(page.body, lineOffset: page.bodyLineOffset, hooks: hooks), hooks.record)
        }
        // When a changed page keeps its anchors and data, only its own links can have broken.
        let sameAnchors = changed.allSatisfy { change in
            let old = state.bodies[change.index], new = bodies[change.index]
            return old.headings.map(\.id) == new.headings.map(\.id) && old.anchors == new.anchors && old.dataUsed == new.dataUsed
        }
        CheckSite(site: site, bodies: bodies, dataUsedByTemplates: state.theme.dataKeys, log: log)
            .run(pages: sameAnchors ? changed.map(\.index) : nil)
        if log.hasErrors { return Outcome(state: state, files: [], diagnostics: log.all) }

        let pages = RenderPages(site: site, bodies: bodies, theme: state.theme, style: state.options.linkStyle,
                                liveReload: state.options.liveReload, log: log)
        var files = pages.run(only: Set(changed.map { site.pages[$0.index].path }))
        let included = Set(site.config.report?.sections ?? [])
        if changed.contains(where: { included.contains(site.pages[$0.index].section) }),
           let report = RenderReport(site: site, theme: state.theme, style: state.options.linkStyle, common: pages.common).run() {
            files.append(report)
        }
        var next = state
        next.site = site
        next.bodies = bodies
        return Outcome(state: next, files: files, diagnostics: log.all)
    }
}
