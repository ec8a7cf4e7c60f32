import Markdown

/// Reads the common shape of front matter without Yams: a block mapping of `key: value` lines at
/// the left margin whose values are one-line scalars (plain, "double-quoted" or 'single-quoted'),
/// flow lists of them (`[a, "b c"]`) or block lists of them (`- item` lines). The result is the
/// `DataValue` that `YAMLReader` gives for the same text, positions included.
///
/// Returns nil for anything outside that shape, and for anything where it is not sure it would
/// agree with libyaml (anchors, tags, multi-line scalars, empty values, nested mappings, tabs,
/// comments after a value, duplicate keys, rare escapes and characters); the caller then reads
/// the text with `YAMLReader`, so such text keeps Yams' results and diagnostics exactly.
enum SimpleYAML {
    static func parse(_ text: String, lineOffset: Int = 0) -> DataValue? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes, lineOffset: lineOffset)
            return reader.document()
        }
    }

    /// One pass over the lines of one document.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let lineOffset: Int
        /// Start of the current line and its number (1-based, before `lineOffset`).
        var lineStart = 0
        var lineNumber = 0

        init(bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) {
            self.bytes = bytes
            self.lineOffset = lineOffset
        }

        mutating func document() -> DataValue? {
            guard Self.onlySafeCharacters(bytes) else { return nil }
            var pairs: [(key: String, value: DataValue)] = []
            var keys = Set<String>()
            var rootPosition: SourcePosition? = nil
            // The next content line, skipping blank and comment lines; nil at the end.
            var line = nextContentLine()
            while let (start, end) = line {
                // Every entry is `key:` at the left margin.
                guard let (key, colon) = key(start, end), keys.insert(key).inserted else { return nil }
                if rootPosition == nil { rootPosition = position(start) }
                var valueStart = colon + 1
                if valueStart < end {
                    guard bytes[valueStart] == space else { return nil }
                    while bytes[valueStart] == space { valueStart += 1 } // the line has no trailing spaces
                    guard let value = blockValue(valueStart, end) else { return nil }
                    pairs.append((key, value))
                    line = nextContentLine()
                    continue
                }
                // `key:` alone: the value must be a block list on the following lines.
                line = nextContentLine()
                guard let (first, firstEnd) = line else { return nil }
                let indent = first - lineStart
                guard isListItem(first, firstEnd) else { return nil }
                let listPosition = position(first)
                var items: [DataValue] = []
                while let (itemStart, itemEnd) = line, itemStart - lineStart == indent, isListItem(itemStart, itemEnd) {
                    var valueStart = itemStart + 1
                    while valueStart < itemEnd && bytes[valueStart] == space { valueStart += 1 }
                    guard let item = scalar(valueStart, itemEnd, inFlow: false), item.end == itemEnd else { return nil }
                    items.append(item.value)
                    line = nextContentLine()
                }
                pairs.append((key, DataValue(.list(items), at: listPosition)))
                // What follows a list is the next key at the margin, or the end.
                if let (next, _) = line, next != lineStart { return nil }
            }
            guard let rootPosition else { return nil }
            return DataValue(.map(pairs), at: rootPosition)
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

        /// A key at the left margin: letters, digits, `_`, `-` and `.` (not first), and any non-ASCII
        /// letter, directly followed by `:` and then a space or the end of the line.
        func key(_ start: Int, _ end: Int) -> (String, colon: Int)? {
            guard start == lineStart, Self.isWordByte(bytes[start]) else { return nil }
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

        /// The value after `key: `, up to the end of the line.
        func blockValue(_ start: Int, _ end: Int) -> DataValue? {
            if bytes[start] == openBracket { return flowList(start, end) }
            guard let scalar = scalar(start, end, inFlow: false), scalar.end == end else { return nil }
            return scalar.value
        }

        /// `[a, "b", 'c']` filling the rest of the line.
        func flowList(_ start: Int, _ end: Int) -> DataValue? {
            var items: [DataValue] = []
            var i = start + 1
            while i < end && bytes[i] == space { i += 1 }
            if i < end && bytes[i] == closeBracket {
                return i + 1 == end ? DataValue(.list([]), at: position(start)) : nil
            }
            while i < end {
                guard let item = scalar(i, end, inFlow: true) else { return nil }
                items.append(item.value)
                i = item.end
                while i < end && bytes[i] == space { i += 1 }
                guard i < end else { return nil }
                if bytes[i] == closeBracket {
                    return i + 1 == end ? DataValue(.list(items), at: position(start)) : nil
                }
                guard bytes[i] == comma else { return nil }
                i += 1
                while i < end && bytes[i] == space { i += 1 }
            }
            return nil
        }

        /// A one-line scalar starting at `start`: returns it and where it ends (after a closing
        /// quote, or after the last non-space character of a plain scalar).
        func scalar(_ start: Int, _ end: Int, inFlow: Bool) -> (value: DataValue, end: Int)? {
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
                guard let close = plainEnd(start, end, inFlow: inFlow) else { return nil }
                return (YAMLReader.scalarValue(string(start, close), plain: true, at: at), close)
            }
        }

        /// The end of a plain scalar, or nil when the text may mean something else to libyaml.
        func plainEnd(_ start: Int, _ end: Int, inFlow: Bool) -> Int? {
            let first = bytes[start]
            if first == dash {
                // `-5`, `-foo`; not `- x` (a list item) or `-` before an indicator.
                guard start + 1 < end, Self.isWordByte(bytes[start + 1]) || bytes[start + 1] == dot else { return nil }
            } else if Self.indicators.contains(first) {
                return nil
            }
            var i = start
            var last = start // one past the last non-space byte
            while i < end {
                let b = bytes[i]
                if inFlow && (b == comma || b == closeBracket) { break }
                // `: ` and a final `:` end a key; ` #` starts a comment; in a flow list `:`,
                // brackets and braces have meanings of their own. All are left to Yams.
                if b == colon && (inFlow || i + 1 == end || bytes[i + 1] == space) { return nil }
                if b == hash && bytes[i - 1] == space { return nil }
                if inFlow && (b == openBracket || b == openBrace || b == closeBrace || b == hash) { return nil }
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
