import CCmark
import Foundation

/// `{#id}` at the end of a heading's text, as kramdown, Pandoc and Hugo read it: the id the
/// heading gets instead of one made from its text. Python-Markdown's and goldmark's attribute
/// lists are read too (`{ #id }`, `{: #id .class }`, `{.class data-toc-label="Kort"}`): their
/// classes and attributes go on the heading as `InlineAttributes` allows them.
struct HeadingAttribute {
    /// The id as written after `#`; nil when the list sets none (the heading's text makes it).
    var id: String?
    /// The list's classes and other attributes (its id is `id`).
    var others: InlineAttributes?
    /// Where the `{` is.
    var position: SourcePosition

    /// Finds the attribute at the end of a heading and removes it from the heading's text
    /// (the text nodes keep their place, so a walk over the tree can go on); nil when there is none.
    static func take(from heading: OpaquePointer, lines: SourceLines) -> HeadingAttribute? {
        // The last text node is on the heading's last line of text (an ATX heading has one line).
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT else {
            return nil
        }
        let line = Int(cmark_node_get_start_line(last))
        guard line > 0 else { return nil }
        let isATX = cmark_node_get_start_line(heading) == cmark_node_get_end_line(heading)
        guard let (open, close) = find(in: lines.range(ofLine: line), of: lines.source, closingHashes: isATX),
            var attribute = attribute(Array(lines.source[open...close])),
            removeFromText(heading)
        else { return nil }
        let start = lines.range(ofLine: line).lowerBound
        attribute.position = lines.position(line: line, byteColumn: open - start + 1)
        return attribute
    }

    /// `{…}`: an attribute list, or `{#` and an id as written (a wrong one is reported by
    /// `HeadingSlugger.ids`); nil for anything else, which stays text.
    private static func attribute(_ braces: [UInt8]) -> HeadingAttribute? {
        if var others = InlineAttributes.parse(braces) {
            let id = others.id
            others.id = nil
            let hasOthers = !others.classes.isEmpty || !others.pairs.isEmpty
            return HeadingAttribute(
                id: id, others: hasOthers ? others : nil, position: SourcePosition(line: 0, column: 0))
        }
        guard braces.dropFirst().first == UInt8(ascii: "#") else { return nil }
        return HeadingAttribute(
            id: String(decoding: braces.dropFirst(2).dropLast(), as: UTF8.self),
            position: SourcePosition(line: 0, column: 0))
    }

    /// The offsets of `{` and `}` of a `{…}` ending the line (before an ATX heading's closing
    /// `#`s), not escaped and with no braces inside.
    static func find(in range: Range<Int>, of source: [UInt8], closingHashes: Bool) -> (Int, Int)? {
        var end = range.upperBound
        func trimSpaces() {
            while end > range.lowerBound && (source[end - 1] == 0x20 || source[end - 1] == 0x09) { end -= 1 }
        }
        trimSpaces()
        if closingHashes {
            var hashes = end
            while hashes > range.lowerBound && source[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
            // A closing sequence follows a space (`## A {#a} ##`); `{#a}#` has none.
            if hashes < end && hashes > range.lowerBound && (source[hashes - 1] == 0x20 || source[hashes - 1] == 0x09) {
                end = hashes
                trimSpaces()
            }
        }
        guard end > range.lowerBound, source[end - 1] == UInt8(ascii: "}") else { return nil }
        let close = end - 1
        var open = close - 1
        while open > range.lowerBound && source[open] != UInt8(ascii: "{") && source[open] != UInt8(ascii: "}") {
            open -= 1
        }
        guard open >= range.lowerBound, source[open] == UInt8(ascii: "{"), open + 1 < close else { return nil }
        if open > range.lowerBound && source[open - 1] == UInt8(ascii: "\\") { return nil }
        return (open, close)
    }

    /// Cuts the text from the last `{` on; false (and nothing changed) when the heading's
    /// trailing text nodes have none.
    private static func removeFromText(_ heading: OpaquePointer) -> Bool {
        var trailing: [OpaquePointer] = []
        var node = cmark_node_last_child(heading)
        while let n = node, cmark_node_get_type(n) == CMARK_NODE_TEXT {
            trailing.append(n)
            let text = String(cString: cmark_node_get_literal(n))
            if let cut = text.range(of: "{", options: .backwards) {
                var kept = text[..<cut.lowerBound]
                while kept.last == " " || kept.last == "\t" { kept.removeLast() }
                // Nodes after it hold the rest of the attribute (smart punctuation splits `a-b`).
                for later in trailing.dropLast() { cmark_node_set_literal(later, "") }
                cmark_node_set_literal(n, String(kept))
                return true
            }
            node = cmark_node_previous(n)
        }
        return false
    }
}

/// Something wrong in the Markdown itself that the site reports (a `{#id}` that cannot be an id).
public struct MarkdownProblem: Sendable, Equatable {
    public var position: SourcePosition
    public var message: String
    public var hint: String?
    /// Something left out that the page is whole without (an attribute not allowed).
    public var isWarning = false
}

extension HeadingSlugger {
    /// The ids of a page's headings: those set with `{#id}` first (so no made id takes one),
    /// then one made from each other heading's text; and what is wrong with the ids set by hand.
    mutating func ids(texts: [String], attributes: [HeadingAttribute?]) -> (ids: [String], problems: [MarkdownProblem])
    {
        var problems: [MarkdownProblem] = []
        var chosen: [String?] = Array(repeating: nil, count: texts.count)
        var firstUse: [String: SourcePosition] = [:]
        for (i, attribute) in attributes.enumerated() {
            guard let attribute, let id = attribute.id else { continue }
            if id.isEmpty || id.contains(where: { $0.isWhitespace }) {
                let suggestion = HeadingSlugger.githubSlug(id.trimmingBlanks)
                problems.append(
                    MarkdownProblem(
                        position: attribute.position,
                        message: id.isEmpty
                            ? "heading id '{#}' is empty" : "heading id '\(id)' is not a valid id: it contains a space",
                        hint: suggestion.isEmpty
                            ? "write a word after '#', such as {#bakgrund}" : "use hyphens instead: {#\(suggestion)}"))
            } else if !reserve(id) {
                let earlier = firstUse[id].map { " (line \($0.line))" } ?? ""
                // A warning: the page is whole (links to the id reach the first heading, as they do
                // on the MkDocs and Hugo sites that repeat one), and a migrated tree still builds.
                problems.append(
                    MarkdownProblem(
                        position: attribute.position,
                        message: "heading id '\(id)' is already used on this page\(earlier); this heading's id is "
                            + "made from its text instead",
                        hint: "give each heading its own id", isWarning: true))
            } else {
                chosen[i] = id
                firstUse[id] = attribute.position
            }
        }
        let ids = texts.indices.map { chosen[$0] ?? unique(for: texts[$0]) }
        return (ids, problems)
    }
}
