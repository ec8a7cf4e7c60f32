import Foundation
import Markdown
import Synchronization

/// One problem found in the input, compiler style: `path:line:col: error: message; hint`.
public struct Diagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// Path as the user typed it (`Content/projekt/x.md`).
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    /// How to fix it, when we can tell.
    public var hint: String?

    init(_ severity: Severity, _ file: String, _ position: SourcePosition, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = position.line
        self.column = position.column
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message)" + (hint.map { "; \($0)" } ?? "")
    }
}

extension Diagnostic {
    /// How many errors and warnings, in words: "2 errors, 1 warning".
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return [errors > 0 ? plural(errors, "error") : nil, warnings > 0 ? plural(warnings, "warning") : nil]
            .compactMap { $0 }.joined(separator: ", ")
    }
}

extension SourcePosition {
    /// Line 1, column 1: for problems that concern a whole file.
    static let start = SourcePosition(line: 1, column: 1)
}

/// Collects diagnostics from every stage, from any thread, and hands them out in a stable order.
final class DiagnosticLog: Sendable {
    private let items = Mutex<[Diagnostic]>([])

    init() {}

    func add(_ diagnostic: Diagnostic) {
        items.withLock { $0.append(diagnostic) }
    }

    func error(_ file: String, _ position: SourcePosition, _ message: String, hint: String? = nil) {
        add(Diagnostic(.error, file, position, message, hint: hint))
    }

    func warning(_ file: String, _ position: SourcePosition, _ message: String, hint: String? = nil) {
        add(Diagnostic(.warning, file, position, message, hint: hint))
    }

    /// Adds the diagnostics of `other` that this log does not have yet: a stage run once per
    /// language reports a problem of the shared input once.
    /// `keep` chooses which of them count (all by default).
    func merge(_ other: DiagnosticLog, keep: (Diagnostic) -> Bool = { _ in true }) {
        let new = other.items.withLock { $0 }.filter(keep)
        items.withLock { items in
            for diagnostic in new where !items.contains(diagnostic) { items.append(diagnostic) }
        }
    }

    /// All diagnostics, sorted by file, line and column so every run prints them alike.
    var all: [Diagnostic] {
        items.withLock { $0 }.sorted {
            ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message)
        }
    }

    var hasErrors: Bool {
        items.withLock { $0.contains { $0.severity == .error } }
    }
}
