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
        let path = try edit(fixture, "projekt/cirkulara-goteborg.md",
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
        let path = try edit(fixture, "projekt/cirkulara-goteborg.md",
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

    @Test func brokenChangeKeepsTheLastGoodSite() throws {
        let (session, fixture) = try session(Fixture.basic)
        let before = text(session, "projekt/cirkulara-goteborg/index.html")
        let path = try edit(fixture, "projekt/cirkulara-goteborg.md",
                            Fixture.basic["projekt/cirkulara-goteborg.md"]! + "\n[trasig](finns-inte.md)\n")
        guard case .failed(let diagnostics) = session.rebuild(changedPaths: [path]) else {
            Issue.record("a broken link must fail the rebuild")
            return
        }
        #expect(diagnostics.map(\.description).contains { $0.contains("cirkulara-goteborg.md:") && $0.contains("error: link to 'finns-inte.md' points to no page") },
                "\(diagnostics)")
        #expect(text(session, "projekt/cirkulara-goteborg/index.html") == before)
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
}
