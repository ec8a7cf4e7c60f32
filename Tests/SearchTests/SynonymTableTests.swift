import Testing

@testable import Search

@Suite struct SynonymTableTests {
    @Test func variantsAreNormalisedWordsAndGroupsNeedTwo() {
        let table = SynonymTable([
            ["LCA", "Livscykelanalys", "lca"], ["ensam"], ["LOU", "Lagen om offentlig upphandling"],
        ])
        #expect(table.written == [["lca", "livscykelanalys"], ["lou", "lagen om offentlig upphandling"]])
        #expect(table.longestVariant == 4)
        #expect(table.endsVariant("upphandling") && !table.endsVariant("lagen"))
    }

    @Test func aMatchNeedsTheWholeVariantAtTheEnd() {
        let table = SynonymTable([["LOU", "lagen om offentlig upphandling"]])
        #expect(table.matches(endingWith: ["enligt", "lagen", "om", "offentlig", "upphandling"]).count == 1)
        #expect(table.matches(endingWith: ["om", "offentlig", "upphandling"]).isEmpty)
        #expect(table.matches(endingWith: ["lagen", "om", "offentlig", "upphandling", "ska"]).isEmpty)
        let lou = table.matches(endingWith: ["lou"])
        #expect(lou.count == 1 && table.addedWords(for: lou[0]) == ["lagen", "om", "offentlig", "upphandling"])
    }
}
