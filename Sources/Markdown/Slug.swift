import Foundation

/// Stable ASCII slugs for URLs and heading ids: `Cirkulära Göteborg` -> `cirkulara-goteborg`.
public enum Slug {
    /// The slug of `text`: lower-case a–z, 0–9 and single hyphens; empty if nothing is left.
    public static func make(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        func emit(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                out.append(byte)
            }
        }
        for scalar in text.unicodeScalars {
            if let ascii = asciiAlphanumeric(scalar) {
                emit(CollectionOfOne(ascii))
            } else if let folded = fold(scalar) {
                emit(folded.utf8)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The slug crate's slug of `text` (Zola's `slugify = "on"` for paths and anchors): as `make`,
    /// with other scripts than Latin transliterated first. Its transliteration (deunicode) is stood
    /// in for by ICU's `Any-Latin; Latin-ASCII`, which agrees on Latin letters (`æ` -> `ae`, `ß`
    /// -> `ss`) and on most other scripts (`日本` -> `ri-ben`, `Привет` -> `privet`).
    public static func transliterated(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return make(text) }
        return make(text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? text)
    }

    private static func asciiAlphanumeric(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return UInt8(scalar.value)
        case 0x41...0x5A: return UInt8(scalar.value + 0x20)
        default: return nil
        }
    }

    /// The base letter of the accented letters of Latin-1 (U+00C0–U+00FF) without asking
    /// Foundation: Swedish headings are full of å, ä and ö.
    private static func latin1Base(_ value: UInt32) -> String? {
        // U+00C0–U+00DE are the capitals of U+00E0–U+00FE; ß (U+00DF) has no capital there.
        guard value >= 0xC0, value <= 0xFF, value != 0xDF else { return nil }
        switch value | 0x20 {
        case 0xE0...0xE5: return "a"
        case 0xE7: return "c"
        case 0xE8...0xEB: return "e"
        case 0xEC...0xEF: return "i"
        case 0xF1: return "n"
        case 0xF2...0xF6: return "o"
        case 0xF9...0xFC: return "u"
        case 0xFD, 0xFF: return "y"
        default: return nil
        }
    }

    // Letters with diacritics keep their base letter (å ä -> a, ö -> o, é -> e); a few letters
    // have no decomposition and get their usual transliteration.
    private static func fold(_ scalar: Unicode.Scalar) -> String? {
        guard scalar.value >= 0x80, scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
            return nil
        }
        if let latin = latin1Base(scalar.value) { return latin }
        switch scalar {
        case "æ", "Æ": return "ae"
        case "ø", "Ø": return "o"
        case "ß": return "ss"
        case "þ", "Þ": return "th"
        case "đ", "Đ", "ð", "Ð": return "d"
        case "ł", "Ł": return "l"
        default: break
        }
        let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
        if let ascii = asciiAlphanumeric(base) { return String(UnicodeScalar(ascii)) }
        return nil
    }
}
