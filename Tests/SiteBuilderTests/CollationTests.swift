import Foundation
import Testing
@testable import SiteBuilder

/// Swedish alphabetical order for listings.
@Suite struct CollationTests {
    let collation = Collation(language: "sv")

    @Test func swedishLettersComeAfterZ() {
        #expect(collation.sorted(["Örebro", "Ängelholm", "Åre", "Zürich", "avesta", "Borås"]) { $0 }
            == ["avesta", "Borås", "Zürich", "Åre", "Ängelholm", "Örebro"])
    }
}
