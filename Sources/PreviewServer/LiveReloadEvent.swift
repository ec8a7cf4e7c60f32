import Foundation

/// A message to the open pages, sent as a server-sent event.
enum LiveReloadEvent: Equatable, Sendable {
    /// The site changed: reload the page.
    case reload(version: Int)
    /// Only stylesheets changed: swap them, keep the page and its scroll position.
    case css(version: Int)
    /// The search index was swapped in after the pages (a large site's body edit): forget the
    /// index files already loaded, so the next query reads the new ones.
    case search(version: Int)
    /// The build is broken; the last good build (`version`) is still served.
    case error(version: Int, [DiagnosticReport])
    /// The build is good: remove any error overlay; show the warnings of the files the last edit
    /// saved, if any.
    case ok(version: Int, warnings: [DiagnosticReport] = [])
    /// Keeps idle connections alive and finds dead ones.
    case ping

    /// The event in `text/event-stream` format.
    var serverSentEvent: String {
        switch self {
        case .reload(let version): return Self.event("reload", Payload(version: version))
        case .css(let version): return Self.event("css", Payload(version: version))
        case .search(let version): return Self.event("search", Payload(version: version))
        case .ok(let version, let warnings):
            return Self.event("ok", Payload(version: version, warnings: warnings.isEmpty ? nil : warnings))
        case .error(let version, let diagnostics):
            return Self.event("error", Payload(version: version, diagnostics: diagnostics))
        case .ping: return ": ping\n\n"
        }
    }

    /// The warnings an `ok` state carries; none for any other event.
    var warnings: [DiagnosticReport] {
        if case .ok(_, let warnings) = self { return warnings }
        return []
    }

    private struct Payload: Encodable {
        var version: Int
        var diagnostics: [DiagnosticReport]? = nil
        var warnings: [DiagnosticReport]? = nil
    }

    private static func event(_ name: String, _ payload: Payload) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // JSON text has no raw newlines (they are escaped inside strings), so one data line holds it.
        let json = (try? encoder.encode(payload)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: \(name)\ndata: \(json)\n\n"
    }
}
