import Templates

/// A page as a listing card: everything but its content (docs/theme.md, "A page").
struct CardValues: TemplateValueConvertible {
    var title: String
    var summary: String
    /// The summary's inline Markdown as HTML (`InlineMarkdown`); nil when it has none.
    var summaryHTML: String? = nil
    /// The summary is the content's opening (`PageSummary`): the page's lead leaves it out.
    var summaryInContent = false
    var url: String
    var section: String
    var folder: String
    /// When the page was published, as the site's language writes a day, and as `YYYY-MM-DD`.
    var date: String
    var dateISO: String
    /// When it last changed, where that is another day than `date`; nil otherwise.
    var updated: String? = nil
    var updatedISO: String? = nil
    /// Whether a card shows its date: the page has one and is listed newest first (a blog's post).
    var dated = false
    var isDraft: Bool
    var params: TemplateValue
    var status: StatusValues?
    var facetKeys: String
    /// Each taxonomy the page has terms of (`TaxonomyValues`, with those terms).
    var taxonomies: [TemplateValue]
    var tags: TemplateValue

    var templateValues: TemplateMap { linkValues.merging(sharedValues) { mine, _ in mine } }

    /// The values that are the same wherever the card is listed.
    var sharedValues: TemplateMap {
        var values: TemplateMap = [
            "title": .string(title), "summary": .string(summary), "section": .string(section),
            "folder": .string(folder), "date": .string(date), "dateISO": .string(dateISO), "isDraft": .bool(isDraft),
            "params": params, "facetKeys": .string(facetKeys),
        ]
        if let updated, let updatedISO {
            (values["updated"], values["updatedISO"]) = (.string(updated), .string(updatedISO))
        }
        values["dated"] = .bool(dated)
        values["summaryInContent"] = .bool(summaryInContent)
        if let status { values["status"] = status.templateValue }
        if let summaryHTML { values["summaryHTML"] = .string(summaryHTML) }
        return values
    }

    /// The values with links, which differ with the depth of the page the card is on.
    var linkValues: TemplateMap { Self.linkValues(url: url, taxonomies: taxonomies, tags: tags) }

    static func linkValues(url: String, taxonomies: [TemplateValue], tags: TemplateValue) -> TemplateMap {
        ["url": .string(url), "taxonomies": .list(taxonomies), "tags": tags]
    }

    var templateValue: TemplateValue { .map(templateValues) }
}

/// A page's `status`.
struct StatusValues: TemplateValueConvertible {
    var id: String
    var title: String

    var templateValue: TemplateValue { ["id": .string(id), "title": .string(title)] }
}

/// A page with its content: its card's values and these.
struct PageValues: TemplateValueConvertible {
    /// The page's card (`CardValues`), as it is listed at this depth.
    var card: TemplateValue
    var content: [UInt8]
    var titleID: String?
    var titleInContent: Bool
    var toc: [TocEntry]
    var hasToc: Bool
    var hasFacts: Bool
    var organisations: [OrganisationValues]
    var roleGroups: [RoleGroup]
    /// Who wrote it (`author:`, `authors:`); empty for most pages.
    var authors: [PageAuthor] = []
    var oneAuthor = false
    /// The page's anchor in the report; nil elsewhere.
    var anchor: String? = nil
    /// The pages listed before and after it in its section, to read on from (none: the first or last).
    var previous: LinkValues? = nil
    var next: LinkValues? = nil
    /// Whether there is either (a template cannot ask for one or the other).
    var hasNeighbours = false
    /// Whether the content has Rust's hidden lines (`markdown: {rustHiddenLines: true}`), for
    /// the script that hides them behind a button.
    var hasHiddenLines = false
    /// A page written in another language than the site's (front matter `lang: ja`): its tag,
    /// for the `lang` of its content (WCAG 3.1.2), and its direction when that differs.
    var lang: String? = nil
    var dir: String? = nil

    var templateValue: TemplateValue {
        var values = TemplateMap(minimumCapacity: 16)
        values["content"] = .bytes(content)
        if let titleID { values["titleID"] = .string(titleID) }
        values["titleInContent"] = .bool(titleInContent)
        values["toc"] = toc.templateValue
        values["hasToc"] = .bool(hasToc)
        values["hasFacts"] = .bool(hasFacts)
        values["organisations"] = organisations.templateValue
        values["roleGroups"] = roleGroups.templateValue
        values["authors"] = .list(
            authors.map { author in
                var entry: TemplateMap = ["name": .string(author.name)]
                if let url = author.url { entry["url"] = .string(url) }
                return .map(entry)
            })
        values["oneAuthor"] = .bool(oneAuthor)
        if let anchor { values["anchor"] = .string(anchor) }
        values["hasNeighbours"] = .bool(hasNeighbours)
        if hasHiddenLines { values["hasHiddenLines"] = .bool(true) }
        if let lang { values["lang"] = .string(lang) }
        if let dir { values["dir"] = .string(dir) }
        if let previous { values["previous"] = previous.templateValue }
        if let next { values["next"] = next.templateValue }
        // On top of the card's values, which stay shared with every listing of the card: copying
        // them into one dictionary per page was a tenth of rendering a page.
        if case .reused(let card) = card { return .reused(card.adding(values, memoizable: false)) }
        var all = TemplateMap(minimumCapacity: 32)
        card.forEveryValue { all[$0] = $1 }
        return .map(all.merging(values) { _, page in page })
    }
}

/// `page` on pages that are not a Markdown page: their title, and on a listing without an
/// `_index.md` an empty summary and content.
struct PageTitleValues: TemplateValueConvertible {
    var title: String
    var summary: String? = nil
    var content: String? = nil

    var templateValue: TemplateValue {
        var values: TemplateMap = ["title": .string(title)]
        if let summary { values["summary"] = .string(summary) }
        if let content { values["content"] = .string(content) }
        return .map(values)
    }
}

/// An entry of a page's table of contents: an h2 with its h3 (`children`), or an h3 (no `children`).
struct TocEntry: TemplateValueConvertible {
    var id: String
    var title: String
    var children: [TocEntry]?

    var templateValue: TemplateValue {
        var values: TemplateMap = ["id": .string(id), "title": .string(title)]
        if let children { values["children"] = children.templateValue }
        return .map(values)
    }
}

/// An organisation a page names, with its roles on the page.
struct OrganisationValues: TemplateValueConvertible {
    var title: String
    var url: String
    var type: String
    var roles: String

    var templateValue: TemplateValue {
        ["title": .string(title), "url": .string(url), "type": .string(type), "roles": .string(roles)]
    }
}

/// The organisations a page names in one role.
struct RoleGroup: TemplateValueConvertible {
    var role: String
    var title: String
    var organisations: [LinkValues]

    var templateValue: TemplateValue {
        ["role": .string(role), "title": .string(title), "organisations": organisations.templateValue]
    }
}
