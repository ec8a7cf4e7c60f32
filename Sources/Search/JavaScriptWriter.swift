/// Writes the index's `.js` files: `window.__kretsloppSearch.register("name", <JSON>);`.
///
/// Each file starts with a UTF-8 byte order mark, so the browser reads it as UTF-8 whatever the
/// page or the server says.
struct JavaScriptWriter {
    private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Starts a file that registers `name` (its path under `assets/search/` without `.js`).
    init(registering name: String) {
        append("window.__kretsloppSearch.register(")
        string(name)
        append(",")
    }

    /// Ends the registration call.
    mutating func finish() -> [UInt8] {
        append(");\n")
        return bytes
    }

    mutating func append(_ raw: String) {
        bytes.append(contentsOf: raw.utf8)
    }

    mutating func append(raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    mutating func number(_ value: Int) {
        append(String(value))
    }

    /// A JSON string literal; `collapsingSpace` turns every run of ASCII white space into one
    /// space and drops it at both ends.
    mutating func string(_ text: String, collapsingSpace: Bool = false) {
        var text = text
        text.withUTF8 { string($0, collapsingSpace: collapsingSpace) }
    }

    /// The same for text given as UTF-8 bytes.
    mutating func string(utf8: ArraySlice<UInt8>, collapsingSpace: Bool = false) {
        utf8.withUnsafeBufferPointer { string($0, collapsingSpace: collapsingSpace) }
    }

    private mutating func string(_ utf8: UnsafeBufferPointer<UInt8>, collapsingSpace: Bool) {
        bytes.reserveCapacity(bytes.count + utf8.count + 2)
        bytes.append(UInt8(ascii: "\""))
        var pendingSpace = false
        var wroteAny = false
        // Bytes from `runStart` up to `index` need no escaping; they are copied in one go.
        var runStart = 0
        var index = 0
        while index < utf8.count {
            if !pendingSpace {
                // Eight bytes at a time while they are written as they are, single spaces between
                // words included (the rules below keep those too); then byte by byte.
                if collapsingSpace && wroteAny, let base = utf8.baseAddress {
                    while index + 8 <= utf8.count {
                        let unsafe = Self.unsafeBytes(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                        if unsafe != 0 {
                            index += unsafe.trailingZeroBitCount / 8
                            break
                        }
                        index += 8
                    }
                }
                // A run of bytes that are written as they are, in a tight loop.
                let before = index
                while index < utf8.count, Self.isPlain(utf8[index]) { index += 1 }
                if index > before { wroteAny = true }
                if index == utf8.count { break }
            }
            let byte = utf8[index]
            // One space between words is written as it is: it stays in the run.
            if byte == 0x20 && collapsingSpace && wroteAny && !pendingSpace && index + 1 < utf8.count {
                let next = utf8[index + 1]
                if next != 0x20 && !(0x09...0x0D).contains(next) {
                    index += 1
                    continue
                }
            }
            let isSpace = collapsingSpace && (byte == 0x20 || (0x09...0x0D).contains(byte))
            let needsEscape = byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2
            if !isSpace && !needsEscape && !pendingSpace {
                wroteAny = true
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            index += 1
            runStart = index
            if isSpace {
                pendingSpace = wroteAny
                continue
            }
            if pendingSpace {
                bytes.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            wroteAny = true
            switch byte {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x09: append("\\t")
            case 0x0D: append("\\r")
            case 0..<0x20, 0x7F: append(String(format4: byte))
            case 0xE2
            where index + 1 < utf8.count && utf8[index] == 0x80 && (utf8[index + 1] == 0xA8 || utf8[index + 1] == 0xA9):
                // U+2028 and U+2029 end a line in older JavaScript.
                append(utf8[index + 1] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 2
                runStart = index
            default:
                bytes.append(byte)
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether a byte is neither white space, a control byte, a quote, a backslash nor the lead
    /// byte of U+2028/U+2029 (0xE2), so a string copies it as it is.
    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte > 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xE2
    }

    /// The bytes of a little-endian word that a collapsing string may not copy as they are, each
    /// marked by its high bit: those `isPlain` refuses, but for a space followed (in the word) by
    /// a byte it accepts. A mark past the first may be a false one (a borrow from a lower byte);
    /// the first is exact, and a byte marked is looked at again one by one.
    @inline(__always)
    static func unsafeBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ones &* 0x80
        // Bytes below 0x23 (control bytes, space, `!` and `"`): never a byte of 0x80 or more.
        let low = (word &- ones &* 0x23) & ~word & high
        func equal(_ byte: UInt64) -> UInt64 {
            let difference = word ^ (ones &* byte)
            return (difference &- ones) & ~difference & high
        }
        // A space followed by a byte that is not low; never the last byte, whose neighbour is
        // beyond the word.
        let keptSpace = equal(0x20) & ~(low >> 8) & ~(UInt64(0x80) << 56)
        return (low & ~keptSpace) | equal(0x5C) | equal(0x7F) | equal(0xE2)
    }

    /// A JSON array of strings.
    mutating func strings(_ values: [String]) {
        append("[")
        for (index, value) in values.enumerated() {
            if index > 0 { append(",") }
            string(value)
        }
        append("]")
    }
}

extension String {
    /// `\u00XX` for a control byte.
    fileprivate init(format4 byte: UInt8) {
        let hex = String(byte, radix: 16)
        self = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
