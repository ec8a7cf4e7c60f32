import Foundation
import SiteBuilder

/// Answers a request for a site file from the in-memory build: a pure function of the path, the
/// `If-None-Match` header and the files, so it is tested without sockets.
struct PreviewResponder: Sendable {
    /// A file of the site by output path (`projekt/x/index.html`): the session's, which during a
    /// fast render renders a page when it is asked for (so the lookup may take a moment).
    let file: @Sendable (String) -> OutputFile?
    /// True while a lookup may have to render or wait (a fast render is under way).
    let mayWait: @Sendable () -> Bool

    init(file: @escaping @Sendable (String) -> OutputFile?, mayWait: @escaping @Sendable () -> Bool) {
        self.file = file
        self.mayWait = mayWait
    }

    /// Answers from one fixed set of files (tests).
    init(files: @escaping @Sendable () -> [String: OutputFile]) {
        self.file = { files()[$0] }
        self.mayWait = { false }
    }

    /// Preview pages are rebuilt at any moment: browsers must revalidate every time.
    static let cacheControl = "no-cache"

    func respond(path rawPath: String, ifNoneMatch: String? = nil) -> PreviewResponse {
        func lookup(_ path: String) -> Data? { file(path)?.data }
        guard case .clean(let segments, let directory) = PreviewPath(raw: rawPath) else {
            return Self.text(400, "Bad request: this path cannot name a file of the site.\n")
        }
        let joined = segments.joined(separator: "/")
        if directory {
            let index = joined.isEmpty ? "index.html" : joined + "/index.html"
            if let data = lookup(index) { return file(index, data, ifNoneMatch: ifNoneMatch) }
            return notFound(lookup("404.html"))
        }
        if let data = lookup(joined) { return file(joined, data, ifNoneMatch: ifNoneMatch) }
        if file(joined + "/index.html") != nil {
            return PreviewResponse(
                status: 301,
                headers: [
                    ("Location", PreviewPath.urlPath(segments, directory: true)),
                    ("Cache-Control", Self.cacheControl),
                ])
        }
        return notFound(lookup("404.html"))
    }

    private func file(_ path: String, _ data: Data, ifNoneMatch: String?) -> PreviewResponse {
        let tag = EntityTag.of(data)
        if EntityTag.matches(ifNoneMatch, tag) {
            return PreviewResponse(status: 304, headers: [("ETag", tag), ("Cache-Control", Self.cacheControl)])
        }
        return PreviewResponse(
            status: 200,
            headers: [
                ("Content-Type", MediaType.forPath(path)),
                ("ETag", tag),
                ("Cache-Control", Self.cacheControl),
                ("X-Content-Type-Options", "nosniff"),
            ], body: data)
    }

    /// The site's own 404 page with status 404; a small page of our own if the site has none
    /// yet (a first build that failed), which still loads the live-reload script.
    private func notFound(_ page: Data?) -> PreviewResponse {
        let body = page ?? Data(Self.fallbackNotFound.utf8)
        return PreviewResponse(
            status: 404,
            headers: [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Cache-Control", Self.cacheControl),
            ], body: body)
    }

    static func text(_ status: Int, _ message: String) -> PreviewResponse {
        PreviewResponse(
            status: status,
            headers: [
                ("Content-Type", "text/plain; charset=utf-8"),
                ("Cache-Control", Self.cacheControl),
            ], body: Data(message.utf8))
    }

    static let fallbackNotFound = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
        <body><main><h1>Not found</h1><p>This page is not part of the last good build.</p></main>
        \(LiveReloadScript.snippet)
        </body></html>

        """
}
