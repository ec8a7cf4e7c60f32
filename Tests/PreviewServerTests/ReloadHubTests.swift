import Foundation
import Hummingbird
import Testing

@testable import PreviewServer
@testable import SiteBuilder

@Suite struct ReloadHubTests {
    /// A page that went away: every write fails.
    struct ClosedConnection: ResponseBodyWriter {
        struct Gone: Error {}
        mutating func write(_ buffer: ByteBuffer) async throws { throw Gone() }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    @Test func aFailedWriteDropsTheClient() async throws {
        let hub = ReloadHub()
        var writer: any ResponseBodyWriter = ClosedConnection()
        await #expect(throws: ClosedConnection.Gone.self) { try await EventStream.pump(hub, to: &writer) }
        #expect(hub.clientCount == 0)
    }

    @Test func newListenersGetTheCurrentStateFirst() async throws {
        let hub = ReloadHub()
        let report = DiagnosticReport(
            .init(.error, "Content/x.md", .init(line: 2, column: 7), "unknown term"), source: "tags: [x]")
        hub.publish(.error(version: 1, [report]))
        let (_, events) = hub.subscribe()
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .error(version: 1, [report]))
        hub.publish(.reload(version: 2))
        #expect(await iterator.next() == .reload(version: 2))
        // After a reload the build is good: a page opened now gets `ok`.
        #expect(hub.currentState == .ok(version: 2))
    }

    @Test func closeEndsStreamsAndRefusesNewListeners() async {
        let hub = ReloadHub()
        let (_, events) = hub.subscribe()
        hub.close()
        var count = 0
        for await _ in events { count += 1 }
        #expect(count == 1, "only the initial state")
        let (_, late) = hub.subscribe()
        for await _ in late { Issue.record("a closed hub sends nothing") }
        #expect(hub.clientCount == 0)
    }

    @Test func eventsAreServerSentEventText() {
        #expect(LiveReloadEvent.reload(version: 7).serverSentEvent == "event: reload\ndata: {\"version\":7}\n\n")
        #expect(LiveReloadEvent.ping.serverSentEvent == ": ping\n\n")
        let report = DiagnosticReport(
            .init(.error, "Content/a.md", .init(line: 3, column: 8), "bad\nthing"), source: "x: [y]")
        let text = LiveReloadEvent.error(version: 1, [report]).serverSentEvent
        #expect(text.hasPrefix("event: error\ndata: {"))
        #expect(text.dropLast(2).contains("\n\n") == false, "one data line, newlines escaped")
        #expect(text.contains(#""location":"Content/a.md:3:8""#))
        #expect(text.contains(#""source":"x: [y]""#))
    }
}
