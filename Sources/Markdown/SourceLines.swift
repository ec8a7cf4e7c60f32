import CCmark

#if canImport(Glibc)
    import Glibc
#endif

/// The source text by lines: turns cmark's positions (bytes, counted from the stripped text of a
/// paragraph) into the line and character column an editor shows.
struct SourceLines {
    let lineOffset: Int
    /// The source's bytes: cmark counts columns in bytes, editors in characters.
    let source: [UInt8]
    /// Where each line starts, in bytes.
    private(set) var lineStarts: [Int]
    /// Lines whose text a pass moved before parsing (an admonition's title, after its marker), by
    /// 1-based line: cmark's columns there are the moved text's.
    var shifts: [Int: ColumnShift] = [:]

    init(lineOffset: Int, source: [UInt8]) {
        self.lineOffset = lineOffset
        self.source = source
        var starts = [0]
        // memchr, not a loop over the bytes: this runs over all 77 MB of a 10,000-page site.
        source.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = base.distance(to: UnsafeRawPointer(found)) + 1
                starts.append(offset)
            }
        }
        lineStarts = starts
    }

    /// How many lines the source has (a last line without a line ending counts).
    var lineCount: Int { lineStarts.count }

    /// The bytes of 1-based `line`, without its line ending; empty past the end.
    func range(ofLine line: Int) -> Range<Int> {
        guard line >= 1 && line <= lineStarts.count else { return source.count..<source.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : source.count
        if end > start && source[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The position of a 1-based byte column of a line, in characters and with the line offset.
    func position(line: Int, byteColumn: Int) -> SourcePosition {
        let byteColumn = shifts[line].map { $0.original(byteColumn) } ?? byteColumn
        var column = byteColumn
        if line >= 1 && line <= lineStarts.count {
            let start = lineStarts[line - 1]
            let end = min(source.count, start + byteColumn - 1)
            column = 1 + source[start..<max(start, end)].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
        return SourcePosition(line: line + lineOffset, column: column)
    }

    /// Where a node starts. Blocks: as cmark says. Inline nodes: cmark counts the columns of a
    /// paragraph's later lines from the paragraph's first column, as if the line had no
    /// indentation; that is corrected, and checked against the source (a link's `[`).
    func position(of node: OpaquePointer) -> SourcePosition {
        if let (line, column) = autolinkStart(node) { return position(line: line, byteColumn: column) }
        var current: OpaquePointer? = node
        // Soft breaks and a few other inline nodes have no position: use the nearest that has.
        while let n = current, sourceStart(of: n).line == 0 {
            current = cmark_node_parent(n)
        }
        guard let n = current else { return SourcePosition(line: lineOffset + 1, column: 1) }
        // Nodes the GFM extensions made (table rows and cells, links parsed from a cell's text)
        // carry where they are in this source; cmark's own numbers for them are the cell's.
        if cmark_node_get_user_data(n) != nil {
            let (line, column) = sourceStart(of: n)
            return position(line: line, byteColumn: max(1, column))
        }
        // Other inline nodes of a table cell: cmark counts them from the start of the cell's text.
        if Self.isInline(n), let block = Self.enclosingBlock(of: n), cmark_node_get_user_data(block) != nil {
            let (line, column) = sourceStart(of: block)
            return position(line: line, byteColumn: max(1, column + Int(cmark_node_get_start_column(n)) - 1))
        }
        var line = Int(cmark_node_get_start_line(n))
        var column = max(1, Int(cmark_node_get_start_column(n)))
        if Self.isInline(n), let block = Self.enclosingBlock(of: n) {
            (line, column) = inlineStart(of: n, line: line, column: column, in: block)
        }
        return position(line: line, byteColumn: column)
    }

    static func isInline(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node).rawValue
        return type >= CMARK_NODE_FIRST_INLINE.rawValue && type <= CMARK_NODE_LAST_INLINE.rawValue
    }

    private static func enclosingBlock(of node: OpaquePointer) -> OpaquePointer? {
        var current = cmark_node_parent(node)
        while let n = current, isInline(n) { current = cmark_node_parent(n) }
        return current
    }

    private static func isInBlockQuote(_ node: OpaquePointer) -> Bool {
        var current: OpaquePointer? = node
        while let n = current {
            if cmark_node_get_type(n) == CMARK_NODE_BLOCK_QUOTE { return true }
            current = cmark_node_parent(n)
        }
        return false
    }

    /// The line and byte column where an inline node starts in the source.
    private func inlineStart(of node: OpaquePointer, line: Int, column: Int, in block: OpaquePointer) -> (Int, Int) {
        let blockLine = Int(cmark_node_get_start_line(block))
        // A block the renderer made has no position to count from.
        guard blockLine > 0 else { return (line, column) }
        // cmark counts a paragraph's lines from its first, also when that held link reference
        // definitions it took out.
        let textLine = textStartLine(of: block, from: blockLine)
        let line = line + (textLine - blockLine)
        var corrected = column
        if line > blockLine {
            // cmark strips a later line's container markers and indentation, then counts from
            // the block's first column.
            let blockColumn = max(1, Int(cmark_node_get_start_column(block)))
            corrected = column - (blockColumn - 1) + lineIndent(line, quoted: Self.isInBlockQuote(block))
        }
        guard let expected = Self.firstBytes(of: node) else {
            // Nothing to check the place against (emphasis around a link the GFM extensions
            // made): keep it when it is a place on the line, else say the block.
            if corrected >= 1 && corrected <= range(ofLine: line).count + 1 { return (line, corrected) }
            return (blockLine, max(1, Int(cmark_node_get_start_column(block))))
        }
        if startsWith(expected, line: line, column: corrected) { return (line, corrected) }
        // cmark's line is behind after a backslash line break, and a link whose text spans
        // lines gets the line of its end with the column of its start; the node is then at or
        // after that column of cmark's line (the source has at least the bytes cmark counted),
        // or else somewhere in the block.
        let lineStart = range(ofLine: line).lowerBound
        let blockStart = range(ofLine: blockLine).lowerBound
        let blockEnd = range(ofLine: max(line, Int(cmark_node_get_end_line(block)))).upperBound
        let bound = min(lineStart + column - 1, blockEnd)
        for from in [bound, lineStart, blockStart] where from < blockEnd {
            if let found = find(node, expected, in: from..<blockEnd, blockStart: blockStart) {
                return location(of: found)
            }
        }
        // A reference link (no destination to find) in a paragraph that cmark placed too early
        // (link reference definitions before it): the first `[` from there.
        if expected.isEmpty, let found = source[bound..<blockEnd].firstIndex(of: UInt8(ascii: "[")) {
            return location(of: found)
        }
        return (blockLine, max(1, Int(cmark_node_get_start_column(block))))
    }

    /// The line a paragraph's text starts on: after the link reference definitions
    /// (`[x]: /url`, one a line) that start it.
    private func textStartLine(of block: OpaquePointer, from first: Int) -> Int {
        guard cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH else { return first }
        let last = Int(cmark_node_get_end_line(block))
        var line = first
        while line < last && isDefinition(line) { line += 1 }
        return line
    }

    /// True when a line is `[label]: destination` (after container markers and indentation).
    private func isDefinition(_ line: Int) -> Bool {
        let range = range(ofLine: line)
        var i = range.lowerBound
        while i < range.upperBound && (source[i] == 0x20 || source[i] == 0x09 || source[i] == UInt8(ascii: ">")) {
            i += 1
        }
        guard i < range.upperBound, source[i] == UInt8(ascii: "[") else { return false }
        i += 1
        while i < range.upperBound && source[i] != UInt8(ascii: "]") {
            i += source[i] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard i + 1 < range.upperBound, source[i + 1] == UInt8(ascii: ":") else { return false }
        i += 2
        while i < range.upperBound && (source[i] == 0x20 || source[i] == 0x09) { i += 1 }
        return i < range.upperBound
    }

    /// How many bytes of container markers (`>` in block quotes) and indentation start a line.
    private func lineIndent(_ line: Int, quoted: Bool) -> Int {
        let range = range(ofLine: line)
        var count = 0
        for byte in source[range] {
            guard byte == 0x20 || byte == 0x09 || (quoted && byte == UInt8(ascii: ">")) else { break }
            count += 1
        }
        return count
    }

    /// What the source of an inline node starts with, when that is known; empty for a link
    /// (`[`, or `<` for an autolink).
    private static func firstBytes(of node: OpaquePointer) -> [UInt8]? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_LINK: return []
        case CMARK_NODE_IMAGE: return [UInt8(ascii: "!"), UInt8(ascii: "[")]
        case CMARK_NODE_HTML_INLINE:
            guard let literal = cmark_node_get_literal(node) else { return nil }
            var bytes: [UInt8] = []
            var p = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
            while p.pointee != 0 && p.pointee != 0x0A && p.pointee != 0x0D {
                bytes.append(p.pointee)
                p += 1
            }
            return bytes.isEmpty ? nil : bytes
        default: return nil
        }
    }

    private func startsWith(_ expected: [UInt8], line: Int, column: Int) -> Bool {
        let range = range(ofLine: line)
        let start = range.lowerBound + column - 1
        guard column >= 1, start < range.upperBound else { return false }
        // A Hugo shortcode that the shortcode pass replaced, in its place, with this link or image.
        if start + 1 < range.upperBound && source[start] == UInt8(ascii: "{") && source[start + 1] == UInt8(ascii: "{")
        {
            return true
        }
        if expected.isEmpty { return source[start] == UInt8(ascii: "[") || source[start] == UInt8(ascii: "<") }
        guard start + expected.count <= range.upperBound else { return false }
        return source[start..<(start + expected.count)].elementsEqual(expected)
    }

    /// Where a node starts, found in `range` of the source: raw HTML by its text; a link or
    /// image by its destination as written (`](dest`, `](<dest`, or `<dest>` for an autolink),
    /// at its `[` (or `![`, or `<`).
    private func find(_ node: OpaquePointer, _ expected: [UInt8], in range: Range<Int>, blockStart: Int) -> Int? {
        let type = cmark_node_get_type(node)
        guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { return find(expected, in: range) }
        guard let url = cmark_node_get_url(node) else { return nil }
        var needle = Array(
            UnsafeBufferPointer(start: UnsafeRawPointer(url).assumingMemoryBound(to: UInt8.self), count: strlen(url)))
        var from = range.lowerBound
        // An e-mail autolink's destination gains `mailto:`.
        let mailto = Array("mailto:".utf8)
        if type == CMARK_NODE_LINK && needle.starts(with: mailto) && find(needle, in: range) == nil {
            needle.removeFirst(mailto.count)
        }
        guard !needle.isEmpty else { return nil }
        while let hit = find(needle, in: from..<range.upperBound) {
            from = hit + 1
            var i = hit - 1
            if i >= blockStart && source[i] == UInt8(ascii: "<") {
                if type == CMARK_NODE_LINK && (i == blockStart || source[i - 1] != UInt8(ascii: "(")) { return i }
                i -= 1
            }
            // Back over spaces and line breaks to the `(`, which must follow a `]`.
            while i >= blockStart && (source[i] == 0x20 || source[i] == 0x09 || source[i] == 0x0A || source[i] == 0x0D)
            { i -= 1 }
            guard i - 1 >= blockStart, source[i] == UInt8(ascii: "("), source[i - 1] == UInt8(ascii: "]") else {
                continue
            }
            let at = openingBracket(before: i - 1, from: blockStart) ?? hit
            return type == CMARK_NODE_IMAGE && at > blockStart && source[at - 1] == UInt8(ascii: "!") ? at - 1 : at
        }
        return nil
    }

    /// The `[` that the `]` at `close` closes, counting nested brackets and skipping escaped ones.
    private func openingBracket(before close: Int, from start: Int) -> Int? {
        var depth = 0
        var i = close - 1
        while i >= start {
            let escaped = i > start && source[i - 1] == UInt8(ascii: "\\")
            if !escaped {
                if source[i] == UInt8(ascii: "]") { depth += 1 }
                if source[i] == UInt8(ascii: "[") {
                    if depth == 0 { return i }
                    depth -= 1
                }
            }
            i -= 1
        }
        return nil
    }

    private func find(_ needle: [UInt8], in range: Range<Int>) -> Int? {
        guard needle.count <= range.count else { return nil }
        var i = range.lowerBound
        while i + needle.count <= range.upperBound {
            if source[i] == needle[0] && source[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Where a link `GFMAutolinks` made from text starts (it has no position of its own): its text
    /// as written, found in its block's lines, past as many of the same as come before it there.
    private func autolinkStart(_ node: OpaquePointer) -> (Int, Int)? {
        guard cmark_node_get_type(node) == CMARK_NODE_LINK, cmark_node_get_start_line(node) == 0,
            cmark_node_get_user_data(node) == nil, let text = Self.autolinkText(node),
            let block = Self.enclosingBlock(of: node), cmark_node_get_start_line(block) > 0
        else { return nil }
        var earlier = 0
        var sibling = cmark_node_previous(node)
        while let s = sibling {
            if cmark_node_get_type(s) == CMARK_NODE_LINK, cmark_node_get_start_line(s) == 0,
                Self.autolinkText(s) == text
            {
                earlier += 1
            }
            sibling = cmark_node_previous(s)
        }
        let first = range(ofLine: Int(cmark_node_get_start_line(block))).lowerBound
        let last = range(ofLine: Int(cmark_node_get_end_line(block))).upperBound
        var from = first
        while let hit = find(text, in: from..<last) {
            if earlier == 0 { return location(of: hit) }
            earlier -= 1
            from = hit + 1
        }
        return nil
    }

    /// The text of a link that is only text (an autolink's), as bytes.
    private static func autolinkText(_ link: OpaquePointer) -> [UInt8]? {
        guard let child = cmark_node_first_child(link), cmark_node_next(child) == nil,
            cmark_node_get_type(child) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(child)
        else { return nil }
        let bytes = Array(
            UnsafeBufferPointer(
                start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self),
                count: strlen(literal)))
        return bytes.isEmpty ? nil : bytes
    }

    /// The 1-based line and byte column of a byte offset.
    private func location(of offset: Int) -> (Int, Int) {
        // The last line start at or before the offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }
}

/// Text of a line that a pass moved before parsing: from byte column `moved` of the parsed line
/// on, it was at `written` in the file (both 1-based).
struct ColumnShift: Equatable, Sendable {
    var moved: Int
    var written: Int

    /// The file's byte column of a column of the parsed line (the moved text's start for one
    /// before it: the marker the pass wrote there is not in the file).
    func original(_ column: Int) -> Int { column >= moved ? column - moved + written : written }
}
