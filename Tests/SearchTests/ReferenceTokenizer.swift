@testable import Search

/// The tokenizer as it was before words were read straight from the text: every byte of every
/// word copied into a buffer. Kept as the reference the faster one is tested against.
struct ReferenceTokenizer {
    private var part: [UInt8] = []
    private var joined: [UInt8] = []
    // A copy of the table, so the hot loop does not go through a global's lazy initialiser.
    private let ascii = WordCharacters.ascii

    init() {
        part.reserveCapacity(64)
        joined.reserveCapacity(128)
    }

    /// Calls `emit` with each word's lower-cased bytes and whether it still needs normalising.
    mutating func tokenize(
        _ text: String,
        _ emit: (_ word: UnsafeBufferPointer<UInt8>, _ needsNormalization: Bool) -> Void
    ) {
        var text = text
        text.withUTF8 { bytes in tokenize(bytes, emit) }
    }

    private mutating func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ emit: (_ word: UnsafeBufferPointer<UInt8>, _ needsNormalization: Bool) -> Void
    ) {
        let count = bytes.count
        var index = 0
        var partSlow = false
        var joinedSlow = false
        var partsInRun = 0
        part.removeAll(keepingCapacity: true)
        joined.removeAll(keepingCapacity: true)

        // Ends the current word at a separator; `hyphenJoins` when it continues a hyphenated run.
        func endWord(hyphenJoins: Bool) {
            if part.isEmpty { return }
            part.withUnsafeBufferPointer { emit($0, partSlow) }
            if hyphenJoins || partsInRun > 0 {
                joined.append(contentsOf: part)
                joinedSlow = joinedSlow || partSlow
                partsInRun += 1
            }
            if !hyphenJoins {
                if partsInRun > 1 { joined.withUnsafeBufferPointer { emit($0, joinedSlow) } }
                joined.removeAll(keepingCapacity: true)
                joinedSlow = false
                partsInRun = 0
            }
            part.removeAll(keepingCapacity: true)
            partSlow = false
        }

        let ascii = self.ascii
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                switch ascii[Int(byte)] {
                case .plain:
                    part.append(byte)
                case .latin1Upper:
                    part.append(byte | 0x20)
                default:
                    let joins = byte == 0x2D && isWordStart(bytes, at: index + 1)
                    endWord(hyphenJoins: joins)
                }
                index += 1
                continue
            }
            let (value, length) = Tokenizer.decode(bytes, at: index)
            switch WordCharacters.kind(of: value) {
            case .plain:
                part.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
            case .latin1Upper:
                part.append(bytes[index])
                part.append(bytes[index + 1] | 0x20)
            case .needsNormalization:
                part.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                partSlow = true
            case .separator:
                let joins = WordCharacters.isHyphen(value) && isWordStart(bytes, at: index + length)
                endWord(hyphenJoins: joins)
            case .ideograph:
                // Ends the word and any hyphenated run; the run of ideographs gives its pairs.
                endWord(hyphenJoins: false)
                if partsInRun > 1 { joined.withUnsafeBufferPointer { emit($0, joinedSlow) } }
                joined.removeAll(keepingCapacity: true)
                joinedSlow = false
                partsInRun = 0
                var run: [[UInt8]] = []
                while index < count, bytes[index] >= 0x80 {
                    let (value, length) = Tokenizer.decode(bytes, at: index)
                    guard WordCharacters.kind(of: value) == .ideograph else { break }
                    run.append(Array(bytes[index..<index + length]))
                    index += length
                }
                if run.count == 1 { run[0].withUnsafeBufferPointer { emit($0, true) } }
                for pair in zip(run, run.dropFirst()) { (pair.0 + pair.1).withUnsafeBufferPointer { emit($0, true) } }
                continue
            }
            index += length
        }
        endWord(hyphenJoins: false)
    }

    /// Whether a word character starts at `index`.
    private func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        if byte < 0x80 { return ascii[Int(byte)] != .separator }
        return WordCharacters.kind(of: Tokenizer.decode(bytes, at: index).value) != .separator
    }
}
