import Templates

/// A section (docs/theme.md, "A section").
struct SectionValues: TemplateValueConvertible {
    var title: String
    var url: String
    var summary: String
    /// The summary's inline Markdown as HTML (`InlineMarkdown`); nil when it has none.
    var summaryHTML: String? = nil
    var pageCount: Int
    var sectionCount: Int
    var folder: String
    var isTop: Bool
    var hasPages: Bool
    var hasChildren: Bool
    /// Its page is an `index.md` with nothing else in or below the folder: a page with its files
    /// beside it (Hugo's leaf bundle), not a listing.
    var isPageBundle: Bool
    var children: [SectionLink]
    var parents: [SectionLink]

    var templateValue: TemplateValue {
        var values: TemplateMap = [
            "title": .string(title), "url": .string(url), "summary": .string(summary), "pageCount": .int(pageCount),
            "sectionCount": .int(sectionCount), "folder": .string(folder), "isTop": .bool(isTop),
            "hasPages": .bool(hasPages), "hasChildren": .bool(hasChildren),
            "isPageBundle": .bool(isPageBundle), "children": children.templateValue,
            "parents": parents.templateValue,
        ]
        if let summaryHTML { values["summaryHTML"] = .string(summaryHTML) }
        return .map(values)
    }
}

/// A link to a section, with what a listing of sections shows.
struct SectionLink: TemplateValueConvertible {
    var title: String
    var url: String
    var summary: String
    /// The summary's inline Markdown as HTML (`InlineMarkdown`); nil when it has none.
    var summaryHTML: String? = nil
    var pageCount: Int
    var sectionCount: Int

    var templateValue: TemplateValue {
        var values: TemplateMap = [
            "title": .string(title), "url": .string(url), "summary": .string(summary), "pageCount": .int(pageCount),
            "sectionCount": .int(sectionCount),
        ]
        if let summaryHTML { values["summaryHTML"] = .string(summaryHTML) }
        return .map(values)
    }
}
