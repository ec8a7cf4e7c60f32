import Foundation

/// The diacritic-free form of a word, the fallback key for queries typed without å, ä, ö, é.
enum DiacriticFolding {
    /// `göteborg` -> `goteborg`: canonical decomposition without combining marks U+0300–U+036F,
    /// exactly what the engine's `normalize("NFD").replace(/[\u0300-\u036f]/g, "")` does.
    static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
        var folded = String.UnicodeScalarView()
        for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars
        where !(0x300...0x36F).contains(scalar.value) {
            folded.append(scalar)
        }
        return String(folded)
    }
}
