import Testing

@testable import Markdown

/// A link's position is where its `[` is in the file, in characters, on any line of a paragraph.
@Suite struct LinkPositionTests {
    func positions(_ source: String, lineOffset: Int = 0) -> [SourcePosition] {
        MarkdownRenderer().render(source, lineOffset: lineOffset).links.map(\.position)
    }

    func at(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }

    @Test func linksOnIndentedLaterLines() {
        #expect(
            positions("Första [a](a.md) rad\n   andra [b](b.md)\n\tflik [c](c.md)\n", lineOffset: 4)
                == [at(5, 8), at(6, 10), at(7, 7)])
    }

    @Test func sameTargetTwiceOnOneLine() {
        #expect(positions("x\n  [a](p.md) [b](p.md)\n") == [at(2, 3), at(2, 13)])
    }

    @Test func charactersNotBytes() {
        #expect(positions("å\n  ö [x](y.md) ![bild](ä.png)\n") == [at(2, 5), at(2, 15)])
    }

    @Test func listsAndBlockQuotes() {
        #expect(
            positions("- a\n  b [x](y.md)\n\n> a\n>    b [l](m.md)\n> > c\n> >   d [n](o.md)\n")
                == [at(2, 5), at(5, 8), at(7, 9)])
    }

    @Test func linkTextOverSeveralLines() {
        // cmark gives such a link the line where it ends; the `[` is on the line before.
        #expect(positions("Se [två\n   rader](x.md) och [y](x.md)\n") == [at(1, 4), at(2, 21)])
        #expect(positions("Se ![två\n   rader](x.png)\n") == [at(1, 4)])
    }

    @Test func referenceLinksAndAutolinks() {
        #expect(positions("Text\n   [a][r] och <https://example.se>\n\n[r]: /u\n") == [at(2, 4), at(2, 15)])
    }

    /// Links made from text (`https://…`, `www.…`, e-mail), which have no position from cmark: where
    /// their text is, on any line, in quotes and table cells, the same address twice included.
    @Test func extendedAutolinks() {
        #expect(positions("> a\n> och https://a.se\n") == [at(2, 7)])
        #expect(positions("> a\nhttps://a.se\n") == [at(2, 1)])
        #expect(positions("a www.x.se b\n  c www.x.se\n") == [at(1, 3), at(2, 5)])
        #expect(positions("x@y.se och https://a.se/b\n") == [at(1, 1), at(1, 12)])
        #expect(positions("| a |\n|---|\n| www.x.se |\n") == [at(3, 3)])
    }

    @Test func paragraphsAfterLinkReferenceDefinitions() {
        // cmark counts such a paragraph's lines from the definitions it took out of it.
        #expect(
            positions("[x]: /y\n[a](b.md) [c][x]\n\n[z]: /q\n[w]: /v\n  Se [a][z]\n")
                == [at(2, 1), at(2, 11), at(6, 6)])
    }

    @Test func setextHeadingLines() {
        #expect(positions("Rubrik\n  [a](b.md)\n---\n") == [at(2, 3)])
    }
}
