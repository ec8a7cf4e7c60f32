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
}
