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

    /// A good build's warnings (of the files just saved) stay its state through the reload they
    /// come with, so the reloaded page is told them; the next good build without any clears them.
    @Test func warningsStayWithTheGoodBuildThroughAReload() async throws {
        let hub = ReloadHub()
        let warning = DiagnosticReport(
            .init(.warning, "Content/x.md", .init(line: 6, column: 1), "'##Mål' is text, not a heading"),
            source: "##Mål")
        hub.setWarnings([warning])
        hub.publish(.reload(version: 1))
        #expect(hub.currentState == .ok(version: 1, warnings: [warning]))
        hub.publish(.search(version: 2))
        let (_, events) = hub.subscribe()
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .ok(version: 2, warnings: [warning]))
        #expect(LiveReloadEvent.ok(version: 2, warnings: [warning]).serverSentEvent.contains("\"warnings\":[{"))
        #expect(LiveReloadEvent.ok(version: 2).serverSentEvent == "event: ok\ndata: {\"version\":2}\n\n")
        hub.setWarnings([])
        hub.publish(.reload(version: 3))
        #expect(hub.currentState == .ok(version: 3))
        // A broken build has no warnings to keep: its errors are the state.
        hub.publish(.error(version: 3, [warning]))
        hub.setWarnings([warning])
        #expect(hub.currentState == .error(version: 3, [warning]))
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

    /// The overlay shows what stops the build first, whatever files the warnings are in.
    @Test func errorsComeBeforeWarnings() {
        let reports = DiagnosticReport.reports(for: [
            .init(.warning, "Content/a.md", .init(line: 1, column: 1), "first warning"),
            .init(.error, "Content/z.md", .init(line: 4, column: 7), "the error"),
            .init(.warning, "Content/b.md", .init(line: 2, column: 1), "second warning"),
        ])
        #expect(reports.map(\.message) == ["the error", "first warning", "second warning"])
    }
}
