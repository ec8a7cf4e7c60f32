import Foundation
import Markdown

/// The title of a page that has none in its front matter, as MkDocs and GitHub find one: the
/// text of its first level-1 heading, or else its file name.
enum PageTitle {
    /// The text of the body's first top-level `# Heading` (or `Heading` underlined with `===`)
    /// as a reader sees it (`# The *kretslopp* tool` -> `The kretslopp tool`); nil when it has none.
    ///
    /// Lines are scanned without parsing the whole body (the body is parsed once, later, with the
    /// site's links): fenced code, HTML blocks and comments, indented code, lists and block quotes
    /// are stepped over. The heading's own text is then rendered, so inline markup reads as
    /// it does in the page.
    static func firstHeading(in body: String) -> String? {
        guard let raw = rawFirstHeading(in: body) else { return nil }
        let rendered = MarkdownRenderer().render("# " + raw)
        guard let text = rendered.headings.first?.text, !text.isEmpty else { return nil }
        return text
    }

    /// A title made from a file or folder name, as MkDocs makes one: `-` and `_` become spaces, and
    /// a name written all in lower case gets a capital first letter (`getting-started` ->
    /// `Getting started`, `API_Guide` -> `API Guide`) unless a digit follows it (`v26.2` stays).
    static func fromName(_ name: String) -> String {
        // `_posts` (a folder read through `include:`) is "Posts", not " posts".
        let mapped = String(name.map { $0 == "-" || $0 == "_" ? " " : $0 })
        let trimmed = mapped.trimmingCharacters(in: .whitespaces)
        let spaced = trimmed.isEmpty ? mapped : trimmed
        guard spaced == spaced.lowercased(), let first = spaced.first, first.isLetter,
            spaced.dropFirst().first.map({ !$0.isNumber }) ?? true
        else { return spaced }
        return first.uppercased() + spaced.dropFirst()
    }

    // MARK: Scanning

    private enum Block {
        case none
        case paragraph([Substring])
        /// A list or block quote, until a blank line: a heading there is not the page's title.
        case container
        /// An HTML block, until a blank line.
        case html
        /// An HTML comment, until `-->`.
        case comment
        case fence(Character, Int)
    }

    /// The heading's Markdown source (without `#`s), or nil.
    static func rawFirstHeading(in body: String) -> String? {
        var block = Block.none
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let text = line.drop { $0 == " " }
            let blank = text.allSatisfy { $0 == " " || $0 == "\t" }
            switch block {
            case .fence(let mark, let length):
                if indent < 4, text.prefix(while: { $0 == mark }).count >= length,
                    text.drop(while: { $0 == mark }).allSatisfy({ $0 == " " || $0 == "\t" })
                {
                    block = .none
                }
                continue
            case .comment:
                if line.contains("-->") { block = .none }
                continue
            case .html:
                if blank { block = .none }
                continue
            case .container:
                // An unindented `#` heading ends a list or quote; anything else may belong to it.
                if blank { block = .none }
                if !(indent == 0 && atxHeading(text) != nil) { continue }
            case .none, .paragraph:
                break
            }
            if blank {
                block = .none
                continue
            }
            // Indented code cannot interrupt a paragraph; after one it is the paragraph's text.
            if indent >= 4 || text.first == "\t" {
                if case .paragraph(let lines) = block { block = .paragraph(lines + [text]) }
                continue
            }
            if let heading = atxHeading(text) {
                // An empty `#` names nothing; the next heading may.
                if heading.level == 1 && !heading.text.isEmpty { return heading.text }
                block = .none
                continue
            }
            if case .paragraph(let lines) = block, !text.isEmpty,
                text.allSatisfy({ $0 == "=" || $0 == " " || $0 == "\t" }),
                text.drop(while: { $0 == "=" }).allSatisfy({ $0 == " " || $0 == "\t" })
            {
                return lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            }
            if let first = text.first, first == "`" || first == "~" {
                let length = text.prefix { $0 == first }.count
                if length >= 3 && !(first == "`" && text.dropFirst(length).contains("`")) {
                    block = .fence(first, length)
                    continue
                }
            }
            if text.hasPrefix("<!--") {
                block = text.contains("-->") ? .none : .comment
                continue
            }
            if text.first == "<" {
                block = .html
                continue
            }
            if isThematicBreak(text) {
                block = .none
                continue
            }
            if text.first == ">" || isListMarker(text) {
                block = .container
                continue
            }
            if case .paragraph(let lines) = block {
                block = .paragraph(lines + [text])
            } else {
                block = .paragraph([text])
            }
        }
        return nil
    }

    private static func atxHeading(_ text: Substring) -> (level: Int, text: String)? {
        let level = text.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let rest = text.dropFirst(level)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var content = rest.trimmingCharacters(in: .whitespaces)[...]
        // A closing run of `#` after a space is not part of the heading.
        let closing = content.reversed().prefix { $0 == "#" }.count
        if closing == content.count {
            content = ""
        } else if closing > 0, content.dropLast(closing).last == " " || content.dropLast(closing).last == "\t" {
            content = content.dropLast(closing)
        }
        return (level, content.trimmingCharacters(in: .whitespaces))
    }

    private static func isThematicBreak(_ text: Substring) -> Bool {
        guard let mark = text.first, mark == "-" || mark == "*" || mark == "_" else { return false }
        let kept = text.filter { $0 != " " && $0 != "\t" }
        return kept.count >= 3 && kept.allSatisfy { $0 == mark }
    }

    private static func isListMarker(_ text: Substring) -> Bool {
        if let first = text.first, first == "-" || first == "*" || first == "+" {
            return text.count == 1 || text.dropFirst().first == " " || text.dropFirst().first == "\t"
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count) else { return false }
        let after = text.dropFirst(digits.count)
        guard let marker = after.first, marker == "." || marker == ")" else { return false }
        return after.count == 1 || after.dropFirst().first == " " || after.dropFirst().first == "\t"
    }
}
