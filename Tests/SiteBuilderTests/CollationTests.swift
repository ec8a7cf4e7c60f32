import Foundation
import PropertyBased
import Testing

@testable import SiteBuilder

/// Swedish alphabetical order for listings.
@Suite struct CollationTests {
    let collation = Collation(language: "sv")

    @Test func swedishLettersComeAfterZ() {
        #expect(
            collation.sorted(["Örebro", "Ängelholm", "Åre", "Zürich", "avesta", "Borås"]) { $0 }
                == ["avesta", "Borås", "Zürich", "Åre", "Ängelholm", "Örebro"])
    }

    static let pieces = [
        "a", "b", "A", "B", "z", "Z", "v", "w", "V", "W", "0", "9", " ", "  ", "-", ":", ".", "å", "Å", "ä", "ö", "Ö",
        "ü", "é", "e", "\u{30A}", "\u{301}", "aa", "th", "þ", "ß", "ss", "ø", "æ", "y", "ij", "Ä", "–", "”", "\u{A0}",
        "\u{1E99}",
    ]
    static let text = Gen.element(of: pieces).map { $0 ?? "" }.array(of: 0...6).map { $0.joined() }

    /// Wherever the quick order answers, it is the locale's.
    @Test func plainOrderAgreesWithTheLocale() async {
        let collation = collation
        await propertyCheck(count: 20000, input: zip(Self.text, Self.text)) { (pair: (String, String)) in
            let (a, b) = pair
            guard let quick = Collation.plainOrder(a, b) else { return }
            let locale =
                a.compare(b, options: [.caseInsensitive], range: nil, locale: collation.locale) == .orderedAscending
            #expect(
                quick == locale,
                Comment(
                    rawValue: "\(a.debugDescription) \(b.debugDescription) "
                        + "\(a.unicodeScalars.map { String($0.value, radix: 16) }) "
                        + "\(b.unicodeScalars.map { String($0.value, radix: 16) })")
            )
        }
    }

    /// English uses the quick order for ASCII letters and digits only, and there it is the
    /// English locale's (ä sorts with a, not after z).
    @Test func plainOrderWithoutSwedishLettersAgreesWithTheEnglishLocale() async {
        let english = Collation(language: "en")
        await propertyCheck(count: 20000, input: zip(Self.text, Self.text)) { (pair: (String, String)) in
            let (a, b) = pair
            guard let quick = Collation.plainOrder(a, b, swedish: false) else { return }
            let locale =
                a.compare(b, options: [.caseInsensitive], range: nil, locale: english.locale) == .orderedAscending
            #expect(quick == locale, "\(a.debugDescription) \(b.debugDescription)")
        }
        #expect(english.less("Ängelholm", "Borås") && !Collation(language: "sv").less("Ängelholm", "Borås"))
    }

    /// Listing order does not depend on the order titles come in, even for texts where the
    /// locale's comparison is not a strict order (combining marks).
    @Test func orderDoesNotDependOnTheInputOrder() async {
        let collation = collation
        await propertyCheck(count: 10, input: Self.text.array(of: 100...300)) { (texts: [String]) in
            let distinct = Array(Set(texts))
            #expect(collation.sortedDistinct(distinct) == collation.sortedDistinct(distinct.shuffled()))
        }
    }

    @Test func plainOrderAnswersForTypicalTitles() {
        #expect(Collation.plainOrder("Cirkulär upphandling av mattor", "Cirkulär upphandling av belysning") == false)
        #expect(Collation.plainOrder("Klimatkrav i bygg", "klimatkrav i Drift") == true)
        #expect(Collation.plainOrder("Öresund", "Kalmar") == false)
        #expect(Collation.plainOrder("Återbruk av mattor", "återbruk av Ängar") == true)
        #expect(Collation.plainOrder("ab\u{301}", "ä") == nil)
        #expect(Collation.plainOrder("Abc", "abc") == nil)
        #expect(Collation.plainOrder("Vägar", "Wien") == nil)
        #expect(Collation.plainOrder("Åa\u{301}", "Åb") == nil)
    }
}
