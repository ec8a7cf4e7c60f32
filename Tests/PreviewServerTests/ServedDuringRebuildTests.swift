import Foundation
import Testing

@testable import PreviewServer
@testable import SiteBuilder

/// Requests during a rebuild are answered, each from the last good build or the new one (never a
/// mix within a file), and never go back: once a file is new it stays new.
@Suite struct ServedDuringRebuildTests {
    @Test(.timeLimit(.minutes(1))) func aRequestDuringARebuildSeesTheOldOrTheNewFileNeverGoingBack() throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("kretslopp-during-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var content = LiveReloadTests.content
        // Enough pages that the rebuild takes a while.
        for n in 0..<300 { content["projekt/p\(n).md"] = "---\ntitle: P\(n)\n---\nText \(n).\n" }
        for (path, text) in content { try LiveReloadTests.write(text, root.appendingPathComponent("Content/" + path)) }
        for (path, text) in LiveReloadTests.theme {
            try LiveReloadTests.write(text, root.appendingPathComponent("Theme/" + path))
        }
        var options = BuildOptions(
            content: root.appendingPathComponent("Content").path,
            theme: root.appendingPathComponent("Theme").path)
        options.liveReload = LiveReloadScript.snippet
        let session = SiteSession(options: options)
        let reload = LiveReload(session: session, console: Console(out: { _ in }, err: { _ in }))
        reload.buildAll()
        try #require(session.buildNumber == 1, "the fixture site builds: \(session.diagnostics)")
        let responder = PreviewResponder(file: { session.file($0) }, mayWait: { session.isRendering })
        func text(_ response: PreviewResponse) -> String { String(decoding: response.body, as: UTF8.self) }
        let old = (
            page: text(responder.respond(path: "/projekt/a/")),
            style: text(responder.respond(path: "/assets/style.css"))
        )

        // A page and the stylesheet change together: the rebuild swaps both in, or neither.
        let page = root.appendingPathComponent("Content/projekt/a.md")
        try LiveReloadTests.write("---\ntitle: A ny\n---\nNy text.\n", page)
        try LiveReloadTests.write("body{color:red}\n", root.appendingPathComponent("Theme/assets/style.css"))
        let done = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        Thread {
            started.signal()
            // Both paths, as the watcher names them: the session reads again only what it is told of.
            reload.rebuild([page.path, root.appendingPathComponent("Theme/assets/style.css").path])
            done.signal()
        }.start()
        started.wait()
        var during = 0
        var seenNew = (page: false, style: false)
        repeat {
            // Each request as the server answers it, then the build it came from.
            let build = session.buildNumber
            let page = text(responder.respond(path: "/projekt/a/"))
            let style = text(responder.respond(path: "/assets/style.css"))
            let pageIsNew = page.contains("PAGE A ny|<p>Ny text.</p>")
            let styleIsNew = style == "body{color:red}\n"
            #expect(pageIsNew || page == old.page, "a page neither old nor new")
            #expect(styleIsNew || style == old.style, "a stylesheet neither old nor new")
            #expect(!seenNew.page || pageIsNew, "the page went back to the old one")
            #expect(!seenNew.style || styleIsNew, "the stylesheet went back to the old one")
            seenNew = (seenNew.page || pageIsNew, seenNew.style || styleIsNew)
            if build == 1 { during += 1 }
        } while done.wait(timeout: .now()) == .timedOut
        #expect(during > 0, "no request was answered while the rebuild ran")
        #expect(session.buildNumber >= 2, "\(session.diagnostics)")
        #expect(text(responder.respond(path: "/projekt/a/")).contains("PAGE A ny|<p>Ny text.</p>"))
        #expect(text(responder.respond(path: "/assets/style.css")) == "body{color:red}\n")
    }
}
