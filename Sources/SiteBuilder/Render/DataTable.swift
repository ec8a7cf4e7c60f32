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

/// ```` ```ordlista data=name ````: records with `id`, `term`, `definition` (and optionally
/// `förkortning` and `synonymer`) as a definition list.
enum Glossary {
    /// The anchor ids the glossary defines, one per term.
    static func ids(_ value: DataValue) -> [String] {
        (value.list ?? []).compactMap { item in item["term"]?.text.map { item["id"]?.text ?? Slug.make($0) } }
    }

    /// The list; an entry's abbreviations and other names follow its definition, labelled in the
    /// site's `language`, except those its term already shows ("LCA (livscykelanalys)").
    static func html(_ value: DataValue, language: String) -> String? {
        guard let items = value.list else { return nil }
        let labels = language.hasPrefix("sv") ? ("Förkortning", "Även kallat") : ("Abbreviation", "Also called")
        var html = "<dl class=\"glossary\">\n"
        for item in items {
            guard let term = item["term"]?.text else { continue }
            let id = item["id"]?.text ?? Slug.make(term)
            html += "<div class=\"glossary-entry\" id=\"\(HTML.escape(id))\"><dt>\(HTML.escape(term))</dt>"
            html += "<dd>\(HTML.escape(item["definition"]?.text ?? ""))"
            html += names(item["förkortning"], label: labels.0, class: "glossary-abbreviation", besides: term)
            html += names(item["synonymer"], label: labels.1, class: "glossary-synonyms", besides: term)
            html += "</dd></div>\n"
        }
        return html + "</dl>\n"
    }

    /// `<p class="…">Label: a, b</p>` for a text or a list of texts, without those the term shows.
    private static func names(_ value: DataValue?, label: String, class name: String, besides term: String) -> String {
        let shown = term.lowercased()
        let texts = (value?.list ?? value.map { [$0] } ?? []).compactMap(\.text)
            .filter { !$0.isEmpty && !shown.contains($0.lowercased()) }
        guard !texts.isEmpty else { return "" }
        return "<p class=\"\(name)\">\(label): \(texts.map(HTML.escape).joined(separator: ", "))</p>"
    }
}
