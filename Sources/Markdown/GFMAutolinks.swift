import CCmark

/// Extended autolinks (GFM spec section 6.9): `www.…`, `http://…`, `https://…`, `ftp://…` and e-mail
/// addresses in text become links.
///
/// A pass over one container's inline children: each run of adjacent text nodes (libcmark splits
/// text at `_`, `&` and, with smart punctuation, at `.` and `-`) is read as one text, and only
/// replaced when it holds a link. Text inside links, images and code is never touched.
enum GFMAutolinks {
    static func apply(to container: OpaquePointer) {
        // `www.` may be split at the dot (smart punctuation): `w` and `.` are enough to look.
        forEachTextRun(in: container, containing: [UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "w")]) {
            nodes, bytes in
            let links = find(in: bytes, afterAllowed: allowsWWWAfter(cmark_node_previous(nodes[0])))
            guard !links.isEmpty else { return }
            var replacement: [OpaquePointer] = []
            var position = 0
            for link in links {
                if position < link.range.lowerBound {
                    replacement.append(makeText(bytes[position..<link.range.lowerBound]))
                }
                let node = cmark_node_new(CMARK_NODE_LINK)!
                cmark_node_set_url(node, link.prefix + String(decoding: bytes[link.range], as: UTF8.self))
                cmark_node_append_child(node, makeText(bytes[link.range]))
                replacement.append(node)
                position = link.range.upperBound
            }
            if position < bytes.count { replacement.append(makeText(bytes[position...])) }
            replaceRun(nodes, with: replacement)
        }
    }

    /// Whether a `www.` link may start right after `node` (the start of a line, whitespace,
    /// `*`, `_`, `~` or `(` may come before one: emphasis and strikethrough end in those).
    private static func allowsWWWAfter(_ node: OpaquePointer?) -> Bool {
        guard let node else { return true }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_CUSTOM_INLINE:
            return true
        default: return false
        }
    }

    struct Found {
        var range: Range<Int>
        /// What the destination adds before the text (`http://`, `mailto:`).
        var prefix: String
    }

    /// The autolinks in `bytes`, in order.
    static func find(in bytes: [UInt8], afterAllowed: Bool) -> [Found] {
        var result: [Found] = []
        var index = 0
        // Where the next link may start: links never overlap.
        var floor = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "w"),
                let end = www(bytes, index, afterAllowed: afterAllowed)
            {
                result.append(Found(range: index..<end, prefix: "http://"))
                index = end
                floor = end
                continue
            }
            if byte == UInt8(ascii: ":"), let (start, end) = url(bytes, index, floor: floor) {
                result.append(Found(range: start..<end, prefix: ""))
                index = end
                floor = end
                continue
            }
            if byte == UInt8(ascii: "@"), let (start, end) = email(bytes, index, floor: floor) {
                result.append(Found(range: start..<end, prefix: "mailto:"))
                index = end
                floor = end
                continue
            }
            index += 1
        }
        return result
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || isAlpha(byte)
    }

    private static func isAlpha(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D
    }

    private static func www(_ bytes: [UInt8], _ start: Int, afterAllowed: Bool) -> Int? {
        guard start + 4 <= bytes.count, bytes[start..<(start + 4)].elementsEqual("www.".utf8) else { return nil }
        if start > 0 {
            let before = bytes[start - 1]
            guard
                isSpace(before) || before == UInt8(ascii: "*") || before == UInt8(ascii: "_")
                    || before == UInt8(ascii: "~") || before == UInt8(ascii: "(")
            else { return nil }
        } else if !afterAllowed {
            return nil
        }
        guard let domainEnd = domain(bytes, start, requireDot: true) else { return nil }
        return trimmedEnd(bytes, start, pathEnd(bytes, domainEnd))
    }

    private static func url(_ bytes: [UInt8], _ colon: Int, floor: Int) -> (Int, Int)? {
        guard colon + 3 < bytes.count, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/")
        else { return nil }
        var start = colon
        while start > floor && isAlpha(bytes[start - 1]) { start -= 1 }
        let scheme = String(decoding: bytes[start..<colon], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" || scheme == "ftp" else { return nil }
        guard let domainEnd = domain(bytes, colon + 3, requireDot: false) else { return nil }
        let end = trimmedEnd(bytes, start, pathEnd(bytes, domainEnd))
        return end > colon + 3 ? (start, end) : nil
    }

    private static func email(_ bytes: [UInt8], _ at: Int, floor: Int) -> (Int, Int)? {
        var start = at
        while start > floor {
            let byte = bytes[start - 1]
            guard
                isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            else { break }
            start -= 1
        }
        guard start < at else { return nil }
        var end = at + 1
        var dots = 0
        while end < bytes.count {
            let byte = bytes[end]
            if isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                end += 1
            } else if byte == UInt8(ascii: "."), end + 1 < bytes.count, isAlphanumeric(bytes[end + 1]) {
                dots += 1
                end += 1
            } else {
                break
            }
        }
        guard end - at >= 2, dots > 0, isAlpha(bytes[end - 1]) || bytes[end - 1] == UInt8(ascii: ".") else {
            return nil
        }
        let trimmed = trimmedEnd(bytes, start, end)
        return trimmed > at + 1 ? (start, trimmed) : nil
    }

    /// The end of a valid domain starting at `start`: segments of letters, digits, `-` and `_`
    /// (any non-ASCII letter too) split by `.`, no `_` in the last two segments.
    private static func domain(_ bytes: [UInt8], _ start: Int, requireDot: Bool) -> Int? {
        var index = start
        var dots = 0
        var underscoresLast = 0
        var underscoresBeforeLast = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                // A dot must be followed by more domain.
                guard index + 1 < bytes.count, isHostByte(bytes, index + 1) else { break }
                underscoresBeforeLast = underscoresLast
                underscoresLast = 0
                dots += 1
            } else if byte == UInt8(ascii: "_") {
                underscoresLast += 1
            } else if byte == UInt8(ascii: "-") {
            } else if !isHostByte(bytes, index) {
                break
            }
            index += 1
        }
        guard index > start, underscoresLast == 0, underscoresBeforeLast == 0 else { return nil }
        if requireDot && dots == 0 { return nil }
        return index
    }

    private static func isHostByte(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte >= 0x80 { return characterClass(bytes, index) == .other }
        return isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// The end of the path after a domain: up to whitespace or `<`.
    private static func pathEnd(_ bytes: [UInt8], _ start: Int) -> Int {
        var end = start
        while end < bytes.count && !isSpace(bytes[end]) && bytes[end] != UInt8(ascii: "<") { end += 1 }
        return end
    }

    /// Drops trailing punctuation from a link `start..<end`: `?!.,:*_~'"`, unbalanced `)`,
    /// and an entity-like `&name;`.
    private static func trimmedEnd(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var end = end
        var opening = 0
        var closing = 0
        for byte in bytes[start..<end] {
            if byte == UInt8(ascii: "(") { opening += 1 } else if byte == UInt8(ascii: ")") { closing += 1 }
        }
        while end > start {
            switch bytes[end - 1] {
            case UInt8(ascii: ")"):
                if closing <= opening { return end }
                closing -= 1
                end -= 1
            case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"),
                UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                end -= 1
            case UInt8(ascii: ";"):
                var entityStart = end - 2
                while entityStart > start && isAlphanumeric(bytes[entityStart]) { entityStart -= 1 }
                if entityStart < end - 2 && bytes[entityStart] == UInt8(ascii: "&") {
                    end = entityStart
                } else {
                    end -= 1
                }
            default:
                return end
            }
        }
        return end
    }
}
