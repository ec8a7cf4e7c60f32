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
    private struct Reader {
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

        // MARK: Block collections

        /// `key: value` entries whose keys stand in the column of `first`, the first key, on the
        /// current line (after `- ` for a mapping in a list). Ends at a line indented less.
        mutating func blockMapping(keyAt first: Int) -> DataValue? {
            let column = first - lineStart
            let at = position(first)
            var pairs: [(key: String, value: DataValue)] = []
            var keys = Set<String>()
            var keyStart = first
            while let (_, end) = line {
                guard let (key, colon) = key(keyStart, end), keys.insert(key).inserted else { return nil }
                var valueStart = colon + 1
                while valueStart < end && bytes[valueStart] == space { valueStart += 1 }
                if valueStart < end && bytes[valueStart] != hash {
                    guard let value = inlineValue(valueStart, end, keyColumn: column) else { return nil }
                    pairs.append((key, value))
                } else {
                    // `key:` alone: the value is a block list or mapping on the following lines.
                    line = nextContentLine()
                    guard let (next, nextEnd) = line else { return nil }
                    let indent = next - lineStart
                    let value: DataValue?
                    if indent >= column && isListItem(next, nextEnd) {
                        value = blockList(dashAt: next)
                    } else if indent > column {
                        value = blockMapping(keyAt: next)
                    } else {
                        value = nil
                    }
                    guard let value else { return nil }
                    pairs.append((key, value))
                }
                // The next line holds this mapping's next key, or belongs to an enclosing block.
                guard let (next, _) = line else { break }
                let indent = next - lineStart
                if indent < column { break }
                guard indent == column else { return nil }
                keyStart = next
            }
            return DataValue(.map(pairs), at: at)
        }

        /// `- item` lines in the column of `first`, the first dash, on the current line.
        mutating func blockList(dashAt first: Int) -> DataValue? {
            let column = first - lineStart
            let at = position(first)
            var items: [DataValue] = []
            while let (start, end) = line, start - lineStart == column, isListItem(start, end) {
                var itemStart = start + 1
                while itemStart < end && bytes[itemStart] == space { itemStart += 1 }
                guard itemStart < end, bytes[itemStart] != hash else { return nil }
                if key(itemStart, end) != nil {
                    // `- key: value` starts a mapping whose keys stand in the column of the first.
                    guard let mapping = blockMapping(keyAt: itemStart) else { return nil }
                    items.append(mapping)
                    continue
                }
                guard bytes[itemStart] != pipe && bytes[itemStart] != greater,
                    let item = inlineValue(itemStart, end, keyColumn: column)
                else { return nil }
                items.append(item)
                // A line indented more would continue the item: Yams' to read.
                if let (next, _) = line, next - lineStart > column { return nil }
            }
            return DataValue(.list(items), at: at)
        }

        /// The value after `key: ` or `- `, up to the end of the line (or of the block scalar it
        /// starts); moves on to the next content line.
        mutating func inlineValue(_ start: Int, _ end: Int, keyColumn: Int) -> DataValue? {
            let value: DataValue
            let close: Int
            switch bytes[start] {
            case openBracket:
                guard let list = flowList(start, end) else { return nil }
                (value, close) = list
            case openBrace:
                guard let mapping = flowMapping(start, end) else { return nil }
                (value, close) = mapping
            case pipe, greater:
                return blockScalar(start, end, parentColumn: keyColumn)
            default:
                guard let scalar = scalar(start, end, closer: nil) else { return nil }
                (value, close) = scalar
            }
            guard endsLine(close, end) else { return nil }
            line = nextContentLine()
            return value
        }

        /// True when only spaces, or spaces and a comment, follow `index` on the line.
        func endsLine(_ index: Int, _ end: Int) -> Bool {
            var i = index
            while i < end && bytes[i] == space { i += 1 }
            return i == end || (bytes[i] == hash && i > index)
        }

        // MARK: Block scalars

        /// `>` or `|`, optionally with `-`, at the end of the line, and the lines indented more than
        /// `parentColumn` that follow: folded (lines joined by spaces, a blank line a line break)
        /// or literal (lines as written).
        mutating func blockScalar(_ start: Int, _ end: Int, parentColumn: Int) -> DataValue? {
            let at = position(start)
            let literal = bytes[start] == pipe
            var i = start + 1
            let strip = i < end && bytes[i] == dash
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
                while indent < rawEnd && bytes[indent] == space { indent += 1 }
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
                guard bytes[rawEnd - 1] != space else { return nil }
                if !text.isEmpty || blanks > 0 {
                    if literal || blanks == 0 { text.append(literal ? newline : space) }
                    text.append(contentsOf: repeatElement(newline, count: blanks))
                }
                blanks = 0
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(lineStart + contentColumn)..<rawEnd]))
                lastEndsWithBreak = rawEnd < bytes.count
            }
            guard contentColumn >= 0 else { return nil }
            if !strip && lastEndsWithBreak { text.append(newline) }
            line = nextContentLine()
            return YAMLReader.scalarValue(String(decoding: text, as: UTF8.self), plain: false, at: at)
        }

        // MARK: Lines

        /// Moves to the next line that is neither blank nor a comment; returns where its content
        /// starts and where it ends without trailing spaces.
        mutating func nextContentLine() -> (start: Int, end: Int)? {
            while true {
                if lineNumber > 0 {
                    guard let newline = firstNewline(from: lineStart) else { return nil }
                    lineStart = newline + 1
                } else if bytes.isEmpty {
                    return nil
                }
                lineNumber += 1
                var end = firstNewline(from: lineStart) ?? bytes.count
                while end > lineStart && bytes[end - 1] == space { end -= 1 }
                var start = lineStart
                while start < end && bytes[start] == space { start += 1 }
                if start < end && bytes[start] != hash { return (start, end) }
            }
        }

        func firstNewline(from index: Int) -> Int? {
            var i = index
            while i < bytes.count {
                if bytes[i] == newline { return i }
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

        // MARK: Keys and values

        /// A key starting at `start`: letters, digits, `_`, `-` and `.` (not first), and any
        /// non-ASCII letter, directly followed by `:` and then a space or the end of the line.
        func key(_ start: Int, _ end: Int) -> (String, colon: Int)? {
            guard Self.isWordByte(bytes[start]) else { return nil }
            var i = start + 1
            while i < end, Self.isWordByte(bytes[i]) || bytes[i] == dash || bytes[i] == dot { i += 1 }
            // libyaml gives up on keys longer than 1024 characters; real keys are short.
            guard i < end, bytes[i] == colon, i - start <= 128, i + 1 == end || bytes[i + 1] == space else {
                return nil
            }
            return (string(start, i), i)
        }

        /// `- ` followed by something (or a lone `-`, which is refused later as an empty item).
        func isListItem(_ start: Int, _ end: Int) -> Bool {
            bytes[start] == dash && (start + 1 == end || bytes[start + 1] == space)
        }

        /// `[a, "b", 'c']` of scalars; returns it and the index after `]`.
        func flowList(_ start: Int, _ end: Int) -> (DataValue, Int)? {
            var items: [DataValue] = []
            var i = start + 1
            while i < end && bytes[i] == space { i += 1 }
            if i < end && bytes[i] == closeBracket { return (DataValue(.list([]), at: position(start)), i + 1) }
            while i < end {
                guard let item = scalar(i, end, closer: closeBracket) else { return nil }
                items.append(item.value)
                i = item.end
                while i < end && bytes[i] == space { i += 1 }
                guard i < end else { return nil }
                if bytes[i] == closeBracket { return (DataValue(.list(items), at: position(start)), i + 1) }
                guard bytes[i] == comma else { return nil }
                i += 1
                while i < end && bytes[i] == space { i += 1 }
            }
            return nil
        }

        /// `{id: x, roll: "y"}` of scalars under plain keys; returns it and the index after `}`.
        func flowMapping(_ start: Int, _ end: Int) -> (DataValue, Int)? {
            var pairs: [(key: String, value: DataValue)] = []
            var keys = Set<String>()
            var i = start + 1
            while i < end && bytes[i] == space { i += 1 }
            if i < end && bytes[i] == closeBrace { return (DataValue(.map([]), at: position(start)), i + 1) }
            while i < end {
                guard let (key, colon) = key(i, end), colon + 1 < end, keys.insert(key).inserted else { return nil }
                i = colon + 1
                while i < end && bytes[i] == space { i += 1 }
                guard i < end, let value = scalar(i, end, closer: closeBrace) else { return nil }
                pairs.append((key, value.value))
                i = value.end
                while i < end && bytes[i] == space { i += 1 }
                guard i < end else { return nil }
                if bytes[i] == closeBrace { return (DataValue(.map(pairs), at: position(start)), i + 1) }
                guard bytes[i] == comma else { return nil }
                i += 1
                while i < end && bytes[i] == space { i += 1 }
            }
            return nil
        }

        /// A one-line scalar starting at `start`: returns it and where it ends (after a closing
        /// quote, or after the last non-space character of a plain scalar). `closer` is the bracket
        /// or brace that ends the flow collection the scalar stands in, nil in a block.
        func scalar(_ start: Int, _ end: Int, closer: UInt8?) -> (value: DataValue, end: Int)? {
            guard start < end else { return nil }
            let at = position(start)
            switch bytes[start] {
            case doubleQuote:
                guard let (text, close) = doubleQuoted(start, end) else { return nil }
                return (DataValue(.string(text), at: at), close)
            case singleQuote:
                guard let (text, close) = singleQuoted(start, end) else { return nil }
                return (DataValue(.string(text), at: at), close)
            default:
                guard let close = plainEnd(start, end, closer: closer) else { return nil }
                return (YAMLReader.scalarValue(string(start, close), plain: true, at: at), close)
            }
        }

        /// The end of a plain scalar, or nil when the text may mean something else to libyaml.
        func plainEnd(_ start: Int, _ end: Int, closer: UInt8?) -> Int? {
            let first = bytes[start]
            if first == dash {
                // `-5`, `-foo`; not `- x` (a list item) or `-` before an indicator.
                guard start + 1 < end, Self.isWordByte(bytes[start + 1]) || bytes[start + 1] == dot else { return nil }
            } else if Self.indicators.contains(first) {
                return nil
            }
            let inFlow = closer != nil
            var i = start
            var last = start // one past the last non-space byte
            while i < end {
                let b = bytes[i]
                if inFlow && (b == comma || b == closer) { break }
                // ` #` starts a comment after a value in a block.
                if b == hash && bytes[i - 1] == space {
                    if inFlow { return nil }
                    break
                }
                // `: ` and a final `:` end a key; in a flow collection `:`, brackets, braces and `#`
                // have meanings of their own. All are left to Yams.
                if b == colon && (inFlow || i + 1 == end || bytes[i + 1] == space) { return nil }
                if inFlow && (b == openBracket || b == closeBracket || b == openBrace || b == closeBrace || b == hash) {
                    return nil
                }
                i += 1
                if b != space { last = i }
            }
            return last
        }

        /// `"…"` on one line with the escapes `\\ \" \/ \n \t`; returns the text and the index after
        /// the closing quote.
        func doubleQuoted(_ start: Int, _ end: Int) -> (String, Int)? {
            var i = start + 1
            var plainRun = i
            var text: [UInt8] = []
            while i < end {
                switch bytes[i] {
                case doubleQuote:
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainRun..<i]))
                    return (String(decoding: text, as: UTF8.self), i + 1)
                case backslash:
                    guard i + 1 < end else { return nil }
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainRun..<i]))
                    switch bytes[i + 1] {
                    case backslash, doubleQuote, slash: text.append(bytes[i + 1])
                    case UInt8(ascii: "n"): text.append(newline)
                    case UInt8(ascii: "t"): text.append(UInt8(ascii: "\t"))
                    default: return nil
                    }
                    i += 2
                    plainRun = i
                default:
                    i += 1
                }
            }
            return nil
        }

        /// `'…'` on one line, `''` standing for `'`; returns the text and the index after the closing quote.
        func singleQuoted(_ start: Int, _ end: Int) -> (String, Int)? {
            var i = start + 1
            var text: [UInt8] = []
            while i < end {
                if bytes[i] == singleQuote {
                    guard i + 1 < end, bytes[i + 1] == singleQuote else {
                        return (String(decoding: text, as: UTF8.self), i + 1)
                    }
                    i += 1
                }
                text.append(bytes[i])
                i += 1
            }
            return nil
        }

        func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        // MARK: Characters

        /// Bytes that may start a key or a plain scalar: ASCII letters, digits, `_`, and any
        /// non-ASCII character (those libyaml treats specially are refused up front).
        static func isWordByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b >= 0x80
        }

        /// Characters that libyaml reads as indicators at the start of a plain scalar.
        static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`".utf8)

        /// Only printable characters, no tabs or carriage returns, and none of the non-ASCII
        /// characters libyaml reads as line breaks (NEL, U+2028, U+2029) or marks (U+FEFF).
        static func onlySafeCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            let count = bytes.count
            while i < count {
                let b = bytes[i]
                if b < 0x80 {
                    if (b < 0x20 && b != 0x0A) || b == 0x7F { return false }
                } else if b == 0xC2 {
                    // U+0080...U+009F: C1 controls, NEL among them.
                    if i + 1 < count && bytes[i + 1] < 0xA0 { return false }
                } else if b == 0xE2 {
                    if i + 2 < count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) {
                        return false
                    }
                } else if b == 0xEF {
                    // U+FEFF, U+FFFE, U+FFFF.
                    if i + 2 < count
                        && ((bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF)
                            || (bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE))
                    {
                        return false
                    }
                }
                i += 1
            }
            return true
        }
    }
}

private let newline = UInt8(ascii: "\n")
private let space = UInt8(ascii: " ")
private let hash = UInt8(ascii: "#")
private let colon = UInt8(ascii: ":")
private let comma = UInt8(ascii: ",")
private let dash = UInt8(ascii: "-")
private let dot = UInt8(ascii: ".")
private let slash = UInt8(ascii: "/")
private let backslash = UInt8(ascii: "\\")
private let doubleQuote = UInt8(ascii: "\"")
private let singleQuote = UInt8(ascii: "'")
private let openBracket = UInt8(ascii: "[")
private let closeBracket = UInt8(ascii: "]")
private let openBrace = UInt8(ascii: "{")
private let closeBrace = UInt8(ascii: "}")
private let pipe = UInt8(ascii: "|")
private let greater = UInt8(ascii: ">")
