import Foundation
import Markdown

/// ```` ```diagram data=name typ=stapel|linje x="kolumn" y="kolumn" rubrik="…" enhet="%" ````:
/// a bar or line chart drawn at build time as inline SVG, with a title, axis labels, Swedish
/// numbers and a text description of every value for screen readers. No JavaScript.
struct Chart {
    enum Kind: String { case stapel, linje }

    var kind: Kind
    var title: String
    var xLabel: String
    var yLabel: String
    var unit: String
    /// One point per row; nil where the row's cell is empty (drawn as a gap).
    var points: [(label: String, value: Double?)]
    /// How the site's language writes numbers, in the data and on the chart.
    var numbers: NumberStyle = .swedish

    /// What the description says for an empty cell: `saknas` in Swedish, `no value` in English,
    /// a dash in other languages (the build has no theme strings here).
    static func missingValue(_ numbers: NumberStyle) -> String {
        numbers == .swedish ? "saknas" : numbers == .english ? "no value" : "–"
    }

    /// Reads the chart's points from a list of records; the reason, and the cell when there is
    /// one, when it cannot. An empty cell is a gap in the chart.
    static func make(_ data: DataValue, arguments: [String: String], numbers: NumberStyle) -> Result<Chart, ChartError>
    {
        guard let kind = Kind(rawValue: arguments["typ"] ?? "stapel") else {
            return .failure(
                .init(message: "unknown chart type '\(arguments["typ"]!)'", hint: "use typ=stapel or typ=linje"))
        }
        guard let rows = data.list, let columns = rows.first?.pairs?.map(\.key), columns.count >= 2 else {
            return .failure(
                .init(message: "a chart needs a list of records with at least two columns and a row", hint: nil))
        }
        let x = arguments["x"] ?? columns[0]
        guard columns.contains(x) else {
            return .failure(.init(message: "no column '\(x)'", hint: "columns: \(columns.joined(separator: ", "))"))
        }
        func cell(_ row: DataValue, _ column: String) -> String {
            (row[column]?.text ?? "").trimmingCharacters(in: .whitespaces)
        }
        let numericColumn = columns.first { c in
            c != x && rows.contains { !cell($0, c).isEmpty }
                && rows.allSatisfy { cell($0, c).isEmpty || NumberText.parse(cell($0, c), numbers) != nil }
        }
        // A column with some numbers and a mistyped cell is still the one meant; the cell is reported.
        let someNumbers = columns.first { c in c != x && rows.contains { NumberText.parse(cell($0, c), numbers) != nil }
        }
        guard let y = arguments["y"] ?? numericColumn ?? someNumbers, columns.contains(y) else {
            return .failure(
                .init(
                    message: "no column with numbers to draw",
                    hint: "name it with y=\"column\"; columns: \(columns.joined(separator: ", "))"))
        }
        var points: [(label: String, value: Double?)] = []
        for row in rows {
            let text = cell(row, y)
            let label = row[x]?.text ?? ""
            if text.isEmpty {
                points.append((label, nil))
                continue
            }
            guard let value = NumberText.parse(text, numbers) else {
                return .failure(
                    .init(
                        message: "'\(text)' in column '\(y)' is not a number",
                        hint:
                            "write numbers like \(numbers == .english ? "12.5, −3 or 1,234" : "12,5, −3 or 1 234"); "
                            + "leave the cell empty when there is no value",
                        position: row[y]?.position ?? row.position))
            }
            points.append((label, value))
        }
        guard points.contains(where: { $0.value != nil }) else {
            return .failure(.init(message: "column '\(y)' has no numbers", hint: "every cell in it is empty"))
        }
        return .success(
            Chart(
                kind: kind, title: arguments["rubrik"] ?? y, xLabel: arguments["xrubrik"] ?? x,
                yLabel: arguments["yrubrik"] ?? y, unit: arguments["enhet"] ?? "", points: points, numbers: numbers))
    }
}

/// Why a chart could not be drawn; `position` is the data file's cell when one is to blame.
struct ChartError: Error {
    var message: String
    var hint: String?
    var position: SourcePosition? = nil
}
