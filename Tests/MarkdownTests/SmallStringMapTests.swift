import Testing

@testable import Markdown

/// The small map answers as a `Dictionary` does, below and beyond the number of keys it compares
/// in a row, for keys that are equal only as canonically equivalent text.
@Suite struct SmallStringMapTests {
    @Test func answersAsADictionaryDoes() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b", "é", "e\u{301}", "ö", "o\u{308}", "_", "1"]
        for _ in 0..<500 {
            var map = SmallStringMap<Int>()
            var reference: [String: Int] = [:]
            for step in 0..<Int.random(in: 0...60, using: &generator) {
                let key = (0..<Int.random(in: 1...2, using: &generator)).map { _ in
                    pieces.randomElement(using: &generator)!
                }.joined()
                switch Int.random(in: 0..<4, using: &generator) {
                case 0:
                    let inserted = reference[key] == nil
                    if inserted { reference[key] = step }
                    #expect(map.insert(key, step) == inserted, "\(key.debugDescription)")
                case 1:
                    map[key] = nil
                    reference[key] = nil
                default:
                    map[key] = step
                    reference[key] = step
                }
                for probe in pieces { #expect(map[probe] == reference[probe], "\(probe.debugDescription)") }
                #expect(map[key] == reference[key])
            }
        }
    }
}
