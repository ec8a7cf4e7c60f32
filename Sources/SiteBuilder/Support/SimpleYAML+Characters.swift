import Markdown

/// Which bytes the reader accepts and what they mean to libyaml.
extension SimpleYAML.Reader {
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

/// The ASCII bytes the reader looks for.
enum YAMLByte {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let hash = UInt8(ascii: "#")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let dash = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let backslash = UInt8(ascii: "\\")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let pipe = UInt8(ascii: "|")
    static let greater = UInt8(ascii: ">")
}
