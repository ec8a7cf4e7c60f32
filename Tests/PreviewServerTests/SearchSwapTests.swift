import Foundation
import Testing

@testable import PreviewServer
@testable import SiteBuilder

/// After an edit the preview serves the new search index, whole: the index files the engine reads
/// (`meta.js`, then the shards and document files it names) come from one build.
@Suite struct SearchSwapTests {
    /// The index as the engine would read it from `lookup`: the text of `meta.js`, every shard it
    /// names and every document file it counts. Fails when a named file is missing.
    static func indexText(_ lookup: (String) -> Data?) throws -> String {
        func registration(_ name: String) throws -> Any {
            let data = try #require(lookup("assets/search/\(name).js"), "assets/search/\(name).js is not served")
            var text = String(decoding: data, as: UTF8.self)
            text.removeFirst() // the byte order mark
            let prefix = "window.__kretsloppSearch.register("
            try #require(text.hasPrefix(prefix) && text.hasSuffix(");\n"))
            let arguments = "[" + text.dropFirst(prefix.count).dropLast(3) + "]"
            let array = try #require(try JSONSerialization.jsonObject(with: Data(arguments.utf8)) as? [Any])
            #expect(array.first as? String == name)
            return array[1]
        }
        let meta = try #require(try registration("meta") as? [String: Any])
        let shards = try #require(meta["shards"] as? [String])
        let documents = try #require(meta["documents"] as? Int)
        let perFile = try #require(meta["documentsPerFile"] as? Int)
        var parts: [String] = []
        for number in shards.indices {
            parts += try #require(try registration("t/\(number)") as? [String])
        }
        #expect(
            lookup("assets/search/t/\(shards.count).js") == nil, "a shard beyond the ones meta.js names is still served"
        )
        for number in 0..<((documents + perFile - 1) / perFile) {
            let group = try #require(try registration("d/\(number)") as? [[String: Any]])
            parts += group.flatMap { [$0["p"] as? String ?? "", $0["t"] as? String ?? "", $0["x"] as? String ?? ""] }
        }
        return parts.joined(separator: "\n")
    }

    let root: URL
    let session: SiteSession

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kretslopp-search-\(UUID().uuidString)")
        for (path, text) in LiveReloadTests.content {
            try LiveReloadTests.write(text, root.appendingPathComponent("Content/" + path))
        }
        for (path, text) in LiveReloadTests.theme {
            try LiveReloadTests.write(text, root.appendingPathComponent("Theme/" + path))
        }
        var options = BuildOptions(
            content: root.appendingPathComponent("Content").path, theme: root.appendingPathComponent("Theme").path)
        options.liveReload = LiveReloadScript.snippet
        session = SiteSession(options: options)
    }

    var page: String { root.appendingPathComponent("Content/projekt/a.md").path }

    /// The index as a request reads it: from one set of the session's files.
    func servedIndex() throws -> String {
        let files = session.files
        return try Self.indexText { files[$0]?.data }
    }

    func save(body: String) throws {
        try LiveReloadTests.write("---\ntitle: A\ntags: [cirkulär]\n---\n" + body, URL(fileURLWithPath: page))
    }

    @Test(.timeLimit(.minutes(1))) func aBodyEditReloadsOnceWithTheNewIndexWhenItIsReadyInTime() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let reload = LiveReload(
            session: session, console: Console(out: { _ in }, err: { _ in }), searchWait: .seconds(60))
        reload.buildAll()
        try #require(session.buildNumber == 1, "the fixture site builds: \(session.diagnostics)")
        #expect(try servedIndex().contains("Text."))
        let (_, events) = reload.hub.subscribe()
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .ok(version: 0))

        try save(body: "Om nyckelpigor och trollsländor.\n")
        reload.rebuild([page])
        // The rebuild waited for the index: pages and index were swapped in before the reload.
        let served = try servedIndex()
        #expect(served.contains("Om nyckelpigor och trollsländor."))
        #expect(!served.contains("Text."))
        #expect(await iterator.next() == .reload(version: 1))

        try save(body: "Bara trollsländor nu.\n")
        reload.rebuild([page])
        #expect(await iterator.next() == .reload(version: 2))
        let again = try servedIndex()
        #expect(again.contains("Bara trollsländor nu.") && !again.contains("nyckelpig"))
        // Nothing else was queued: the index went out with the reload, not after it.
        reload.hub.publish(.ping)
        #expect(await iterator.next() == .ping)
    }

    @Test(.timeLimit(.minutes(1))) func aBodyEditWhoseIndexIsLateReloadsAtOnceThenSwapsTheIndexIn() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let reload = LiveReload(session: session, console: Console(out: { _ in }, err: { _ in }), searchWait: .zero)
        reload.buildAll()
        try #require(session.buildNumber == 1, "the fixture site builds: \(session.diagnostics)")
        let (_, events) = reload.hub.subscribe()
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .ok(version: 0))

        try save(body: "Om nyckelpigor.\n")
        reload.rebuild([page])
        // Whatever is served at any moment is one whole index, old or new.
        let atReload = try servedIndex()
        let swappedWithThePage = atReload.contains("Om nyckelpigor.")
        #expect(swappedWithThePage || atReload.contains("Text."))
        #expect(await iterator.next() == .reload(version: 1))
        #expect(
            String(decoding: try #require(session.file("projekt/a/index.html")?.data), as: UTF8.self).contains(
                "Om nyckelpigor."))
        if !swappedWithThePage {
            // The index came after the page: a `search` event tells open pages once it is served.
            #expect(await iterator.next() == .search(version: 2))
        }
        let served = try servedIndex()
        #expect(served.contains("Om nyckelpigor.") && !served.contains("Text."))
    }
}
