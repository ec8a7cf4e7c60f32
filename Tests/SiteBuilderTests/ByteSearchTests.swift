import Foundation
import Testing

@testable import SiteBuilder

/// The byte search behind the NUL and carriage return checks of every page.
@Suite struct ByteSearchTests {
    @Test func findsTheFirstByteByItsUTF8Offset() {
        #expect("".firstUTF8Offset(of: 0) == nil)
        #expect("abc".firstUTF8Offset(of: 0) == nil)
        #expect("å\0x\0".firstUTF8Offset(of: 0) == 2)
        #expect("a\r\nb\r".firstUTF8Offset(of: 13) == 1)
        #expect(String("xxå\r"[...].dropFirst()).firstUTF8Offset(of: 13) == 3)
        #expect(String(repeating: "ö", count: 5_000).appending("\n").firstUTF8Offset(of: 10) == 10_000)
    }

    @Test func findsAWholeNeedleWhereverItStands() {
        let needle = "class=\"glossary-entry\""
        #expect(Array("".utf8).containsUTF8(needle) == false)
        #expect(Array("class=\"glossary-entr".utf8).containsUTF8(needle) == false)
        #expect(Array(needle.utf8).containsUTF8(needle))
        #expect(
            Array(("<p class=\"x\">ö</p>" + String(repeating: "c", count: 3000) + needle).utf8).containsUTF8(needle))
        #expect(Array("<div class=\"glossary-entry\" id=\"a\">".utf8).containsUTF8(needle))
        #expect(Array("<div class=\"glossary-Entry\">".utf8).containsUTF8(needle) == false)
        #expect(Array("abc".utf8).containsUTF8(""))
        #expect("å\(needle)".containsUTF8(needle) && !"å".containsUTF8(needle))
    }

    /// Short needles (found by their first byte) and long ones (by memmem) agree with a naive
    /// search on random texts where their bytes and near misses are common, at every position.
    @Test func shortAndLongNeedlesAreFoundAsANaiveSearchFindsThem() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("{{%#ab}".utf8) + [0xC3, 0xB6]
        for needle in ["{{", "{%", "{{#", "{", "ab{{", "{{#}}"] {
            let wanted = Array(needle.utf8)
            for _ in 0..<500 {
                let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator)!
                }
                let naive =
                    text.count >= wanted.count
                    && (0...(text.count - wanted.count)).contains { Array(text[$0..<$0 + wanted.count]) == wanted }
                #expect(text.containsUTF8(needle) == naive, "\(needle) in \(text)")
            }
        }
    }

    @Test func aNulBytePointsAtItsLineAndColumn() throws {
        var content = Fixture.basic
        content["projekt/nul.md"] = "---\ntitle: å\0\ntags: [cirkulär]\n---\n"
        let result = try Fixture(content: content).build()
        #expect(
            result.messages == [
                "Content/projekt/nul.md:2:9: error: file contains a NUL byte; remove it; the file may be binary or "
                    + "damaged"
            ])
    }
}
