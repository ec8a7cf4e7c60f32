import Foundation

/// The open pages listening for live-reload events, and the state a new listener is told first.
final class ReloadHub: @unchecked Sendable {
    // `clients`, `state` and `closed` are guarded by `lock`.
    private let lock = NSLock()
    private var clients: [Int: AsyncStream<LiveReloadEvent>.Continuation] = [:]
    private var nextID = 0
    private var state: LiveReloadEvent
    private var closed = false

    init(state: LiveReloadEvent = .ok(version: 0)) {
        self.state = state
    }

    /// A new listener: its stream starts with the current state (`ok` or `error`), so a page
    /// opened while the build is broken shows the overlay at once.
    func subscribe() -> (id: Int, events: AsyncStream<LiveReloadEvent>) {
        // A slow client keeps only the latest few events; reload and css are idempotent.
        let (stream, continuation) = AsyncStream.makeStream(of: LiveReloadEvent.self, bufferingPolicy: .bufferingNewest(8))
        lock.lock()
        let id = nextID
        nextID += 1
        let isClosed = closed
        if !isClosed {
            continuation.yield(state)
            clients[id] = continuation
        }
        lock.unlock()
        if isClosed {
            continuation.finish()
        } else {
            continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        }
        return (id, stream)
    }

    /// Drops a listener (its connection failed or closed) and ends its stream.
    func unsubscribe(_ id: Int) {
        lock.lock()
        let continuation = clients.removeValue(forKey: id)
        lock.unlock()
        continuation?.finish()
    }

    /// Sends `event` to every listener; `ok` and `error` also become the state new listeners get
    /// (`reload`, `css` and `search` move its version on).
    func publish(_ event: LiveReloadEvent) {
        lock.lock()
        switch event {
        case .ok, .error: state = event
        case .reload(let version), .css(let version): state = .ok(version: version)
        // The build's state (good or broken) stays; only its version moves on.
        case .search(let version):
            if case .error(_, let reports) = state { state = .error(version: version, reports) } else { state = .ok(version: version) }
        case .ping: break
        }
        let targets = Array(clients.values)
        lock.unlock()
        for continuation in targets { continuation.yield(event) }
    }

    /// Ends every stream and refuses new listeners: the server is shutting down.
    func close() {
        lock.lock()
        closed = true
        let targets = Array(clients.values)
        clients.removeAll()
        lock.unlock()
        for continuation in targets { continuation.finish() }
    }

    var clientCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return clients.count
    }

    var currentState: LiveReloadEvent {
        lock.lock()
        defer { lock.unlock() }
        return state
    }
}
