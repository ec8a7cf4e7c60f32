import Markdown

/// Block mappings and block lists: the structure of a document, by indentation.
extension SimpleYAML.Reader {
    // MARK: Block collections

    /// `key: value` entries whose keys stand in the column of `first`, the first key, on the
    /// current line (after `- ` for a mapping in a list). Ends at a line indented less.
    mutating func blockMapping(keyAt first: Int) -> DataValue? {
        let column = first - lineStart
        let at = position(first)
        var pairs: [(key: String, value: DataValue)] = []
        var keys = SmallStringMap<Bool>()
        var keyStart = first
        while let (_, end) = line {
            guard let (key, colonAt) = key(keyStart, end), keys.insert(key, true) else { return nil }
            var valueStart = colonAt + 1
            while valueStart < end && bytes[valueStart] == YAMLByte.space { valueStart += 1 }
            if valueStart < end && bytes[valueStart] != YAMLByte.hash {
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
            while itemStart < end && bytes[itemStart] == YAMLByte.space { itemStart += 1 }
            guard itemStart < end, bytes[itemStart] != YAMLByte.hash else { return nil }
            if key(itemStart, end) != nil {
                // `- key: value` starts a mapping whose keys stand in the column of the first.
                guard let mapping = blockMapping(keyAt: itemStart) else { return nil }
                items.append(mapping)
                continue
            }
            guard bytes[itemStart] != YAMLByte.pipe && bytes[itemStart] != YAMLByte.greater,
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
        case YAMLByte.openBracket:
            guard let list = flowList(start, end) else { return nil }
            (value, close) = list
        case YAMLByte.openBrace:
            guard let mapping = flowMapping(start, end) else { return nil }
            (value, close) = mapping
        case YAMLByte.pipe, YAMLByte.greater:
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
        while i < end && bytes[i] == YAMLByte.space { i += 1 }
        return i == end || (bytes[i] == YAMLByte.hash && i > index)
    }
}
