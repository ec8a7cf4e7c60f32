import Markdown

extension PageContext {
    /// A section for templates: its title and link, the sections in it and the sections above it.
    ///
    /// `children` and `parents` are links; `parents` runs from the top section down to this one's
    /// parent, without the front page.
    func section(_ s: Int) -> SectionValues {
        let section = site.sections[s]
        let link = sectionLink(s)
        return SectionValues(
            title: link.title, url: link.url, summary: link.summary, summaryHTML: link.summaryHTML,
            pageCount: link.pageCount,
            sectionCount: link.sectionCount, folder: section.folder, isTop: s == 0, hasPages: !section.pages.isEmpty,
            hasChildren: !section.children.isEmpty,
            isPageBundle: section.pages.isEmpty && section.children.isEmpty
                && section.indexPage.map { site.pages[$0].source.relativePath.split(separator: "/").last == "index.md" }
                    == true,
            children: section.children.map(sectionLink),
            parents: site.sectionTrail(s).dropFirst().dropLast().map(sectionLink))
    }

    /// A link to a section, with what a listing of sections shows.
    func sectionLink(_ s: Int) -> SectionLink {
        let section = site.sections[s]
        let summary = section.indexPage.map { PageSummary(of: $0, in: site, bodies: bodies) }
        return SectionLink(
            title: section.title, url: url.to(section.path), summary: summary?.text ?? "",
            summaryHTML: summary?.html, pageCount: section.pages.count,
            sectionCount: section.children.count)
    }
}
