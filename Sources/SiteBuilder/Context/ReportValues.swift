import Templates

/// `report` (docs/theme.md, "The report").
struct ReportValues: TemplateValueConvertible {
    var title: String
    var subtitle: String
    var author: String
    var date: String
    var dateISO: String
    var siteURL: String

    var templateValue: TemplateValue {
        [
            "title": .string(title), "subtitle": .string(subtitle), "author": .string(author), "date": .string(date),
            "dateISO": .string(dateISO), "siteURL": .string(siteURL),
        ]
    }
}

/// A group of the report's pages: those with one term, or the rest.
struct ReportGroup: TemplateValueConvertible {
    var id: String
    var title: String
    var term: TermValues? = nil
    var projects: [PageValues]

    var templateValue: TemplateValue {
        var values: TemplateMap = [
            "id": .string(id), "title": .string(title),
            "projects": projects.templateValue,
        ]
        if let term { values["term"] = term.templateValue }
        return .map(values)
    }
}
