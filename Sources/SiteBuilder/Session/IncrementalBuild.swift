import Foundation
import Search

/// What a successful build computed, kept so that a change can rebuild only what it touches.
struct BuildState: Sendable {
    var options: BuildOptions
    var config: SiteConfig
    var theme: Theme
    var site: Site
    var bodies: [RenderedBody]
    /// The files the build read (the static files and data are copied from them).
    var content: ContentFiles
    /// Which Markdown files stand for their folder, from every Markdown file the build read
    /// (drafts too): an edit that adds or removes no file leaves them as they are.
    var folderPages = FolderPages()
    /// The search index's analysis of this build, reused by the next.
    var searchCache: SearchIndexCache? = nil
}

/// Rebuilds after a change to the body of existing Markdown pages: each changed page is parsed and
/// rendered again and written with its own HTML; nothing else can have changed, because listings,
/// term pages, records and the menu only read front matter. Anything else — a new, deleted or
/// renamed file, a front matter edit, data, site.yaml, the theme — needs the full build, and
/// `update` says so by returning nil.
enum IncrementalBuild {
    struct Outcome {
        /// Output files to replace.
        var files: [OutputFile]
        var diagnostics: [Diagnostic]
    }

    /// Updates `state` in place: when the caller holds the only reference, the arrays of pages
    /// and bodies are not copied (copying 10,000 pages was most of a preview rebuild). On errors
    /// `state` is left as it was and the outcome carries the diagnostics; nil means "needs the
    /// full build", also with `state` unchanged.
    static func update(_ state: inout BuildState, changedPaths: [String]) -> Outcome? {
        // A page that another body includes (mdBook's `{{#include}}`) changes that body too.
        if state.config.includes != nil {
            let included = Set(
                state.bodies.lazy.flatMap(\.reads).compactMap { read -> String? in
                    if case .included(let path, _) = read { return path }
                    return nil
                })
            let real = changedPaths.map { URL(fileURLWithPath: $0).standardized.resolvingSymlinksInPath().path }
            if real.contains(where: included.contains) { return nil }
        }
        var changed: [(index: Int, file: SourceFile)] = []
        for path in Set(changedPaths).sorted() {
            guard let written = FolderPath.relative(path, to: state.options.content),
                let writtenExtension = SourceFile.pageExtension(of: written, mdx: state.config.mdx)
            else { return nil }
            let relative = SourceFile.pagePath(written, mdx: state.config.mdx)
            let full = state.options.content.appendingPathComponent(written).path
            guard !relative.hasPrefix("data/"), !relative.hasPrefix(state.config.staticFolder + "/"),
                let index = state.site.pageBySource[relative],
                state.site.pages[index].source.writtenExtension == writtenExtension,
                let data = FileManager.default.contents(atPath: full)
            else { return nil }
            changed.append(
                (
                    index,
                    SourceFile(
                        relativePath: relative, displayPath: state.options.contentDisplay + "/" + written, data: data,
                        writtenExtension: writtenExtension)
                ))
        }
        guard !changed.isEmpty else { return nil }

        let log = DiagnosticLog()
        let options = state.options
        var parser = ParseFrontMatter(config: state.config, includeDrafts: options.includeDrafts, log: log)
        // No file came or went: which files stand for their folder is as the full build found
        // them (from every Markdown file, drafts too, as it reads them).
        parser.folderPages = state.folderPages
        let newPages = parser.run(changed.map(\.file))
        // A page left out is a draft now, or has errors.
        guard newPages.count == changed.count else {
            return log.hasErrors ? Outcome(files: [], diagnostics: log.all) : nil
        }
        for (k, (index, _)) in changed.enumerated() {
            let page = newPages[k]
            let old = state.site.pages[index]
            // A title taken from the body's heading is in listings too, and so is a summary cut
            // from it (the text before `<!--more-->`).
            guard
                page.frontMatterText == old.frontMatterText, page.path == old.path, page.title == old.title,
                page.summary == old.summary
            else { return nil }
        }
        let oldPages = changed.map { state.site.pages[$0.index] }
        let oldBodies = changed.map { state.bodies[$0.index] }
        func rollBack() {
            for (k, change) in changed.enumerated() {
                state.site.pages[change.index] = oldPages[k]
                state.bodies[change.index] = oldBodies[k]
            }
        }
        for (k, change) in changed.enumerated() { state.site.pages[change.index] = newPages[k] }
        let bodies = RenderMarkdown(style: options.linkStyle, log: log)
            .run(state.site, theme: state.theme, pages: changed.map(\.index))
        for (k, change) in changed.enumerated() { state.bodies[change.index] = bodies[k] }
        // A page's first paragraph is its summary on the listings' cards when it has none.
        guard zip(oldBodies, bodies).allSatisfy({ $0.openingText == $1.openingText }) else {
            rollBack()
            return nil
        }
        // When a changed page keeps its anchors and data, only its own links can have broken.
        let sameAnchors = changed.enumerated().allSatisfy { k, change in
            let old = oldBodies[k]
            let new = state.bodies[change.index]
            return old.headings.map(\.id) == new.headings.map(\.id) && old.anchors == new.anchors
                && old.dataUsed == new.dataUsed
        }
        CheckSite(log: log).run(
            state.site, bodies: state.bodies, dataUsedByTemplates: state.theme.dataKeys,
            pages: sameAnchors ? changed.map(\.index) : nil)
        if log.hasErrors {
            rollBack()
            return Outcome(files: [], diagnostics: log.all)
        }

        let paths = Set(changed.map { state.site.pages[$0.index].path })
        var files = RenderPages(style: options.linkStyle, liveReload: options.liveReload, log: log)
            .run(state.site, bodies: state.bodies, theme: state.theme, only: paths)
            .files
        let included = state.site.config.report?.sections ?? []
        if changed.contains(where: { change in
            included.contains { Section.covers($0, folder: state.site.pages[change.index].folder) }
        }),
            let report = RenderReport(style: options.linkStyle, liveReload: options.liveReload)
                .run(state.site, theme: state.theme)
        {
            files.append(report)
        }
        return Outcome(files: files, diagnostics: log.all)
    }
}
