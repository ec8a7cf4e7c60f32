extension PageContext {
    /// A section for templates: its title and link, the sections in it and the sections above it.
    ///
    /// `children` and `parents` are links (`title`, `url`, `summary`, `pageCount`,
    /// `sectionCount`); `parents` runs from the top section down to this one's parent, without
    /// the front page.
    func section(_ s: Int) -> [String: Any] {
        let section = site.sections[s]
        var values = sectionLink(s)
        values["folder"] = section.folder
        values["isTop"] = s == 0
        values["hasPages"] = !section.pages.isEmpty
        values["hasChildren"] = !section.children.isEmpty
        values["children"] = section.children.map(sectionLink)
        values["parents"] = site.sectionTrail(s).dropFirst().dropLast().map(sectionLink)
        return values
    }

    /// A link to a section, with what a listing of sections shows.
    func sectionLink(_ s: Int) -> [String: Any] {
        let section = site.sections[s]
        return [
            "title": section.title, "url": url.to(section.path),
            "summary": section.indexPage.map { site.pages[$0].summary } ?? "",
            "pageCount": section.pages.count, "sectionCount": section.children.count,
        ]
    }
}
