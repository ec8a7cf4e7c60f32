import Foundation
import SiteBuilder

/// A diagnostic as the browser overlay shows it: where, what, and the line of source it is about.
struct DiagnosticReport: Codable, Equatable, Sendable {
    var severity: String
    /// `path:line:col`, as in the terminal.
    var location: String
    var file: String
    var line: Int
    var column: Int
    var message: String
    var hint: String?
    /// The source line the diagnostic points at, when the file can be read.
    var source: String?

    init(_ diagnostic: Diagnostic, source: String?) {
        severity = diagnostic.severity.rawValue
        location = "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column)"
        file = diagnostic.file
        line = diagnostic.line
        column = diagnostic.column
        message = diagnostic.message
        hint = diagnostic.hint
        self.source = source
    }

    /// Reports for `diagnostics`, the errors first (what stops the build is what an editor must
    /// see, above any warnings), reading each source line from disk (paths as the user typed
    /// them, so relative to the working directory); each file is read once.
    static func reports(for diagnostics: [Diagnostic]) -> [DiagnosticReport] {
        var lines: [String: [Substring]] = [:]
        let ordered = diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity != .error }
        return ordered.map { diagnostic in
            if lines[diagnostic.file] == nil {
                let text = (try? String(contentsOfFile: diagnostic.file, encoding: .utf8)) ?? ""
                lines[diagnostic.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            let fileLines = lines[diagnostic.file]!
            let index = diagnostic.line - 1
            let source = fileLines.indices.contains(index) ? String(fileLines[index]).trimmingSuffix("\r") : nil
            return DiagnosticReport(diagnostic, source: source)
        }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
