import Templates

/// A listing split into pages of a bounded number of cards: `/projekt/`, `/projekt/sida/2/`…
/// Every page is a plain HTML page with links to the others, so paging works without JavaScript
/// and from `file://`.
struct Pager: Sendable {
    /// Site path of the listing's first page (`/projekt/`).
    let path: String
    /// Cards in the whole listing.
    let itemCount: Int
    let pageSize: Int
    /// URL folder of the later pages (`sida`).
    let folder: String

    var pageCount: Int { max(1, (itemCount + pageSize - 1) / pageSize) }

    /// Site path of page `number` (1-based).
    func path(of number: Int) -> String {
        number == 1 ? path : "\(path)\(folder)/\(number)/"
    }

    /// Positions in the listing that page `number` shows.
    func range(of number: Int) -> Range<Int> {
        let start = min(itemCount, (number - 1) * pageSize)
        return start..<min(itemCount, start + pageSize)
    }

    /// What a template needs to draw the pager on page `number`; nil when there is one page.
    /// The page numbers shown are the first, the last and two on each side of the current one,
    /// with a gap marker where numbers are left out.
    func values(page number: Int, url: SiteURL) -> PagerValues? {
        guard pageCount > 1 else { return nil }
        let shown = [1, pageCount] + Array(max(1, number - 2)...min(pageCount, number + 2))
        var pages: [PagerLink] = []
        var last = 0
        for n in Set(shown).sorted() {
            if n > last + 1 { pages.append(PagerLink(gap: true)) }
            pages.append(PagerLink(number: n, url: url.to(path(of: n)), current: n == number))
            last = n
        }
        return PagerValues(
            current: number, total: pageCount, pages: pages, first: range(of: number).lowerBound + 1,
            last: range(of: number).upperBound,
            previous: number > 1 ? url.to(path(of: number - 1)) : nil,
            next: number < pageCount ? url.to(path(of: number + 1)) : nil)
    }
}

/// `pager` (docs/theme.md, "Long listings").
struct PagerValues: TemplateValueConvertible {
    var current: Int
    var total: Int
    var pages: [PagerLink]
    var first: Int
    var last: Int
    var previous: String?
    var next: String?
    /// "Projekt 25–48 av 10000".
    var showing: String? = nil

    var templateValue: TemplateValue {
        var values: TemplateMap = [
            "current": .int(current), "total": .int(total),
            "pages": pages.templateValue, "first": .int(first), "last": .int(last),
        ]
        if let previous { values["previous"] = .string(previous) }
        if let next { values["next"] = .string(next) }
        if let showing { values["showing"] = .string(showing) }
        return .map(values)
    }
}

/// An entry of the pager: a page's number and link, or a gap where numbers are left out.
struct PagerLink: TemplateValueConvertible {
    var number: Int? = nil
    var url: String? = nil
    var current: Bool? = nil
    var gap: Bool? = nil

    var templateValue: TemplateValue {
        var values: TemplateMap = [:]
        if let number { values["number"] = .int(number) }
        if let url { values["url"] = .string(url) }
        if let current { values["current"] = .bool(current) }
        if let gap { values["gap"] = .bool(gap) }
        return .map(values)
    }
}
