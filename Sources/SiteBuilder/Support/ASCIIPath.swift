/// Relative path arithmetic on ASCII text, byte by byte.
///
/// Only for ASCII: there each byte is a `Character` of its own, so splitting at `/` bytes and
/// comparing bytes gives what splitting and comparing `Character`s gives. In other text a `/`
/// may belong to a larger character (`/` + a combining accent), which a byte split would cut.
enum ASCIIPath {
    /// True when every byte of `text` is ASCII.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            // Eight bytes at a time: a word with no high bit set is eight ASCII bytes.
            var i = 0
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while i + 8 <= bytes.count {
                    if base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                        return false
                    }
                    i += 8
                }
            }
            while i < bytes.count {
                if bytes[i] >= 0x80 { return false }
                i += 1
            }
            return true
        } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// The byte offset of the first `#` or `?` in `text`, or nil: where a link's path ends. For
    /// any text: `#` and `?` are ASCII, so in UTF-8 such a byte always starts a character.
    static func pathEnd(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "#") || bytes[i] == UInt8(ascii: "?") { return i }
                i += 1
            }
            return nil
        }
    }

    /// `path` resolved against the folder of `file` (the parts of `file` before its last one),
    /// with `.` and `..` taken out; nil when `..` climbs above the top. Both must be ASCII.
    static func join(folderOf file: String, _ path: String) -> String? {
        var file = file
        var path = path
        return file.withUTF8 { file in
            path.withUTF8 { path in
                // The file's folder: everything before its last part.
                var end = file.count
                while end > 0 && file[end - 1] == UInt8(ascii: "/") { end -= 1 }
                while end > 0 && file[end - 1] != UInt8(ascii: "/") { end -= 1 }
                return resolve(path, in: file[0..<end]).map { String(decoding: $0, as: UTF8.self) }
            }
        }
    }

    /// `relative` as a browser resolves it on the page at the site path `page` (`/projekt/x/`,
    /// `/404.html`): the site path it names, with a leading `/`, and a trailing one when
    /// `relative` names a folder (`../annan/`, `..`, empty); nil when it climbs above the top.
    /// Both must be ASCII. One buffer for the whole path: this runs for most links of a page.
    static func joinURL(page: String, _ relative: String) -> String? {
        var page = page
        var relative = relative
        return page.withUTF8 { page in
            relative.withUTF8 { relative in
                let slash = UInt8(ascii: "/")
                let dot = UInt8(ascii: ".")
                // The page's folder: its path up to its last `/`.
                var end = page.count
                while end > 0 && page[end - 1] != slash { end -= 1 }
                guard let joined = resolve(relative, in: page[0..<end]) else { return nil }
                let count = relative.count
                let isFolder =
                    count == 0 || relative[count - 1] == slash
                    || (count >= 2 && relative[count - 1] == dot && relative[count - 2] == slash)
                    || (count >= 2 && relative[count - 1] == dot && relative[count - 2] == dot)
                let trailing = isFolder && !joined.isEmpty
                return String(unsafeUninitializedCapacity: joined.count + 2) { buffer in
                    buffer[0] = slash
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[1...]).initialize(from: joined)
                    if trailing { buffer[joined.count + 1] = slash }
                    return joined.count + (trailing ? 2 : 1)
                }
            }
        }
    }

    /// The parts of `folder` and then `path`, joined by `/`, with `.` and `..` taken out; nil
    /// when `..` climbs above the top.
    private static func resolve(
        _ path: UnsafeBufferPointer<UInt8>, in folder: Slice<UnsafeBufferPointer<UInt8>>
    ) -> [UInt8]? {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var out: [UInt8] = []
        out.reserveCapacity(folder.count + path.count)
        // Parts are never empty (runs of `/` separate, they make no part), so `out` is empty
        // exactly when there is no part, and the last part starts after its last `/`.
        func push(_ part: Slice<UnsafeBufferPointer<UInt8>>) {
            if !out.isEmpty { out.append(slash) }
            out.append(contentsOf: part)
        }
        func parts(of bytes: Slice<UnsafeBufferPointer<UInt8>>, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Bool)
            -> Bool
        {
            var start = bytes.startIndex
            // An index loop: `bytes.indices` of a slice is not specialised and costs a call per byte.
            var i = bytes.startIndex
            while i < bytes.endIndex {
                if bytes[i] == slash {
                    if i > start && !body(bytes[start..<i]) { return false }
                    start = i + 1
                }
                i += 1
            }
            return bytes.endIndex <= start || body(bytes[start..<bytes.endIndex])
        }
        _ = parts(of: folder) {
            push($0)
            return true
        }
        let inside = parts(of: path[...]) { part in
            if part.count == 1 && part.first == dot { return true }
            if part.count == 2 && part.first == dot && part.last == dot {
                guard !out.isEmpty else { return false }
                out.removeSubrange((out.lastIndex(of: slash) ?? 0)...)
                return true
            }
            push(part)
            return true
        }
        return inside ? out : nil
    }
}
