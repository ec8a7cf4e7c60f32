import Foundation

/// Where the preview reports what it does: status lines to standard output, problems to
/// standard error, each written at once (no buffering, so a pipe sees them immediately).
struct Console: Sendable {
    var out: @Sendable (String) -> Void
    var err: @Sendable (String) -> Void

    static let standard = Console(
        out: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
        err: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
}
