import Testing

@testable import SiteBuilder

/// The site's known paths in two parts answer as one set, and what changed between two builds
/// is exactly what one knows and the other does not.
@Suite struct KnownPathsTests {
    func known(pages: Set<String>, others: [String]) -> KnownPaths {
        var known = KnownPaths(pages: pages)
        for path in others { known.insert(path) }
        return known
    }

    @Test func containsWhatEitherPartHolds() {
        let known = known(pages: ["/projekt/a/"], others: ["/taggar/", "/projekt/a/"])
        #expect(known.contains("/projekt/a/") && known.contains("/taggar/") && !known.contains("/projekt/b/"))
        // A path of a page is not kept among the others as well.
        #expect(known.others == ["/taggar/"])
    }

    @Test func changedIsTheSymmetricDifferenceOfTheWholeSets() {
        let pages: Set<String> = ["/projekt/a/", "/projekt/b/"]
        let before = known(pages: pages, others: ["/taggar/", "/taggar/x/"])
        // The same pages: only the other paths are compared.
        let termGone = known(pages: pages, others: ["/taggar/"])
        #expect(termGone.changed(from: before) == ["/taggar/x/"])
        // A page moved onto a path that was a listing's: the listing's path is known still.
        let moved = known(pages: ["/projekt/a/", "/taggar/x/"], others: ["/taggar/"])
        #expect(moved.changed(from: before) == ["/projekt/b/"])
        #expect(before.changed(from: before).isEmpty)
    }

    @Test func formUnionKeepsThePartsApart() {
        var english = known(pages: ["/en/a/"], others: ["/en/"])
        english.formUnion(known(pages: ["/a/", "/en/a/"], others: ["/"]))
        #expect(english.pages == ["/en/a/"] && english.others == ["/en/", "/a/", "/"])
        #expect(english.contains("/a/") && english.contains("/en/a/"))
    }
}
