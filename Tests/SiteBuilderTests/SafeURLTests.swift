import Foundation
import PropertyBased
import Testing

@testable import SiteBuilder

/// The script URL check answers as a full comparison of the normalized text does.
@Suite struct SafeURLTests {
    /// The check without its shortcut: every text normalized the way browsers read a scheme.
    static func reference(_ text: String) -> Bool {
        let t = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
        return ["javascript:", "vbscript:", "data:"].contains(where: t.hasPrefix)
    }

    static let pieces = [
        "java", "JAVA", "script", "SCRIPT", "vb", "data", ":", "\u{FF1A}", "\u{FE55}", "\u{2236}", "\t", " ", "\n",
        "\u{1}", "İ", "\u{301}", "\u{200D}", "x", "alert(1)", "/", "å",
    ]
    /// Starts that are a scheme, or nearly, then anything from the pieces.
    static let starts = ["javascript", "java\tscript", " JAVASCRIPT", "vbscript", "data", "datax", "", "\u{1}"]
    static let text = Gen.element(of: pieces).map { $0 ?? "" }.array(of: 0...8)
        .map { (pieces: [String]) in starts[pieces.count % starts.count] + pieces.joined() }

    @Test func agreesWithTheFullComparison() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            #expect(SafeURL.isDangerous(text) == Self.reference(text), "\(text.debugDescription)")
        }
        for text in [
            "javascript:x", " JaVa\tScRiPt:x", "data:x", "vbscript:", "javascript", "javascript\u{FF1A}x",
            "En mening utan kolon",
        ] {
            #expect(SafeURL.isDangerous(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
