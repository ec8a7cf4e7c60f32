/// Which Unicode scalars belong to words: letters, marks and numbers (categories L, M, N), the same
/// set as the engine's `[\p{L}\p{M}\p{N}]`.
enum WordCharacters {
    /// How a scalar takes part in a word.
    enum Kind: UInt8 {
        /// Not part of a word: spaces, punctuation, symbols.
        case separator
        /// A word character that is already lower-case and in NFC as far as the fast path knows.
        case plain
        /// An upper-case letter in U+00C0–U+00DE: lower-case by adding 0x20 to its second UTF-8 byte.
        case latin1Upper
        /// A word character that needs Unicode lower-casing or NFC on its word (slow path, once per word).
        case needsNormalization
        /// A Chinese character, Japanese kana, or a letter of Thai, Lao, Khmer or Myanmar: text in
        /// these scripts has no spaces between its words, so the tokenizer gives each pair of
        /// neighbours as a word (`isIdeographic`).
        case ideograph
    }

    /// Kinds of the ASCII bytes: digits and lower-case letters plain, A–Z upper (handled by `| 0x20`).
    static let ascii: [Kind] = (0..<128).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"): return .plain
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return .latin1Upper
        default: return .separator
        }
    }

    /// Whether an ASCII byte is a letter (A–Z, a–z), the ASCII scalars that are alphabetic.
    static func isAlphabeticASCII(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// Kinds of U+0080–U+00FF, looked up by `scalar - 0x80`.
    static let latin1: [Kind] = (0x80...0xFF).map { value in
        let scalar = Unicode.Scalar(UInt32(value))!
        guard isWord(scalar) else { return .separator }
        if (0xC0...0xDE).contains(value) && value != 0xD7 { return .latin1Upper }
        return .plain
    }

    /// Kinds of the scalars below `tableEnd` (ASCII, Latin-1, the other European scripts and
    /// the general punctuation of running text), looked up by value, so the tokenizer asks
    /// Unicode's tables only for the rest.
    static let table: [Kind] = (0..<tableEnd).map { kind(of: UInt32($0)) }
    static let tableEnd = 0x3000

    /// The kind of any scalar.
    static func kind(of value: UInt32) -> Kind {
        if value < 0x80 { return ascii[Int(value)] }
        if value < 0x100 { return latin1[Int(value) - 0x80] }
        guard let scalar = Unicode.Scalar(value), isWord(scalar) else { return .separator }
        return isIdeographic(value) ? .ideograph : .needsNormalization
    }

    /// Whether a scalar is in the blocks of Han characters (with the iteration mark 々 and the
    /// numerals 〇, 〡–〩) or of kana, full and half width, or of Thai, Lao, Khmer or Myanmar: the
    /// scripts written without spaces between words, whose runs the tokenizer reads as pairs. The
    /// engine's `IDEOGRAPHIC` is the same set. Korean is written with spaces between words and
    /// stays with the other scripts.
    static func isIdeographic(_ value: UInt32) -> Bool {
        switch value {
        case 0x0E01...0x0E2E, 0x0E30...0x0E3A, 0x0E40...0x0E4E, 0x0E50...0x0E59, // Thai (not ฯ ๏ ๚ ๛)
            0x0E80...0x0EFF, // Lao
            0x1000...0x109F, // Myanmar
            0x1780...0x17D3, 0x17D7, 0x17DC...0x17FF, // Khmer (not its sentence marks ។ ៕ …)
            0x3005, 0x3007, 0x3021...0x3029, 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xF900...0xFAFF, 0xFF66...0xFF9F, 0x20000...0x2FA1F, 0x30000...0x3134F:
            return true
        default:
            return false
        }
    }

    /// Whether a scalar is a word character of kind `.ideograph`.
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        isIdeographic(scalar.value) && isWord(scalar)
    }

    /// Whether a scalar is a letter, mark or number, from the table where it has the scalar.
    static func isWordFast(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < tableEnd ? table[Int(scalar.value)] != .separator : isWord(scalar)
    }

    /// Whether a scalar is a letter, mark or number.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Whether a scalar joins two words into a hyphenated run: `-`, U+2010 hyphen, U+2011 non-breaking hyphen.
    static func isHyphen(_ value: UInt32) -> Bool {
        value == 0x2D || value == 0x2010 || value == 0x2011
    }
}
