import Foundation
import Testing

@testable import SiteBuilder

/// The preview's in-memory site: changes rebuild what depends on them and never leave a stale page.
@Suite struct SiteSessionTests {
    func session(_ content: [String: String]) throws -> (SiteSession, Fixture) {
        let fixture = try Fixture(content: content)
        let session = SiteSession(options: fixture.options)
        guard case .updated = session.buildAll() else { throw CancellationError() }
        return (session, fixture)
    }

    func text(_ session: SiteSession, _ path: String) -> String {
        session.file(path).map { String(decoding: $0.data, as: UTF8.self) } ?? ""
    }

    func edit(_ fixture: Fixture, _ path: String, _ text: String) throws -> String {
        let url = fixture.root.appendingPathComponent("Content/" + path)
        try Fixture.write(text, to: url)
        return url.path
    }

    @Test func bodyChangeRerendersOnlyThatPage() throws {
        let (session, fixture) = try session(Fixture.basic)
        let path = try edit(
            fixture, "projekt/cirkulara-goteborg.md",
            Fixture.basic["projekt/cirkulara-goteborg.md"]! + "\n\nNytt stycke om återbruk.\n")
        guard case .updated(let changed, _) = session.rebuild(changedPaths: [path]) else {
            Issue.record("rebuild failed: \(session.diagnostics)")
            return
        }
        #expect(changed == ["projekt/cirkulara-goteborg/index.html"])
        #expect(text(session, "projekt/cirkulara-goteborg/index.html").contains("<p>Nytt stycke om återbruk.</p>"))
    }

    @Test func titleChangeShowsInListingsAndTagChangeMovesThePage() throws {
        let (session, fixture) = try session(Fixture.basic)
        #expect(text(session, "taggar/cirkular/index.html").contains("Cirkulära Göteborg"))
        let original = Fixture.basic["projekt/cirkulara-goteborg.md"]!
        let path = try edit(
            fixture, "projekt/cirkulara-goteborg.md",
            original.replacingOccurrences(of: "title: Cirkulära Göteborg", with: "title: Återbrukets Göteborg")
                .replacingOccurrences(of: "tags: [cirkulär]", with: "tags: [klimatanpassad]"))
        guard case .updated(let changed, _) = session.rebuild(changedPaths: [path]) else {
            Issue.record("rebuild failed: \(session.diagnostics)")
            return
        }
        #expect(changed.contains("index.html"))
        #expect(text(session, "index.html").contains("<Återbrukets Göteborg|"))
        #expect(!text(session, "taggar/cirkular/index.html").contains("Göteborg"))
        #expect(text(session, "taggar/klimatanpassad/index.html").contains("Återbrukets Göteborg"))
        #expect(text(session, "organisationer/ivl/index.html").contains("Återbrukets Göteborg"))
    }

    /// A page without front matter takes its title from its heading: editing the heading is a
    /// title change, which listings show.
    @Test func headingTitleChangeShowsInTheSectionListing() throws {
        var content = Fixture.basic
        content["docs/v1/guide.md"] = "# Gammal rubrik\n\nText.\n"
        let (session, fixture) = try session(content)
        #expect(text(session, "docs/v1/index.html").contains("<Gammal rubrik>"))
        let path = try edit(fixture, "docs/v1/guide.md", "# Ny rubrik\n\nText.\n")
        guard case .updated = session.rebuild(changedPaths: [path]) else {
            Issue.record("rebuild failed: \(session.diagnostics)")
            return
        }
        #expect(text(session, "docs/v1/index.html").contains("<Ny rubrik>"))
        #expect(text(session, "docs/v1/guide/index.html").contains("PAGE Ny rubrik|"))
    }

    @Test func brokenChangeKeepsTheLastGoodSite() throws {
        let (session, fixture) = try session(Fixture.basic)
        let before = text(session, "projekt/cirkulara-goteborg/index.html")
        let path = try edit(
            fixture, "projekt/cirkulara-goteborg.md",
            Fixture.basic["projekt/cirkulara-goteborg.md"]! + "\n[trasig](finns-inte.md)\n")
        guard case .failed(let diagnostics) = session.rebuild(changedPaths: [path]) else {
            Issue.record("a broken link must fail the rebuild")
            return
        }
        #expect(
            diagnostics.map(\.description).contains {
                $0.contains("cirkulara-goteborg.md:") && $0.contains("error: link to 'finns-inte.md' points to no page")
            },
            "\(diagnostics)")
        #expect(text(session, "projekt/cirkulara-goteborg/index.html") == before)
    }

    /// A wrong alias is an error of the rebuild that reads it, as any field is, not only of the
    /// render of every page that follows in the background.
    @Test func aWrongAliasFailsTheRebuild() throws {
        let (session, fixture) = try session(Fixture.basic)
        let page = Fixture.basic["projekt/cirkulara-goteborg.md"]!
        let path = try edit(
            fixture, "projekt/cirkulara-goteborg.md",
            page.replacingOccurrences(of: "tags:", with: "aliases: [a//b]\ntags:"))
        // A fast render, as the preview makes it: only the open page is rendered before it returns.
        guard case .failed(let diagnostics) = session.rebuild(changedPaths: [path], open: ["/om/"]) else {
            Issue.record("a wrong alias must fail the rebuild")
            return
        }
        #expect(
            diagnostics.map(\.description).filter { $0.contains("alias 'a//b' must be a path") }.count == 1,
            "\(diagnostics)")
    }

    @Test func newPageRebuildsEverything() throws {
        let (session, fixture) = try session(Fixture.basic)
        let path = try edit(fixture, "projekt/ny.md", "---\ntitle: Ny sida\ntags: [cirkulär]\n---\nText.\n")
        guard case .updated(let changed, _) = session.rebuild(changedPaths: [path]) else {
            Issue.record("rebuild failed: \(session.diagnostics)")
            return
        }
        #expect(changed.contains("projekt/ny/index.html"))
        #expect(text(session, "taggar/cirkular/index.html").contains("Ny sida"))
    }

    /// A file added to a hidden folder that `include:` brings back (GitBook's `.gitbook/assets`)
    /// is published at once, as any new file is; one added to another hidden folder is not.
    @Test func aNewFileInAnIncludedHiddenFolderIsPublished() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\ninclude: [.gitbook/assets]\n"
        content[".gitbook/assets/a.png"] = "png"
        let (session, fixture) = try session(content)
        #expect(session.file(".gitbook/assets/a.png") != nil)
        let added = try edit(fixture, ".gitbook/assets/b.png", "png")
        let swap = try edit(fixture, ".cache/c.png", "png")
        guard case .updated = session.rebuild(changedPaths: [added, swap]) else {
            Issue.record("rebuild failed: \(session.diagnostics)")
            return
        }
        #expect(session.file(".gitbook/assets/b.png") != nil)
        #expect(session.file(".cache/c.png") == nil)
    }

    /// A link that shows the title of the page it goes to (GitBook's `[b.md](b.md)`) shows the
    /// new title once that page's changes.
    @Test func aLinkShowingAPagesTitleFollowsIt() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\nmarkdown: {gitbook: true}\n"
        content["guide/a.md"] = "---\ntitle: A\n---\nSee [b.md](b.md).\n"
        content["guide/b.md"] = "---\ntitle: Gammal rubrik\n---\nText.\n"
        let (session, fixture) = try session(content)
        #expect(text(session, "guide/a/index.html").contains(">Gammal rubrik</a>"))
        let path = try edit(fixture, "guide/b.md", "---\ntitle: Ny rubrik\n---\nText.\n")
        guard case .updated = session.rebuild(changedPaths: [path]) else {
            Issue.record("rebuild failed: \(session.diagnostics)")
            return
        }
        #expect(text(session, "guide/a/index.html").contains(">Ny rubrik</a>"))
    }

    /// The number of term shards `meta.js` names, from the session's files.
    func shardCount(_ session: SiteSession) throws -> Int {
        let meta = text(session, "assets/search/meta.js")
        let list = try #require(meta.range(of: "\"shards\":[")).upperBound
        let end = try #require(meta[list...].firstIndex(of: "]"))
        return meta[list..<end].split(separator: ",").count
    }

    @Test func bodyEditSwapsInTheWholeNewIndexAndDropsShardsItNoLongerHas() throws {
        // Thousands of made-up words fill several shards of the index; the edit removes them.
        let words = (0..<6000).map { number -> String in
            var word = "qz"
            var rest = number
            repeat {
                word.append(Character(UnicodeScalar(UInt8(97 + rest % 26))))
                rest /= 26
            } while rest > 0
            return word + "x"
        }
        var content = Fixture.basic
        let page = "projekt/cirkulara-goteborg.md"
        content[page] = Fixture.basic[page]! + "\n\n" + words.joined(separator: " ") + "\n"
        let (session, fixture) = try session(content)
        let before = try shardCount(session)
        try #require(before > 2, "the fixture fills several shards")
        let handed = Handed()
        session.onSearchIndexed { handed.add($0) }

        let path = try edit(fixture, page, Fixture.basic[page]! + "\n\nOm nyckelpigor.\n")
        guard case .updated(let changed, _) = session.rebuild(changedPaths: [path]) else {
            Issue.record("rebuild failed: \(session.diagnostics)")
            return
        }
        #expect(changed == ["projekt/cirkulara-goteborg/index.html"], "the page at once, the index in the background")
        #expect(session.waitForSearchIndex(timeout: .seconds(60)))
        // The next edit's re-index is expected to take as long: the preview decides from it whether to wait.
        #expect(session.indexTime != nil && session.expectedBackgroundTime == .zero)
        let after = try shardCount(session)
        #expect(after < before)
        for number in 0..<before {
            #expect((session.file("assets/search/t/\(number).js") != nil) == (number < after), "t/\(number).js")
        }
        let documents = (0..<4).map { text(session, "assets/search/d/\($0).js") }.joined()
        #expect(documents.contains("Om nyckelpigor.") && !documents.contains("qzax"))
        // What changed was handed over, removed shards included, so a server can follow.
        let paths = handed.all.flatMap { $0 }
        #expect(paths.contains("assets/search/meta.js"))
        #expect(paths.contains("assets/search/t/\(before - 1).js"))
        #expect(Set(paths).allSatisfy { $0.hasPrefix("assets/search/") })
    }

    @Test func aBodyEditThatChangesNoIndexHandsNothingOver() throws {
        let (session, fixture) = try session(Fixture.basic)
        let handed = Handed()
        session.onSearchIndexed { handed.add($0) }
        let page = "projekt/cirkulara-goteborg.md"
        // The same words, laid out differently: the page changes, its text does not.
        let path = try edit(
            fixture, page, Fixture.basic[page]!.replacingOccurrences(of: "Läs [om oss]", with: "Läs\n[om oss]"))
        guard case .updated(let changed, _) = session.rebuild(changedPaths: [path]) else {
            Issue.record("rebuild failed: \(session.diagnostics)")
            return
        }
        #expect(changed == ["projekt/cirkulara-goteborg/index.html"])
        #expect(session.waitForSearchIndex(timeout: .seconds(60)))
        #expect(handed.all.isEmpty)
    }

    /// The page indexes are kept between rebuilds while no page moves: two pages on one path are
    /// reported by every rebuild until one moves, not only by the one that found them first.
    @Test func twoPagesOnOnePathStayAnErrorUntilOneMoves() throws {
        var content = Fixture.basic
        content["projekt/kopia.md"] = "---\ntitle: Kopia\nurl: /projekt/cirkulara-goteborg/\ntags: [cirkulär]\n---\n"
        let fixture = try Fixture(content: content)
        let session = SiteSession(options: fixture.options)
        let clash = "this page and Content/projekt/cirkulara-goteborg.md both become /projekt/cirkulara-goteborg/"
        func reportsClash(_ outcome: SiteSession.Outcome) -> Bool {
            guard case .failed(let diagnostics) = outcome else { return false }
            return diagnostics.contains { $0.description.contains(clash) }
        }
        #expect(reportsClash(session.buildAll()))
        let other = Fixture.basic["projekt/cirkulara-goteborg.md"]!
        var path = try edit(fixture, "projekt/cirkulara-goteborg.md", other + "\nEtt stycke till.\n")
        #expect(reportsClash(session.rebuild(changedPaths: [path])))
        path = try edit(fixture, "projekt/kopia.md", "---\ntitle: Kopia\ntags: [cirkulär]\n---\n")
        guard case .updated = session.rebuild(changedPaths: [path]) else {
            Issue.record("rebuild failed: \(session.diagnostics)")
            return
        }
        #expect(text(session, "projekt/kopia/index.html").contains("Kopia"))
    }
    @Test func aFastRenderIsExpectedToTakeAsLongAsTheLastRenderOfEveryPage() throws {
        var content = Fixture.basic
        // Enough pages that the background render is still going on when the rebuild returns.
        for n in 0..<300 { content["projekt/p\(n).md"] = "---\ntitle: P\(n)\ntags: [cirkulär]\n---\nText \(n).\n" }
        let (session, fixture) = try session(content)
        let first = try #require(session.withLock { session.renderTime }, "the first build times its render")
        #expect(session.expectedBackgroundTime == .zero, "nothing is under way after a build")
        // A template edit with a page open: that page now, the rest in the background.
        let template = fixture.root.appendingPathComponent("Theme/templates/base.mustache")
        try Fixture.write(Fixture.theme["templates/base.mustache"]! + "ÄNDRAD", to: template)
        guard case .updated = session.rebuild(changedPaths: [template.path], open: ["/projekt/cirkulara-goteborg/"])
        else {
            Issue.record("rebuild failed: \(session.diagnostics)")
            return
        }
        // The preview waits for the background only when it is likely to be done in time; until
        // it is done, the render of every page is what it waits for, not the last re-index.
        let expected = session.expectedBackgroundTime
        // Still rendering after the question, so it was while it was answered.
        try #require(session.isRendering, "the background render of 300 pages ended at once")
        #expect(expected == first, "\(String(describing: expected)) while the background renders")
        #expect(session.waitForBackgroundWork(timeout: .seconds(60)))
        #expect(session.expectedBackgroundTime == .zero)
        #expect(session.withLock { session.renderTime } != first, "the background render is timed too")
        #expect(text(session, "om/index.html").hasSuffix("ÄNDRAD"))
    }

    @Test func aWaitForTheRenderNeverPassesItsDeadline() {
        let now = ContinuousClock.now
        #expect(SiteSession.renderingWait(from: now, until: nil) == .milliseconds(50))
        #expect(SiteSession.renderingWait(from: now, until: now + .seconds(1)) == .milliseconds(50))
        #expect(SiteSession.renderingWait(from: now, until: now + .milliseconds(20)) == .milliseconds(20))
        #expect(SiteSession.renderingWait(from: now, until: now - .milliseconds(5)) == .zero)
    }
}

/// What `onSearchIndexed` was called with, from any thread.
final class Handed: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [[String]] = []
    func add(_ paths: [String]) {
        lock.lock()
        items.append(paths)
        lock.unlock()
    }
    var all: [[String]] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}

/// A rebuild reads and parses only the files that changed.
@Suite struct SessionInputTests {
    @Test func aRebuildReadsAndParsesOnlyTheChangedFiles() throws {
        var content = Fixture.basic
        content["projekt/andra.md"] = "---\ntitle: Andra\ntags: [klimatanpassad]\n---\nText.\n"
        let fixture = try Fixture(content: content)
        let session = SiteSession(options: fixture.options)
        guard case .updated = session.buildAll() else { throw CancellationError() }
        #expect(session.inputs.lastParsed == 4 && session.inputs.lastRead == 5)

        // A title edit needs the whole site, from one file read and parsed.
        let page = fixture.root.appendingPathComponent("Content/projekt/andra.md")
        try Fixture.write("---\ntitle: Tredje\ntags: [klimatanpassad]\n---\nText.\n", to: page)
        guard case .updated = session.rebuild(changedPaths: [page.path]) else { throw CancellationError() }
        #expect(session.inputs.lastParsed == 1 && session.inputs.lastRead == 1)
        // No file came or went: the folders are not walked again; no body changed or read the title.
        #expect(session.inputs.walks == 1)
        #expect(session.inputs.bodies.lastRendered["sv"] == 0)
        #expect(
            session.file("taggar/klimatanpassad/index.html").map { String(decoding: $0.data, as: UTF8.self) }?
                .contains("Tredje") == true)

        // A term's title is not read by the parse: no page is parsed again.
        let yaml = fixture.root.appendingPathComponent("Content/site.yaml")
        try Fixture.write(
            Fixture.siteYAML.replacingOccurrences(of: "title: Klimatanpassad", with: "title: Klimatsmart"), to: yaml)
        guard case .updated = session.rebuild(changedPaths: [yaml.path]) else { throw CancellationError() }
        #expect(session.inputs.lastParsed == 0 && session.inputs.lastRead == 0)
        #expect(session.inputs.walks == 1 && session.inputs.bodies.lastRendered["sv"] == 0)
        #expect(
            session.file("taggar/index.html").map { String(decoding: $0.data, as: UTF8.self) }?
                .contains("Klimatsmart") == true)

        // A new vocabulary key is: every page is parsed again.
        try Fixture.write(Fixture.siteYAML.replacingOccurrences(of: "key: tags", with: "key: taggar"), to: yaml)
        _ = session.rebuild(changedPaths: [yaml.path])
        #expect(session.inputs.lastParsed == 4)
    }
}

/// The preview renders again only the bodies whose page or whose reads of the site changed.
@Suite struct BodyCacheTests {
    @Test func aBodyIsRenderedAgainWhenWhatItLinksToMovesAndOnlyThen() throws {
        var content = Fixture.basic
        content["projekt/andra.md"] = "---\ntitle: Andra\ntags: [klimatanpassad]\n---\nSe [Om](../om.md).\n"
        content["projekt/tredje.md"] = "---\ntitle: Tredje\ntags: [klimatanpassad]\n---\nText.\n"
        let fixture = try Fixture(content: content)
        let session = SiteSession(options: fixture.options)
        guard case .updated = session.buildAll() else { throw CancellationError() }
        #expect(session.inputs.bodies.lastRendered["sv"] == 5 && session.inputs.walks == 1)
        func page(_ path: String) -> String {
            session.file(path).map { String(decoding: $0.data, as: UTF8.self) } ?? ""
        }

        // om.md gets a slug: its URL moves, and so do the links of the two pages that link to it.
        let om = fixture.root.appendingPathComponent("Content/om.md")
        try Fixture.write("---\ntitle: Om\nslug: om-oss\n---\n## Bakgrund\n", to: om)
        guard case .updated = session.rebuild(changedPaths: [om.path]) else {
            Issue.record("\(session.diagnostics)")
            return
        }
        #expect(session.inputs.bodies.lastRendered["sv"] == 3, "om.md itself and the two pages linking to it")
        #expect(page("projekt/andra/index.html").contains("om-oss/"))
        #expect(session.inputs.walks == 1)

        // A new page: the folders are walked again; no body reads it.
        let new = fixture.root.appendingPathComponent("Content/projekt/fjarde.md")
        try Fixture.write("---\ntitle: Fjärde\ntags: [cirkulär]\n---\nNy.\n", to: new)
        guard case .updated = session.rebuild(changedPaths: [new.path]) else {
            Issue.record("\(session.diagnostics)")
            return
        }
        #expect(session.inputs.walks == 2 && session.inputs.bodies.lastRendered["sv"] == 1)
        #expect(page("projekt/fjarde/index.html").contains("<p>Ny.</p>"))
    }

}
