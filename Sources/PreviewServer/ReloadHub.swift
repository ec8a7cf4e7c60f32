import Foundation
import Synchronization

/// The open pages listening for live-reload events, and the state a new listener is told first.
final class ReloadHub: Sendable {
    private let listeners: Mutex<Listeners>

    private struct Listeners {
        var clients: [Int: AsyncStream<LiveReloadEvent>.Continuation] = [:]
        var nextID = 0
        var state: LiveReloadEvent
        var closed = false
    }

    init(state: LiveReloadEvent = .ok(version: 0)) {
        listeners = Mutex(Listeners(state: state))
    }

    /// A new listener: its stream starts with the current state (`ok` or `error`), so a page
    /// opened while the build is broken shows the overlay at once.
    func subscribe() -> (id: Int, events: AsyncStream<LiveReloadEvent>) {
        // A slow client keeps only the latest few events; reload and css are idempotent.
        let (stream, continuation) = AsyncStream.makeStream(
            of: LiveReloadEvent.self, bufferingPolicy: .bufferingNewest(8))
        let (id, isClosed) = listeners.withLock { listeners in
            let id = listeners.nextID
            listeners.nextID += 1
            if !listeners.closed {
                continuation.yield(listeners.state)
                listeners.clients[id] = continuation
            }
            return (id, listeners.closed)
        }
        if isClosed {
            continuation.finish()
        } else {
            continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        }
        return (id, stream)
    }

    /// Drops a listener (its connection failed or closed) and ends its stream.
    func unsubscribe(_ id: Int) {
        let continuation = listeners.withLock { $0.clients.removeValue(forKey: id) }
        continuation?.finish()
    }

    /// Sends `event` to every listener; `ok` and `error` also become the state new listeners get
    /// (`reload`, `css` and `search` move its version on).
    func publish(_ event: LiveReloadEvent) {
        let targets = listeners.withLock { listeners in
            switch event {
            case .ok, .error: listeners.state = event
            case .reload(let version), .css(let version): listeners.state = .ok(version: version)
            // The build's state (good or broken) stays; only its version moves on.
            case .search(let version):
                if case .error(_, let reports) = listeners.state {
                    listeners.state = .error(version: version, reports)
                } else {
                    listeners.state = .ok(version: version)
                }
            case .ping: break
            }
            return Array(listeners.clients.values)
        }
        for continuation in targets { continuation.yield(event) }
    }

    /// Ends every stream and refuses new listeners: the server is shutting down.
    func close() {
        let targets = listeners.withLock { listeners in
            listeners.closed = true
            let targets = Array(listeners.clients.values)
            listeners.clients.removeAll()
            return targets
        }
        for continuation in targets { continuation.finish() }
    }

    var clientCount: Int { listeners.withLock { $0.clients.count } }

    var currentState: LiveReloadEvent { listeners.withLock { $0.state } }
}
