import Markdown

/// A data file from `Content/data/`, available as `data.<name>`.
struct DataFile: Sendable {
    var name: String
    var source: SourceFile
    var value: DataValue
    /// For CSV files: the separator the file was read with; a block naming another re-reads it.
    var separator: CSVReader.Separator? = nil
}

/// `Content/data/*.yaml|yml|json|csv` -> data tree; every record keeps its position.
struct LoadData {
    let log: DiagnosticLog

    func run(_ files: [SourceFile]) -> [String: DataFile] {
        var result: [String: DataFile] = [:]
        for file in files {
            let fileName = String(file.relativePath.dropFirst("data/".count))
            guard let dot = fileName.lastIndex(of: "."), !fileName.contains("/") else {
                log.warning(
                    file.displayPath, .start, "data files must be directly in data/ and end in .yaml, .json or .csv")
                continue
            }
            let name = String(fileName[..<dot])
            let ext = fileName[fileName.index(after: dot)...].lowercased()
            guard let text = file.text(log: log) else { continue }
            var value: DataValue?
            var separator: CSVReader.Separator? = nil
            // A file with an error in it is not read at all: what it holds so far is not all it says.
            let reading = DiagnosticLog()
            defer { log.merge(reading) }
            switch ext {
            case "yaml", "yml", "json": value = YAMLReader.parse(text, file: file.displayPath, log: reading)
            case "csv":
                let csv = CSVReader.parse(text, file: file.displayPath, log: reading)
                value = csv?.value
                separator = csv?.separator
                if reading.hasErrors { value = nil }
            default:
                log.warning(
                    file.displayPath, .start, "unknown data file type '.\(ext)'", hint: "use .yaml, .json or .csv")
                continue
            }
            guard let value else { continue }
            DangerousValues.check(value, file: file.displayPath, log: log)
            if let other = result[name] {
                log.error(
                    file.displayPath, .start, "two data files are named '\(name)' (also \(other.source.displayPath))",
                    hint: "rename one of them")
                continue
            }
            result[name] = DataFile(name: name, source: file, value: value, separator: separator)
        }
        return result
    }

    /// The names of the data files of `files` that `loaded` lacks because they could not be read
    /// (an error was said at each): what names them is not reported again (`Site.unreadableData`).
    static func unreadable(_ files: [SourceFile], loaded: [String: DataFile]) -> Set<String> {
        var names = Set<String>()
        for file in files {
            let fileName = file.relativePath.dropFirst("data/".count)
            guard let dot = fileName.lastIndex(of: "."), !fileName.contains("/") else { continue }
            let name = String(fileName[..<dot])
            if ["yaml", "yml", "json", "csv"].contains(fileName[fileName.index(after: dot)...].lowercased()),
                loaded[name] == nil
            {
                names.insert(name)
            }
        }
        return names
    }
}
