import Hummingbird
import ServiceLifecycle

/// Writes live-reload events to one open page as server-sent events.
enum EventStream {
    /// Subscribes to `hub` and writes its events until the hub closes, the server shuts down or
    /// a write fails (the page was closed): in every case the client is dropped from the hub.
    /// `page` is the site path the page is at, when it says.
    static func pump(_ hub: ReloadHub, page: String? = nil, to writer: inout any ResponseBodyWriter) async throws {
        let (id, events) = hub.subscribe(page: page)
        defer { hub.unsubscribe(id) }
        try await withGracefulShutdownHandler {
            // Reconnect quickly when the server restarts.
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await event in events {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
        } onGracefulShutdown: {
            hub.unsubscribe(id)
        }
        try await writer.finish(nil)
    }
}
