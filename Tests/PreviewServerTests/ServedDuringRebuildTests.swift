import Foundation
import Testing

@testable import PreviewServer
@testable import SiteBuilder

/// Requests during a rebuild are answered at once, from the last good build, whole.
@Suite struct ServedDuringRebuildTests {
    @Test(.timeLimit(.minutes(1))) func aRequestDuringARebuildSeesTheOldCompleteSite() throws {
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
        let responder = PreviewResponder { session.files }
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
        repeat {
            // One request's view: the files as the server takes them, then the build they came from.
            let files = session.files
            let build = session.buildNumber
            let page = String(decoding: files["projekt/a/index.html"]?.bytes ?? [], as: UTF8.self)
            let style = String(decoding: files["assets/style.css"]?.bytes ?? [], as: UTF8.self)
            let isOld = page == old.page && style == old.style
            let isNew = page.contains("PAGE A ny|<p>Ny text.</p>") && style == "body{color:red}\n"
            #expect(isOld || isNew, "half of a rebuild is served")
            // Read before the build number moved on: these files were served while the rebuild ran.
            if build == 1 {
                #expect(isOld)
                during += 1
            }
        } while done.wait(timeout: .now()) == .timedOut
        #expect(during > 0, "no request was answered while the rebuild ran")
        #expect(session.buildNumber == 2, "\(session.diagnostics)")
        #expect(text(responder.respond(path: "/projekt/a/")).contains("PAGE A ny|<p>Ny text.</p>"))
        #expect(text(responder.respond(path: "/assets/style.css")) == "body{color:red}\n")
    }
}
