import CCmark

#if canImport(Glibc)
    import Glibc
#endif

/// Definition lists, as Hugo (goldmark), PHP Markdown Extra, Python-Markdown's `def_list` and
/// Pandoc write them: a term on a line of its own (several lines, several terms), then each of
/// its definitions on a line starting with `:` and a space, more lines of it indented.
///
///     Upphandling
///     : Att köpa in varor, tjänster eller byggentreprenader.
///
/// Before parsing, the `:` of each definition becomes `+`, the same width: cmark parses the
/// definitions as a bullet list, with any Markdown in them, every column where it was, and the
/// terms as the paragraph before it. After parsing, each such paragraph and list (known by the
/// lines the definitions start on) become `<dl>` with a `<dt>` per term line and a `<dd>` per
/// definition; pairs that follow each other make one list. A blank line before a definition, or
/// between two, puts its text in paragraphs, as goldmark does. Inside fenced code nothing is one.
struct DefinitionLists {
    /// The 1-based lines (of the text parsed) that start a definition.
    private(set) var definitionLines: Set<Int> = []

    init(source: inout [UInt8]) {
        var lines = source.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        var fence: CodeFence? = nil
        // The state of the line before: a term may be followed by a definition, a definition by
        // its indented lines and by another definition.
        var previous = Previous.other
        var blanks = 0
        for number in lines.indices {
            let line = lines[number][...]
            if let open = fence {
                if open.isClosed(by: line) { fence = nil }
                (previous, blanks) = (.other, 0)
                continue
            }
            if let open = CodeFence(opening: line) {
                fence = open
                (previous, blanks) = (.other, 0)
                continue
            }
            if line.isBlankLine {
                blanks += 1
                continue
            }
            defer { blanks = 0 }
            if previous != .other, blanks <= 1, let colon = Self.definitionColon(line) {
                lines[number][colon] = 0x2B // +
                definitionLines.insert(number + 1)
                previous = .definition
                continue
            }
            let indent = line.prefix { $0 == 0x20 }.count
            if previous == .definition && (blanks == 0 || indent >= 2) {
                continue // more of the definition: indented, or a lazy line right after it
            }
            previous = Self.canBeTerm(line) ? .term : .other
        }
        guard !definitionLines.isEmpty else { return }
        source = Array(lines.joined(separator: [0x0A]))
    }

    private enum Previous { case other, term, definition }

    /// True when some line of `source` starts with `:` after at most three spaces: one scan for
    /// the colons (far fewer than the lines), each looked at back to its line's start.
    static func mayApply(to source: [UInt8]) -> Bool {
        source.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 0x3A, bytes.count - offset) {
                let colon = base.distance(to: UnsafeRawPointer(found))
                var start = colon
                while start > 0 && colon - start < 3 && bytes[start - 1] == 0x20 { start -= 1 }
                if start == 0 || bytes[start - 1] == 0x0A { return true }
                offset = colon + 1
            }
            return false
        }
    }

    /// `: text` after at most three spaces: where the colon is.
    private static func definitionColon(_ line: ArraySlice<UInt8>) -> Int? {
        let text = line.drop { $0 == 0x20 }
        guard line.count - text.count <= 3, text.first == 0x3A, text.count > 2,
            text.dropFirst().first == 0x20 || text.dropFirst().first == 0x09,
            text.dropFirst(2).contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D })
        else { return nil }
        return text.startIndex
    }

    /// A line of text that can be a term: not indented as code, and no heading, quote, list item,
    /// table row or HTML.
    private static func canBeTerm(_ line: ArraySlice<UInt8>) -> Bool {
        let text = line.drop { $0 == 0x20 }
        guard line.count - text.count <= 3, let first = text.first else { return false }
        if [0x23, 0x3E, 0x7C, 0x3C, 0x3A].contains(first) { return false } // # > | < :
        if (first == 0x2D || first == 0x2A || first == 0x2B) && (text.count == 1 || text.dropFirst().first == 0x20) {
            return false
        }
        let digits = text.prefix { $0 >= 0x30 && $0 <= 0x39 }
        if !digits.isEmpty, let after = text.dropFirst(digits.count).first, after == 0x2E || after == 0x29 {
            return false
        }
        return true
    }

    /// Paragraphs moved into a `<dl>` whole, to be taken apart (`finish`) once the positions of
    /// what they hold have been read: cmark counts those from the paragraph's start.
    struct Paragraphs {
        /// Lines of terms, each to be a `<dt>`.
        var terms: [OpaquePointer] = []
        /// The text of tight definitions, to be bare text in its `<dd>` (as goldmark writes it).
        var tight: [OpaquePointer] = []

        /// Takes the paragraphs apart; the answer is the `<dt>` blocks made, in document order.
        @discardableResult
        func finish() -> [OpaquePointer] {
            var made: [OpaquePointer] = []
            for paragraph in terms {
                for term in DefinitionLists.lines(of: paragraph) {
                    cmark_node_insert_before(paragraph, term)
                    made.append(term)
                }
                cmark_node_free(paragraph)
            }
            for paragraph in tight {
                while let inline = cmark_node_first_child(paragraph) { cmark_node_insert_before(paragraph, inline) }
                cmark_node_free(paragraph)
            }
            return made
        }
    }

    /// Turns each paragraph followed by a list of definitions below `root` into a `<dl>`, its
    /// paragraphs still whole (`Paragraphs.finish` takes them apart).
    func apply(to root: OpaquePointer) -> Paragraphs {
        var paragraphs = Paragraphs()
        var lists: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)!
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_LIST
            else { continue }
            if let item = cmark_node_first_child(node), definitionLines.contains(Int(cmark_node_get_start_line(item))) {
                lists.append(node)
            }
        }
        cmark_iter_free(iterator)
        var current: OpaquePointer? = nil // the <dl> the last pair went into
        for list in lists {
            guard let terms = cmark_node_previous(list), cmark_node_get_type(terms) == CMARK_NODE_PARAGRAPH else {
                continue
            }
            // A blank line between the term and its first definition, or a loose list: paragraphs.
            let blankBefore = cmark_node_get_start_line(list) > cmark_node_get_end_line(terms) + 1
            let loose = cmark_node_get_list_tight(list) == 0 || blankBefore
            let dl: OpaquePointer
            if let current, cmark_node_next(current) == terms {
                dl = current
            } else {
                dl = Self.block("<dl>", "</dl>")
                cmark_node_insert_before(terms, dl)
            }
            cmark_node_append_child(dl, terms)
            paragraphs.terms.append(terms)
            // A definition's text followed by definitions of its own is their terms now.
            paragraphs.tight.removeAll { $0 == terms }
            // Items that are no definitions (a `+ item` right after one) stay a list, after it.
            while let item = cmark_node_first_child(list),
                definitionLines.contains(Int(cmark_node_get_start_line(item)))
            {
                let dd = Self.block("<dd>", "</dd>")
                while let child = cmark_node_first_child(item) {
                    if !loose && cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH { paragraphs.tight.append(child) }
                    cmark_node_append_child(dd, child)
                }
                cmark_node_append_child(dl, dd)
                cmark_node_free(item)
            }
            if cmark_node_first_child(list) == nil { cmark_node_free(list) }
            current = dl
        }
        return paragraphs
    }

    /// A paragraph's lines (split at its line breaks) as `<dt>` blocks of their inline nodes.
    fileprivate static func lines(of paragraph: OpaquePointer) -> [OpaquePointer] {
        var terms: [OpaquePointer] = []
        var term = block("<dt>", "</dt>")
        while let inline = cmark_node_first_child(paragraph) {
            let type = cmark_node_get_type(inline)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                cmark_node_free(inline)
                terms.append(term)
                term = block("<dt>", "</dt>")
            } else {
                cmark_node_append_child(term, inline)
            }
        }
        terms.append(term)
        return terms
    }

    private static func block(_ enter: String, _ exit: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }
}
