import CCmark

#if canImport(Glibc)
    import Glibc
#endif

/// kramdown's block attribute lists and table of contents (`markdown: {kramdown: true}`), as
/// Jekyll sites write them:
///
///     ## Innehåll                  {: .no_toc } on the line after a block is that block's
///     {: .no_toc }                 (`.no_toc` also keeps a heading out of the page's contents);
///                                  on the line before one, the next block's
///     {: .note }
///     En anmärkning.               on a paragraph's first line, the paragraph's
///
///     1. TOC                       a one-item list with `{:toc}`: kramdown's table of contents,
///     {:toc}                       the page's headings as a list of links
enum KramdownBlocks {
    /// What a paragraph is to kramdown.
    enum Reading {
        /// Only an attribute list, for the block before it (or after it): the paragraph goes.
        case attributes(InlineAttributes, block: OpaquePointer, paragraph: OpaquePointer)
        /// An attribute list on its first line, for the paragraph itself (already cut from its text).
        case firstLine(InlineAttributes)
        /// The `{:toc}` of a one-item list: the list becomes the table of contents.
        case contents(list: OpaquePointer)
    }

    /// Reads a paragraph as it is entered, before its text is walked; nil when kramdown sees
    /// nothing in it.
    static func read(_ paragraph: OpaquePointer) -> Reading? {
        guard let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(first), literal[0] == 0x7B, literal[1] == 0x3A // {:
        else { return tableOfContents(paragraph) }
        let text = trimmed(bytes(literal))
        guard let attributes = InlineAttributes.parse(Array(text)) else { return nil }
        let next = cmark_node_next(first)
        if next == nil {
            let start = cmark_node_get_start_line(paragraph)
            let end = cmark_node_get_end_line(paragraph)
            if let before = cmark_node_previous(paragraph), cmark_node_get_end_line(before) + 1 == start {
                return .attributes(attributes, block: before, paragraph: paragraph)
            }
            if let after = cmark_node_next(paragraph), cmark_node_get_start_line(after) == end + 1 {
                return .attributes(attributes, block: after, paragraph: paragraph)
            }
            return nil
        }
        guard let lineBreak = next, cmark_node_get_type(lineBreak) == CMARK_NODE_SOFTBREAK else { return nil }
        cmark_node_set_literal(first, "")
        cmark_node_unlink(lineBreak)
        cmark_node_free(lineBreak)
        return .firstLine(attributes)
    }

    /// `{:toc}` as the last line of the only item of a list.
    private static func tableOfContents(_ paragraph: OpaquePointer) -> Reading? {
        guard let last = cmark_node_last_child(paragraph), cmark_node_get_type(last) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(last),
            trimmed(bytes(literal))
                .elementsEqual("{:toc}".utf8),
            let item = cmark_node_parent(paragraph), cmark_node_get_type(item) == CMARK_NODE_ITEM,
            let list = cmark_node_parent(item), cmark_node_first_child(list) == item, cmark_node_next(item) == nil
        else { return nil }
        var node = cmark_node_first_child(paragraph)
        while let n = node {
            if cmark_node_get_type(n) == CMARK_NODE_TEXT { cmark_node_set_literal(n, "") }
            node = cmark_node_next(n)
        }
        return .contents(list: list)
    }

    /// kramdown's table of contents: the page's headings (but those with `.no_toc`) as nested
    /// lists of links, as kramdown writes it (`id="markdown-toc"`; `attributes` of the outer list).
    static func contentsHTML(_ headings: [Heading], ordered: Bool, attributes: String = " id=\"markdown-toc\"")
        -> String
    {
        let tag = ordered ? "ol" : "ul"
        var html = ""
        var levels: [Int] = []
        for heading in headings where heading.inContents {
            if levels.isEmpty {
                html += "<\(tag)\(attributes)>\n<li>"
                levels = [heading.level]
            } else if heading.level > levels.last! {
                html += "\n<\(tag)>\n<li>"
                levels.append(heading.level)
            } else {
                while levels.count > 1 && heading.level < levels.last! {
                    html += "</li>\n</\(tag)>\n"
                    levels.removeLast()
                }
                html += "</li>\n<li>"
            }
            html += "<a href=\"#\(escapeAttribute(heading.id))\">\(escapeAttribute(heading.text))</a>"
        }
        for _ in levels { html += "</li>\n</\(tag)>\n" }
        return html
    }

    /// Whether a heading's attributes keep it out of the page's contents (kramdown's `.no_toc`).
    static func isLeftOutOfContents(_ attributes: InlineAttributes?) -> Bool {
        attributes?.classes.contains("no_toc") == true
    }

    private static func bytes(_ literal: UnsafePointer<CChar>) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
    }

    private static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        let start = bytes.firstIndex { !isBlank($0) } ?? bytes.endIndex
        let end = bytes.lastIndex { !isBlank($0) }.map { $0 + 1 } ?? start
        return bytes[start..<max(start, end)]
    }
}

/// kramdown's Markdown inside HTML (`<div class="exempel" markdown="1">`, also `"block"`): the
/// lines up to the closing tag are read as Markdown. CommonMark ends an HTML block only at a
/// blank line, so the blank line before the opening tag moves after it (the tag goes up a line,
/// every line of Markdown keeps its number); a closing tag at a line's start ends a paragraph by
/// itself. The `markdown` attribute, which is not HTML, becomes spaces wherever it is (in a
/// quote or a list the element's lines stay HTML).
enum KramdownHTML {
    static func apply(to source: inout [UInt8]) {
        var lines = source.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        var changed = false
        var fence: CodeFence? = nil
        for number in lines.indices {
            let line = lines[number]
            if let open = fence {
                if open.isClosed(by: line[...]) { fence = nil }
                continue
            }
            if let open = CodeFence(opening: line[...]) {
                fence = open
                continue
            }
            guard let attribute = markdownAttribute(in: line) else { continue }
            var tag = line
            tag.replaceSubrange(attribute, with: [UInt8](repeating: 0x20, count: attribute.count))
            lines[number] = tag
            changed = true
            // In a quote or a list the HTML stays HTML; at the margin its lines become Markdown.
            guard line.first == UInt8(ascii: "<"), number > 0,
                lines[number - 1].allSatisfy({ $0 == 0x20 || $0 == 0x09 }),
                number + 1 < lines.count, !lines[number + 1].allSatisfy({ $0 == 0x20 || $0 == 0x09 })
            else { continue }
            lines[number - 1] = tag
            lines[number] = []
        }
        if changed { source = Array(lines.joined(separator: [0x0A])) }
    }

    /// Where ` markdown="1"` (or `"block"`, `"span"`, `"0"`, in single quotes too) is in an
    /// opening tag that ends on its line.
    private static func markdownAttribute(in line: [UInt8]) -> Range<Int>? {
        guard let open = line.firstIndex(of: UInt8(ascii: "<")),
            let close = line[open...].firstIndex(of: UInt8(ascii: ">")),
            // In a code span (an odd number of backticks before it) it is code, shown as written.
            line[..<open].filter({ $0 == 0x60 }).count % 2 == 0
        else { return nil }
        let tag = line[open..<close]
        for value in ["\"1\"", "\"block\"", "\"span\"", "\"0\"", "'1'", "'block'", "'span'", "'0'"] {
            let written = Array(" markdown=\(value)".utf8)
            if let start = tag.firstRange(of: written) { return start }
        }
        return nil
    }
}

extension KramdownHTML {
    /// kramdown ends an HTML element at its closing tag, CommonMark's HTML block only at a blank
    /// line: `</div>` followed at once by a fence or text took them into the HTML (and the rest of
    /// the page was read from the middle of that fence). Each top-level HTML block is cut after
    /// the line that closes the element it opens, and the source after that line is read again as
    /// Markdown in place of the blocks after it (behind as many line breaks as stood before it, so
    /// its lines keep their numbers; with the page's link reference definitions after it).
    static func splitAtClosingTags(_ root: OpaquePointer, source: [UInt8], flags: Int32) {
        var definitions: [UInt8]? = nil
        var sourceLines: [ArraySlice<UInt8>]? = nil
        var node = cmark_node_first_child(root)
        while let block = node {
            node = cmark_node_next(block)
            guard cmark_node_get_type(block) == CMARK_NODE_HTML_BLOCK, let literal = cmark_node_get_literal(block)
            else { continue }
            let lines = Array(UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
                .split(separator: 0x0A, omittingEmptySubsequences: false)
            // A block that starts with a closing tag (`</div>` after a paragraph of Markdown in
            // HTML) is that tag alone.
            let closed = isClosingTag(lines[0]) ? 0 : openingTag(lines[0]).flatMap { closingLine(of: $0, in: lines) }
            guard let closing = closed,
                lines[(closing + 1)...].contains(where: { line in line.contains { $0 != 0x20 && $0 != 0x09 } })
            else { continue }
            cmark_node_set_literal(
                block, String(decoding: lines[...closing].joined(separator: [0x0A]) + [0x0A], as: UTF8.self))
            let firstLine = Int(cmark_node_get_start_line(block)) + closing + 1
            if sourceLines == nil { sourceLines = source.split(separator: 0x0A, omittingEmptySubsequences: false) }
            if definitions == nil { definitions = referenceDefinitions(in: source) }
            guard firstLine - 1 < sourceLines!.count else { continue }
            while let after = cmark_node_next(block) {
                cmark_node_unlink(after)
                cmark_node_free(after)
            }
            let fragment =
                [UInt8](repeating: 0x0A, count: firstLine - 1)
                + Array(sourceLines![(firstLine - 1)...].joined(separator: [0x0A])) + [0x0A, 0x0A] + definitions!
            let parsed = parseDocument(fragment, flags: flags)
            while let child = cmark_node_first_child(parsed) { cmark_node_append_child(root, child) }
            cmark_node_free(parsed)
            node = cmark_node_next(block)
        }
    }

    /// Whether the line is a closing tag alone (`</div>`).
    private static func isClosingTag(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.starts(with: [0x3C, 0x2F]), let end = line.firstIndex(of: 0x3E) else { return false }
        return line[(end + 1)...].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// `div` for a line that starts with `<div …>`.
    private static func openingTag(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard line.first == UInt8(ascii: "<") else { return nil }
        let name = line.dropFirst().prefix {
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39)
        }
        return name.isEmpty ? nil : name
    }

    /// The line (after the first) that is only the closing tag that ends the element the first
    /// line opens, counting elements of its name opened and closed on the way.
    private static func closingLine(of name: ArraySlice<UInt8>, in lines: [ArraySlice<UInt8>]) -> Int? {
        let open = [UInt8(ascii: "<")] + name
        let close = [UInt8(ascii: "<"), UInt8(ascii: "/")] + name
        var depth = 0
        for (index, line) in lines.enumerated() {
            depth +=
                line.ranges(of: open).filter { range in
                    range.upperBound == line.endIndex || [0x20, 0x3E, 0x09].contains(line[range.upperBound])
                }.count
            depth -= line.ranges(of: close).count
            if index > 0 && depth <= 0 {
                let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 }
                let tag = close + [UInt8(ascii: ">")]
                return trimmed.starts(with: tag) && trimmed.dropFirst(tag.count).allSatisfy { $0 == 0x20 || $0 == 0x09 }
                    ? index : nil
            }
        }
        return nil
    }

    /// The source's lines that may be link reference definitions (`[namn]: url`), for a part
    /// of the page read apart.
    private static func referenceDefinitions(in source: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for line in source.split(separator: 0x0A) {
            let text = line.drop { $0 == 0x20 }
            guard line.count - text.count < 4, text.first == UInt8(ascii: "["),
                let end = text.firstIndex(of: UInt8(ascii: "]")), text.index(after: end) < text.endIndex,
                text[text.index(after: end)] == UInt8(ascii: ":")
            else { continue }
            out += line
            out += [0x0A, 0x0A]
        }
        return out
    }
}

extension TreeWalk {
    /// Reads a paragraph as kramdown does (`KramdownBlocks`); true when that is all it is.
    mutating func readKramdown(_ paragraph: OpaquePointer) -> Bool {
        guard let reading = KramdownBlocks.read(paragraph) else { return false }
        let position = lines.position(of: paragraph)
        switch reading {
        case .attributes(let attributes, let block, let paragraph):
            cmark_node_set_literal(cmark_node_first_child(paragraph), "")
            removedBlocks.append(paragraph)
            if cmark_node_get_type(block) == CMARK_NODE_HEADING {
                if block == headings.last {
                    addToLastHeading(attributes, at: position)
                } else {
                    nextHeadingAttributes = InlineAttributesFound(
                        element: block, attributes: attributes, position: position)
                }
            } else if let earlier = inlineAttributes.firstIndex(where: { $0.element == block }) {
                // Lists before and after one block: one element, written once.
                inlineAttributes[earlier].attributes.merge(attributes)
            } else if cmark_node_get_start_line(block) > cmark_node_get_start_line(paragraph) {
                // Added when the block ends, after the elements inside it, which are written out first.
                nextBlockAttributes.append(
                    InlineAttributesFound(element: block, attributes: attributes, position: position))
            } else {
                inlineAttributes.append(
                    InlineAttributesFound(element: block, attributes: attributes, position: position))
            }
            return true
        case .firstLine(let attributes):
            paragraphAttributes = InlineAttributesFound(element: paragraph, attributes: attributes, position: position)
            return true
        case .contents(let list):
            contentsLists.append(list)
            return true
        }
    }

    /// Adds an attribute list to the last heading's (its id wins over one written in the heading).
    mutating func addToLastHeading(_ attributes: InlineAttributes, at position: SourcePosition) {
        var others = attributes
        others.id = nil
        var merged = headingAttributes[headingAttributes.count - 1] ?? HeadingAttribute(position: position)
        if let id = attributes.id { merged.id = id }
        if !others.classes.isEmpty || !others.pairs.isEmpty {
            var all = merged.others ?? InlineAttributes()
            all.merge(others)
            merged.others = all
        }
        headingAttributes[headingAttributes.count - 1] = merged
    }
}
