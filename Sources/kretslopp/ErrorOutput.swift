import ArgumentParser
import Foundation
import SiteBuilder

/// Writes diagnostics and failures to standard error.
enum ErrorOutput {
    static func diagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { error(diagnostic.description) }
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// "2 errors, 1 warning".
    static func count(_ diagnostics: [Diagnostic]) -> String { Diagnostic.summary(diagnostics) }
}

extension ParsableCommand {
    /// Prints `error: message` and exits with code 1.
    func fail(_ message: String) -> Never {
        ErrorOutput.error("error: " + message)
        Self.exit(withError: ExitCode.failure)
    }
}
