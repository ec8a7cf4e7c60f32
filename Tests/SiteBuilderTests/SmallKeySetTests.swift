import Testing

@testable import SiteBuilder

/// The front matter reader's duplicate-key check answers as a `Set` does, below and beyond the
/// number of keys it compares in a row, for keys that are equal only as canonically equivalent text.
@Suite struct SmallKeySetTests {
    @Test func findsTheDuplicatesASetFinds() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b", "é", "e\u{301}", "ö", "o\u{308}", "_", "1"]
        for _ in 0..<500 {
            var keys = SmallKeySet()
            var reference = Set<String>()
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                let key = (0..<Int.random(in: 1...2, using: &generator)).map { _ in
                    pieces.randomElement(using: &generator)!
                }.joined()
                #expect(keys.insert(key) == reference.insert(key).inserted, "\(key.debugDescription)")
            }
        }
    }
}
