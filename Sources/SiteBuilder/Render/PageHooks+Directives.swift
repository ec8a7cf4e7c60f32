import Foundation
import Markdown

/// A page's directive blocks (```` ```tabell data=… ````, `diagram`, `ordlista`): the data file
/// each names, read (and noted for the preview), rendered as a table, a chart or a glossary.
extension PageHooks {
    /// The HTML of a directive block; nil for a block of another kind (it stays code).
    func render(_ directive: FencedDirective) -> String? {
        guard Self.directives.contains(directive.name) else {
            if directive.arguments["data"] != nil {
                log.warning(
                    page.source.displayPath, directive.position, "unknown block type '\(directive.name)'",
                    hint: "known: \(Self.directives.joined(separator: ", "))")
            }
            return nil
        }
        guard let name = directive.arguments["data"] else {
            log.error(page.source.displayPath, directive.position, "'\(directive.name)' needs a data file: data=<name>")
            return ""
        }
        record.dataUsed.append(name)
        guard let file = dataFile(name) else {
            // A data file that could not be read was said to be wrong at its line.
            if site.unreadableData.contains(name) { return "" }
            let guess = Suggestion.closest(to: name, in: site.data.keys.sorted()).map { "did you mean '\($0)'? " } ?? ""
            log.error(
                page.source.displayPath, directive.position, "no data file named '\(name)'",
                hint: "\(guess)data files live in data/ as <name>.yaml, .json or .csv")
            return ""
        }
        guard let data = records(of: file, for: directive) else { return "" }
        let html: String?
        switch directive.name {
        case "diagram":
            switch Chart.make(
                data, arguments: directive.arguments, numbers: NumberStyle(language: site.config.language))
            {
            case .success(let chart):
                record.charts += 1
                let id = "\(idPrefix)diagram-\(record.charts)"
                record.anchors.append(id)
                return chart.svg(id: id)
            case .failure(let error):
                if let cell = error.position {
                    // The cell is what to fix; the block says which chart it spoils.
                    log.error(
                        file.source.displayPath, cell,
                        "\(error.message) (chart at \(page.source.displayPath):\(directive.position.line))",
                        hint: error.hint)
                } else {
                    log.error(
                        page.source.displayPath, directive.position,
                        "cannot draw chart from '\(name)': \(error.message)", hint: error.hint)
                }
                return ""
            }
        case "tabell":
            html = DataTable.html(
                data, caption: directive.arguments["rubrik"], numbers: NumberStyle(language: site.config.language))
        default:
            html = Glossary.html(data, language: site.config.language, index: true)
            record.anchors += Glossary.ids(data)
            record.glossaries.append(name)
            for problem in GlossaryEntry.problems(data) {
                log.error(file.source.displayPath, problem.position, problem.message, hint: problem.hint)
            }
        }
        // What a block shows is part of the page's text, for search; a glossary's entries are
        // searched on their own.
        if directive.name != "ordlista" { record.text += DataTable.text(data) }
        guard let html else {
            if data.list?.isEmpty == true {
                log.error(
                    page.source.displayPath, directive.position, "data file '\(name)' has no records to show",
                    hint:
                        "add rows to \(file.source.displayPath) (a CSV needs rows below its header), or remove the "
                        + "block"
                )
                return ""
            }
            log.error(
                page.source.displayPath, directive.position, "data file '\(name)' is not a list of records",
                hint: "\(file.source.displayPath) must be a list of 'key: value' records or a CSV with a header")
            return ""
        }
        return html
    }

    /// The records a block shows: the data file as loaded, or a CSV file read again with the
    /// separator the block names (`avgränsare=;`); nil, with errors logged, when that fails.
    private func records(of file: DataFile, for directive: FencedDirective) -> DataValue? {
        guard let argument = directive.arguments["avgränsare"] else { return file.value }
        guard let separator = CSVReader.Separator(argument: argument) else {
            log.error(
                page.source.displayPath, directive.position, "unknown separator 'avgränsare=\(argument)'",
                hint: "use avgränsare=; or avgränsare=, or avgränsare=tab")
            return nil
        }
        guard let loadedWith = file.separator else {
            log.error(
                page.source.displayPath, directive.position, "avgränsare= applies to CSV files only",
                hint: "\(file.source.displayPath) is not a CSV file; remove avgränsare=")
            return nil
        }
        if separator == loadedWith { return file.value }
        // The text was read without problems when the file was loaded.
        guard let text = file.source.text(log: log) else { return nil }
        let (value, problems) = CSVReader.read(text, separator: separator)
        let block = "\(page.source.displayPath):\(directive.position.line)"
        for problem in problems {
            log.error(
                file.source.displayPath, problem.position,
                "\(problem.message) (read with avgränsare=\(separator.name) for \(block))",
                hint: problem.hint)
        }
        guard problems.isEmpty, let value else {
            if problems.isEmpty {
                log.error(page.source.displayPath, directive.position, "CSV file \(file.source.displayPath) is empty")
            }
            return nil
        }
        return value
    }

    /// The data file `name`.
    private func dataFile(_ name: String) -> DataFile? {
        let file = site.data[name]
        if recordsReads { record.reads.append(.data(name, file?.source.data)) }
        return file
    }
}
