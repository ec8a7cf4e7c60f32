import Testing

@testable import Search

/// How the index weighs a word in documents of different kinds and lengths.
@Suite struct RankingTests {
    /// The impact of `stem` in each document that has it, by path.
    func impacts(_ documents: [SearchDocument], _ stem: String) -> [String: UInt32] {
        let index = InvertedIndex(chunks: [AnalysedChunk(documents)], language: "sv")
        let postings = Array(index.terms.first { $0.stem == stem }?.exact ?? [])
        var found: [String: UInt32] = [:]
        for pair in stride(from: 0, to: postings.count, by: 2) {
            found[documents[Int(postings[pair])].path] = postings[pair + 1]
        }
        return found
    }

    func filler(_ count: Int, _ seed: Int) -> String {
        (0..<count).map { "ord\(seed)x\($0)" }.joined(separator: " ")
    }

    @Test func lengthIsComparedWithinTheDocumentsKind() {
        // Two long projects, one about railways (the word three times); many two-line records of
        // another kind, one of which names railways once. Against the average of all documents
        // the long project would look padded and the short record win.
        var documents = [
            FixtureDocuments.document(
                "/projekt/a/", "Projekt A", body: filler(150, 1) + " järnväg " + filler(100, 2) + " järnväg järnväg"),
            FixtureDocuments.document("/projekt/b/", "Projekt B", body: filler(300, 3)),
        ]
        for number in 0..<30 {
            var record = FixtureDocuments.document(
                "/organisationer/\(number)/", "Organisation \(number)",
                body: filler(8, 10 + number) + (number == 0 ? " järnväg" : ""))
            record.kind = 1
            documents.append(record)
        }
        let found = impacts(documents, "järnväg")
        #expect(found.count == 2)
        #expect(found["/projekt/a/", default: 0] > found["/organisationer/0/", default: 0], "\(found)")
    }

    @Test func aSiteOfOneKindKeepsItsImpacts() {
        // One kind: the kind's average is the site's, as before.
        let documents = [
            FixtureDocuments.document("/a/", "A", body: filler(40, 1) + " järnväg"),
            FixtureDocuments.document("/b/", "B", body: filler(5, 2) + " järnväg"),
            FixtureDocuments.document("/c/", "C", body: filler(20, 3)),
        ]
        let chunk = AnalysedChunk(documents)
        let average = Double(chunk.lengths.reduce(0, +)) / 3
        let found = impacts(documents, "järnväg")
        for (path, length) in [("/a/", chunk.lengths[0]), ("/b/", chunk.lengths[1])] {
            let norm = InvertedIndex.k1 * (1 - InvertedIndex.b + InvertedIndex.b * Double(length) / average)
            #expect(found[path] == InvertedIndex.impact(1, norm: norm), "\(path)")
        }
    }
}

@Suite struct HeadingKeyTests {
    @Test func headingsAreNameKeysOfLowerImpact() {
        let stemmer = WordStemmer(language: "sv")
        let documents = [
            FixtureDocuments.document(
                "/projekt/a/", "Trafikverket", headings: ["Klimatkrav i upphandlingar", "Bakgrund"], body: "Text."),
            FixtureDocuments.document("/ordlista/#klimatkrav", "Klimatkrav i upphandlingar", body: "Krav."),
            FixtureDocuments.document("/projekt/b/", "Bakgrund", headings: ["Bakgrund"], body: "Text."),
        ]
        let keys = Dictionary(uniqueKeysWithValues: NameKeys.postings(documents, language: "sv"))
        let klimatkrav = NameKeys.key("Klimatkrav i upphandlingar", stemmer: stemmer) ?? ""
        #expect(klimatkrav == "klimatkrav upphandling ")
        // The page with the heading at 31, the document named so at 63; in document order.
        #expect(keys[klimatkrav] == [0, NameKeys.headingImpact, 1, NameKeys.nameImpact])
        // A heading that is also the title counts once, as the name.
        #expect(keys["bakgrund "] == [0, NameKeys.headingImpact, 2, NameKeys.nameImpact])
        #expect(keys["trafikverket "] == [0, NameKeys.nameImpact])
    }
}
