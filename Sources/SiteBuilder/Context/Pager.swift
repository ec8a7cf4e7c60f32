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
    func values(page number: Int, url: SiteURL) -> [String: Any]? {
        guard pageCount > 1 else { return nil }
        let shown = [1, pageCount] + Array(max(1, number - 2)...min(pageCount, number + 2))
        var pages: [[String: Any]] = []
        var last = 0
        for n in Set(shown).sorted() {
            if n > last + 1 { pages.append(["gap": true]) }
            pages.append(["number": n, "url": url.to(path(of: n)), "current": n == number])
            last = n
        }
        var values: [String: Any] = ["current": number, "total": pageCount, "pages": pages,
                                     "first": range(of: number).lowerBound + 1, "last": range(of: number).upperBound]
        if number > 1 { values["previous"] = url.to(path(of: number - 1)) }
        if number < pageCount { values["next"] = url.to(path(of: number + 1)) }
        return values
    }
}
