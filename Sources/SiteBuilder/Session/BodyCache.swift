import Foundation
import Parallel

/// The page bodies of the preview's last build, each with what it read of the rest of the site
/// (`SiteRead`) and what it reported, so that the next build renders again only the bodies whose
/// own text or whose reads changed: a tag or a title edited on one page leaves the other 9,999
/// bodies as they were, and a page renamed re-renders the bodies that link to it.
///
/// Used by one rebuild at a time (the session's rebuild lock); read by that rebuild's threads.
final class BodyCache: @unchecked Sendable {
    // Unchecked: written only between the parallel parts of one rebuild, which only read it.

    /// One body as rendered, and what it depended on.
    struct Entry: Sendable {
        var text: String
        var lineOffset: Int
        var path: String
        var displayPath: String
        var body: RenderedBody
        /// The source file of each of `body.pageLinks`' pages: page indexes move when pages come
        /// and go, the files they are made from do not.
        var linkSources: [String]
        /// What rendering it reported (warnings only: a body with errors is not kept).
        var diagnostics: [Diagnostic]
    }

    /// Entries by language and source path.
    private var entries: [String: Entry] = [:]
    /// The settings each language's bodies were rendered under; a change renders them all again.
    private var settings: [String: String] = [:]
    /// How many bodies the last build of each language rendered (for tests and the preview's log).
    private(set) var lastRendered: [String: Int] = [:]

    private static func key(_ language: String, _ source: String) -> String { language + "\u{0}" + source }

    /// Forgets a language's bodies when the settings they were rendered under changed.
    func use(settings text: String, language: String) {
        guard settings[language] != text else { return }
        settings[language] = text
        entries = entries.filter { !$0.key.hasPrefix(language + "\u{0}") }
    }

    /// The body of `page` as kept, when its text, place and every read are unchanged in `site`.
    func body(of page: Page, in site: Site) -> (body: RenderedBody, diagnostics: [Diagnostic])? {
        guard let entry = entries[Self.key(site.config.language, page.source.relativePath)],
            entry.text == page.body, entry.lineOffset == page.bodyLineOffset, entry.path == page.path,
            entry.displayPath == page.source.displayPath,
            entry.body.reads.allSatisfy({ $0.holds(in: site) })
        else { return nil }
        var body = entry.body
        for (k, source) in entry.linkSources.enumerated() {
            // Every link's page was read, and still answers alike.
            body.pageLinks[k].page = site.pageBySource[source]!
        }
        return (body, entry.diagnostics)
    }

    /// Keeps a body just rendered, unless rendering it found errors.
    func keep(_ body: RenderedBody, of page: Page, in site: Site, diagnostics: [Diagnostic]) {
        let key = Self.key(site.config.language, page.source.relativePath)
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            entries[key] = nil
            return
        }
        entries[key] = Entry(
            text: page.body, lineOffset: page.bodyLineOffset, path: page.path, displayPath: page.source.displayPath,
            body: body, linkSources: body.pageLinks.map { site.pages[$0.page].source.relativePath },
            diagnostics: diagnostics)
    }

    /// Drops the entries of a language's pages that are gone, and notes how many were rendered.
    func finish(language: String, pageCount: Int, sources: () -> Set<String>, rendered: Int) {
        lastRendered[language] = rendered
        let prefix = language + "\u{0}"
        // Pages rarely go: most rebuilds find one entry per page and nothing to drop.
        let kept = entries.keys.count { $0.hasPrefix(prefix) }
        guard kept > pageCount else { return }
        let sources = sources()
        entries = entries.filter {
            !$0.key.hasPrefix(prefix) || sources.contains(String($0.key.dropFirst(prefix.count)))
        }
    }
}
