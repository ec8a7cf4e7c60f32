/// Splits text into lower-cased words over its UTF-8 bytes.
///
/// A word is a run of letters, marks and digits (`WordCharacters`). Words joined by hyphens
/// (`e-handel`, `CO2-utsläpp`) yield each part and then the joined form (`ehandel`). ASCII and
/// Latin-1 letters are lower-cased here; a word with any other letter is flagged so its caller
/// lower-cases and NFC-normalises it once per distinct spelling (`Vocabulary.normalize`).
///
/// Chinese and Japanese put no spaces between words, and no dictionary says where one ends: a run
/// of their characters (`WordCharacters.Kind.ideograph`) yields each pair of neighbours
/// (`検索エンジン`: `検索`, `索エ`, `エン`, `ンジ`, `ジン`), a lone one itself, as Lucene's CJK
/// bigrams do. Thai, Lao, Khmer and Myanmar are written so too, and read so, by code points
/// with their marks, the same on both sides: `คู่มือ` gives
/// `คู`, `ู่`, `่ม`,
/// `มื`, `ือ`. A query word is split the same way in the engine, so any word of two or more
/// characters inside a sentence is found.
struct Tokenizer {
    // Copies of the tables, so the hot loop does not go through a global's lazy initialiser.
    private let ascii = WordCharacters.ascii
    private let table = WordCharacters.table

    init() {}

    /// Calls `emit` with each word's lower-cased bytes and whether it still needs normalising.
    mutating func tokenize(
        _ text: String,
        _ emit: (_ word: UnsafeBufferPointer<UInt8>, _ needsNormalization: Bool) -> Void
    ) {
        var text = text
        text.withUTF8 { bytes in tokenize(bytes, emit) }
    }

    /// The same for text given as UTF-8 bytes.
    mutating func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ emit: (_ word: UnsafeBufferPointer<UInt8>, _ needsNormalization: Bool) -> Void
    ) {
        let count = bytes.count
        var index = 0
        // The current word starts at `wordStart` (-1: none). It is read straight from `bytes`
        // until a letter needs lower-casing; from then on `part` holds the word so far.
        var wordStart = -1
        var copying = false
        var partSlow = false
        var joinedSlow = false
        var partsInRun = 0
        // The copied word and the hyphenated run's joined word, in one buffer of the text's own
        // length each (a copy is never longer than the text): no array checks on every byte
        // whether it must be copied or grown.
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(1, 2 * count))
        defer { scratch.deallocate() }
        var part = ScratchBytes(start: scratch)
        var joined = ScratchBytes(start: scratch + count)

        func emitWord(_ word: UnsafeBufferPointer<UInt8>, hyphenJoins: Bool) {
            emit(word, partSlow)
            if hyphenJoins || partsInRun > 0 {
                joined.append(word)
                joinedSlow = joinedSlow || partSlow
                partsInRun += 1
            }
        }

        // Ends the current word at `end`, a separator; `hyphenJoins` when it continues a hyphenated run.
        func endWord(at end: Int, hyphenJoins: Bool) {
            if wordStart < 0 { return }
            if copying {
                emitWord(part.buffer, hyphenJoins: hyphenJoins)
            } else {
                emitWord(UnsafeBufferPointer(rebasing: bytes[wordStart..<end]), hyphenJoins: hyphenJoins)
            }
            if !hyphenJoins { endRun() }
            part.count = 0
            wordStart = -1
            copying = false
            partSlow = false
        }

        /// Ends a hyphenated run (emitting the joined word of two parts or more).
        func endRun() {
            if partsInRun > 1 { emit(joined.buffer, joinedSlow) }
            if partsInRun > 0 {
                joined.count = 0
                joinedSlow = false
                partsInRun = 0
            }
        }

        /// Emits the pairs of the run of ideographs that starts at `start` with one of `length`
        /// bytes; returns where the run ends.
        func ideographPairs(from start: Int, length: Int) -> Int {
            var previous = start
            var next = start + length
            while next < count, bytes[next] >= 0x80 {
                let (value, length) = Self.decode(bytes, at: next)
                let kind = value < WordCharacters.tableEnd ? table[Int(value)] : WordCharacters.kind(of: value)
                guard kind == .ideograph else { break }
                emit(UnsafeBufferPointer(rebasing: bytes[previous..<next + length]), true)
                previous = next
                next += length
            }
            if previous == start { emit(UnsafeBufferPointer(rebasing: bytes[start..<next]), true) }
            return next
        }

        /// Switches the word at `index` to `part`: its bytes so far are copied once.
        func startCopying(at index: Int) {
            if wordStart < 0 { wordStart = index }
            if !copying {
                part.append(UnsafeBufferPointer(rebasing: bytes[wordStart..<index]))
                copying = true
            }
        }

        let ascii = self.ascii
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                switch ascii[Int(byte)] {
                case .plain:
                    if wordStart < 0 { wordStart = index }
                    // The rest of a run of plain letters, in a tight loop, copied in one go into a
                    // word that needed lower-casing.
                    let runStart = index
                    index = Self.plainRunEnd(bytes, from: index + 1)
                    if copying { part.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                    continue
                case .latin1Upper:
                    startCopying(at: index)
                    part.append(byte | 0x20)
                default:
                    let joins = byte == 0x2D && isWordStart(bytes, at: index + 1)
                    endWord(at: index, hyphenJoins: joins)
                }
                index += 1
                continue
            }
            let (value, length) = Self.decode(bytes, at: index)
            let kind = value < WordCharacters.tableEnd ? table[Int(value)] : WordCharacters.kind(of: value)
            switch kind {
            case .plain, .needsNormalization:
                if wordStart < 0 {
                    wordStart = index
                } else if copying {
                    part.append(UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                }
                if kind == .needsNormalization { partSlow = true }
            case .latin1Upper:
                startCopying(at: index)
                part.append(bytes[index])
                part.append(bytes[index + 1] | 0x20)
            case .separator:
                let joins = WordCharacters.isHyphen(value) && isWordStart(bytes, at: index + length)
                endWord(at: index, hyphenJoins: joins)
            case .ideograph:
                endWord(at: index, hyphenJoins: false)
                endRun()
                index = ideographPairs(from: index, length: length)
                continue
            }
            index += length
        }
        endWord(at: count, hyphenJoins: false)
    }

    /// Where a run of `.plain` characters that starts at `index` ends: ASCII digits and lower-case
    /// letters, and Latin-1's lower-case letters (`ß`, `à`–`ÿ` but `÷`: `C3 9F`–`C3 BF` but `C3 B7`),
    /// which are most of the rest of Swedish, German or French text.
    @inline(__always)
    static func plainRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        let count = bytes.count
        guard let base = bytes.baseAddress else { return index }
        while index < count {
            // Eight bytes at a time while they are there: where the first one that is not plain
            // ASCII is, without a branch per byte (a word's end is one mispredicted branch less).
            if index + 8 <= count {
                let plain = plainASCIIMask(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                if plain == ~0 {
                    index += 8
                    continue
                }
                index += (~plain).trailingZeroBitCount / 8
            } else {
                while index < count, isPlainASCII(bytes[index]) { index += 1 }
                if index == count { break }
            }
            if bytes[index] == 0xC3 && index + 1 < count && bytes[index + 1] >= 0x9F && bytes[index + 1] <= 0xBF
                && bytes[index + 1] != 0xB7
            {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    /// The bytes of a little-endian word that are plain ASCII (`isPlainASCII`), each as 0xFF, the
    /// others as 0x00: per byte, whether it is in `0`–`9` or `a`–`z`, from additions that cannot
    /// carry into the next byte (each byte below 0x80 plus at most 0x50 stays below 0x100).
    @inline(__always)
    static func plainASCIIMask(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let seven = word & ~high
        func atLeast(_ byte: UInt64) -> UInt64 { (seven &+ (0x80 - byte) &* 0x0101_0101_0101_0101) & high }
        let letter = atLeast(0x61) & ~atLeast(0x7B)
        let digit = atLeast(0x30) & ~atLeast(0x3A)
        // A byte of 0x80 or more is not ASCII: its low seven bits do not count.
        let bits = (letter | digit) & ~word & high
        return (bits >> 7) &* 0xFF
    }

    /// Whether a byte is ASCII of kind `.plain` (a digit or a lower-case letter), from two words
    /// of bits: the loop over a run of letters reads no table.
    @inline(__always)
    static func isPlainASCII(_ byte: UInt8) -> Bool {
        // Bits 48–57 of the low word: `0`–`9`; bits 33–58 of the high word: `a`–`z` (0x61–0x7A).
        let low: UInt64 = 0x03FF_0000_0000_0000
        let high: UInt64 = 0x07FF_FFFE_0000_0000
        guard byte < 0x80 else { return false }
        return ((byte < 64 ? low : high) >> UInt64(byte & 63)) & 1 != 0
    }

    /// Whether a word character starts at `index`.
    private func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        if byte < 0x80 { return ascii[Int(byte)] != .separator }
        let value = Self.decode(bytes, at: index).value
        return (value < WordCharacters.tableEnd ? table[Int(value)] : WordCharacters.kind(of: value)) != .separator
    }

    /// The scalar starting at `index` of valid UTF-8 and its length in bytes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return (
            (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F), 4
        )
    }
}

/// Bytes written into memory someone else owns and sized for them: the tokenizer's copy of a word.
private struct ScratchBytes {
    let start: UnsafeMutablePointer<UInt8>
    var count = 0

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        start[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        (start + count).update(from: source, count: bytes.count)
        count += bytes.count
    }
}
