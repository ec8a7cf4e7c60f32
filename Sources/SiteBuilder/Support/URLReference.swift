import Foundation

/// Relative references made absolute, as `URL(string:relativeTo:)` does (RFC 3986, 5.2).
enum URLReference {
    /// `reference` resolved against the absolute URL `base`; nil where Foundation gives none.
    /// Paths (from the root or relative, `..` and `.` included) against a `scheme://host/path`
    /// base are resolved here, byte for byte; anything else (a scheme, `//`, a query, a fragment,
    /// a percent sign, a base of another shape) goes through Foundation's `URL`, which costs
    /// several microseconds a call: this runs for every breadcrumb of every page.
    static func resolve(_ reference: String, against base: String) -> String? {
        Base(base).resolve(reference)
    }

    /// Foundation's answer, for what the fast path leaves.
    private static func resolveByFoundation(_ reference: String, against base: String) -> String? {
        guard let baseURL = URL(string: base), let url = URL(string: reference, relativeTo: baseURL) else { return nil }
        return url.absoluteString
    }

    /// The fast path of `resolve`, nil where it does not apply.
    static func resolvePath(_ reference: String, against base: String) -> String? {
        Base(base).resolvePath(reference)
    }

    /// A base URL checked once, for resolving many references against it (a page's JSON-LD
    /// resolves each breadcrumb and organisation against the page's URL).
    struct Base {
        let url: String
        /// `scheme://host`, and the path up to its last slash; nil where the fast path does not apply.
        private let origin: [UInt8]?
        private let folder: [UInt8]

        init(_ url: String) {
            self.url = url
            var text = url
            (origin, folder) = text.withUTF8 { base in
                let slash = UInt8(ascii: "/")
                guard base.allSatisfy({ isPlainPathByte($0) || $0 == UInt8(ascii: ":") }),
                    let slashes = schemeEnd(base), slashes > 3,
                    let pathStart = base[slashes...].firstIndex(of: slash), pathStart > slashes
                else { return (nil, []) }
                let folderEnd = base.lastIndex(of: slash)! + 1
                return (Array(base[..<pathStart]), Array(base[pathStart..<folderEnd]))
            }
        }

        /// `URLReference.resolve(reference, against: url)`.
        func resolve(_ reference: String) -> String? {
            guard !reference.isEmpty else { return nil }
            return resolvePath(reference) ?? resolveByFoundation(reference, against: url)
        }

        /// The fast path, nil where it does not apply.
        func resolvePath(_ reference: String) -> String? {
            guard let origin else { return nil }
            var reference = reference
            return reference.withUTF8 { reference in
                let slash = UInt8(ascii: "/")
                guard !reference.isEmpty, !(reference.count > 1 && reference[0] == slash && reference[1] == slash),
                    reference.allSatisfy(isPlainPathByte)
                else { return nil }
                // The origin, then the path with its dot segments removed (RFC 3986, 5.2.2 and 5.2.4).
                var out = origin
                out.reserveCapacity(origin.count + folder.count + reference.count)
                if reference[0] == slash {
                    appendRemovingDotSegments(reference, to: &out)
                } else {
                    appendRemovingDotSegments(folder + reference, to: &out)
                }
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    private typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The index just after the first `://` in `url`, nil without one.
    private static func schemeEnd(_ url: Bytes) -> Int? {
        guard url.count >= 3 else { return nil }
        for i in 0...(url.count - 3)
        where url[i] == UInt8(ascii: ":") && url[i + 1] == UInt8(ascii: "/") && url[i + 2] == UInt8(ascii: "/") {
            return i + 3
        }
        return nil
    }

    /// A printable ASCII byte that is not a scheme, query, fragment or escape delimiter.
    private static func isPlainPathByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: ":") && byte != UInt8(ascii: "?")
            && byte != UInt8(ascii: "#") && byte != UInt8(ascii: "%") && byte != UInt8(ascii: "\\")
    }

    /// RFC 3986, 5.2.4, for a path that starts with `/`.
    static func removingDotSegments(_ path: String) -> String {
        var out: [UInt8] = []
        appendRemovingDotSegments(Array(path.utf8), to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `path` (which starts with `/`) without its `.` and `..` segments, added to `out`: each
    /// segment is written as `/segment`, and `..` takes back the last one written.
    private static func appendRemovingDotSegments<Path: RandomAccessCollection<UInt8>>(
        _ path: Path, to out: inout [UInt8]
    ) where Path.Index == Int {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        let base = out.count
        // Where each segment written so far starts (at its slash).
        var starts: [Int] = []
        var start = path.startIndex + 1
        while start <= path.endIndex {
            let end = path[start...].firstIndex(of: slash) ?? path.endIndex
            let last = end == path.endIndex
            let length = end - start
            if length == 1 && path[start] == dot {
                if last { out.append(slash) }
            } else if length == 2 && path[start] == dot && path[start + 1] == dot {
                if let previous = starts.popLast() { out.removeSubrange(previous...) }
                if last { out.append(slash) }
            } else {
                starts.append(out.count)
                out.append(slash)
                out.append(contentsOf: path[start..<end])
            }
            start = end + 1
        }
        if out.count == base { out.append(slash) }
    }
}
