/// MkDocs' admonitions (Python-Markdown's `admonition` and pymdownx's `details`), as teams
/// bringing an MkDocs tree wrote them:
///
///     !!! warning "Sista dag"
///         The text, indented by four spaces.
///
///     ??? note "Closed until opened"      (???+ : open)
///     === "C"                             a content tab (pymdownx's tabbed); tabs in a row
///         The text of the tab.              make one set, `===!` starts another
///
/// Before parsing, each one becomes a block quote whose first line is a marker, so that cmark
/// parses its text as it parses any quote's (lists, code, nested admonitions) and `GFMAlerts`
/// turns it into a titled box. The four spaces of each line become `  > ` and a blank line
/// `  > `: the bytes of every line of text keep their place, and so does every column a
/// diagnostic reports. Inside fenced code nothing is changed. An admonition may stand where a
/// list item's text starts (`ListItemColumns`), as Python-Markdown reads one there.
struct MkDocsAdmonitions {
    /// One admonition: how it looks and what it says.
    struct Admonition: Equatable, Sendable {
        /// Its classes as written (`danger highlight`); the first is its type.
        var classes: [String]
        /// The title as written (Markdown, parsed with the page); nil for the type's own title,
        /// empty for none.
        var title: String?
        /// `???`: a `<details>` the reader opens; `???+`: one that starts open.
        var collapsible: Bool
        var open: Bool
        /// pymdownx's content tab (`=== "Title"`), when it is one.
        var tab: Tab? = nil

        /// A content tab: `===+` is the one shown first, `===!` starts a new set of tabs.
        struct Tab: Equatable, Sendable {
            var selected = false
            var startsSet = false
        }

        /// GitHub's alert kind whose colours it takes.
        var kind: String { Self.kinds[classes[0].lowercased()] ?? "note" }

        /// Material for MkDocs' types, by the GitHub alert they look like.
        private static let kinds: [String: String] = [
            "tip": "tip", "hint": "tip", "success": "tip", "check": "tip", "done": "tip",
            "important": "important",
            "warning": "warning", "attention": "warning", "bug": "warning",
            "caution": "caution", "danger": "caution", "error": "caution", "failure": "caution",
            "fail": "caution", "missing": "caution",
        ]
    }

    /// What the source marks each admonition's quote with: `[!kretslopp-admonition-3]`.
    static let markerPrefix = "kretslopp-admonition-"

    private(set) var admonitions: [Admonition] = []
    /// Where each title moved on its line, by 1-based line (`SourceLines.shifts`).
    private(set) var shifts: [Int: ColumnShift] = [:]
    /// Likely mistakes, as warnings at a 1-based line and column: a pymdownx block never closed
    /// (what follows it is inside), an admonition with no indented text (MkDocs shows it empty;
    /// here a paragraph right after it continues its first line, as in any block quote).
    private(set) var warnings: [(line: Int, column: Int, message: String, hint: String)] = []
    private var lines: [[UInt8]]
    /// The lines as the file has them: an outer admonition has rewritten an inner one's line (a
    /// tab became `  > `) by the time its title moves.
    private let written: [[UInt8]]

    /// Finds the admonitions of `source` and rewrites it for cmark.
    init(source: inout [UInt8]) {
        lines = source.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        written = lines
        rewrite(lines.indices, indent: 0)
        // A code group's fences go even when nothing else changed.
        guard !admonitions.isEmpty || lines != written else { return }
        source = Array(lines.joined(separator: [0x0A]))
    }

    /// Rewrites the admonitions that start at column `indent` of `range`'s lines (the text of an
    /// admonition at the level above, or the whole document), or inside a list item there.
    private mutating func rewrite(_ range: Range<Int>, indent: Int) {
        var items = ListItemColumns()
        // pymdownx's blocks and containers open here (`PyMdownBlocks`), by their fence, and
        // whether each is a box.
        var blocks: [(fence: Int, boxed: Bool)] = []
        // Where each of them starts, for the warning when one is never closed.
        var starts: [(line: Int, column: Int, text: String)] = []
        defer {
            for start in starts {
                warnings.append(
                    (
                        start.line, start.column, "'\(start.text)' is not closed, so all that follows it is inside it",
                        "end it with a line of \(start.text.prefix { $0 == "/" || $0 == ":" })"
                    ))
            }
        }
        // Fenced code, and the column of the item it is in (0: none).
        var fence: (code: CodeFence, column: Int)? = nil
        var index = range.lowerBound
        while index < range.upperBound {
            let line = lines[index].dropFirst(indent)
            if let open = fence {
                // Fenced code in a list item ends with the item, at a line indented less than its text.
                let endsItem = open.column > 0 && !line.isBlankLine && ListItemColumns.indentation(line) < open.column
                if !endsItem {
                    if open.code.isClosed(by: ListItemColumns.dropping(open.column, of: line)) { fence = nil }
                    index += 1
                    continue
                }
                fence = nil
            }
            guard let lead = items.read(line) else {
                index += 1
                continue
            }
            let text = ListItemColumns.dropping(lead, of: line)
            if lead < items.container,
                CodeFence(opening: text) != nil || PyMdownBlocks.start(text) != nil
                    || !blocks.isEmpty && PyMdownBlocks.end(text) != nil || lead == 0 && Self.admonition(line) != nil
            {
                items.close(rightOf: lead)
            }
            let container = items.container
            if lead >= container, let open = CodeFence(opening: ListItemColumns.dropping(container, of: line)) {
                fence = (open, container)
                index += 1
                continue
            }
            if lead >= container, lead < container + 4, lines[index].count >= indent {
                let prefix = lines[index].prefix(lines[index].count - text.count)
                if let start = PyMdownBlocks.start(text) {
                    let written = String(decoding: text, as: UTF8.self).trimmingBlanks
                    starts.append((index + 1, headerColumn(index), written))
                    if start.boxed {
                        index = rewrite(start, at: index, prefix: prefix, lead: indent + lead, upTo: range.upperBound)
                    } else {
                        lines[index] = Array(prefix)
                        index += 1
                    }
                    blocks.append((start.fence, start.boxed))
                    continue
                }
                if let fence = PyMdownBlocks.end(text), let innermost = blocks.lastIndex(where: { $0.fence == fence }) {
                    let boxes = blocks[innermost...].filter(\.boxed).count
                    lines[index] =
                        boxes == 0 ? Array(prefix) : PyMdownBlocks.closingLine(indent: prefix, closes: boxes)
                    blocks.removeSubrange(innermost...)
                    starts.removeSubrange(innermost...)
                    index += 1
                    continue
                }
            }
            guard lines[index].count >= indent, let (admonition, column) = Self.admonition(line, lead, in: container)
            else {
                index += 1
                continue
            }
            index = rewrite(admonition, at: index, column: indent + column, upTo: range.upperBound)
        }
    }

    /// The admonition a line starts, and its column: at the start of the line, or where the text
    /// of the list item it is in starts (Material's docs put tabs in numbered steps). Indented
    /// four columns past either, the line is indented code.
    private static func admonition(
        _ line: ArraySlice<UInt8>, _ lead: Int, in container: Int
    ) -> (Admonition, column: Int)? {
        if lead == 0 { return admonition(line).map { ($0, 0) } }
        // Only spaces before it: a tab's columns are not its bytes.
        guard container > 0, lead >= container, lead < container + 4, !line.prefix(lead).contains(0x09) else {
            return nil
        }
        return admonition(line.dropFirst(lead)).map { ($0, lead) }
    }

    /// Rewrites the first line of a pymdownx block or a container (at `index`, its fence after
    /// `prefix`, at byte `lead`) and the options indented under a block's; returns the line after them.
    private mutating func rewrite(
        _ start: PyMdownBlocks.Start, at index: Int, prefix: ArraySlice<UInt8>, lead: Int, upTo limit: Int
    ) -> Int {
        var admonition = start.admonition
        var next = index + 1
        // Options are pymdownx's; a container's indented first line is its text (code, say).
        while start.fence > 0, next < limit {
            let line = lines[next].dropFirst(lead)
            guard lines[next].count > lead, !line.isBlankLine, ListItemColumns.indentation(line) >= 4,
                PyMdownBlocks.readOption(line.drop { $0 == 0x20 || $0 == 0x09 }, into: &admonition)
            else { break }
            lines[next] = Array(lines[next].prefix(lead))
            next += 1
        }
        lines[index] = PyMdownBlocks.openingLine(
            indent: prefix, marker: Self.markerPrefix + String(admonitions.count), title: admonition.title)
        noteTitleShift(admonition.title, line: index)
        admonitions.append(admonition)
        return next
    }

    /// The column where the first line of an admonition or block starts, as the file has it (what
    /// comes before it is its indentation).
    private func headerColumn(_ index: Int) -> Int {
        written[index].prefix { $0 == 0x20 || $0 == 0x09 }.count + 1
    }

    /// Notes where a title moved on line `index` (0-based): it is the last of the written line's
    /// text with those bytes, and it ends the rewritten line's text after the marker.
    private mutating func noteTitleShift(_ title: String?, line index: Int) {
        guard let title, !title.isEmpty else { return }
        let bytes = Array(title.utf8)
        guard let from = written[index].lastRange(of: bytes), let to = lines[index].lastRange(of: bytes),
            from.lowerBound != to.lowerBound
        else { return }
        shifts[index + 1] = ColumnShift(moved: to.lowerBound + 1, written: from.lowerBound + 1)
    }

    /// Rewrites the admonition whose first line is `index`, at byte `column` of its lines, and
    /// the admonitions in it; returns the line after it.
    private mutating func rewrite(_ admonition: Admonition, at index: Int, column: Int, upTo limit: Int) -> Int {
        var end = index + 1
        var last = index
        while end < limit {
            let next = lines[end].dropFirst(column)
            if next.isBlankLine {
                end += 1
            } else if Self.isIndented(next) {
                last = end
                end += 1
            } else {
                break
            }
        }
        let body = (index + 1)..<(last + 1)
        if body.isEmpty {
            let written = String(decoding: lines[index].dropFirst(column), as: UTF8.self).trimmingBlanks
            warnings.append(
                (
                    index + 1, headerColumn(index), "'\(written)' has no indented text: MkDocs would show it empty",
                    "indent the lines that belong in it by four spaces"
                ))
        }
        // A title is Markdown (MkDocs renders it so): it follows the marker on its line.
        let title = admonition.title.map { $0.isEmpty ? "" : " " + $0 } ?? ""
        let marker = Array("> [!\(Self.markerPrefix)\(admonitions.count)]\(title)".utf8)
        lines[index] = Array(lines[index].prefix(column)) + marker
        noteTitleShift(admonition.title, line: index)
        admonitions.append(admonition)
        for number in body {
            var line = lines[number]
            if line.count < column { line += [UInt8](repeating: 0x20, count: column - line.count) }
            let rest = line[column...]
            let quote: [UInt8] = [0x20, 0x20, 0x3E, 0x20] // "  > "
            if rest.isBlankLine {
                lines[number] = Array(line.prefix(column)) + quote
            } else {
                // Four spaces, or a tab (which stands for them).
                let width = rest.first == 0x09 ? 1 : 4
                lines[number] = Array(line.prefix(column)) + quote + Array(rest.dropFirst(width))
            }
        }
        rewrite(body, indent: column + 4)
        return last + 1
    }

    /// `!!! type "title"`, `??? type`, `???+ type classes "title"` (the title may be `""`).
    private static func admonition(_ line: ArraySlice<UInt8>) -> Admonition? {
        let text = String(decoding: line, as: UTF8.self)
        if text.hasPrefix("===") { return tab(text.dropFirst(3)) }
        let collapsible: Bool
        let open: Bool
        var rest: Substring
        if text.hasPrefix("!!!") {
            (collapsible, open, rest) = (false, false, text.dropFirst(3))
        } else if text.hasPrefix("???+") {
            (collapsible, open, rest) = (true, true, text.dropFirst(4))
        } else if text.hasPrefix("???") {
            (collapsible, open, rest) = (true, false, text.dropFirst(3))
        } else {
            return nil
        }
        while rest.last == " " || rest.last == "\t" || rest.last == "\r" { rest.removeLast() }
        var title: String? = nil
        if rest.last == "\"", let quote = rest.dropLast().firstIndex(of: "\"") {
            title = String(rest[rest.index(after: quote)..<rest.index(before: rest.endIndex)])
            rest = rest[..<quote]
        }
        let classes = rest.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let type = classes.first,
            classes.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }),
            type.first?.isLetter == true
        else { return nil }
        return Admonition(classes: classes, title: title, collapsible: collapsible, open: open)
    }

    /// `=== "Title"`, `===+ "Title"`, `===! "Title"` (after the `===`): a content tab, whose
    /// title is required.
    private static func tab(_ text: Substring) -> Admonition? {
        var tab = Admonition.Tab()
        var rest = text
        if rest.first == "+" {
            tab.selected = true
            rest = rest.dropFirst()
        } else if rest.first == "!" {
            tab.startsSet = true
            rest = rest.dropFirst()
        }
        guard rest.first == " " || rest.first == "\t" else { return nil }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        while rest.last == " " || rest.last == "\t" || rest.last == "\r" { rest.removeLast() }
        guard rest.count >= 3, rest.first == "\"", rest.last == "\"" else { return nil }
        let title = String(rest.dropFirst().dropLast())
        guard !title.isEmpty else { return nil }
        return Admonition(classes: ["tab"], title: title, collapsible: false, open: false, tab: tab)
    }

    /// Four spaces or a tab: a line of an admonition's text.
    private static func isIndented(_ line: ArraySlice<UInt8>) -> Bool {
        line.first == 0x09 || line.prefix(4).elementsEqual([0x20, 0x20, 0x20, 0x20])
    }
}

extension Array where Element == UInt8 {
    /// The last place `bytes` occur.
    fileprivate func lastRange(of bytes: [UInt8]) -> Range<Int>? {
        guard !bytes.isEmpty, bytes.count <= count else { return nil }
        for start in stride(from: count - bytes.count, through: 0, by: -1)
        where self[start..<(start + bytes.count)].elementsEqual(bytes) {
            return start..<(start + bytes.count)
        }
        return nil
    }
}
