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
                    if base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
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

    /// `path` resolved against the folder of `file` (the parts of `file` before its last one),
    /// with `.` and `..` taken out; nil when `..` climbs above the top. Both must be ASCII.
    static func join(folderOf file: String, _ path: String) -> String? {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var out: [UInt8] = []
        out.reserveCapacity(file.utf8.count + path.utf8.count)
        // Where each part starts in `out`, so `..` can take the last one off.
        var starts: [Int] = []
        func push(_ part: Substring.UTF8View) {
            if !starts.isEmpty { out.append(slash) }
            starts.append(out.count)
            out.append(contentsOf: part)
        }
        for part in file.utf8.split(separator: slash).dropLast() { push(part) }
        for part in path.utf8.split(separator: slash) {
            if part.count == 1 && part.first == dot { continue }
            if part.count == 2 && part.first == dot && part.last == dot {
                guard let start = starts.popLast() else { return nil }
                out.removeSubrange(max(0, start - 1)...)
                continue
            }
            push(part)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
