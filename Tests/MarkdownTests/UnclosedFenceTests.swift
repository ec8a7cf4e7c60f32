import Testing

@testable import Markdown

/// A code block whose closing fence was forgotten swallows the rest of the page, headings and
/// all, as CommonMark and GitHub read it: the page shows that, with a warning at the fence.
@Suite struct UnclosedFenceTests {
    let renderer = MarkdownRenderer()

    func warnings(_ markdown: String, lineOffset: Int = 0) -> [MarkdownProblem] {
        renderer.render(markdown, lineOffset: lineOffset).problems.filter(\.isWarning)
    }

    @Test func aFenceNeverClosedIsSaidAtItsStart() {
        let markdown = "Inledning.\n\n~~~yaml\ntitle: x\n\n## Bakgrund\n\nText.\n"
        #expect(renderer.render(markdown).html.contains("## Bakgrund"), "the page shows what CommonMark makes of it")
        #expect(
            warnings(markdown) == [
                MarkdownProblem(
                    position: SourcePosition(line: 3, column: 1),
                    message: "this code block is never closed: the 5 lines after it to the end of the page are "
                        + "shown as code",
                    hint: "add a line with only ~~~ where the code ends", isWarning: true)
            ])
        // Below front matter, at the file's line; a longer fence of backticks.
        #expect(
            warnings("Text.\n\n````swift\nlet x = 1\n", lineOffset: 4).map(\.position)
                == [SourcePosition(line: 7, column: 1)])
        #expect(warnings("````swift\nlet x = 1\n").first?.hint == "add a line with only ```` where the code ends")
    }

    @Test func closedFencesAndOtherCodeSayNothing() {
        #expect(warnings("```\nkod\n```\n") == [])
        #expect(warnings("```\nkod\n```\n\nText.\n") == [])
        // Closed by a longer fence, or one indented up to three spaces, with spaces after.
        #expect(warnings("~~~\nkod\n~~~~~\n") == [])
        #expect(warnings("```\nkod\n   ```  \n") == [])
        // An indented code block at the end, and a fence that a list or quote closes by ending.
        #expect(warnings("Text.\n\n    kod\n") == [])
        #expect(warnings("- ```\n  kod\n\nText.\n") == [])
        #expect(warnings("> ```\n> kod\n\nText.\n") == [])
        // An empty fence on the last line is a block of no lines: nothing is swallowed.
        #expect(warnings("Text.\n\n```") == [])
    }

    /// A fence of fewer marks, or of the other mark, does not close it.
    @Test func aShorterOrOtherFenceDoesNotClose() {
        #expect(warnings("````\nkod\n```\n").count == 1)
        #expect(warnings("```\nkod\n~~~\n").count == 1)
    }
}
