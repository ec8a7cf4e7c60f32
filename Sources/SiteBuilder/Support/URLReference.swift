import Foundation

/// Relative references made absolute, as `URL(string:relativeTo:)` does (RFC 3986, 5.2).
enum URLReference {
    /// `reference` resolved against the absolute URL `base`; nil where Foundation gives none.
    /// Paths (from the root or relative, `..` and `.` included) against a `scheme://host/path`
    /// base are resolved here, byte for byte; anything else (a scheme, `//`, a query, a fragment,
    /// a percent sign, a base of another shape) goes through Foundation's `URL`, which costs
    /// several microseconds a call: this runs for every breadcrumb of every page.
    static func resolve(_ reference: String, against base: String) -> String? {
        guard !reference.isEmpty else { return nil }
        guard let fast = resolvePath(reference, against: base) else {
            guard let baseURL = URL(string: base), let url = URL(string: reference, relativeTo: baseURL) else {
                return nil
            }
            return url.absoluteString
        }
        return fast
    }

    /// The fast path of `resolve`, nil where it does not apply.
    static func resolvePath(_ reference: String, against base: String) -> String? {
        let baseBytes = Array(base.utf8)
        guard !reference.isEmpty, !reference.hasPrefix("//"), reference.utf8.allSatisfy(isPlainPathByte),
            let slashes = baseBytes.firstRange(of: Array("://".utf8)), slashes.lowerBound > 0,
            baseBytes.allSatisfy({ isPlainPathByte($0) || $0 == UInt8(ascii: ":") }),
            let pathStart = baseBytes[slashes.upperBound...].firstIndex(of: UInt8(ascii: "/")),
            pathStart > slashes.upperBound
        else { return nil }
        let origin = String(decoding: baseBytes[..<pathStart], as: UTF8.self)
        let merged: String
        if reference.hasPrefix("/") {
            merged = reference
        } else {
            let folderEnd = baseBytes.lastIndex(of: UInt8(ascii: "/"))! + 1
            merged = String(decoding: baseBytes[pathStart..<folderEnd], as: UTF8.self) + reference
        }
        return origin + removingDotSegments(merged)
    }

    /// A printable ASCII byte that is not a scheme, query, fragment or escape delimiter.
    private static func isPlainPathByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: ":") && byte != UInt8(ascii: "?")
            && byte != UInt8(ascii: "#") && byte != UInt8(ascii: "%") && byte != UInt8(ascii: "\\")
    }

    /// RFC 3986, 5.2.4, for a path that starts with `/`.
    static func removingDotSegments(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, segment) in segments.enumerated() {
            let last = index == segments.count - 1
            switch segment {
            case ".":
                if last { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if last { output.append("") }
            default: output.append(segment)
            }
        }
        return "/" + output.joined(separator: "/")
    }
}
