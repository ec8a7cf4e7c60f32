import Foundation
import Markdown

/// What other pages say about a page where they link to it: the text of a list item that opens
/// with a link to it (`- [Upphandla cirkulärt i praktiken](upphandla.md) – om bland annat
/// kemikalieregler`). Search counts it for the linked page, as web search counts the words of a
/// link for the page it leads to: a list of related pages describes each one in words the page
/// itself may not use.
enum LinkDescriptions {
    /// For each page index, the descriptions other pages give it, in the order of the pages.
    static func of(_ site: Site, bodies: [RenderedBody]) -> [[String]] {
        var described = Array(repeating: [String](), count: site.pages.count)
        var pageByPath: [String: Int] = [:]
        // By index: a copy of each body would retain all its fields.
        for index in bodies.indices where !bodies[index].linkDescriptions.isEmpty {
            if pageByPath.isEmpty {
                pageByPath = Dictionary(
                    site.pages.indices.map { (site.pages[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
            }
            for (path, text) in bodies[index].linkDescriptions {
                // A listing or term page has no document to describe; a page's link to itself says nothing new.
                guard let target = pageByPath[path], target != index else { continue }
                described[target].append(text)
            }
        }
        return described
    }

    /// What a page says about the pages it links to (`linked`: their site paths and where each
    /// link starts): for each link that opens a list item, the path and the item's text. Read
    /// from the Markdown `body` (which starts after `lineOffset` lines of the file) when the body
    /// is rendered, so that the search index does not need the Markdown.
    static func given(
        by linked: [(path: String, position: SourcePosition)], body: String, lineOffset: Int
    ) -> [(path: String, text: String)] {
        guard !linked.isEmpty else { return [] }
        let lines = SourceLineTable(body)
        var given: [(path: String, text: String)] = []
        for link in linked {
            let line = link.position.line - lineOffset - 1
            // Most links stand in running text: ruled out before the item's text is read.
            guard line >= 0, line < lines.count, lines.mayOpenWithListMarker(line),
                let text = itemText(lines, line: line, column: link.position.column)
            else { continue }
            given.append((link.path, text))
        }
        return given
    }

    /// The plain text of the list item on `line` (from 0) when the link at `column` (from 1, in
    /// characters) is the first thing in it, with the item's continuation lines; else nil.
    static func itemText(_ lines: SourceLineTable, line: Int, column: Int) -> String? {
        guard line >= 0, line < lines.count else { return nil }
        // Most links stand in running text: told from the line's first bytes, before decoding it.
        guard lines.mayOpenWithListMarker(line), column >= 2 else { return nil }
        // A marker is ASCII, so the characters before the link are its first bytes when it is
        // one: the line is looked at as bytes and only the item's text is decoded.
        let marker = column - 1
        guard
            let opening = lines.withBytes(
                line,
                { bytes -> String? in
                    guard marker < bytes.count, isListMarker(UnsafeBufferPointer(rebasing: bytes[..<marker])) else {
                        return nil
                    }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[marker...]), as: UTF8.self)
                })
        else { return nil }
        var text = opening
        for following in (line + 1)..<lines.count {
            let next = lines[following]
            let trimmed = next.drop { $0 == " " || $0 == "\t" }
            // A continuation line is indented, not blank, and starts no item of its own.
            guard trimmed.count < next.count, !trimmed.isEmpty,
                !isListMarker(Array((trimmed.prefix { $0 != " " } + " ").unicodeScalars)[...])
            else { break }
            text += " " + trimmed
        }
        return plain(text)
    }

    /// Whether `prefix` is a list item's marker and nothing else: indentation, `-`, `*`, `+` or a
    /// number with `.` or `)`, then at least one space.
    static func isListMarker(_ prefix: ArraySlice<Unicode.Scalar>) -> Bool {
        var rest = prefix.drop { $0 == " " || $0 == "\t" }
        guard let first = rest.first else { return false }
        if first == "-" || first == "*" || first == "+" {
            rest = rest.dropFirst()
        } else {
            let digits = rest.prefix { ("0"..."9").contains($0) }
            guard (1...9).contains(digits.count) else { return false }
            rest = rest.dropFirst(digits.count)
            guard rest.first == "." || rest.first == ")" else { return false }
            rest = rest.dropFirst()
        }
        return !rest.isEmpty && rest.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// The same for a prefix given as UTF-8 bytes (a marker is ASCII: any other byte is not one).
    static func isListMarker(_ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let count = prefix.count
        while i < count, prefix[i] == UInt8(ascii: " ") || prefix[i] == UInt8(ascii: "\t") { i += 1 }
        guard i < count else { return false }
        let first = prefix[i]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            i += 1
        } else {
            let digitsStart = i
            while i < count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(prefix[i]) { i += 1 }
            guard (1...9).contains(i - digitsStart), i < count,
                prefix[i] == UInt8(ascii: ".") || prefix[i] == UInt8(ascii: ")")
            else { return false }
            i += 1
        }
        guard i < count else { return false }
        while i < count {
            guard prefix[i] == UInt8(ascii: " ") || prefix[i] == UInt8(ascii: "\t") else { return false }
            i += 1
        }
        return true
    }

    /// The words of Markdown inline text: a link's text without its destination, no emphasis marks.
    static func plain(_ markdown: String) -> String {
        var bytes = withoutLinkDestinations(Array(markdown.utf8))
        // Below lead byte 0xCC no scalar is U+0300 or above, so none joins a mark to the
        // character before it: each `*` is a character of its own and goes as a byte.
        guard bytes.allSatisfy({ $0 < 0xCC }) else {
            var text = String(decoding: bytes, as: UTF8.self)
            text.removeAll { $0 == "*" || $0 == "_" || $0 == "`" }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        bytes.removeAll { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "`") }
        // ASCII white space at the ends goes as bytes; the rest of the trimming (U+00A0 …) is
        // Foundation's, only when an end is not ASCII.
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        guard start < end, bytes[start] < 0x80, bytes[end - 1] < 0x80 else {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return text
    }

    /// `bytes` with each `[text](destination)` and `![text](destination)` replaced by its text
    /// (as the pattern `!?\[([^\]]*)\]\([^)]*\)` would, left to right): the delimiters are ASCII,
    /// so UTF-8 bytes are scanned without decoding.
    static func withoutLinkDestinations(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let bang = bytes[i] == UInt8(ascii: "!") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "[")
            let open = bang ? i + 1 : i
            if bytes[open] == UInt8(ascii: "["),
                let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: "]")),
                close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "("),
                let end = bytes[(close + 2)...].firstIndex(of: UInt8(ascii: ")"))
            {
                out += bytes[(open + 1)..<close]
                i = end + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}

/// The lines of a text, found on its UTF-8 bytes and decoded only when asked for (a page is
/// scanned for the few lines its links are on). Line ends are `\n`, `\r\n` and `\r`, as cmark
/// counts lines.
struct SourceLineTable {
    // The text itself, read through its UTF-8 storage: a copy of every page's bytes would cost
    // more than finding its lines.
    private var text: String
    /// Each line's start and end (before its line end), in the text's UTF-8 bytes.
    private var bounds: [Range<Int>] = []

    init(_ text: String) {
        self.text = text
        var bounds: [Range<Int>] = []
        self.text.withUTF8 { bytes in
            bounds.reserveCapacity(bytes.count / 64 + 1)
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            // Line ends found with memchr; a carriage return is looked for once, and again only
            // after the one found (most texts have none).
            var nextReturn = Self.find(UInt8(ascii: "\r"), in: base, from: 0, count: count)
            var start = 0
            while start <= count {
                if nextReturn < start {
                    nextReturn = Self.find(UInt8(ascii: "\r"), in: base, from: start, count: count)
                }
                let newline = Self.find(UInt8(ascii: "\n"), in: base, from: start, count: count)
                let end = Swift.min(newline, nextReturn)
                guard end < count else { break }
                bounds.append(start..<end)
                let crlf = base[end] == UInt8(ascii: "\r") && end + 1 < count && base[end + 1] == UInt8(ascii: "\n")
                start = end + (crlf ? 2 : 1)
            }
            bounds.append(start..<count)
        }
        if bounds.isEmpty { bounds.append(0..<0) }
        self.bounds = bounds
    }

    /// The first `byte` at or after `from`, or `count`.
    private static func find(_ byte: UInt8, in base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        guard from < count, let found = memchr(base + from, Int32(byte), count - from) else { return count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    var count: Int { bounds.count }

    /// Whether line `line` may open with a list item's marker: after spaces or tabs, `-`, `*`,
    /// `+` or a digit. False rules the line out; true leaves it to the full check.
    func mayOpenWithListMarker(_ line: Int) -> Bool {
        withBytes(line) { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"): continue
                case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    return true
                default: return false
                }
            }
            return false
        }
    }

    subscript(line: Int) -> String {
        withBytes(line) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of line `line`.
    func withBytes<R>(_ line: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // The text was made contiguous UTF-8 by `init`: this does not copy it.
        var text = text
        return text.withUTF8 { body(UnsafeBufferPointer(rebasing: $0[bounds[line]])) }
    }
}
