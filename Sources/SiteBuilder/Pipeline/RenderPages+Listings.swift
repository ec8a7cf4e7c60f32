import Templates

/// Listings of any length: a listing is paged (`Pager`), and a paged listing with filters gets
/// filter data, so the filters still count and filter over every card, not only one page's.
extension PageRenderer {
    /// The pages section `s`'s listing shows, in listing order: the pages in its folder, or on the
    /// front page (section 0) every page of every section.
    func listingPages(_ s: Int) -> [Int] {
        s == 0 ? site.sectionPages.keys.sorted().flatMap { site.sectionPages[$0]! } : site.sections[s].pages
    }

    func pager(_ path: String, itemCount: Int) -> Pager {
        Pager(
            path: path, itemCount: itemCount, pageSize: site.config.listingPageSize, folder: site.config.listingFolder)
    }

    /// The path of a listing's first page, from the path of its page `number`
    /// (`/projekt/sida/3/` -> `/projekt/`).
    func listingPath(_ path: String, _ number: Int) -> String {
        guard number > 1 else { return path }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3) // "sida", "3" and the empty part after the last slash
        return parts.joined(separator: "/") + "/"
    }

    /// A later page's title says which page it is, so every page of a listing has its own title.
    func pageTitle(_ title: String, _ number: Int, _ pager: Pager) -> String {
        guard number > 1 else { return title }
        return theme.string(
            "pagerTitle", filling: ["title": title, "n": String(number), "total": String(pager.pageCount)])
    }

    /// The pager's values with the line that says which cards this page shows.
    func pagerValues(_ pager: Pager, _ number: Int, _ url: SiteURL) -> PagerValues? {
        guard var values = pager.values(page: number, url: url) else { return nil }
        let range = pager.range(of: number)
        values.showing = theme.string(
            "pagerShowing",
            filling: [
                "first": String(range.lowerBound + 1), "last": String(range.upperBound),
                "count": String(pager.itemCount),
            ])
        return values
    }

    /// The filter data of a listing of `pages`, when it is paged and has filters.
    func filterData(for pages: [Int]) -> FilterData? {
        guard pages.count > site.config.listingPageSize, hasFacets(pages) else { return nil }
        return FilterData(pages: pages, root: site.config.root)
    }

    private func hasFacets(_ pages: [Int]) -> Bool {
        let listed = Set(pages)
        return site.config.taxonomies.contains { taxonomy in
            taxonomy.terms.contains { (site.termPages[taxonomy.key]?[$0.id] ?? []).contains(where: listed.contains) }
        }
    }

    /// The data and card chunk files of every paged listing with filters; listings of the same
    /// pages (the front page and its only section) share them.
    func filterDataJobs(_ jobs: [Job]) -> [Job] {
        var seen = Set<String>()
        var result: [Job] = []
        for job in jobs {
            guard case .listing(let s, 1) = job.content, let data = filterData(for: listingPages(s)),
                seen.insert(data.path).inserted
            else { continue }
            result.append(Job(path: data.path, template: "", title: "", content: .filterData(data)))
            for chunk in 0..<data.chunkCount {
                result.append(
                    Job(path: data.chunkPath(chunk), template: "", title: "", content: .cardChunk(data, chunk: chunk)))
            }
        }
        return result
    }

    /// One chunk of cards, each rendered by the theme's `partials/project-card` as on a listing
    /// page in the data's folder (the script resolves their links against the chunk's URL).
    func cardChunk(
        _ data: FilterData, chunk: Int, common: TemplateMap, context: PageContext,
        templates: MustacheTheme
    ) -> [UInt8] {
        let cards = context.listed(Array(data.pages[data.range(of: chunk)]))
        // `window.__kretsloppFilterCards("<data path>", <chunk>, ["<card>", …]);`, as FilterData.call
        // writes it, with each card's HTML escaped straight from the bytes the template gives.
        var out = FilterData.byteOrderMark + Array("window.__kretsloppFilterCards(".utf8)
        JSON.append(data.path, to: &out)
        out.append(contentsOf: ",\(chunk),[".utf8)
        for (i, card) in cards.enumerated() {
            // The card is the current value, as inside a listing's `{{#projects}}`.
            let html =
                templates.renderUTF8("partials/project-card", context: TemplateContext(common, current: card)) ?? []
            if i > 0 { out.append(UInt8(ascii: ",")) }
            // Decoded first: bytes a theme gives that are not UTF-8 become U+FFFD, never raw in the script.
            JSON.append(String(decoding: html, as: UTF8.self), to: &out)
        }
        out.append(contentsOf: "]);\n".utf8)
        return out
    }
}
