import Foundation
import Markdown
import PropertyBased
import Testing

@testable import SiteBuilder

/// CSV as RFC 4180 and Swedish spreadsheet programs write it; every problem at its line.
@Suite struct CSVReaderTests {
    /// Header and rows of what `read` returned.
    static func table(_ value: DataValue?) -> [[String]] {
        guard let rows = value?.list, let first = rows.first?.pairs else { return [] }
        return [first.map(\.key)] + rows.map { ($0.pairs ?? []).map { $0.value.text ?? "?" } }
    }

    static func read(_ text: String, _ separator: CSVReader.Separator) -> (table: [[String]], problems: [String]) {
        let (value, problems) = CSVReader.read(text, separator: separator)
        return (table(value), problems.map { "\($0.position.line):\($0.position.column): \($0.message)" })
    }

    @Test func quotedFieldsHoldSeparatorsQuotesAndLineBreaks() {
        let text = "Namn,Text\r\n\"a, b\",\"sa \"\"hej\"\"\"\r\nc,\"två\r\nrader\"\r\n\"\",\n"
        let result = Self.read(text, .comma)
        #expect(result.problems == [])
        #expect(result.table == [["Namn", "Text"], ["a, b", "sa \"hej\""], ["c", "två\r\nrader"], ["", ""]])
    }

    @Test func cellsKeepTheirLineAndColumn() throws {
        let (value, _) = CSVReader.read("Ort;Andel\n\"Gö\nteborg\";12,5\nÅre;3\n", separator: .semicolon)
        let rows = try #require(value?.list)
        #expect(rows[0]["Andel"]?.position == SourcePosition(line: 3, column: 9))
        #expect(rows[1]["Andel"]?.position == SourcePosition(line: 4, column: 5))
        #expect(rows[1].position == SourcePosition(line: 4, column: 1))
    }

    @Test func lineEndsAndBlankLines() {
        #expect(Self.read("a,b\r1,2\r\r3,4", .comma).table == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(Self.read("a,b\n1,2\n\n3,4\n\n", .comma).table == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(Self.read("a\n\"\"\nx\n", .comma).table == [["a"], [""], ["x"]])
        #expect(Self.read("a,b\n1,", .comma).table == [["a", "b"], ["1", ""]])
    }

    @Test(arguments: [
        ("Kommun;Andel (%)\nGöteborg;12,5\n", CSVReader.Separator.semicolon),
        ("Kommun,Andel\nGöteborg,\"12,5\"\n", .comma),
        ("Kommun\tAndel\nGöteborg\t12,5\n", .tab),
        ("\"Kommun, län\";Andel\nGöteborg;12,5\n", .semicolon),
        // A tie in the header: `;` first, unless the rows read only with `,`.
        ("Namn;Andel, procent\nGöteborg;12,5\n", .semicolon),
        ("Namn,Andel; procent\nGöteborg,12\n", .comma),
        // One column: the rows decide.
        ("Andel\n12,5\n", .semicolon),
        ("Andel\n12;5\n", .comma),
    ])
    func separatorIsFoundInTheHeader(text: String, separator: CSVReader.Separator) {
        #expect(CSVReader.detect(text) == separator)
    }

    @Test func decimalCommasAreNumbersWithSemicolons() throws {
        let (value, problems) = CSVReader.read("År;Utsläpp\n2020;12,5\n2021;−1 234,75\n", separator: .semicolon)
        #expect(problems.isEmpty)
        let rows = try #require(value?.list)
        #expect(rows.map { $0["Utsläpp"]?.text } == ["12,5", "−1 234,75"])
        #expect(rows.map { $0["Utsläpp"]?.text.flatMap { NumberText.parse($0, .swedish) } } == [12.5, -1234.75])
    }

    @Test(arguments: [
        ("a,b\n1,\"2\n3,4\n", "2:3: quoted field is never closed"),
        ("a,b\n1,5\" skärm\n", "2:4: quote inside a field that does not start with a quote"),
        ("a,b\n1, \"x, y\"\n", "2:4: quote inside a field that does not start with a quote"),
        ("a,b\n\"x\"y,2\n", "2:4: text after the closing quote of a field"),
        ("a,b\n1,2\n3,12,5\n", "3:6: row has 3 fields but the header has 2"),
        ("a,b,c\n1,2,3\n\"x\ny\",2\n", "3:1: row has 2 fields but the header has 3"),
        ("a,,c\n1,2,3\n", "1:3: a column in the header has no name"),
        ("a,b,a\n1,2,3\n", "1:5: column 'a' appears twice in the header"),
        ("Å,ö\n\"ä\"x,2\n", "2:4: text after the closing quote of a field"),
    ])
    func problemsAreFoundAtTheirPlace(text: String, problem: String) {
        #expect(Self.read(text, .comma).problems == [problem])
    }

    @Test func aDecimalCommaInACommaFileGetsAHint() {
        let log = DiagnosticLog()
        _ = CSVReader.parse("År,Andel\n2020,12,5\n", separator: .comma, file: "Content/data/x.csv", log: log)
        #expect(
            log.all.map(\.description) == [
                "Content/data/x.csv:2:9: error: row has 3 fields but the header has 2; a decimal comma needs quotes "
                    + "in a comma-separated file (\"12,5\"), or separate the columns with ; (avgränsare=;)"
            ])
    }

    @Test func anEmptyFileIsAnError() {
        let log = DiagnosticLog()
        #expect(CSVReader.parse("\n\n", file: "Content/data/x.csv", log: log) == nil)
        #expect(
            log.all.map(\.description) == [
                "Content/data/x.csv:1:1: error: CSV file is empty; the first row must name the columns"
            ])
    }

    // MARK: In a built site

    static func build(_ csv: String, blocks: String) throws -> BuildResult {
        var content = Fixture.basic
        content["data/mal.csv"] = csv
        content["om.md"] = "---\ntitle: Om\n---\n## Bakgrund\n\n\(blocks)"
        return try Fixture(content: content).build()
    }

    @Test func spreadsheetExportWithBOMAndCRLFIsATable() throws {
        let result = try Self.build(
            "\u{FEFF}Ort;Andel\r\nGöteborg;12,5\r\nÅre;\"3\r\n(prel.)\"\r\n", blocks: "```tabell data=mal\n```\n")
        #expect(result.messages == [])
        let page = try #require(result.file("om/index.html"))
        #expect(page.contains("<thead><tr><th scope=\"col\">Ort</th><th scope=\"col\">Andel</th></tr></thead>"))
        #expect(page.contains("<tr><th scope=\"row\">Göteborg</th><td class=\"num\">12,5</td></tr>"))
        #expect(page.contains("<tr><th scope=\"row\">Åre</th><td>3\r\n(prel.)</td></tr>"))
    }

    @Test func aBlockCanNameTheSeparator() throws {
        let result = try Self.build(
            "Namn;Andel,procent\nGöteborg;12,5\n",
            blocks: "```tabell data=mal\n```\n\n```tabell data=mal avgränsare=,\n```\n")
        #expect(result.messages == [])
        let page = try #require(result.file("om/index.html"))
        #expect(page.contains("<th scope=\"col\">Namn</th><th scope=\"col\" class=\"num\">Andel,procent</th>"))
        #expect(page.contains("<th scope=\"col\">Namn;Andel</th><th scope=\"col\" class=\"num\">procent</th>"))
    }

    @Test func aNamedSeparatorThatDoesNotReadTheFileIsAnErrorThere() throws {
        let result = try Self.build("År;Andel\n2020;12,5\n", blocks: "```diagram data=mal avgränsare=,\n```\n")
        #expect(
            result.messages == [
                "Content/data/mal.csv:2:9: error: row has 2 fields but the header has 1 (read with avgränsare=, for "
                    + "Content/om.md:6); a decimal comma needs quotes in a comma-separated file (\"12,5\"), or "
                    + "separate the columns with ; (avgränsare=;)"
            ])
        let unknown = try Self.build("År;Andel\n2020;12,5\n", blocks: "```tabell data=mal avgränsare=x\n```\n")
        #expect(
            unknown.messages == [
                "Content/om.md:6:1: error: unknown separator 'avgränsare=x'; use avgränsare=; or avgränsare=, or "
                    + "avgränsare=tab"
            ])
    }

    @Test func aFileThatDoesNotParseFailsTheBuild() throws {
        let result = try Self.build("Kommun,Andel\nGöteborg,12,5\nÅre,3\n", blocks: "```tabell data=mal\n```\n")
        #expect(
            result.messages == [
                "Content/data/mal.csv:2:13: error: row has 3 fields but the header has 2; a decimal comma needs "
                    + "quotes in a comma-separated file (\"12,5\"), or separate the columns with ; (avgränsare=;)"
            ])
    }

    @Test func aHeaderWithoutRowsIsNamedAsSuch() throws {
        let result = try Self.build("Kommun,Andel\n", blocks: "```tabell data=mal\n```\n")
        #expect(
            result.messages == [
                "Content/om.md:6:1: error: data file 'mal' has no records to show; add rows to Content/data/mal.csv "
                    + "(a CSV needs rows below its header), or remove the block"
            ])
    }

    // MARK: Random tables written and read back

    static let pieces = [
        "a", "Å", "ö", "1", "12,5", "−3", " ", ",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "\r", "€", "😀",
        "e\u{301}", "x y", "", "<b>", "&amp;",
    ]
    static let field = Gen.element(of: pieces).map { $0 ?? "" }.array(of: 0...4).map { $0.joined() }
    static let table = zip(Gen.int(in: 1...5), field.array(of: 5...40), Gen.int(in: 0...11))
        .map { input -> (table: [[String]], style: Int) in
            let (columns, fields, style) = input
            let header = (0..<columns).map { "k\($0)" + fields[$0 % fields.count] }
            let body = stride(from: 0, to: fields.count - columns + 1, by: columns).map {
                Array(fields[$0..<$0 + columns])
            }
            return ([header] + body, style)
        }

    /// Writes a table as a spreadsheet program would: quotes where needed (or everywhere).
    static func write(_ table: [[String]], separator: CSVReader.Separator, lineEnd: String, quoteAll: Bool) -> String {
        let sep = separator == .tab ? "\t" : separator.name
        return table.map { row in
            row.map { field in
                let needs =
                    quoteAll || field.contains(sep) || field.contains("\"") || field.contains("\n")
                    || field.contains("\r")
                    || (row.count == 1 && field.isEmpty)
                return needs ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: sep)
        }.joined(separator: lineEnd) + lineEnd
    }

    @Test func randomTablesReadBackAsWritten() async {
        await propertyCheck(count: 2000, input: Self.table) { (input: (table: [[String]], style: Int)) in
            let separator = CSVReader.Separator.allCases[input.style % 3]
            let lineEnd = ["\n", "\r\n", "\r"][input.style / 3 % 3]
            let quoteAll = input.style >= 9
            // Header names keep spaces but cannot be blank; rows of one empty unquoted field are blank lines.
            let text = Self.write(input.table, separator: separator, lineEnd: lineEnd, quoteAll: quoteAll)
            let result = Self.read(text, separator)
            #expect(result.problems == [], "\(text.debugDescription)")
            #expect(result.table == input.table, "\(text.debugDescription)")
            if quoteAll {
                // Every separator outside quotes is a real one, so the header names it.
                #expect(Self.read(text, CSVReader.detect(text)).table == input.table, "\(text.debugDescription)")
            }
        }
    }
}
