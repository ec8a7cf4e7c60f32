import Markdown

/// A CSV file with a header row -> a list of records, one per row, each cell a string that keeps
/// its line and column. Reads the comma-separated files of RFC 4180 and what Swedish spreadsheet
/// programs export (`;` between fields, decimal commas); the separator is found in the header
/// or named by the caller.
enum CSVReader {
    /// What separates the fields of a row.
    enum Separator: UInt8, CaseIterable, Sendable {
        case semicolon = 59
        case comma = 44
        case tab = 9

        /// Reads a block's `avgränsare=` value: `;`, `,` or `tab` (also `semikolon`, `komma`, `\t`).
        init?(argument: String) {
            switch argument.lowercased() {
            case ";", "semikolon": self = .semicolon
            case ",", "komma": self = .comma
            case "tab", "\\t", "\t": self = .tab
            default: return nil
            }
        }

        /// As an author writes it in `avgränsare=`.
        var name: String {
            switch self {
            case .semicolon: return ";"
            case .comma: return ","
            case .tab: return "tab"
            }
        }
    }

    /// The records of `text` and the separator they were read with; problems are logged at
    /// `file`'s lines. Nil when the text has no header row. With problems, the records are
    /// those that could be read (the log's errors fail the build).
    static func parse(
        _ text: String, separator named: Separator? = nil, file: String,
        log: DiagnosticLog
    ) -> (value: DataValue, separator: Separator)? {
        let separator = named ?? detect(text)
        let result = read(text, separator: separator)
        for problem in result.problems {
            log.error(file, problem.position, problem.message, hint: problem.hint)
        }
        guard let value = result.value else {
            if result.problems.isEmpty {
                log.error(file, .start, "CSV file is empty", hint: "the first row must name the columns")
            }
            return nil
        }
        return (value, separator)
    }

    /// The separator that occurs most often in the header outside quotes (on a tie `;`, then
    /// `,`, then tab); when that does not read the file without problems, the next one that does.
    static func detect(_ text: String) -> Separator {
        let all = Separator.allCases
        let counts = CSVScanner.counts(of: all.map(\.rawValue), inFirstRowOf: text)
        // A header without any separator is a single column, which every separator reads alike;
        // the rows then decide.
        let found = counts.contains { $0 > 0 }
        let candidates = all.indices.filter { !found || counts[$0] > 0 }
            .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
            .map { all[$0] }
        if candidates.count > 1 {
            for candidate in candidates where read(text, separator: candidate).problems.isEmpty {
                return candidate
            }
        }
        return candidates[0]
    }

    /// Reads `text` with `separator` into a list of records; nil when there is no header row.
    static func read(_ text: String, separator: Separator) -> (value: DataValue?, problems: [CSVScanner.Problem]) {
        var (rows, problems) = CSVScanner(separator: separator.rawValue).scan(text)
        guard let header = rows.first else { return (nil, problems) }
        // Without trustworthy column names no row can be checked against them.
        if header.isBroken { return (DataValue(.list([]), at: .start), problems) }
        let names = header.fields.map(\.text)
        var seen = Set<String>()
        for field in header.fields {
            if field.text.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(
                    .init(
                        position: field.position, message: "a column in the header has no name",
                        hint: "name every column in the first row"))
            } else if !seen.insert(field.text).inserted {
                problems.append(
                    .init(
                        position: field.position, message: "column '\(field.text)' appears twice in the header",
                        hint: "give each column its own name"))
            }
        }
        var items: [DataValue] = []
        items.reserveCapacity(rows.count - 1)
        for row in rows.dropFirst() where !row.isBroken {
            let position = row.fields[0].position
            guard row.fields.count == names.count else {
                problems.append(fieldCountProblem(row, expected: names.count, separator: separator))
                continue
            }
            var pairs: [(key: String, value: DataValue)] = []
            pairs.reserveCapacity(names.count)
            for (name, field) in zip(names, row.fields) {
                pairs.append((name, DataValue(.string(field.text), at: field.position)))
            }
            items.append(DataValue(.map(pairs), at: position))
        }
        problems.sort { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
        return (DataValue(.list(items), at: .start), problems)
    }

    private static func fieldCountProblem(_ row: CSVScanner.Row, expected: Int, separator: Separator)
        -> CSVScanner.Problem
    {
        let message =
            "row has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s") but the header has \(expected)"
        guard row.fields.count > expected else {
            return .init(
                position: row.fields[0].position, message: message,
                hint: "give every column a value; an empty cell is nothing between two separators")
        }
        let extra = row.fields[expected]
        let looksDecimal =
            separator == .comma
            && row.fields.indices.dropFirst().contains { i in
                row.fields[i - 1].text.last?.isNumber == true && row.fields[i].text.first?.isNumber == true
            }
        let hint =
            looksDecimal
            ? "a decimal comma needs quotes in a comma-separated file (\"12,5\"), or separate the columns with ; "
                + "(avgränsare=;)"
            : separator == .tab
                ? "quote values that contain a tab"
                : "quote values that contain '\(separator.name)': \"a\(separator.name) b\""
        return .init(position: extra.position, message: message, hint: hint)
    }
}
