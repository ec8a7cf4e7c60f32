/// Shiki's notation comments in code, as VitePress reads them (`markdown: {vue: true}`): a line
/// ending in `// [!code ++]` is added, `[!code --]` removed, `[!code highlight]` (`hl`) and
/// `[!code focus]` marked, `[!code warning]` and `[!code error]` marked with their kind;
/// `[!code ++:3]` marks that line and the two after it. The comment goes (in any language's
/// form: `//`, `#`, `--`, `;`, `/* */`, `<!-- -->`), or, when it says more, the notation alone.
///
/// `CodeLines` writes the marked lines; the page's search text is the code as shown, without
/// the notation.
enum CodeNotation {
    /// Marks the lines with a notation, and those its count carries to, leaving the notation out.
    static func apply(to lines: inout CodeLines) {
        var carried: (kind: String, lines: Int)? = nil
        for index in lines.lines.indices {
            if let found = notation(in: lines.lines[index]) {
                lines.set(index, text: found.line, kind: found.kind)
                carried = found.count > 1 ? (found.kind, found.count - 1) : nil
            } else if let (kind, left) = carried {
                lines.set(index, text: lines.lines[index], kind: kind)
                carried = left > 1 ? (kind, left - 1) : nil
            }
        }
    }

    /// Shiki's words for each kind.
    private static let kinds = [
        "++": "add", "--": "remove", "highlight": "highlight", "hl": "highlight", "focus": "highlight",
        "warning": "warning", "error": "error",
    ]

    /// The line without its notation, the notation's kind and how many lines it marks; nil for a
    /// line without one.
    private static func notation(in line: String) -> (line: String, kind: String, count: Int)? {
        guard let open = line.range(of: "[!code "), let close = line[open.upperBound...].firstIndex(of: "]") else {
            return nil
        }
        let parts = line[open.upperBound..<close].split(separator: ":", maxSplits: 1)
        guard let word = parts.first, let kind = kinds[String(word)] else { return nil }
        let count = parts.count > 1 ? max(1, Int(parts[1]) ?? 1) : 1
        var before = String(line[..<open.lowerBound])
        var after = String(line[line.index(after: close)...]).trimmingCharacters(in: .whitespaces)
        // The comment's closing mark, then its opening one: a comment with nothing else in it goes.
        for (opener, closer) in [("<!--", "-->"), ("/*", "*/"), ("{/*", "*/}")] where after == closer {
            let trimmed = before.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix(opener) {
                before = String(before[..<before.range(of: opener, options: .backwards)!.lowerBound])
                after = ""
            }
        }
        if after.isEmpty {
            let trimmed = before.trimmingCharacters(in: .whitespaces)
            for opener in ["//", "#", "--", ";", "%", "'"] where trimmed.hasSuffix(opener) {
                let start = before.range(of: opener, options: .backwards)!.lowerBound
                // An opener that is code's own (`a--`, `x#`) is no comment's: it follows a space or starts the line.
                if start == before.startIndex || before[before.index(before: start)].isWhitespace {
                    before = String(before[..<start])
                }
                break
            }
        }
        while before.last?.isWhitespace == true { before.removeLast() }
        return (after.isEmpty ? before : before + " " + after, kind, count)
    }
}
