import CCmark

/// Footnotes as cmark-gfm renders them: `[^label]` references become numbered links
/// (`<sup class="footnote-ref">`), in order of first reference, and the definitions
/// `[^label]: text` (with indented continuation lines) a `<section class="footnotes">` at the end.
///
/// libcmark would read a definition as a link reference definition, so definitions are taken
/// out of the source lines before parsing (outside fenced code; the lines stay, empty, so line
/// numbers hold) and each is parsed as a document of its own when it is referenced. A reference
/// without a definition stays text; a definition without a reference is dropped.
struct GFMFootnotes {
    struct Definition {
        /// The definition's text as a document, its first line at its source line.
        var text: [UInt8]
        var number = 0
        var references = 0
    }

    private(set) var definitions: [String: Definition] = [:]
    /// Labels in order of first reference.
    private(set) var order: [String] = []
    /// Put before every id (`fn1`, `fnref1`), so several documents can share one page.
    let idPrefix: String

    /// Takes the definitions out of `source`; nil when it has none.
    init?(source: inout [UInt8], idPrefix: String) {
        self.idPrefix = idPrefix
        let lines = SourceLines(lineOffset: 0, source: source)
        var blank: [Range<Int>] = []
        var fence: CodeFence?
        var number = 1
        while number <= lines.lineCount {
            let line = lines.source[lines.range(ofLine: number)]
            let indent = Self.indentation(line)
            let body = line.dropFirst(min(indent.bytes, line.count))
            if let open = fence {
                if open.isClosed(by: line) { fence = nil }
                number += 1
                continue
            }
            if let open = CodeFence(opening: line) {
                fence = open
                number += 1
                continue
            }
            guard indent.columns < 4, let (label, contentStart) = Self.definitionStart(body) else {
                number += 1
                continue
            }
            var content = body[contentStart...]
            while let first = content.first, first == 0x20 || first == 0x09 { content = content.dropFirst() }
            var text = [UInt8](repeating: 0x0A, count: number - 1)
            text += content
            text.append(0x0A)
            // Continuation: lines indented four columns (blank lines between them), and lazy
            // paragraph lines right after text.
            var last = number
            var next = number + 1
            var lastHasText = !content.isEmpty
            while next <= lines.lineCount {
                let candidate = lines.source[lines.range(ofLine: next)]
                let candidateIndent = Self.indentation(candidate)
                if candidateIndent.bytes == candidate.count {
                    next += 1
                    continue
                }
                let lazy =
                    next == last + 1 && lastHasText && candidateIndent.columns < 4
                    && !Self.startsBlock(candidate.dropFirst(candidateIndent.bytes))
                guard candidateIndent.columns >= 4 || lazy else { break }
                text += [UInt8](repeating: 0x0A, count: next - last - 1)
                text += Self.dedented(candidate)
                text.append(0x0A)
                lastHasText = true
                last = next
                next += 1
            }
            let key = Self.normalized(label)
            if definitions[key] == nil { definitions[key] = Definition(text: text) }
            blank.append(lines.range(ofLine: number).lowerBound..<lines.range(ofLine: last).upperBound)
            number = last + 1
        }
        guard !blank.isEmpty else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(source.count)
        var position = 0
        for range in blank {
            result += source[position..<range.lowerBound]
            // Keep the line breaks only.
            for byte in source[range] where byte == 0x0A { result.append(byte) }
            position = range.upperBound
        }
        result += source[position...]
        source = result
    }

    private static func indentation(_ line: ArraySlice<UInt8>) -> (bytes: Int, columns: Int) {
        var bytes = 0
        var columns = 0
        for byte in line {
            if byte == 0x20 { columns += 1 } else if byte == 0x09 { columns += 4 - columns % 4 } else { break }
            bytes += 1
        }
        return (bytes, columns)
    }

    /// The label and where the content starts, when `body` begins `[^label]:`.
    private static func definitionStart(_ body: ArraySlice<UInt8>) -> (String, Int)? {
        guard body.count >= 5, body.first == UInt8(ascii: "["),
            body[body.startIndex + 1] == UInt8(ascii: "^")
        else { return nil }
        var index = body.startIndex + 2
        while index < body.endIndex {
            let byte = body[index]
            if byte == UInt8(ascii: "]") { break }
            if byte == 0x20 || byte == 0x09 { return nil }
            index += 1
        }
        guard index > body.startIndex + 2, index + 1 < body.endIndex,
            body[index + 1] == UInt8(ascii: ":")
        else { return nil }
        return (String(decoding: body[(body.startIndex + 2)..<index], as: UTF8.self), index + 2)
    }

    /// Whether a line would start a block of its own instead of continuing a paragraph.
    private static func startsBlock(_ body: ArraySlice<UInt8>) -> Bool {
        guard let first = body.first else { return true }
        let second = body.dropFirst().first
        switch first {
        case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "`"), UInt8(ascii: "~"),
            UInt8(ascii: "="):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "_"):
            return second == nil || second == 0x20 || second == 0x09 || second == first
        case UInt8(ascii: "["):
            return second == UInt8(ascii: "^")
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            let rest = body.drop(while: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            return rest.first == UInt8(ascii: ".") || rest.first == UInt8(ascii: ")")
        default:
            return false
        }
    }

    /// A continuation line without the footnote's four columns of indentation.
    private static func dedented(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        if line.first == 0x09 { return line.dropFirst() }
        return line.dropFirst(line.prefix(4).prefix(while: { $0 == 0x20 }).count)
    }

    static func normalized(_ label: String) -> String {
        label.lowercased()
    }

    // MARK: References

    /// Replaces the `[^label]` references among a container's inline children.
    mutating func replaceReferences(in container: OpaquePointer) {
        // `[^note]` is three text nodes to libcmark (`[`, `^note`, `]`).
        forEachTextRun(in: container, containing: [UInt8(ascii: "^")]) { nodes, bytes in
            guard bytes.count >= 4 else { return }
            var replacement: [OpaquePointer] = []
            var position = 0
            var index = 0
            while index + 3 < bytes.count {
                guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^"),
                    let close = bytes[(index + 2)...].firstIndex(where: {
                        $0 == UInt8(ascii: "]") || $0 == 0x20 || $0 == 0x09 || $0 == 0x0A
                    }),
                    bytes[close] == UInt8(ascii: "]"), close > index + 2
                else {
                    index += 1
                    continue
                }
                let key = Self.normalized(String(decoding: bytes[(index + 2)..<close], as: UTF8.self))
                guard var definition = definitions[key] else {
                    index = close + 1
                    continue
                }
                if definition.number == 0 {
                    order.append(key)
                    definition.number = order.count
                }
                definition.references += 1
                definitions[key] = definition
                if position < index { replacement.append(makeText(bytes[position..<index])) }
                let id =
                    definition.references == 1
                    ? "\(idPrefix)fnref\(definition.number)"
                    : "\(idPrefix)fnref\(definition.number)-\(definition.references)"
                replacement.append(
                    makeCustomInline(
                        "<sup class=\"footnote-ref\"><a href=\"#\(idPrefix)fn\(definition.number)\" "
                            + "id=\"\(id)\">\(definition.number)</a></sup>",
                        ""))
                index = close + 1
                position = index
            }
            guard !replacement.isEmpty else { return }
            if position < bytes.count { replacement.append(makeText(bytes[position...])) }
            replaceRun(nodes, with: replacement)
        }
    }

    // MARK: The footnotes section

    /// The `<section class="footnotes">` of every referenced definition, in order; nil when
    /// nothing was referenced. `prepare` runs the block passes over each definition's document
    /// and returns its inline containers (references in footnotes are numbered as they come).
    mutating func section(flags: Int32, prepare: (OpaquePointer, [UInt8]) -> [OpaquePointer]) -> OpaquePointer? {
        guard !order.isEmpty else { return nil }
        let section = makeCustomBlock("<section class=\"footnotes\">\n<ol>", "</ol>\n</section>")
        var items: [(node: OpaquePointer, key: String)] = []
        var index = 0
        while index < order.count {
            let key = order[index]
            index += 1
            guard let definition = definitions[key] else { continue }
            let document = parseDocument(definition.text, flags: flags)
            for container in prepare(document, definition.text) { replaceReferences(in: container) }
            let number = definition.number
            let item = makeCustomBlock("<li id=\"\(idPrefix)fn\(number)\">", "</li>")
            moveChildren(from: document, to: item)
            cmark_node_free(document)
            cmark_node_append_child(section, item)
            items.append((item, key))
        }
        // Back-references last: references in footnotes count too.
        for (item, key) in items {
            let number = definitions[key]?.number ?? 0
            let references = definitions[key]?.references ?? 1
            var backReferences = "<a href=\"#\(idPrefix)fnref\(number)\" class=\"footnote-backref\">↩</a>"
            if references > 1 {
                for extra in 2...references {
                    backReferences +=
                        " <a href=\"#\(idPrefix)fnref\(number)-\(extra)\" "
                        + "class=\"footnote-backref\">↩<sup>\(extra)</sup></a>"
                }
            }
            if let last = cmark_node_last_child(item), cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH {
                cmark_node_append_child(last, makeCustomInline(" " + backReferences, ""))
            } else {
                cmark_node_append_child(item, makeCustomBlock(backReferences, ""))
            }
        }
        return section
    }
}
