import Testing

@testable import Markdown

/// A table whose header has empty cells leaves a screen reader nothing to name those columns'
/// cells by (axe's empty-table-header): the editor is told at the table, once per table.
@Suite struct EmptyTableHeaderTests {
    static let hint =
        "write what each column holds in the first row (| Name | Emoji |), or use a list where the table only lays "
        + "things out"

    /// At the first empty cell (its end: '| |' has no text to point at), once per table.
    @Test func eachTableWithEmptyHeadersIsSaidOnce() {
        let doc = MarkdownRenderer().render(
            "| | |\n|-|-|\n| a | b |\n\n| Namn | | |\n|--|--|--|\n| a | b | c |\n\n"
                + "| Namn | Värde |\n|--|--|\n| a | b |\n",
            lineOffset: 3)
        #expect(
            doc.problems == [
                MarkdownProblem(
                    position: SourcePosition(line: 4, column: 3),
                    message: "this table's header row is empty: a screen reader names each cell by its column's header",
                    hint: Self.hint, isWarning: true),
                MarkdownProblem(
                    position: SourcePosition(line: 8, column: 10),
                    message: "2 columns of this table have no header: a screen reader names each cell by its "
                        + "column's header",
                    hint: Self.hint, isWarning: true),
            ])
        // The tables are drawn as written.
        #expect(doc.html.contains("<thead>\n<tr>\n<th></th>\n<th></th>\n</tr>\n</thead>"))
    }

    /// At the end of the first empty cell, in characters; a table in a quote is found too.
    @Test func positionsInCharactersAndNestedTables() {
        let doc = MarkdownRenderer().render("> | Åtgärd | |\n> |--|--|\n> | a | b |\n")
        #expect(doc.problems.map(\.position) == [SourcePosition(line: 1, column: 14)])
        #expect(doc.problems.first?.message.hasPrefix("a column of this table has no header") == true)
    }
}
