extension SiteNavNode {
    /// `nav: auto`: the site's navigation made from its sections, as MkDocs makes one for a
    /// mkdocs.yml without a nav: the front page, the pages beside it (`ordered`: listing order),
    /// then each section as a link to its page with its own pages and sub-sections below it.
    static func automatic(_ site: Site, ordered: [Int]) -> [SiteNavNode] {
        guard let top = site.sections.first else { return [] }
        let home = SiteNavNode(
            title: top.indexPage.map { site.pages[$0].title }.flatMap { $0.isEmpty ? nil : $0 } ?? top.title,
            path: top.path)
        let beside = ordered.filter { site.pages[$0].kind == .standalone }.map {
            SiteNavNode(title: site.pages[$0].title, path: site.pages[$0].path)
        }
        return [home] + beside + contents(of: 0, site)
    }

    /// A section of more pages than this is its link alone: its listing page lists them (else every
    /// page of a section of 10,000 would carry 10,000 links).
    static let pagesListed = 100

    /// A section's pages, then its sub-sections with theirs.
    private static func contents(of s: Int, _ site: Site) -> [SiteNavNode] {
        let section = site.sections[s]
        let pages = section.pages.count <= pagesListed ? section.pages : []
        return pages.map { SiteNavNode(title: site.pages[$0].title, path: site.pages[$0].path) }
            + section.children.map { child in
                SiteNavNode(
                    title: site.sections[child].title, path: site.sections[child].path,
                    children: contents(of: child, site))
            }
    }
}
