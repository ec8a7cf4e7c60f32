import Foundation
import Markdown

/// What one page's rendering found; owned by that page's task only.
final class PageRecord {
    var charts = 0
    var anchors: [String] = []
    var pageLinks: [(page: Int, fragment: String, position: SourcePosition)] = []
    var linkedPages: [(path: String, position: SourcePosition)] = []
    var localFragments: [(fragment: String, position: SourcePosition)] = []
    var dataUsed: [String] = []
    var externalLinks: [(url: String, position: SourcePosition)] = []
    /// Text of the data the page's blocks show.
    var text = ""
    /// Data files the page shows as glossaries.
    var glossaries: [String] = []
    /// What the page read of the rest of the site, with the answers, in order.
    var reads: [SiteRead] = []
}

/// One question a page body asked of the rest of the site, and its answer: the body stays the
/// same as long as every question it asked gets the same answer.
enum SiteRead: Equatable, Sendable {
    /// The page made from a Markdown file: its site path, or nil when there is none.
    case page(source: String, path: String?)
    /// The default language's page for a file not translated into this language.
    case untranslated(source: String, path: String?)
    /// Whether the build writes a page at a site path.
    case knownPath(String, Bool)
    /// Whether a file of static/ exists.
    case staticFile(String, Bool)
    /// A data file's bytes, or nil when there is no such file.
    case data(String, Data?)
    /// A file put into the body (mdBook's `{{#include}}`): its real path, and its bytes or nil
    /// when there is no such file. Any file may change unseen by the site, so a body with one is
    /// checked again in every build (`BodyCache`).
    case included(path: String, data: Data?)
    /// The title of the page made from a Markdown file, shown as a link's text (GitBook's
    /// `[x.md](x.md)`), or nil when there is no such page.
    case pageTitle(source: String, title: String?)
    /// The page a wiki link names (`WikiName`): its site path, or nil when there is none.
    case wikiPage(name: String, path: String?)

    /// The subject of every `included` read.
    static let includedFiles = "\u{0}included files"

    /// What the question is about: a source file, a site path or a data file's name (a name two
    /// kinds of subject share only makes a body check its reads once more).
    var subject: String {
        switch self {
        case .page(let source, _), .untranslated(let source, _), .pageTitle(let source, _): source
        case .wikiPage(let name, _): name
        case .knownPath(let path, _): path
        case .staticFile(let path, _): path
        case .data(let name, _): name
        case .included: Self.includedFiles
        }
    }

    /// Whether `site` answers the question as it was answered.
    func holds(in site: Site) -> Bool {
        switch self {
        case .page(let source, let path): site.pageBySource[source].map { site.pages[$0].path } == path
        case .untranslated(let source, let path): site.untranslatedPages[source] == path
        case .knownPath(let path, let known): site.knownPaths.contains(path) == known
        case .staticFile(let path, let exists): site.staticFiles.contains(path) == exists
        case .data(let name, let bytes): site.data[name]?.source.data == bytes
        case .included(let path, let data): FileManager.default.contents(atPath: path) == data
        case .pageTitle(let source, let title): site.pageBySource[source].map { site.pages[$0].title } == title
        case .wikiPage(let name, let path):
            WikiName.find(name, in: site.pageByWikiName).map { site.pages[$0].path } == path
        }
    }
}
