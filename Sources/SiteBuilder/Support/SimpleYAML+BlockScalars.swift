import Markdown

/// Folded and literal block scalars (`>`, `>-`, `|`, `|-`).
extension SimpleYAML.Reader {
    // MARK: Block scalars

    /// `>` or `|`, optionally with `-`, at the end of the line, and the lines indented more than
    /// `parentColumn` that follow: folded (lines joined by spaces, a blank line a line break)
    /// or literal (lines as written).
    mutating func blockScalar(_ start: Int, _ end: Int, parentColumn: Int) -> DataValue? {
        let at = position(start)
        let literal = bytes[start] == YAMLByte.pipe
        var i = start + 1
        let strip = i < end && bytes[i] == YAMLByte.dash
        if strip { i += 1 }
        // Indentation indicators, `+` and comments after the indicator are Yams' to read.
        guard i == end else { return nil }
        var text: [UInt8] = []
        var contentColumn = -1
        var blanks = 0
        var lastEndsWithBreak = false
        // The line before the one that ends the scalar, to step back to.
        var previous = (start: lineStart, number: lineNumber)
        while let lineBreak = firstNewline(from: lineStart) {
            previous = (lineStart, lineNumber)
            lineStart = lineBreak + 1
            lineNumber += 1
            let rawEnd = firstNewline(from: lineStart) ?? bytes.count
            var indent = lineStart
            while indent < rawEnd && bytes[indent] == YAMLByte.space { indent += 1 }
            if indent == rawEnd {
                // Lines of only spaces, and blank lines before the first text, are Yams' to read.
                guard indent == lineStart, contentColumn >= 0 else { return nil }
                blanks += 1
                continue
            }
            let column = indent - lineStart
            if contentColumn < 0 {
                guard column > parentColumn else { return nil }
                contentColumn = column
            } else if column < contentColumn {
                // A line indented less ends the scalar; it is read again as a content line.
                (lineStart, lineNumber) = previous
                break
            } else if column > contentColumn && !literal {
                return nil
            }
            // libyaml keeps trailing spaces in block scalars; they are rare and left to it.
            guard bytes[rawEnd - 1] != YAMLByte.space else { return nil }
            if !text.isEmpty || blanks > 0 {
                if literal || blanks == 0 { text.append(literal ? YAMLByte.newline : YAMLByte.space) }
                text.append(contentsOf: repeatElement(YAMLByte.newline, count: blanks))
            }
            blanks = 0
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(lineStart + contentColumn)..<rawEnd]))
            lastEndsWithBreak = rawEnd < bytes.count
        }
        guard contentColumn >= 0 else { return nil }
        if !strip && lastEndsWithBreak { text.append(YAMLByte.newline) }
        line = nextContentLine()
        return YAMLReader.scalarValue(String(decoding: text, as: UTF8.self), plain: false, at: at)
    }
}
