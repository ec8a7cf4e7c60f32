import PropertyBased
import Testing

@testable import Search

/// The writer copies runs of plain bytes in one go; it must write what escaping byte by byte writes.
@Suite struct JavaScriptWriterTests {
    /// Byte by byte, as the writer did before it copied runs: the reference.
    static func reference(_ text: String, collapsingSpace: Bool) -> [UInt8] {
        let utf8 = Array(text.utf8)
        var out: [UInt8] = [UInt8(ascii: "\"")]
        var pendingSpace = false
        var wroteAny = false
        var index = 0
        func add(_ s: String) { out += Array(s.utf8) }
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
            if collapsingSpace && (byte == 0x20 || (0x09...0x0D).contains(byte)) {
                pendingSpace = wroteAny
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            wroteAny = true
            switch byte {
            case 0x22: add("\\\"")
            case 0x5C: add("\\\\")
            case 0x0A: add("\\n")
            case 0x09: add("\\t")
            case 0x0D: add("\\r")
            case 0..<0x20, 0x7F:
                let hex = String(byte, radix: 16)
                add("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            case 0xE2
            where index + 1 < utf8.count && utf8[index] == 0x80 && (utf8[index + 1] == 0xA8 || utf8[index + 1] == 0xA9):
                add(utf8[index + 1] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 2
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    static let pieces = [
        "a", "ord", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\"", "\\", "\u{01}", "\u{7F}", "\u{2028}", "\u{2029}",
        "–", "”", "€", "å", "ä", "ö", "é", "\u{301}", "x y",
    ]
    static let text = Gen.element(of: pieces).map { $0 ?? "" }.array(of: 0...16).map { $0.joined() }

    /// Each piece that ends a run of plain bytes stands at every place of a long word (the first
    /// 24 bytes), after plain ASCII and after two-byte letters.
    @Test func endsPlainRunsAtEveryPlaceOfAWord() {
        for piece in Self.pieces + ["#", "~", "ÿ", "\u{80}", "\u{E000}"] {
            for lead in ["a", "å"] {
                for count in 0...24 {
                    let text = String(repeating: lead, count: count) + piece + "bcdefghijklmnopqrstuv"
                    for collapsing in [false, true] {
                        #expect(
                            Self.written(text, collapsingSpace: collapsing)
                                == Self.reference(text, collapsingSpace: collapsing),
                            "\(text.debugDescription) \(collapsing)")
                    }
                }
            }
        }
    }

    /// Long texts of words and single spaces (copied eight bytes at a time) with every byte
    /// that ends such a run, and the bytes that could be mistaken for one (`!` after a space,
    /// `#` after a control byte), anywhere among them.
    @Test func longTextsOfWordsAndSpacesAreWrittenAsTheReferenceWrites() {
        var generator = SystemRandomNumberGenerator()
        let words = [
            "ord", "a", "upphandling", "å", "!", "#", "\"", "\\", "\u{7F}", "\u{2028}", "–", "\u{01}", "\t", "\n",
        ]
        let gaps = [" ", " ", " ", "  ", " !", "! ", "\t", " \n", " \"", ""]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...30, using: &generator) {
                text += words.randomElement(using: &generator)! + gaps.randomElement(using: &generator)!
            }
            for collapsing in [false, true] {
                #expect(
                    Self.written(text, collapsingSpace: collapsing)
                        == Self.reference(text, collapsingSpace: collapsing),
                    "\(text.debugDescription) \(collapsing)")
            }
        }
    }

    /// What `JavaScriptWriter.string` writes for `text`, without the file's prefix and end.
    static func written(_ text: String, collapsingSpace: Bool) -> [UInt8] {
        var writer = JavaScriptWriter(registering: "x")
        let before = writer.finish().count - 3 // the prefix, without ");\n"
        writer = JavaScriptWriter(registering: "x")
        writer.string(text, collapsingSpace: collapsingSpace)
        return Array(writer.finish().dropFirst(before).dropLast(3))
    }

    @Test func writesWhatEscapingByteByByteWrites() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            for collapsing in [false, true] {
                let expected = Self.reference(text, collapsingSpace: collapsing)
                let written = Self.written(text, collapsingSpace: collapsing)
                #expect(written == expected, "\(text.debugDescription) \(collapsing)")
            }
        }
    }
}
