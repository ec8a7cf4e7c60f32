import Testing

@testable import Markdown

/// `##Rubrik` is a paragraph's text in CommonMark and on GitHub: an editor who meant a heading
/// gets a warning where it is, with the line as it should be written.
@Suite struct UnspacedHeadingTests {
    let renderer = MarkdownRenderer()

    func warnings(_ markdown: String) -> [MarkdownProblem] {
        renderer.render(markdown).problems.filter(\.isWarning)
    }

    @Test func aHeadingWithoutItsSpaceIsSaidWhereItIs() {
        let doc = renderer.render("Inledning.\n\n##Bakgrund\n\nText.\n\nEn rad\n###Mål och syfte\n")
        #expect(doc.html.contains("<p>##Bakgrund</p>"), "the page shows what CommonMark makes of it")
        #expect(
            doc.problems == [
                MarkdownProblem(
                    position: SourcePosition(line: 3, column: 1),
                    message: "'##Bakgrund' is text, not a heading: '#' marks need a space after them",
                    hint: "write '## Bakgrund'", isWarning: true),
                MarkdownProblem(
                    position: SourcePosition(line: 8, column: 1),
                    message: "'###Mål och syfte' is text, not a heading: '#' marks need a space after them",
                    hint: "write '### Mål och syfte'", isWarning: true),
            ])
    }

    @Test func hashtagsCodeAndRealHeadingsSayNothing() {
        #expect(warnings("#kretslopp är vår tagg.\n") == [])
        #expect(warnings("## Rubrik\n\nText med ##mitt i.\n") == [])
        #expect(warnings("```\n##Rubrik\n```\n\n    ##indragen\n") == [])
        #expect(warnings("Text `##kod`.\n\n####### sju\n\n##-\n") == [])
    }
}
