import Foundation

/// The page bodies of the preview's last build, each with what it read of the rest of the site
/// (`SiteRead`) and what it reported, so that the next build renders again only the bodies whose
/// own text or whose reads changed: a tag or a title edited on one page leaves the other 9,999
/// bodies as they were, and a page renamed re-renders the bodies that link to it.
///
/// Which reads may have changed is found by comparing what the two sites answer (the pages'
/// paths, the paths the build writes, the static and data files) and looking up who read each
/// changed answer; only those bodies check their reads one by one.
///
/// Used by one rebuild at a time (the session's rebuild lock); read by that rebuild's threads.
final class BodyCache: @unchecked Sendable {
    // Unchecked: written only between the parallel parts of one rebuild, which only read it.

    /// One body as rendered, and what it depended on. A class: 10,000 of them are looked at in
    /// every rebuild, and a struct of seven references would be copied each time.
    final class Entry: Sendable {
        let text: String
        /// The page's front matter, where the body shows its params (`{{< param >}}`); else nil.
        let frontMatter: String?
        let lineOffset: Int
        let path: String
        let displayPath: String
        let body: RenderedBody
        /// The source file of each of `body.pageLinks`' pages: page indexes move when pages come
        /// and go, the files they are made from do not.
        let linkSources: [String]
        /// What rendering it reported (warnings only: a body with errors is not kept).
        let diagnostics: [Diagnostic]

        init(_ body: RenderedBody, of page: Page, linkSources: [String], diagnostics: [Diagnostic]) {
            text = page.body
            frontMatter = SiteParams.isShown(in: page.body) ? page.frontMatterText : nil
            lineOffset = page.bodyLineOffset
            path = page.path
            displayPath = page.source.displayPath
            self.body = body
            self.linkSources = linkSources
            self.diagnostics = diagnostics
        }
    }

    /// One language's bodies and what its last site answered (a class, so that looking up a body
    /// does not copy the language's dictionaries).
    private final class Language {
        let settings: String
        var entries: [String: Entry] = [:]
        /// Who read what: a read's subject (a source file, a site path, a data file's name) ->
        /// the source files of the bodies that read it. May name bodies that are gone.
        var readers: [String: Set<String>] = [:]
        var answers: Answers?

        init(settings: String) { self.settings = settings }
    }

    /// What a site answers to the questions bodies ask, for finding what changed.
    private struct Answers {
        /// Each page's source file, site path and title, in the site's order.
        var sources: [String]
        var paths: [String]
        var titles: [String]
        var knownPaths: KnownPaths
        var staticFiles: Set<String>
        var untranslated: [String: String]
        var data: [String: Data]

        init(_ site: Site) {
            sources = site.pages.indices.map { site.pages[$0].source.relativePath }
            paths = site.pages.indices.map { site.pages[$0].path }
            titles = site.pages.indices.map { site.pages[$0].title }
            knownPaths = site.knownPaths
            staticFiles = site.staticFiles
            untranslated = site.untranslatedPages
            data = site.data.mapValues(\.source.data)
        }

        var pagePaths: [String: String] { Dictionary(zip(sources, paths), uniquingKeysWith: { first, _ in first }) }

        /// The subjects whose answer differs between `self` and `other`.
        func changed(from other: Answers) -> Set<String> {
            var subjects = Set<String>()
            func differences<V: Equatable>(_ a: [String: V], _ b: [String: V]) {
                for (key, value) in a where b[key] != value { subjects.insert(key) }
                for key in b.keys where a[key] == nil { subjects.insert(key) }
            }
            // Pages rarely come or go: then the two lists are compared in step, without hashing.
            if sources == other.sources {
                for i in paths.indices where paths[i] != other.paths[i] || titles[i] != other.titles[i] {
                    subjects.insert(sources[i])
                }
            } else {
                differences(pagePaths, other.pagePaths)
                differences(
                    Dictionary(zip(sources, titles), uniquingKeysWith: { first, _ in first }),
                    Dictionary(zip(other.sources, other.titles), uniquingKeysWith: { first, _ in first }))
            }
            differences(untranslated, other.untranslated)
            differences(data, other.data)
            subjects.formUnion(knownPaths.changed(from: other.knownPaths))
            if staticFiles != other.staticFiles {
                subjects.formUnion(staticFiles.symmetricDifference(other.staticFiles))
            }
            return subjects
        }
    }

    private var languages: [String: Language] = [:]
    /// The sources whose bodies must check their reads in the build under way, by language.
    private var suspects: [String: Set<String>] = [:]
    /// How many bodies the last build of each language rendered (for tests and the preview's log).
    private(set) var lastRendered: [String: Int] = [:]

    /// Starts a build of one language: forgets its bodies when the settings they were rendered
    /// under changed, and finds the bodies whose reads may answer differently in `site`.
    func begin(_ site: Site, settings: String) {
        let language = site.config.language
        var state = languages[language] ?? Language(settings: settings)
        if state.settings != settings {
            state = Language(settings: settings)
        }
        let answers = Answers(site)
        var suspected = Set<String>()
        if let old = state.answers {
            for subject in answers.changed(from: old) { suspected.formUnion(state.readers[subject] ?? []) }
            // An included file may have changed unseen by the site: its bodies check every build.
            suspected.formUnion(state.readers[SiteRead.includedFiles] ?? [])
        } else {
            state.entries = [:]
        }
        state.answers = answers
        languages[language] = state
        suspects[language] = suspected
    }

    /// The body of `page` as kept, when its text and place are unchanged and every read it made
    /// still answers alike in `site` (checked one by one only for the bodies `begin` suspected).
    func body(of page: Page, in site: Site) -> (body: RenderedBody, diagnostics: [Diagnostic])? {
        let language = site.config.language
        let source = page.source.relativePath
        guard let entry = languages[language]?.entries[source],
            entry.text == page.body, entry.lineOffset == page.bodyLineOffset, entry.path == page.path,
            entry.frontMatter == nil || entry.frontMatter == page.frontMatterText,
            entry.displayPath == page.source.displayPath
        else { return nil }
        if suspects[language]?.contains(source) == true {
            guard entry.body.reads.allSatisfy({ $0.holds(in: site) }) else { return nil }
        }
        let body = entry.body
        guard !entry.linkSources.isEmpty else { return (body, entry.diagnostics) }
        // Every link's page was read, and still answers alike; its index may have moved.
        var links = body.pageLinks
        for (k, source) in entry.linkSources.enumerated() { links[k].page = site.pageBySource[source]! }
        let moved = zip(links, body.pageLinks).contains { $0.page != $1.page }
        return (moved ? body.relinked(links) : body, entry.diagnostics)
    }

    /// Keeps a body just rendered, unless rendering it found errors; true when kept.
    @discardableResult
    func keep(_ body: RenderedBody, of page: Page, in site: Site, diagnostics: [Diagnostic]) -> Bool {
        let language = site.config.language
        let source = page.source.relativePath
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            languages[language]?.entries[source] = nil
            return false
        }
        languages[language]?.entries[source] = Entry(
            body, of: page, linkSources: body.pageLinks.map { site.pages[$0.page].source.relativePath },
            diagnostics: diagnostics)
        for read in body.reads { languages[language]?.readers[read.subject, default: []].insert(source) }
        return true
    }

    /// Ends a language's build: drops the bodies of pages that are gone (a body not checked in
    /// this build could not be trusted in the next), notes how many were rendered.
    /// `kept` counts this build's pages that have an entry now: each has its own, so any more
    /// entries are of pages that are gone.
    func finish(language: String, rendered: Int, kept: Int) {
        lastRendered[language] = rendered
        suspects[language] = nil
        guard let state = languages[language], state.entries.count > kept, let pages = state.answers?.pagePaths
        else { return }
        state.entries = state.entries.filter { pages[$0.key] != nil }
        // Readers of bodies long gone only cost a needless check; dropped once they pile up.
        if state.readers.count > 4 * max(state.entries.count, 64) {
            state.readers = [:]
            for (source, entry) in state.entries {
                for read in entry.body.reads { state.readers[read.subject, default: []].insert(source) }
            }
        }
    }
}
