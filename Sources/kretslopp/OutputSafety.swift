import Foundation

/// Refuses output folders whose replacement would destroy the input.
enum OutputSafety {
    /// Why `output` must not be used, or nil when it is safe.
    static func problem(output: URL, content: URL, theme: URL) -> String? {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        for (name, input) in [("content", content), ("theme", theme)] {
            let path = input.standardizedFileURL.resolvingSymlinksInPath().path
            if path == out || path.hasPrefix(out.hasSuffix("/") ? out : out + "/") {
                return "the output folder would replace the \(name) folder \(input.path); choose another --output"
            }
        }
        if out == "/" || out == FileManager.default.homeDirectoryForCurrentUser.path {
            return "refusing to replace \(out); choose a dedicated --output folder"
        }
        return nil
    }
}
