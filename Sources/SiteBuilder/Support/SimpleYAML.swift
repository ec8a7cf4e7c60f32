import Markdown

/// Reads front matter as people write it, without Yams: a block mapping at the left margin whose
/// values are one-line scalars (plain, "double-quoted" or 'single-quoted'), flow lists `[a, "b"]`,
/// flow mappings `{id: x, roll: y}`, folded and literal block scalars (`>`, `>-`, `|`, `|-`),
/// nested block mappings, and block lists (`- item` lines) of scalars, flow collections or
/// mappings; comments on their own lines and after values. The result is the `DataValue` that
/// `YAMLReader` gives for the same text, positions included.
///
/// Returns nil for anything outside that shape, and for anything where it is not sure it would
/// agree with libyaml (anchors, tags, multi-line plain and quoted scalars, empty values, tabs,
/// duplicate keys, rare escapes and characters, block scalars with indentation indicators, `+`
/// chomping, more-indented folded lines or lines of only spaces); the caller then reads the text
/// with `YAMLReader`, so such text keeps Yams' results and diagnostics exactly.
enum SimpleYAML {
    static func parse(_ text: String, lineOffset: Int = 0) -> DataValue? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes, lineOffset: lineOffset)
            return reader.document()
        }
    }

    /// One pass over the lines of one document, by recursive descent on indentation.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let lineOffset: Int
        /// Start of the current line and its number (1-based, before `lineOffset`).
        var lineStart = 0
        var lineNumber = 0
        /// The current content line: where its content starts and where it ends without trailing
        /// spaces; nil after the last one.
        var line: (start: Int, end: Int)? = nil

        init(bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) {
            self.bytes = bytes
            self.lineOffset = lineOffset
        }

        mutating func document() -> DataValue? {
            guard Self.onlySafeCharacters(bytes) else { return nil }
            line = nextContentLine()
            // The document is a mapping whose keys stand at the left margin.
            guard let (start, _) = line, start == lineStart, let root = blockMapping(keyAt: start) else { return nil }
            return line == nil ? root : nil
        }

        // MARK: Lines

        /// Moves to the next line that is neither blank nor a comment; returns where its content
        /// starts and where it ends without trailing spaces.
        mutating func nextContentLine() -> (start: Int, end: Int)? {
            while true {
                if lineNumber > 0 {
                    guard let lineBreak = firstNewline(from: lineStart) else { return nil }
                    lineStart = lineBreak + 1
                } else if bytes.isEmpty {
                    return nil
                }
                lineNumber += 1
                var end = firstNewline(from: lineStart) ?? bytes.count
                while end > lineStart && bytes[end - 1] == YAMLByte.space { end -= 1 }
                var start = lineStart
                while start < end && bytes[start] == YAMLByte.space { start += 1 }
                if start < end && bytes[start] != YAMLByte.hash { return (start, end) }
            }
        }

        func firstNewline(from index: Int) -> Int? {
            var i = index
            while i < bytes.count {
                if bytes[i] == YAMLByte.newline { return i }
                i += 1
            }
            return nil
        }

        /// Where `index` is, in the file's lines and libyaml's columns (Unicode scalars, from 1).
        func position(_ index: Int) -> SourcePosition {
            var column = 1
            for i in lineStart..<index where bytes[i] & 0xC0 != 0x80 { column += 1 }
            return SourcePosition(line: lineNumber + lineOffset, column: column)
        }

    }
}
