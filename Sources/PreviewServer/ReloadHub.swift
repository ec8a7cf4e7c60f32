import Foundation
import Synchronization

/// The open pages listening for live-reload events, and the state a new listener is told first.
final class ReloadHub: Sendable {
    private let listeners: Mutex<Listeners>

    private struct Listeners {
        var clients: [Int: AsyncStream<LiveReloadEvent>.Continuation] = [:]
        /// The site path each listener's page is at; nil for one that did not say.
        var pages: [Int: String?] = [:]
        var nextID = 0
        var state: LiveReloadEvent
        var closed = false
    }

    init(state: LiveReloadEvent = .ok(version: 0)) {
        listeners = Mutex(Listeners(state: state))
    }

    /// A new listener: its stream starts with the current state (`ok` or `error`), so a page
    /// opened while the build is broken shows the overlay at once.
    /// `page` is the site path the listening page is at (`/projekt/x/`), when it says.
    func subscribe(page: String? = nil) -> (id: Int, events: AsyncStream<LiveReloadEvent>) {
        // A slow client keeps only the latest few events; reload and css are idempotent.
        let (stream, continuation) = AsyncStream.makeStream(
            of: LiveReloadEvent.self, bufferingPolicy: .bufferingNewest(8))
        let (id, isClosed) = listeners.withLock { listeners in
            let id = listeners.nextID
            listeners.nextID += 1
            if !listeners.closed {
                continuation.yield(listeners.state)
                listeners.clients[id] = continuation
                listeners.pages[id] = page
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
        let continuation = listeners.withLock { listeners in
            listeners.pages[id] = nil
            return listeners.clients.removeValue(forKey: id)
        }
        continuation?.finish()
    }

    /// Sends `event` to every listener; `ok` and `error` also become the state new listeners get
    /// (`reload`, `css` and `search` move its version on).
    func publish(_ event: LiveReloadEvent) {
        let targets = listeners.withLock { listeners in
            switch event {
            case .ok, .error: listeners.state = event
            // A good build's warnings stay with it: a page that reloads is told them again.
            case .reload(let version), .css(let version):
                listeners.state = .ok(version: version, warnings: listeners.state.warnings)
            // The build's state (good or broken) stays; only its version moves on.
            case .search(let version):
                if case .error(_, let reports) = listeners.state {
                    listeners.state = .error(version: version, reports)
                } else {
                    listeners.state = .ok(version: version, warnings: listeners.state.warnings)
                }
            case .ping: break
            }
            return Array(listeners.clients.values)
        }
        for continuation in targets { continuation.yield(event) }
    }

    /// The warnings of a good build, for the listeners to come (a page reloading after the edit);
    /// those listening now are told by the event that follows.
    func setWarnings(_ warnings: [DiagnosticReport]) {
        listeners.withLock { listeners in
            if case .ok(let version, _) = listeners.state {
                listeners.state = .ok(version: version, warnings: warnings)
            }
        }
    }

    /// Ends every stream and refuses new listeners: the server is shutting down.
    func close() {
        let targets = listeners.withLock { listeners in
            listeners.closed = true
            let targets = Array(listeners.clients.values)
            listeners.clients.removeAll()
            listeners.pages.removeAll()
            return targets
        }
        for continuation in targets { continuation.finish() }
    }

    var clientCount: Int { listeners.withLock { $0.clients.count } }

    /// The site paths of the open pages; nil when a listener did not say which page it is (a
    /// rebuild then cannot tell which pages to render first).
    var openPages: Set<String>? {
        listeners.withLock { listeners in
            var open = Set<String>()
            for page in listeners.pages.values {
                guard let page else { return nil }
                open.insert(page)
            }
            return open
        }
    }

    /// The site path of a page's `location.pathname` (`/taggar/cirkul%C3%A4r/`, `/x/index.html`):
    /// decoded, and a folder's `index.html` as the folder.
    static func sitePath(_ pathname: String) -> String {
        var path = pathname.removingPercentEncoding ?? pathname
        if !path.hasPrefix("/") { path = "/" + path }
        if path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
        return path
    }

    var currentState: LiveReloadEvent { listeners.withLock { $0.state } }
}
