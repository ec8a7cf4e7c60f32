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
        // A column of numbers only is right-aligned, its header too; in a column that mixes words
        // and numbers each number is still right-aligned, and the header stays left.
        let numeric = columns.map { column in
            let texts = rows.compactMap { $0[column]?.text }.filter { !$0.isEmpty }
            return !texts.isEmpty && texts.allSatisfy { NumberText.isNumber($0, numbers) }
        }
        html += "<thead><tr>"
        for (i, column) in columns.enumerated() {
            html += "<th scope=\"col\"\(numeric[i] ? " class=\"num\"" : "")>\(HTML.escape(column))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (i, column) in columns.enumerated() {
                let text = row[column]?.text ?? ""
                let cell = HTML.escape(text)
                let number = i > 0 && (numeric[i] || NumberText.isNumber(text, numbers))
                html += cellTag(i == 0 ? "th scope=\"row\"" : "td", text: text, numeric: number) + cell
                // The first column names the row, so it is the row's header.
                html += i == 0 ? "</th>" : "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// The opening tag of a cell: `num` for a number; `nowrap` for a span of numbers
    /// ("2020–2024", "10-20"), which must not break at its dash.
    private static func cellTag(_ tag: String, text: String, numeric: Bool) -> String {
        let classes = (numeric ? ["num"] : []) + (!numeric && isSpan(text) ? ["nowrap"] : [])
        return "<\(tag)\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>"
    }

    /// Digits, one dash (hyphen or en dash), digits: a span of years or numbers.
    static func isSpan(_ text: String) -> Bool {
        let parts =
            text.split(separator: "–", omittingEmptySubsequences: false).count == 2
            ? text.split(separator: "–", omittingEmptySubsequences: false)
            : text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 12 && $0.allSatisfy(\.isNumber) }
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
    /// With `index`, a letter index (A–Ö) goes first: each letter links to the first entry that
    /// starts with it (the data is in alphabetical order; the report shows no index).
    static func html(_ value: DataValue, language: String, index: Bool = false) -> String? {
        guard let items = value.list else { return nil }
        let labels = language.hasPrefix("sv") ? ("Förkortning", "Även kallat") : ("Abbreviation", "Also called")
        var html =
            index
            ? letterIndex(items, label: language.hasPrefix("sv") ? "Ordlistan från A till Ö" : "Glossary A to Z") : ""
        html += "<dl class=\"glossary\">\n"
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

    /// `<nav class="glossary-index">` with a link per first letter; empty for fewer than two letters.
    private static func letterIndex(_ items: [DataValue], label: String) -> String {
        var letters: [(letter: String, id: String)] = []
        for item in items {
            guard let term = item["term"]?.text, let first = term.first else { continue }
            let letter = String(first).uppercased()
            if letters.last?.letter != letter && !letters.contains(where: { $0.letter == letter }) {
                letters.append((letter, item["id"]?.text ?? Slug.make(term)))
            }
        }
        guard letters.count > 1 else { return "" }
        let links = letters.map { "<li><a href=\"#\(HTML.escape($0.id))\">\(HTML.escape($0.letter))</a></li>" }
        return "<nav class=\"glossary-index\" aria-label=\"\(HTML.escape(label))\"><ul>" + links.joined()
            + "</ul></nav>\n"
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
