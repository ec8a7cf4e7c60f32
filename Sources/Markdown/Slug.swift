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

    private static func asciiAlphanumeric(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return UInt8(scalar.value)
        case 0x41...0x5A: return UInt8(scalar.value + 0x20)
        default: return nil
        }
    }

    // Letters with diacritics keep their base letter (å ä -> a, ö -> o, é -> e); a few letters
    // have no decomposition and get their usual transliteration.
    private static func fold(_ scalar: Unicode.Scalar) -> String? {
        guard scalar.value >= 0x80, scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
            return nil
        }
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
