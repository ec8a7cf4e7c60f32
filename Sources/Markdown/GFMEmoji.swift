import CCmark

#if canImport(Glibc)
    import Glibc
#endif

/// Emoji names as GitHub writes them: `:tada:` in text becomes 🎉 (`EmojiNames`); in code, or a
/// name GitHub does not know (`:material-close:`, `10:30:45`), it stays as written.
///
/// A pass over one container's inline children. libcmark splits text at the characters that may
/// start emphasis or a link (`_` in `:man_raising_hand:`), so a run of text nodes is read as one.
enum GFMEmoji {
    /// Emoji by name, read from `EmojiNames.table` once.
    static let byName: [String: String] = {
        var names: [String: String] = [:]
        let words = EmojiNames.table.split(whereSeparator: { $0 == " " || $0 == "\n" })
        names.reserveCapacity(words.count / 2)
        for pair in stride(from: 0, to: words.count - 1, by: 2) {
            names[String(words[pair])] = String(words[pair + 1])
        }
        return names
    }()

    /// Whether `source` has a `:name:` somewhere (letters, digits, `_`, `+` or `-` between two
    /// colons): a page without one skips the pass.
    static func mayAppear(in source: [UInt8]) -> Bool {
        source.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return false }
            var index = 0
            // memchr to each colon: every page is scanned, few have a colon.
            while index < bytes.count, let found = memchr(base + index, Int32(UInt8(ascii: ":")), bytes.count - index) {
                let colon = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                var end = colon + 1
                while end < bytes.count && isNameByte(bytes[end]) { end += 1 }
                if end > colon + 1 && end < bytes.count && bytes[end] == UInt8(ascii: ":") { return true }
                index = end > colon + 1 ? end : colon + 1
            }
            return false
        }
    }

    static func apply(to container: OpaquePointer) {
        var child = cmark_node_first_child(container)
        while let node = child {
            var run = [node]
            var next = cmark_node_next(node)
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT else {
                child = next
                continue
            }
            while let text = next, cmark_node_get_type(text) == CMARK_NODE_TEXT {
                run.append(text)
                next = cmark_node_next(text)
            }
            child = next
            guard run.count > 1 || literalContains(node, UInt8(ascii: ":")),
                let replaced = replacingNames(in: run.flatMap(literalBytes))
            else { continue }
            setLiteral(node, replaced)
            for merged in run.dropFirst() { cmark_node_free(merged) }
        }
    }

    /// The text with each known `:name:` as its emoji; nil when it has none.
    static func replacingNames(in bytes: [UInt8]) -> [UInt8]? {
        var result: [UInt8] = []
        var copied = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: ":") else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count && isNameByte(bytes[end]) { end += 1 }
            guard end > index + 1 && end < bytes.count && bytes[end] == UInt8(ascii: ":") else {
                index += 1
                continue
            }
            guard let emoji = byName[String(decoding: bytes[index + 1..<end], as: UTF8.self)] else {
                // The closing colon may open the next name (`10:30:tada:`).
                index = end
                continue
            }
            result += bytes[copied..<index]
            result += emoji.utf8
            copied = end + 1
            index = end + 1
        }
        guard copied > 0 else { return nil }
        return result + bytes[copied...]
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}
