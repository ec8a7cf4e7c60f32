import Markdown

/// ```` ```tabell data=name rubrik="…" ````: a data file as an accessible HTML table.
enum DataTable {
    /// Renders a list of records (CSV rows or YAML mappings); columns are the first record's keys.
    static func html(_ value: DataValue, caption: String?, numbers: NumberStyle) -> String? {
        guard let rows = value.list, let first = rows.first?.pairs else { return nil }
        let columns = first.map(\.key)
        // The wrapper scrolls wide tables on narrow screens; keyboard users reach it by Tab.
        let label = HTML.escape(caption ?? columns.joined(separator: ", "))
        var html = "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"\(label)\"><table>\n"
        if let caption, !caption.isEmpty { html += "<caption>\(HTML.escape(caption))</caption>\n" }
        html += "<thead><tr>"
        for column in columns { html += "<th scope=\"col\">\(HTML.escape(column))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (i, column) in columns.enumerated() {
                let text = row[column]?.text ?? ""
                let cell = HTML.escape(text)
                // The first column names the row, so it is the row's header.
                html +=
                    i == 0
                    ? "<th scope=\"row\">\(cell)</th>"
                    : "<td\(NumberText.isNumber(text, numbers) ? " class=\"num\"" : "")>\(cell)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// Every value of a list of records as plain text, a line per record.
    static func text(_ value: DataValue) -> String {
        (value.list ?? []).map { row in (row.pairs ?? []).compactMap { $0.value.text }.joined(separator: " ") }
            .joined(separator: "\n") + "\n"
    }
}

/// ```` ```ordlista data=name ````: records with `id`, `term`, `definition` as a definition list.
enum Glossary {
    /// The anchor ids the glossary defines, one per term.
    static func ids(_ value: DataValue) -> [String] {
        (value.list ?? []).compactMap { item in item["term"]?.text.map { item["id"]?.text ?? Slug.make($0) } }
    }

    static func html(_ value: DataValue) -> String? {
        guard let items = value.list else { return nil }
        var html = "<dl class=\"glossary\">\n"
        for item in items {
            guard let term = item["term"]?.text else { continue }
            let id = item["id"]?.text ?? Slug.make(term)
            html += "<div class=\"glossary-entry\" id=\"\(HTML.escape(id))\"><dt>\(HTML.escape(term))</dt>"
            html += "<dd>\(HTML.escape(item["definition"]?.text ?? ""))</dd></div>\n"
        }
        return html + "</dl>\n"
    }
}
