import CCmark

/// Pipe tables (GFM spec section 4.10) over libcmark's tree.
///
/// libcmark never starts a block at a table row, so every table lies inside one paragraph (or a
/// setext heading, when `---` follows the table directly): the
/// paragraph's source lines are read again (container prefixes `>` and indentation removed), a
/// header row followed by a delimiter row starts a table, and the lines before it stay a
/// paragraph. Cells are parsed as Markdown of their own, so the delimiter row never passes
/// through smart punctuation.
struct GFMTables {
    let lines: SourceLines
    let flags: Int32
    /// The document's link reference definitions as source text, appended to each cell's
    /// document so `[text][ref]` in a cell finds its target.
    let referenceDefinitions: [UInt8]
    /// `style="text-align: …"` instead of `align="…"`.
    let alignmentStyle: Bool

    /// Makes the tables; returns, for each table with an empty header cell, the header's line,
    /// the first such cell's character column (line offset 0) and how many of its columns are
    /// empty: axe reports such a table (a screen reader names a column's cells by its header).
    @discardableResult
    func apply(to root: OpaquePointer) -> [(position: SourcePosition, empty: Int, columns: Int)] {
        var paragraphs: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)!
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            // A table with `---` or `===` right below it is a setext heading to libcmark.
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING,
                cmark_node_get_end_line(node) > cmark_node_get_start_line(node)
            {
                paragraphs.append(node)
            }
        }
        cmark_iter_free(iterator)
        return paragraphs.compactMap(convert)
    }

    /// One line of a paragraph with its container prefix removed, and where it starts.
    private struct Line {
        var number: Int
        var bytes: ArraySlice<UInt8>
    }

    private func paragraphLines(_ paragraph: OpaquePointer) -> [Line] {
        let first = Int(cmark_node_get_start_line(paragraph))
        let last = Int(cmark_node_get_end_line(paragraph))
        var quotes = 0
        var ancestor = cmark_node_parent(paragraph)
        while let node = ancestor {
            if cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE { quotes += 1 }
            ancestor = cmark_node_parent(node)
        }
        var result: [Line] = []
        for number in first...last {
            let range = lines.range(ofLine: number)
            var start = range.lowerBound
            if number == first {
                start = min(range.upperBound, start + max(0, Int(cmark_node_get_start_column(paragraph)) - 1))
            } else {
                // Continuation lines: leading whitespace is insignificant in a paragraph, and
                // each enclosing block quote may have its `>` on the line (or not: lazy lines).
                func skipSpace() {
                    while start < range.upperBound && (lines.source[start] == 0x20 || lines.source[start] == 0x09) {
                        start += 1
                    }
                }
                skipSpace()
                for _ in 0..<quotes where start < range.upperBound && lines.source[start] == UInt8(ascii: ">") {
                    start += 1
                    skipSpace()
                }
            }
            result.append(Line(number: number, bytes: lines.source[start..<range.upperBound]))
        }
        return result
    }

    /// Makes the table of `paragraph`, if it has one; the table's empty header cells, if any.
    private func convert(_ paragraph: OpaquePointer) -> (position: SourcePosition, empty: Int, columns: Int)? {
        var paragraphLines = paragraphLines(paragraph)
        // A setext heading's last line is its underline: after a table it is a thematic break
        // (`---`) or one more row (`===`), as cmark-gfm reads it.
        var underline: Line?
        if cmark_node_get_type(paragraph) == CMARK_NODE_HEADING {
            // The underline is the first line of only `-` or `=` (libcmark's end line for a
            // setext heading is the line after it).
            func isUnderline(_ line: Line) -> Bool {
                let marks = line.bytes.filter { $0 != 0x20 && $0 != 0x09 }
                return !marks.isEmpty
                    && (marks.allSatisfy { $0 == UInt8(ascii: "-") } || marks.allSatisfy { $0 == UInt8(ascii: "=") })
            }
            guard let index = paragraphLines.indices.dropFirst().first(where: { isUnderline(paragraphLines[$0]) }),
                index >= 2
            else { return nil }
            underline = paragraphLines[index]
            paragraphLines.removeSubrange(index...)
        }
        var headerIndex: Int?
        var alignments: [Alignment] = []
        var header: [Cell] = []
        for index in 1..<paragraphLines.count {
            guard paragraphLines[index].bytes.contains(UInt8(ascii: "-")),
                let delimiter = delimiterRow(paragraphLines[index].bytes)
            else { continue }
            let cells = splitRow(paragraphLines[index - 1].bytes)
            if cells.count == delimiter.count {
                headerIndex = index - 1
                alignments = delimiter
                header = cells
                break
            }
        }
        guard let headerIndex else { return nil }
        let columns = header.count
        var rows: [(line: Int, cells: [Cell])] = []
        var bodyLines = Array(paragraphLines[(headerIndex + 2)...])
        if let underline, underline.bytes.contains(UInt8(ascii: "=")) { bodyLines.append(underline) }
        for line in bodyLines {
            var cells = splitRow(line.bytes)
            if cells.count > columns { cells.removeLast(cells.count - columns) }
            while cells.count < columns { cells.append(Cell(bytes: [], offset: line.bytes.endIndex)) }
            rows.append((line.number, cells))
        }

        // One document holds every cell, each as the continuation line of a paragraph "x": an
        // indented continuation line can start no block, so `1. text` in a cell stays text.
        var text: [UInt8] = []
        let allCells = header + rows.flatMap(\.cells)
        for cell in allCells {
            text += Array("x\n    ".utf8)
            text += cell.bytes
            text += [0x0A, 0x0A]
        }
        text += referenceDefinitions
        let document = parseDocument(text, flags: flags)
        defer { cmark_node_free(document) }
        var cellParagraphs: [OpaquePointer] = []
        var child = cmark_node_first_child(document)
        while let node = child, cellParagraphs.count < allCells.count {
            guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH else { return nil }
            cellParagraphs.append(node)
            child = cmark_node_next(node)
        }
        guard cellParagraphs.count == allCells.count else { return nil }

        let table = makeCustomBlock("<table>", "</table>")
        let headerLine = paragraphLines[headerIndex]
        let head = makeCustomBlock("<thead>", "</thead>")
        cmark_node_append_child(table, head)
        var next = 0
        func appendRow(_ cells: [Cell], line: Line, to section: OpaquePointer, tag: String) {
            let row = makeCustomBlock("<tr>", "</tr>")
            setSourcePosition(row, line: line.number, column: columnOf(line.bytes.startIndex, line: line.number))
            for (column, cell) in cells.enumerated() {
                let align = alignments[column].attribute(style: alignmentStyle)
                let node = makeCustomInline("<\(tag)\(align)>", "</\(tag)>\n")
                setSourcePosition(node, line: line.number, column: columnOf(cell.offset, line: line.number))
                let source = cellParagraphs[next]
                next += 1
                // Drop the "x" and the line break after it.
                for _ in 0..<2 {
                    if let first = cmark_node_first_child(source) { cmark_node_free(first) }
                }
                moveChildren(from: source, to: node)
                if cell.bytes.contains(UInt8(ascii: "[")) || cell.bytes.contains(UInt8(ascii: "<")) {
                    markLinks(in: node, line: line.number, column: columnOf(cell.offset, line: line.number))
                }
                cmark_node_append_child(row, node)
            }
            cmark_node_append_child(section, row)
        }
        appendRow(header, line: headerLine, to: head, tag: "th")
        if !rows.isEmpty {
            let body = makeCustomBlock("<tbody>", "</tbody>")
            for (offset, row) in rows.enumerated() {
                appendRow(row.cells, line: bodyLines[offset], to: body, tag: "td")
            }
            cmark_node_append_child(table, body)
        }
        setSourcePosition(
            table, line: headerLine.number, column: columnOf(headerLine.bytes.startIndex, line: headerLine.number))

        if headerIndex > 0, let before = leadingParagraph(paragraphLines[..<headerIndex]) {
            cmark_node_insert_before(paragraph, before)
        }
        cmark_node_insert_before(paragraph, table)
        if let underline, !underline.bytes.contains(UInt8(ascii: "=")) {
            cmark_node_insert_before(paragraph, cmark_node_new(CMARK_NODE_THEMATIC_BREAK)!)
        }
        cmark_node_free(paragraph)
        let empty = header.filter { $0.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        guard let first = empty.first else { return nil }
        return (
            lines.position(line: headerLine.number, byteColumn: columnOf(first.offset, line: headerLine.number)),
            empty.count, columns
        )
    }

    /// Links parsed in a cell's own document carry that document's lines: give them the cell's.
    private func markLinks(in cell: OpaquePointer, line: Int, column: Int) {
        let iterator = cmark_iter_new(cell)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                setSourcePosition(node, line: line, column: column)
            }
        }
    }

    private func columnOf(_ offset: Int, line: Int) -> Int {
        offset - lines.range(ofLine: line).lowerBound + 1
    }

    /// The lines before a table's header, parsed again as the paragraph they were (reference
    /// definitions at its start included), at their own line numbers.
    private func leadingParagraph(_ paragraphLines: ArraySlice<Line>) -> OpaquePointer? {
        guard let first = paragraphLines.first else { return nil }
        var text = [UInt8](repeating: 0x0A, count: first.number - 1)
        for line in paragraphLines {
            if line.number != first.number { text += Array("    ".utf8) }
            text += line.bytes
            text.append(0x0A)
        }
        text.append(0x0A)
        text += referenceDefinitions
        let document = parseDocument(text, flags: flags)
        defer { cmark_node_free(document) }
        guard let paragraph = cmark_node_first_child(document),
            cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return nil }
        cmark_node_unlink(paragraph)
        return paragraph
    }

    enum Alignment {
        case none, left, center, right
        func attribute(style: Bool) -> String {
            let name: String
            switch self {
            case .none: return ""
            case .left: name = "left"
            case .center: name = "center"
            case .right: name = "right"
            }
            return style ? " style=\"text-align: \(name)\"" : " align=\"\(name)\""
        }
    }

    struct Cell {
        /// The cell's text, trimmed, with `\|` unescaped.
        var bytes: [UInt8]
        /// Where the cell starts in the source.
        var offset: Int
    }

    /// A delimiter row's alignments (`:--`, `:-:`, `--:`), or nil when `line` is not one.
    func delimiterRow(_ line: ArraySlice<UInt8>) -> [Alignment]? {
        let cells = splitRow(line)
        guard !cells.isEmpty else { return nil }
        var result: [Alignment] = []
        for cell in cells {
            var bytes = cell.bytes[...]
            let left = bytes.first == UInt8(ascii: ":")
            if left { bytes = bytes.dropFirst() }
            let right = bytes.last == UInt8(ascii: ":")
            if right { bytes = bytes.dropLast() }
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return result
    }

    /// A row's cells: split at unescaped `|`, the leading and trailing pipe optional.
    func splitRow(_ line: ArraySlice<UInt8>) -> [Cell] {
        var start = line.startIndex
        var end = line.endIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        while start < end && isSpace(line[start]) { start += 1 }
        while end > start && isSpace(line[end - 1]) { end -= 1 }
        if start < end && line[start] == UInt8(ascii: "|") { start += 1 }
        var cells: [Cell] = []
        var cellStart = start
        var index = start
        func addCell(until cellEnd: Int) {
            var from = cellStart
            var to = cellEnd
            while from < to && isSpace(line[from]) { from += 1 }
            while to > from && isSpace(line[to - 1]) { to -= 1 }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(to - from)
            var i = from
            while i < to {
                if line[i] == UInt8(ascii: "\\") && i + 1 < to && line[i + 1] == UInt8(ascii: "|") {
                    i += 1
                    continue
                }
                bytes.append(line[i])
                i += 1
            }
            cells.append(Cell(bytes: bytes, offset: from))
        }
        while index < end {
            let byte = line[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                addCell(until: index)
                cellStart = index + 1
            }
            index += 1
        }
        // A trailing pipe closes the last cell instead of opening an empty one.
        if cellStart < end || (cellStart == end && cells.isEmpty && end > line.startIndex && start < end) {
            addCell(until: min(end, line.endIndex))
        }
        return cells
    }
}
