/// Fenced code in a source's lines, for the passes that rewrite the source before cmark reads it
/// (MkDocs' admonitions, Hugo's shortcodes): what is inside a fence is code, and stays as written.
struct CodeFence {
    /// Its character (a backtick or a tilde) and how many of them open it.
    let byte: UInt8
    let length: Int

    init(byte: UInt8, length: Int) {
        self.byte = byte
        self.length = length
    }

    /// The fence a line opens (three or more backticks or tildes after at most three spaces).
    init?(opening line: ArraySlice<UInt8>) {
        let text = line.drop { $0 == 0x20 }
        guard line.count - text.count <= 3, let byte = text.first, byte == 0x60 || byte == 0x7E else { return nil }
        let length = text.prefix { $0 == byte }.count
        guard length >= 3 else { return nil }
        self.byte = byte
        self.length = length
    }

    /// True when `line` closes this fence: as many of its characters or more, then only spaces.
    func isClosed(by line: ArraySlice<UInt8>) -> Bool {
        guard let close = CodeFence(opening: line), close.byte == byte, close.length >= length else { return false }
        return line.drop { $0 == byte || $0 == 0x20 }.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
