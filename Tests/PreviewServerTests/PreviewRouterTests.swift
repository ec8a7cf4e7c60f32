import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import PreviewServer

/// The same requests through Hummingbird's router, in-process (`app.test(.router)`).
@Suite struct PreviewRouterTests {
    let hub = ReloadHub(state: .ok(version: 3))

    func app() -> some ApplicationProtocol {
        Application(router: PreviewRouter.make(responder: PreviewResponderTests().responder, hub: hub))
    }

    @Test func servesPagesWithTypeTagAndLength() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/projekt/cirkulara-goteborg/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.eTag] != nil)
                #expect(String(buffer: response.body) == "<h1>Cirkulära Göteborg</h1>")
            }
            try await client.execute(uri: "/assets/style.css?v=2", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
        }
    }

    @Test func headHasTheHeadersOfGetAndNoBody() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/assets/style.css", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentLength] == "6")
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func notModifiedForAMatchingTag() async throws {
        try await app().test(.router) { client in
            let tag = try await client.execute(uri: "/", method: .get).headers[.eTag]
            let etag = try #require(tag)
            try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: "\"stale\""]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func redirectsNotFoundAndRefusals() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/projekt", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/projekt/")
            }
            try await client.execute(uri: "/saknas/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body) == "<h1>Sidan finns inte</h1>")
            }
            for uri in ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets%5c..%5c..%5cetc", "/x%00.html"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                }
            }
            try await client.execute(uri: "//etc/passwd", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
    }

    @Test func liveReloadScriptAtItsReservedPath() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/_kretslopp/live.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(
                    String(buffer: response.body).contains(
                        "new EventSource('/_kretslopp/events?page=' + encodeURIComponent(location.pathname))"))
            }
            try await client.execute(uri: "/_kretslopp/nothing", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func eventStreamSendsTheStateFirstThenEvents() async throws {
        let hub = self.hub
        try await app().test(.router) { client in
            async let answer = client.execute(uri: "/_kretslopp/events", method: .get)
            // The response body streams until the hub closes; publish once the page listens.
            try await waitUntil { hub.clientCount == 1 }
            hub.publish(.reload(version: 4))
            hub.publish(.css(version: 5))
            hub.close()
            let response = try await answer
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-cache")
            #expect(
                String(buffer: response.body) == """
                    retry: 1000

                    event: ok
                    data: {"version":3}

                    event: reload
                    data: {"version":4}

                    event: css
                    data: {"version":5}


                    """)
            #expect(hub.clientCount == 0)
        }
    }
}

/// Polls `condition` every 10 ms for up to `seconds`; fails the test if it never holds.
// Two minutes, not seconds: on a 2-core machine the other suites' synchronous builds can hold the
// cooperative threads the server's task needs for most of the test run (30 s was seen to expire).
func waitUntil(seconds: Double = 120, _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("condition not met within \(seconds) s")
            return
        }
        try await Task.sleep(for: .milliseconds(10))
    }
}
