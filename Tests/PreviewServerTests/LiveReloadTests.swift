import Foundation
import Testing

@testable import PreviewServer
@testable import SiteBuilder

/// Rebuilds of a small inline site: what the pages are told and what the terminal shows.
@Suite struct LiveReloadTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ line: String) {
            lock.lock()
            items.append(line)
            lock.unlock()
        }
        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return items
        }
    }

    static let theme: [String: String] = [
        "templates/base.mustache": "<title>{{pageTitle}}</title>{{$main}}{{/main}}{{{liveReload}}}</body>",
        "templates/home.mustache": "{{<base}}{{$main}}HOME{{/main}}{{/base}}",
        "templates/section.mustache": "{{<base}}{{$main}}SECTION {{page.title}}{{/main}}{{/base}}",
        "templates/page.mustache": "{{<base}}{{$main}}PAGE {{page.title}}|{{{page.content}}}{{/main}}{{/base}}",
        "templates/single.mustache": "{{<base}}{{$main}}SINGLE {{page.title}}{{/main}}{{/base}}",
        "templates/terms.mustache": "{{<base}}{{$main}}TERMS{{/main}}{{/base}}",
        "templates/term.mustache": "{{<base}}{{$main}}TERM{{/main}}{{/base}}",
        "templates/records.mustache": "{{<base}}{{$main}}RECORDS{{/main}}{{/base}}",
        "templates/record.mustache": "{{<base}}{{$main}}RECORD{{/main}}{{/base}}",
        "templates/search.mustache": "{{<base}}{{$main}}SEARCH{{/main}}{{/base}}",
        "templates/404.mustache": "{{<base}}{{$main}}404{{/main}}{{/base}}",
        "i18n/sv.yaml":
            "home: Start\nheadingAnchor: Länk\nnotFoundTitle: Hittades inte\notherRecords: Övriga\nsearchTitle: Sök\n"
            + "search.kind.project: Projekt\nsearch.kind.glossary: Ordlista\nsearch.kind.page: Sida\n",
        "assets/style.css": "body{}\n",
    ]

    static let content: [String: String] = [
        "site.yaml": """
        title: Testplats
        language: sv
        taxonomies:
          - key: tags
            title: Taggar
            singular: Tagg
            path: taggar
            param: tagg
            required: false
            terms:
              - id: cirkulär
                title: Cirkulär
        """,
        "_index.md": "---\ntitle: Start\n---\n",
        "projekt/a.md": "---\ntitle: A\ntags: [cirkulär]\n---\nText.\n",
    ]

    let root: URL
    let lines = Lines()
    let reload: LiveReload
    let session: SiteSession

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kretslopp-live-\(UUID().uuidString)")
        for (path, text) in Self.content { try Self.write(text, root.appendingPathComponent("Content/" + path)) }
        for (path, text) in Self.theme { try Self.write(text, root.appendingPathComponent("Theme/" + path)) }
        // Absolute display paths, so the source line of a diagnostic can be read from any folder.
        var options = BuildOptions(
            content: root.appendingPathComponent("Content").path,
            theme: root.appendingPathComponent("Theme").path)
        options.liveReload = LiveReloadScript.snippet
        session = SiteSession(options: options)
        let lines = self.lines
        reload = LiveReload(session: session, console: Console(out: { lines.add($0) }, err: { lines.add($0) }))
    }

    func write(_ text: String, _ relative: String) throws {
        try Self.write(text, root.appendingPathComponent(relative))
    }

    static func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func brokenFileShowsWhereAndWhatThenClears() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        reload.buildAll()
        try #require(session.buildNumber == 1, "the fixture site builds: \(session.diagnostics)")
        let page = try #require(session.file("projekt/a/index.html"))
        #expect(String(decoding: page.data, as: UTF8.self).contains(LiveReloadScript.snippet + "</body>"))
        let (_, events) = reload.hub.subscribe()
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .ok(version: 0))

        try write("---\ntitle: A\ntags: [cirkular]\n---\nText.\n", "Content/projekt/a.md")
        reload.rebuild([root.appendingPathComponent("Content/projekt/a.md").path])
        guard case .error(let version, let reports) = await iterator.next() else {
            Issue.record("expected an error event")
            return
        }
        #expect(version == 0)
        let report = try #require(reports.first)
        #expect(report.location.hasSuffix("Content/projekt/a.md:3:8"))
        #expect(report.source == "tags: [cirkular]")
        #expect(report.message.contains("cirkular"))
        #expect(session.file("projekt/a/index.html")?.data == page.data, "the last good build is still served")
        #expect(
            lines.all.contains {
                $0.hasSuffix("a.md:3:8: error: " + report.message + (report.hint.map { "; " + $0 } ?? ""))
            })
        #expect(lines.all.last?.hasPrefix("Build failed: 1 error") == true)
        #expect(lines.all.last?.hasSuffix("; still serving the last good build.") == true)

        // Fixing it the same way it was: nothing changed, the overlay goes.
        try write(Self.content["projekt/a.md"]!, "Content/projekt/a.md")
        reload.rebuild([root.appendingPathComponent("Content/projekt/a.md").path])
        #expect(await iterator.next() == .ok(version: 0))
        #expect(lines.all.last?.hasPrefix("Rebuilt in ") == true)
        #expect(lines.all.last?.hasSuffix(": no output changed.") == true)
    }

    /// With no page open in a browser, a rebuild that renders the open pages first has rendered
    /// none yet: the terminal says so, not that nothing changed.
    @Test func withNoPageOpenTheTerminalDoesNotSayNothingChanged() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        reload.buildAll()
        try #require(session.buildNumber == 1, "the fixture site builds: \(session.diagnostics)")
        try write("---\ntitle: A renamed\ntags: [cirkulär]\n---\nText.\n", "Content/projekt/a.md")
        reload.rebuild([root.appendingPathComponent("Content/projekt/a.md").path])
        // The search index may be said too, when its re-index was done in time.
        let said = try #require(lines.all.last)
        #expect(said.hasPrefix("Rebuilt in ") && !said.contains("no output changed"), "\(lines.all)")
        #expect(said.contains("a.md: no page is open in a browser (each is up to date when asked for)"), "\(said)")
        _ = session.waitForBackgroundWork(timeout: .seconds(10))
        let page = try #require(session.file("projekt/a/index.html"))
        #expect(String(decoding: page.data, as: UTF8.self).contains("A renamed"))
    }

    @Test func pageChangeReloadsAndStylesheetChangeSwaps() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        reload.buildAll()
        try #require(session.buildNumber == 1, "the fixture site builds: \(session.diagnostics)")
        let (_, events) = reload.hub.subscribe()
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .ok(version: 0))

        try write("---\ntitle: A ändrad\n---\n", "Content/projekt/a.md")
        reload.rebuild([root.appendingPathComponent("Content/projekt/a.md").path])
        #expect(await iterator.next() == .reload(version: 1))
        let page = try #require(session.file("projekt/a/index.html")?.data)
        #expect(
            String(decoding: page, as: UTF8.self).contains("PAGE A ändrad"), "served before pages are told to reload")

        try write("body{color:red}\n", "Theme/assets/style.css")
        reload.rebuild([root.appendingPathComponent("Theme/assets/style.css").path])
        #expect(await iterator.next() == .css(version: 2))
        #expect(lines.all.last?.hasSuffix("1 file changed (stylesheets only).") == true)
    }
}
