import Foundation
import PropertyBased
import Testing

@testable import SiteBuilder

/// JSON string literals written for scripts and `<script type="application/ld+json">`.
@Suite struct JSONTextTests {
    @Test func escapesWhatJSONAndScriptsNeed() {
        #expect(JSON.string("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSON.string("1\n2\r3\t4") == #""1\n2\r3\t4""#)
        #expect(JSON.string("\u{0}\u{1F}\u{7F}") == "\"\\u0000\\u001f\u{7F}\"")
        #expect(JSON.string("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
        #expect(JSON.string("</script>&") == "\"</script>&\"")
        #expect(JSON.string("</script><!--&", inScript: true) == #""\u003c/script\u003e\u003c!--\u0026""#)
        // U+2013 and U+2020 start with the same byte as U+2028 and are not escaped.
        #expect(JSON.string("– † ‧ ‪", inScript: true) == "\"– † ‧ ‪\"")
        #expect(JSON.string("") == "\"\"")
    }

    static let pieces = [
        "a", "å", "ö", "😀", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", " ", "<", ">", "&", "/",
        "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "–", "\u{E2}", "\u{80}", "\u{A8}", "\u{7F}", "\u{FFFD}",
    ]
    static let text = Gen.element(of: pieces).map { $0 ?? "" }.array(of: 0...30).map { $0.joined() }

    /// Any text comes back from a JSON parser as it went in, escaped exactly where the scalar
    /// by scalar rules say (the bytes are written a run at a time, so this checks the runs).
    @Test func anyTextReadsBackAndIsEscapedScalarByScalar() async {
        await propertyCheck(count: 3000, input: zip(Self.text, Gen.bool)) { (input: (String, Bool)) in
            let (text, inScript) = input
            let written = JSON.string(text, inScript: inScript)
            #expect(written == Self.scalarByScalar(text, inScript: inScript))
            let parsed =
                try? JSONSerialization.jsonObject(
                    with: Data("[\(written)]".utf8), options: []) as? [String]
            #expect(parsed == [text])
            if inScript { #expect(!written.contains("<") && !written.contains(">") && !written.contains("&")) }
            #expect(!written.contains("\u{2028}") && !written.contains("\u{2029}"))
        }
    }

    /// The rules one scalar at a time: the reference the byte-wise writer is checked against.
    static func scalarByScalar(_ text: String, inScript: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}", "\u{2029}", "\u{0}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case "<" where inScript, ">" where inScript, "&" where inScript:
                out += "\\u00" + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
