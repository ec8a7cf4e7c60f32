/// The list items open at a line of a source, for the passes that read the source before cmark
/// does: the column where each item's text starts (CommonMark's content column), innermost last.
///
///     1.  Step one              an item whose text starts at column 4
///
///         !!! note              so this is an admonition inside it, not indented code
///
/// An item stays open while its lines are blank, indented to its column, or (after text) lazily
/// continue a paragraph; a line that is less indented after a blank line, or a marker at or left of
/// its marker, ends it. Tabs count to the next multiple of four columns.
struct ListItemColumns {
    private(set) var columns: [Int] = []
    private var previousBlank = true

    /// The content column of the innermost item; 0 when no item is open.
    var container: Int { columns.last ?? 0 }

    /// Reads the next line (not one inside fenced code) and returns its indentation in columns;
    /// nil for a blank line.
    mutating func read(_ line: ArraySlice<UInt8>) -> Int? {
        guard !line.isBlankLine else {
            previousBlank = true
            return nil
        }
        let indent = Self.indentation(line)
        let marker = indent - container < 4 ? Self.markerWidth(line) : nil
        while let column = columns.last, indent < column, previousBlank || marker != nil { columns.removeLast() }
        if let marker { columns.append(marker) }
        previousBlank = false
        return indent
    }

    /// Ends the items whose text starts right of `column`: a line there is not their text (a
    /// fence or an admonition cannot continue a paragraph lazily).
    mutating func close(rightOf column: Int) {
        while let last = columns.last, last > column { columns.removeLast() }
    }

    /// The line without its first `columns` columns of indentation (a tab that reaches past them
    /// is dropped whole).
    static func dropping(_ columns: Int, of line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var text = line
        var column = 0
        while column < columns, let first = text.first, first == 0x20 || first == 0x09 {
            column = first == 0x09 ? (column / 4 + 1) * 4 : column + 1
            text = text.dropFirst()
        }
        return text
    }

    /// The columns of leading spaces and tabs.
    static func indentation(_ line: ArraySlice<UInt8>) -> Int {
        var columns = 0
        for byte in line {
            if byte == 0x20 {
                columns += 1
            } else if byte == 0x09 {
                columns = (columns / 4 + 1) * 4
            } else {
                break
            }
        }
        return columns
    }

    /// The content column of the item a line starts (`- `, `* `, `+ `, `1. `, `1) `), or nil.
    static func markerWidth(_ line: ArraySlice<UInt8>) -> Int? {
        let indent = indentation(line)
        var text = line.drop { $0 == 0x20 || $0 == 0x09 }
        guard let first = text.first else { return nil }
        var width: Int
        if first == 0x2D || first == 0x2A || first == 0x2B {
            width = 1
        } else {
            let digits = text.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            guard (1...9).contains(digits), let close = text.dropFirst(digits).first, close == 0x2E || close == 0x29
            else { return nil }
            width = digits + 1
        }
        text = text.dropFirst(width)
        // A thematic break (`* * *`, `- - -`) is not an item.
        if width == 1, line.allSatisfy({ $0 == first || $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }),
            line.filter({ $0 == first }).count >= 3
        {
            return nil
        }
        if text.isBlankLine { return indent + width + 1 }
        guard let space = text.first, space == 0x20 || space == 0x09 else { return nil }
        let spaces = indentation(text)
        return indent + width + (spaces <= 4 ? spaces : 1)
    }
}
