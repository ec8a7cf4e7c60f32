import Foundation
import Testing

@testable import SiteBuilder

/// A list item that opens with a link describes the page it leads to, and search counts those
/// words for that page (as web search counts the words of a link).
@Suite struct LinkDescriptionsTests {
    @Test func aRelatedPagesListDescribesEachLinkedPage() throws {
        var content = SearchDocumentsTests.content
        content["projekt/moblerna.md"]! += """


            ## Relaterade sidor

            - [Cirkulära Göteborg](cirkulara-goteborg.md) – om bland annat
              kemikalieregler för *återbrukade* möbler.
            * Se även [ordlistan](../ordlista.md), där orden förklaras.
            1. [Börja här](../guide/borja.md)
            - [Guiden](../../guide/borja/) – länkad med sin adress.
            - [Möblerna](moblerna.md) – den här sidan.

            [Cirkulära Göteborg](cirkulara-goteborg.md) i löptext beskriver inget.
            """
        let state = try #require(BuildPipeline.buildKeepingState(try Fixture(content: content).options).state)
        let described = LinkDescriptions.of(state.site, bodies: state.bodies)
        func of(_ source: String) throws -> [String] {
            described[try #require(state.site.pageBySource[source])]
        }
        // The item's continuation line is part of it; the link's destination and emphasis marks are not.
        #expect(
            try of("projekt/cirkulara-goteborg.md") == [
                "Cirkulära Göteborg – om bland annat kemikalieregler för återbrukade möbler."
            ])
        // A link later in an item, or in running text, describes nothing; a page's link to itself neither.
        #expect(try of("ordlista.md").isEmpty)
        #expect(try of("projekt/moblerna.md").isEmpty)
        // A numbered item counts, and a link by the page's URL as one by its file.
        #expect(try of("guide/borja.md") == ["Börja här", "Guiden – länkad med sin adress."])
    }

    @Test func theDescriptionIsAKeywordOfTheLinkedPagesDocument() throws {
        var content = SearchDocumentsTests.content
        content["projekt/moblerna.md"]! += "\n\n- [Börja här](../guide/borja.md) – om kemikalieregler.\n"
        let state = try #require(BuildPipeline.buildKeepingState(try Fixture(content: content).options).state)
        let labels = SearchKinds.Labels(project: "Projekt", glossary: "Ordlista", page: "Sida")
        var search = SearchDocuments(site: state.site, bodies: state.bodies, labels: labels)
        let borja = try #require(search.all().first { $0.path == "/guide/borja/" })
        #expect(borja.keywords.contains("Börja här – om kemikalieregler."))
    }

    @Test func onlyAListMarkerMayComeBeforeTheLink() {
        for marker in ["- ", "* ", "+ ", "  - ", "1. ", "12) ", "-\t"] {
            #expect(LinkDescriptions.isListMarker(Array(marker.unicodeScalars)[...]), "\(marker)")
        }
        for other in ["", "-", "Se ", "- Se ", "1.", "a. ", "1234567890. ", "> - "] {
            #expect(!LinkDescriptions.isListMarker(Array(other.unicodeScalars)[...]), "\(other)")
        }
    }

    @Test func windowsLineEndsKeepTheLinesInStep() {
        let body = "Intro.\r\n\r\n- [A](a.md) – första\r\n  raden två\r\n- [B](b.md)\r\n"
        let lines = SourceLineTable(body)
        #expect(lines.count == 6 && lines[2] == "- [A](a.md) – första" && lines[5] == "")
        #expect(LinkDescriptions.itemText(lines, line: 2, column: 3) == "A – första raden två")
        #expect(LinkDescriptions.itemText(lines, line: 4, column: 3) == "B")
        // A lone carriage return ends a line too, as in cmark.
        let old = SourceLineTable("a\rb\n\nc")
        #expect(old.count == 4 && old[1] == "b" && old[2] == "" && old[3] == "c")
    }

    /// The byte scan that drops link destinations does what the regular expression it replaced
    /// does, on seeded random texts of the characters that matter.
    @Test func linkDestinationsGoAsTheRegularExpressionWouldTakeThem() {
        var random = SeededRandom(state: 7)
        let alphabet = Array("![]()aé -")
        for _ in 0..<3000 {
            let text = String(
                (0..<Int.random(in: 0..<24, using: &random)).map { _ in
                    alphabet.randomElement(using: &random)!
                })
            let expected = text.replacingOccurrences(
                of: #"!?\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
            let scanned = String(decoding: LinkDescriptions.withoutLinkDestinations(Array(text.utf8)), as: UTF8.self)
            #expect(scanned == expected, "\(text)")
        }
    }

    /// `plain` and the list marker work on bytes where they can; on seeded random texts of the
    /// characters that matter (marks that join a `*`, white space Foundation trims beyond ASCII)
    /// they do what the text operations they stand for do.
    @Test func theBytePathsDoWhatTheTextOperationsDo() {
        var random = SeededRandom(state: 11)
        let alphabet = [
            "*", "_", "`", " ", "\t", "a", "é", "e\u{301}", "*\u{301}", "\u{A0}", "\u{2003}", "[", "]", "(", ")",
            "-", "+", "1", ".", "\n",
        ]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0..<16, using: &random)).map { _ in
                alphabet.randomElement(using: &random)!
            }.joined()
            var expected = String(decoding: LinkDescriptions.withoutLinkDestinations(Array(text.utf8)), as: UTF8.self)
            expected.removeAll { $0 == "*" || $0 == "_" || $0 == "`" }
            #expect(LinkDescriptions.plain(text) == expected.trimmingCharacters(in: .whitespacesAndNewlines), "\(text)")
            let byBytes = Array(text.utf8).withUnsafeBufferPointer { LinkDescriptions.isListMarker($0) }
            #expect(byBytes == LinkDescriptions.isListMarker(Array(text.unicodeScalars)[...]), "\(text)")
        }
    }

    @Test func aLineThatCannotOpenWithAMarkerIsRuledOutFromItsFirstBytes() {
        let lines = SourceLineTable("Se [A](a.md).\n  - [B](b.md)\n12. [C](c.md)\n\t* x\n")
        #expect(!lines.mayOpenWithListMarker(0))
        #expect(lines.mayOpenWithListMarker(1) && lines.mayOpenWithListMarker(2) && lines.mayOpenWithListMarker(3))
        #expect(LinkDescriptions.itemText(lines, line: 0, column: 4) == nil)
        #expect(LinkDescriptions.itemText(lines, line: 1, column: 5) == "B")
    }
}
