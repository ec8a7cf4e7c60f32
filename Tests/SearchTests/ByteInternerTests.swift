import Testing

@testable import Search

/// The interner tells strings apart by their bytes whatever their length, and gives ids in the
/// order the strings first come.
@Suite struct ByteInternerTests {
    /// Strings of every length up to 40 that differ in one byte (first, middle or last), or
    /// only in length (trailing zero bytes), each get an id of their own and are found again.
    @Test func stringsThatDifferInOneByteOrInLengthGetTheirOwnIds() {
        var interner = ByteInterner()
        var strings: [[UInt8]] = []
        for length in 0...40 {
            let base = (0..<length).map { UInt8(97 + $0 % 26) }
            strings.append(base)
            strings.append(base + [0])
            for position in Set([0, length / 2, length - 1]) where position >= 0 && position < length {
                var changed = base
                changed[position] = 0xC3
                strings.append(changed)
            }
        }
        var unique: [[UInt8]] = []
        for string in strings where !unique.contains(string) { unique.append(string) }
        for (expected, string) in unique.enumerated() {
            let (id, isNew) = string.withUnsafeBufferPointer { interner.intern($0) }
            #expect(id == Int32(expected) && isNew, "\(string)")
        }
        for (expected, string) in unique.enumerated() {
            #expect(string.withUnsafeBufferPointer { interner.find($0) } == Int32(expected), "\(string)")
            #expect(interner.withBytes(Int32(expected)) { Array($0) } == string)
        }
        #expect(interner.count == unique.count)
    }

    /// The loop over a run of letters reads bits instead of the table: the same bytes are plain.
    @Test func thePlainASCIIBitsAreTheTablesPlainBytes() {
        for byte in 0..<256 {
            #expect(
                Tokenizer.isPlainASCII(UInt8(byte)) == (byte < 128 && WordCharacters.ascii[byte] == .plain), "\(byte)")
        }
    }

    /// The eight-byte mask marks exactly the plain bytes, wherever each byte value stands in a word.
    @Test func theEightByteMaskMarksThePlainBytes() {
        for byte in 0..<256 {
            for position in 0..<8 {
                // The other bytes plain (`a`) or not (`A`, 0xC3), so a carry or borrow would show.
                for filler: UInt8 in [0x61, 0x41, 0xC3, 0x7B, 0x39] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = UInt8(byte)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let mask = Tokenizer.plainASCIIMask(UInt64(littleEndian: word))
                    for (index, value) in bytes.enumerated() {
                        let marked = (mask >> (8 * UInt64(index))) & 0xFF
                        #expect(marked == (Tokenizer.isPlainASCII(value) ? 0xFF : 0), "\(bytes) at \(index)")
                    }
                }
            }
        }
    }

    /// A run found eight bytes at a time ends where the byte-by-byte rule ends it, for runs of
    /// every length around the word boundaries and at the end of the text.
    @Test func aRunEndsWhereTheByteRuleEndsIt() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [[UInt8]] = [
            [0x61], [0x7A], [0x30], [0x39], [0x20], [0x41], [0x2D], [0xC3, 0xA5], [0xC3, 0xB7], [0xC3, 0x85],
            [0xC3, 0x9F], [0xC3, 0xBF], [0xE2, 0x80, 0x94], [0x7B], [0x60], [0x2F], [0x3A],
        ]
        for _ in 0..<3_000 {
            var text: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                // Mostly letters, so long runs cross the eight-byte steps.
                text +=
                    Int.random(in: 0..<3, using: &generator) == 0 ? alphabet.randomElement(using: &generator)! : [0x61]
            }
            text.withUnsafeBufferPointer { bytes in
                for start in 0..<bytes.count {
                    var expected = start
                    while expected < bytes.count {
                        if Tokenizer.isPlainASCII(bytes[expected]) {
                            expected += 1
                        } else if bytes[expected] == 0xC3 && expected + 1 < bytes.count
                            && (0x9F...0xBF).contains(bytes[expected + 1]) && bytes[expected + 1] != 0xB7
                        {
                            expected += 2
                        } else {
                            break
                        }
                    }
                    #expect(Tokenizer.plainRunEnd(bytes, from: start) == expected, "\(text) from \(start)")
                }
            }
        }
    }
}
