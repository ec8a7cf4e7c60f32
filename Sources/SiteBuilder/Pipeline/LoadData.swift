import Markdown

/// A data file from `Content/data/`, available as `data.<name>`.
public struct DataFile: Sendable {
    public var name: String
    public var source: SourceFile
    public var value: DataValue
}

/// Stage 4: `Content/data/*.yaml|yml|json|csv` -> data tree; every record keeps its position.
struct LoadData {
    let log: DiagnosticLog

    func run(_ files: [SourceFile]) -> [String: DataFile] {
        var result: [String: DataFile] = [:]
        for file in files {
            let fileName = String(file.relativePath.dropFirst("data/".count))
            guard let dot = fileName.lastIndex(of: "."), !fileName.contains("/") else {
                log.warning(file.displayPath, .start, "data files must be directly in data/ and end in .yaml, .json or .csv")
                continue
            }
            let name = String(fileName[..<dot])
            let ext = fileName[fileName.index(after: dot)...].lowercased()
            guard let text = file.text(log: log) else { continue }
            let value: DataValue?
            switch ext {
            case "yaml", "yml", "json": value = YAMLReader.parse(text, file: file.displayPath, log: log)
            case "csv": value = CSVReader.parse(text, file: file.displayPath, log: log)
            default:
                log.warning(file.displayPath, .start, "unknown data file type '.\(ext)'", hint: "use .yaml, .json or .csv")
                continue
            }
            guard let value else { continue }
            DangerousValues.check(value, file: file.displayPath, log: log)
            if let other = result[name] {
                log.error(file.displayPath, .start, "two data files are named '\(name)' (also \(other.source.displayPath))",
                          hint: "rename one of them")
                continue
            }
            result[name] = DataFile(name: name, source: file, value: value)
        }
        return result
    }
}

/// Comma-separated values with a header row (RFC 4180 quoting) -> a list of records.
enum CSVReader {
    static func parse(_ text: String, file: String, log: DiagnosticLog) -> DataValue? {
        let rows = records(text)
        guard let header = rows.first else {
            log.error(file, .start, "CSV file is empty", hint: "the first row must name the columns")
            return nil
        }
        let names = header.fields
        if let duplicate = Dictionary(grouping: names, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            log.error(file, SourcePosition(line: header.line, column: 1), "column '\(duplicate)' appears twice in the header")
        }
        var items: [DataValue] = []
        for row in rows.dropFirst() {
            if row.fields == [""] { continue }
            let position = SourcePosition(line: row.line, column: 1)
            if row.fields.count != names.count {
                log.error(file, position, "row has \(row.fields.count) fields but the header has \(names.count)",
                          hint: "quote values that contain commas: \"a, b\"")
                continue
            }
            let pairs = zip(names, row.fields).map { (key: $0, value: DataValue(.string($1), at: position)) }
            items.append(DataValue(.map(pairs), at: position))
        }
        return DataValue(.list(items), at: .start)
    }

    struct Row {
        var fields: [String]
        var line: Int
    }

    static func records(_ text: String) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func endRow() {
            fields.append(field)
            rows.append(Row(fields: fields, line: rowLine))
            fields = []
            field = ""
        }
        while let ch = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if ch == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    if ch == "\n" || ch == "\r\n" { line += 1 }
                    field.append(ch)
                }
                continue
            }
            switch ch {
            case "\"" where field.isEmpty: inQuotes = true
            case ",": fields.append(field); field = ""
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                rowLine = line
            default: field.append(ch)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}
