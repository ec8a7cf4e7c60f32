/// Fenced code in a source's lines, for the passes that read or rewrite the source before cmark
/// does (footnote definitions, MkDocs' admonitions and tabs, definition lists, Hugo's shortcodes):
/// what is inside a fence is code, and stays as written. CommonMark's rule, once for all of them
/// (VitePress' `<<<` snippets in the site's includes too).
public struct CodeFence {
    /// Its character (a backtick or a tilde) and how many of them open it.
    let byte: UInt8
    let length: Int

    init(byte: UInt8, length: Int) {
        self.byte = byte
        self.length = length
    }

    /// The fence a line opens: three or more backticks or tildes, indented less than four columns
    /// (a tab reaching the next multiple of four); a backtick fence's info string has no backtick
    /// (then the line is inline code).
    public init?(opening line: ArraySlice<UInt8>) {
        var columns = 0
        var text = line
        while let first = text.first, first == 0x20 || first == 0x09 {
            columns = first == 0x09 ? (columns / 4 + 1) * 4 : columns + 1
            text = text.dropFirst()
        }
        guard columns < 4, let byte = text.first, byte == 0x60 || byte == 0x7E else { return nil }
        let length = text.prefix { $0 == byte }.count
        guard length >= 3, !(byte == 0x60 && text.dropFirst(length).contains(0x60)) else { return nil }
        self.byte = byte
        self.length = length
    }

    /// True when `line` closes this fence: as many of its characters or more, then only spaces.
    public func isClosed(by line: ArraySlice<UInt8>) -> Bool {
        guard let close = CodeFence(opening: line), close.byte == byte, close.length >= length else { return false }
        return line.drop { $0 == byte || $0 == 0x20 || $0 == 0x09 }.isBlankLine
    }
}
