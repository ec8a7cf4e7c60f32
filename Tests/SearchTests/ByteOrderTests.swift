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

    /// Terms sorted over one buffer of keys come in the order of the comparison of their strings
    /// (folded key, stem, a term before its alias), and terms equal in all three in the order
    /// given, as a stable sort leaves them. Keys are NFC (words are normalised before they are
    /// terms), where equal strings are equal bytes.
    @Test func termsAreSortedByFoldedKeyStemAndAliasStably() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["", "a", "å", "ab", "b", "e", "é", "ß", " ", "z", "\u{10348}"]
        for _ in 0..<200 {
            let terms = (0..<Int.random(in: 0...60, using: &generator)).map { number in
                InvertedIndex.Term(
                    stem: pieces.randomElement(using: &generator)! + pieces.randomElement(using: &generator)!,
                    folded: pieces.randomElement(using: &generator)!, exact: [UInt32(number)][...], compound: [],
                    alias: Bool.random(using: &generator) ? nil : "x")
            }
            let expected = terms.enumerated().sorted { left, right in
                let (a, b) = (left.element, right.element)
                if a.folded != b.folded { return a.folded.utf8.lexicographicallyPrecedes(b.folded.utf8) }
                if Array(a.stem.utf8) != Array(b.stem.utf8) {
                    return a.stem.utf8.lexicographicallyPrecedes(b.stem.utf8)
                }
                if (a.alias == nil) != (b.alias == nil) { return a.alias == nil }
                return left.offset < right.offset
            }.map(\.element.exact)
            #expect(InvertedIndex.sorted(terms).map(\.exact) == expected)
        }
    }
}
