import Testing

@testable import Search

/// The index sorts paths, terms and keys in UTF-8 byte order, as the engine compares them.
@Suite struct ByteOrderTests {
    /// `precedes` (memcmp, then length) orders strings as their UTF-8 bytes do, for every pair
    /// of a set with empty strings, prefixes of one another, ASCII and multi-byte letters.
    @Test func precedesIsUTF8ByteOrder() {
        let letters = ["", "a", "b", "z", "å", "ä", "ö", "é", "e\u{301}", " ", "ß", "\u{10348}", "A"]
        var strings: Set<String> = []
        for first in letters {
            for second in letters {
                for third in ["", "a", "ö"] { strings.insert(first + second + third) }
            }
        }
        strings.insert(String(repeating: "ab", count: 20))
        strings.insert(String(repeating: "ab", count: 20) + "c")
        for left in strings {
            for right in strings {
                #expect(
                    InvertedIndex.precedes(left, right) == left.utf8.lexicographicallyPrecedes(right.utf8),
                    "\(left) \(right)")
            }
        }
    }
}
