import Markdown

/// Keys, flow collections and one-line scalars (plain, double- and single-quoted).
extension SimpleYAML.Reader {
    // MARK: Keys and values

    /// A key starting at `start`: letters, digits, `_`, `-` and `.` (not first), and any
    /// non-ASCII letter, directly followed by `:` and then a space or the end of the line.
    func key(_ start: Int, _ end: Int) -> (String, colon: Int)? {
        guard Self.isWordByte(bytes[start]) else { return nil }
        var i = start + 1
        while i < end, Self.isWordByte(bytes[i]) || bytes[i] == YAMLByte.dash || bytes[i] == YAMLByte.dot { i += 1 }
        // libyaml gives up on keys longer than 1024 characters; real keys are short.
        guard i < end, bytes[i] == YAMLByte.colon, i - start <= 128, i + 1 == end || bytes[i + 1] == YAMLByte.space
        else {
            return nil
        }
        return (string(start, i), i)
    }

    /// `- ` followed by something (or a lone `-`, which is refused later as an empty item).
    func isListItem(_ start: Int, _ end: Int) -> Bool {
        bytes[start] == YAMLByte.dash && (start + 1 == end || bytes[start + 1] == YAMLByte.space)
    }

    /// `[a, "b", 'c']` of scalars; returns it and the index after `]`.
    func flowList(_ start: Int, _ end: Int) -> (DataValue, Int)? {
        var items: [DataValue] = []
        var i = start + 1
        while i < end && bytes[i] == YAMLByte.space { i += 1 }
        if i < end && bytes[i] == YAMLByte.closeBracket { return (DataValue(.list([]), at: position(start)), i + 1) }
        while i < end {
            guard let item = scalar(i, end, closer: YAMLByte.closeBracket) else { return nil }
            items.append(item.value)
            i = item.end
            while i < end && bytes[i] == YAMLByte.space { i += 1 }
            guard i < end else { return nil }
            if bytes[i] == YAMLByte.closeBracket { return (DataValue(.list(items), at: position(start)), i + 1) }
            guard bytes[i] == YAMLByte.comma else { return nil }
            i += 1
            while i < end && bytes[i] == YAMLByte.space { i += 1 }
        }
        return nil
    }

    /// `{id: x, roll: "y"}` of scalars under plain keys; returns it and the index after `}`.
    func flowMapping(_ start: Int, _ end: Int) -> (DataValue, Int)? {
        var pairs: [(key: String, value: DataValue)] = []
        var keys = SmallStringMap<Bool>()
        var i = start + 1
        while i < end && bytes[i] == YAMLByte.space { i += 1 }
        if i < end && bytes[i] == YAMLByte.closeBrace { return (DataValue(.map([]), at: position(start)), i + 1) }
        while i < end {
            guard let (key, colonAt) = key(i, end), colonAt + 1 < end, keys.insert(key, true) else { return nil }
            i = colonAt + 1
            while i < end && bytes[i] == YAMLByte.space { i += 1 }
            guard i < end, let value = scalar(i, end, closer: YAMLByte.closeBrace) else { return nil }
            pairs.append((key, value.value))
            i = value.end
            while i < end && bytes[i] == YAMLByte.space { i += 1 }
            guard i < end else { return nil }
            if bytes[i] == YAMLByte.closeBrace { return (DataValue(.map(pairs), at: position(start)), i + 1) }
            guard bytes[i] == YAMLByte.comma else { return nil }
            i += 1
            while i < end && bytes[i] == YAMLByte.space { i += 1 }
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
        case YAMLByte.doubleQuote:
            guard let (text, close) = doubleQuoted(start, end) else { return nil }
            return (DataValue(.string(text), at: at), close)
        case YAMLByte.singleQuote:
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
        if first == YAMLByte.dash {
            // `-5`, `-foo`; not `- x` (a list item) or `-` before an indicator.
            guard start + 1 < end, Self.isWordByte(bytes[start + 1]) || bytes[start + 1] == YAMLByte.dot else {
                return nil
            }
        } else if Self.indicators.contains(first) {
            return nil
        }
        let inFlow = closer != nil
        var i = start
        var last = start // one past the last non-YAMLByte.space byte
        while i < end {
            let b = bytes[i]
            if inFlow && (b == YAMLByte.comma || b == closer) { break }
            // ` #` starts a comment after a value in a block.
            if b == YAMLByte.hash && bytes[i - 1] == YAMLByte.space {
                if inFlow { return nil }
                break
            }
            // `: ` and a final `:` end a key; in a flow collection `:`, brackets, braces and `#`
            // have meanings of their own. All are left to Yams.
            if b == YAMLByte.colon && (inFlow || i + 1 == end || bytes[i + 1] == YAMLByte.space) { return nil }
            if inFlow
                && (b == YAMLByte.openBracket || b == YAMLByte.closeBracket || b == YAMLByte.openBrace
                    || b == YAMLByte.closeBrace || b == YAMLByte.hash)
            {
                return nil
            }
            i += 1
            if b != YAMLByte.space { last = i }
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
            case YAMLByte.doubleQuote:
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainRun..<i]))
                return (String(decoding: text, as: UTF8.self), i + 1)
            case YAMLByte.backslash:
                guard i + 1 < end else { return nil }
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainRun..<i]))
                switch bytes[i + 1] {
                case YAMLByte.backslash, YAMLByte.doubleQuote, YAMLByte.slash: text.append(bytes[i + 1])
                case UInt8(ascii: "n"): text.append(YAMLByte.newline)
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
            if bytes[i] == YAMLByte.singleQuote {
                guard i + 1 < end, bytes[i + 1] == YAMLByte.singleQuote else {
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
}
