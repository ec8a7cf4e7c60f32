import Foundation

/// A request path reduced to the output path it may name, or the reason it names nothing.
///
/// The preview serves from memory, so safety is a matter of normalising the path before the
/// lookup: percent-decoding once, refusing `..`, NUL and backslashes, and collapsing `//` and
/// `.` segments. Whatever comes out is a key into the build's files, never a disk path.
enum PreviewPath: Equatable {
    /// Segments of a clean path; `directory` when the request ended in `/` (or was `/`).
    case clean(segments: [String], directory: Bool)
    /// The path can never name a file of the build.
    case rejected(String)

    init(raw: String) {
        guard let decoded = raw.removingPercentEncoding else {
            self = .rejected("invalid percent encoding")
            return
        }
        if decoded.contains("\0") {
            self = .rejected("NUL in path")
            return
        }
        // A backslash is a separator on some systems and never part of a generated file name.
        if decoded.contains("\\") {
            self = .rejected("backslash in path")
            return
        }
        var segments: [String] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                self = .rejected("'..' in path")
                return
            default: segments.append(String(segment))
            }
        }
        let directory = segments.isEmpty || decoded.hasSuffix("/") || decoded.hasSuffix("/.")
        self = .clean(segments: segments, directory: directory)
    }

    /// The URL path for `segments`, percent-encoded, starting with a single `/`.
    static func urlPath(_ segments: [String], directory: Bool) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#;")
        let encoded = segments.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0 }
        let joined = "/" + encoded.joined(separator: "/")
        return directory && !segments.isEmpty ? joined + "/" : joined
    }
}
