import Foundation
import PropertyBased
import Testing

@testable import Search

/// Random text from the characters that matter to a tokenizer: every word it yields is non-empty,
/// lower case, made of letters, marks and digits only, and appears in the text (folded).
@Suite struct TokenizerPropertyTests {
    static let pieces = [
        "a", "Å", "ä", "Ö", "é", "e\u{301}", "ß", "1", "-", "\u{2010}", " ", "\n", "\t", ".", ",", "“", "”",
        "\u{0}", "\u{FEFF}", "\u{200B}", "€", "😀", "Σ", "ǅ", "İ", "ﬁ", "upphandling", "CO2", "--", "-a-",
        // Chinese characters and kana: read as pairs of neighbours, a lone one as itself.
        "集", "群", "検索", "エンジン", "ー", "々", "。", "\u{F900}", "\u{20000}",
    ]
    static let text = Gen.element(of: pieces).map { $0 ?? "" }.array(of: 0...80).map { $0.joined() }

    @Test func wordsAreCleanAndComeFromTheText() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            let words = indexWords(text)
            let folded = text.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
            for word in words {
                #expect(!word.isEmpty)
                #expect(word == word.lowercased())
                #expect(
                    word.unicodeScalars.allSatisfy {
                        $0.properties.isAlphabetic || $0.properties.numericType != nil
                            || $0.properties.generalCategory == .nonspacingMark
                    })
                let plain = word.folding(options: [.diacriticInsensitive], locale: nil)
                #expect(
                    folded.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "\u{2010}", with: "")
                        .contains(plain) || folded.contains(plain),
                    "'\(word)' is not in '\(text)'")
            }
        }
    }

    /// Words are read straight from the text until a letter needs lower-casing: the same words,
    /// flags and order as the tokenizer that copied every byte, for text mixing case, hyphens and
    /// letters that need normalising.
    static let mixed = Gen.element(
        of: pieces + [
            "A", "Ä", "ÅÄÖ", "Upphandling", "uPP", "E-handel", "CO2-Utsläpp", "Σ-a", "÷", "×", "ÿ", "Ü", "àß",
        ]
    )
    .map { $0 ?? "" }.array(of: 0...80).map { $0.joined() }

    @Test func sameWordsAsTheCopyingTokenizer() async {
        func words(_ text: String, _ tokenize: (String, (UnsafeBufferPointer<UInt8>, Bool) -> Void) -> Void) -> [String]
        {
            var out: [String] = []
            tokenize(text) { out.append("\(String(decoding: $0, as: UTF8.self))|\($1)") }
            return out
        }
        await propertyCheck(count: 1000, input: Self.mixed) { text in
            var fast = Tokenizer()
            var reference = ReferenceTokenizer()
            #expect(words(text) { fast.tokenize($0, $1) } == words(text) { reference.tokenize($0, $1) }, "\(text)")
        }
    }
}
