import Foundation

/// Strong entity tags from file contents, and `If-None-Match` matching.
enum EntityTag {
    /// `"<64-bit FNV-1a of the bytes in hex>-<length in hex>"`: the same bytes give the same tag
    /// in every build, so an unchanged page stays cached across rebuilds.
    static func of(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
        }
        return "\"" + String(hash, radix: 16) + "-" + String(data.count, radix: 16) + "\""
    }

    /// True when an `If-None-Match` header value names `tag` (or is `*`); weak tags compare
    /// by their opaque part, as RFC 9110 asks for `If-None-Match`.
    static func matches(_ header: String?, _ tag: String) -> Bool {
        guard let header else { return false }
        for candidate in header.split(separator: ",") {
            var value = candidate.trimmingCharacters(in: .whitespaces)
            if value == "*" { return true }
            if value.hasPrefix("W/") { value.removeFirst(2) }
            if value == tag { return true }
        }
        return false
    }
}
