import Testing

@testable import Markdown

/// A heading more than one level below the one before it leaves a gap in a screen reader's list
/// of headings (axe's heading-order, markdownlint's MD001): the editor is told where, and how to
/// write it.
@Suite struct HeadingLevelTests {
    @Test func aSkippedLevelIsSaidAtTheHeading() {
        let doc = MarkdownRenderer().render(
            "Intro.\n\n### Checklist\n\n## Setup\n\n### Linux\n\n##### Debian and Ubuntu\n\n## End\n", lineOffset: 4)
        #expect(
            doc.problems == [
                MarkdownProblem(
                    position: SourcePosition(line: 7, column: 1),
                    message: "heading '### Checklist' is level 3 right after level 1 (the page's title): a screen "
                        + "reader's list of headings has a gap there",
                    hint: "write '## Checklist', or put a level 2 heading before it", isWarning: true),
                MarkdownProblem(
                    position: SourcePosition(line: 13, column: 1),
                    message: "heading '##### Debian and Ubuntu' is level 5 right after level 3: a screen reader's "
                        + "list of headings has a gap there",
                    hint: "write '#### Debian and Ubuntu', or put a level 4 heading before it", isWarning: true),
            ])
    }

    /// Going back up any number of levels is fine, and so is the report, whose shifted headings
    /// sit under its own.
    @Test func goingUpAndTheReportSayNothing() {
        #expect(MarkdownRenderer().render("## A\n\n### B\n\n#### C\n\n## D\n\n# E\n").problems.isEmpty)
        let report = MarkdownRenderer(options: MarkdownOptions(headingLevelShift: 2)).render("### Skips\n")
        #expect(report.problems.isEmpty)
    }
}
