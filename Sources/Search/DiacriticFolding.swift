import Foundation

/// The diacritic-free form of a word, the fallback key for queries typed without å, ä, ö, é.
enum DiacriticFolding {
    /// `göteborg` -> `goteborg`: canonical decomposition without combining marks U+0300–U+036F,
    /// exactly what the engine's `normalize("NFD").replace(/[\u0300-\u036f]/g, "")` does.
    static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
        if let folded = foldByTable(word) { return folded }
        return foldByDecomposing(word)
    }

    /// The definition: Foundation's canonical decomposition, marks U+0300–U+036F left out.
    static func foldByDecomposing(_ word: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars
        where !(0x300...0x36F).contains(scalar.value) {
            folded.append(scalar)
        }
        return String(folded)
    }

    /// The folded form of each scalar below U+0300 (`foldByDecomposing` of the scalar alone),
    /// or nil where it keeps a combining mark, whose place could depend on its neighbours.
    private static let folds: [String?] = (0..<0x300).map { value in
        let folded = foldByDecomposing(String(Unicode.Scalar(UInt32(value))!))
        return folded.unicodeScalars.allSatisfy { $0.properties.canonicalCombiningClass == .notReordered }
            ? folded : nil
    }

    /// The fold of a word of scalars below U+0300, scalar by scalar: the decomposition of such
    /// a word is that of its scalars one after another (their marks are all removed, so their
    /// canonical order does not matter). Nil for other words.
    private static func foldByTable(_ word: String) -> String? {
        // Lead bytes below 0xCC: every scalar is below U+0300.
        guard word.utf8.allSatisfy({ $0 < 0xCC }) else { return nil }
        let folds = self.folds
        var folded = ""
        for scalar in word.unicodeScalars {
            guard let part = folds[Int(scalar.value)] else { return nil }
            folded += part
        }
        return folded
    }
}
