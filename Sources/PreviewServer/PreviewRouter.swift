import Dispatch
import Hummingbird

/// The preview's routes: the live-reload script and event stream at reserved paths, and every
/// other GET or HEAD answered by `PreviewResponder` from the in-memory build.
enum PreviewRouter {
    static func make(responder: PreviewResponder, hub: ReloadHub) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SiteFilesMiddleware(responder: responder))
        router.get(RouterPath(LiveReloadScript.path)) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(string: LiveReloadScript.source)))
        }
        router.get(RouterPath(LiveReloadScript.eventsPath)) { request, _ in
            let page = request.uri.queryParameters["page"].map { ReloadHub.sitePath(String($0)) }
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/event-stream; charset=utf-8",
                    .cacheControl: "no-cache",
                    FieldName("X-Accel-Buffering")!: "no",
                ],
                body: ResponseBody { writer in try await EventStream.pump(hub, page: page, to: &writer) })
        }
        return router
    }
}

// HTTPTypes' `HTTPField` is not re-exported by Hummingbird; its element type is.
private typealias FieldName = HTTPFields.Element.Name

/// Serves the site's files for every path outside `/_kretslopp/`.
struct SiteFilesMiddleware<Context: RequestContext>: RouterMiddleware {
    let responder: PreviewResponder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        if path.hasPrefix("/_kretslopp/") { return try await next(request, context) }
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let ifNoneMatch = request.headers[values: .ifNoneMatch]
        let condition = ifNoneMatch.isEmpty ? nil : ifNoneMatch.joined(separator: ", ")
        // During a fast render a page not rendered yet is rendered now, or waited for: off the
        // server's own threads. Otherwise the answer is a lookup, made here.
        let answer =
            responder.mayWait()
            ? await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(returning: responder.respond(path: path, ifNoneMatch: condition))
                }
            } : responder.respond(path: path, ifNoneMatch: condition)
        return Response(answer, headOnly: request.method == .head)
    }
}

extension Response {
    /// The HTTP form of a preview answer; a HEAD answer has the headers of the GET answer only.
    init(_ answer: PreviewResponse, headOnly: Bool) {
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            if let field = FieldName(name) { headers.append(HTTPFields.Element(name: field, value: value)) }
        }
        let status = HTTPResponse.Status(code: answer.status)
        if headOnly || answer.body.isEmpty {
            if headOnly && !answer.body.isEmpty { headers[.contentLength] = String(answer.body.count) }
            self.init(status: status, headers: headers, body: ResponseBody())
        } else {
            self.init(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
    }
}
