import Foundation
import Markdown
import Parallel
import Templates

/// The printable report — every page of the report's sections in one HTML document, grouped by a
/// taxonomy's terms, with a cover, a table of contents and the glossary. Bodies are rendered again
/// for this document: links between included pages become in-document anchors and heading ids
/// get the page's slug as prefix, so they stay unique.
struct RenderReport {
    let style: LinkStyle
    /// HTML put into every page (the preview's live-reload script).
    let liveReload: String

    /// The pages whose Markdown the report reads: those it renders again (its sections' pages)
    /// and the page that shows its glossary (`data=<glossary>`), if any.
    static func pagesRead(in site: Site, report: ReportConfig) -> (included: [Int], glossary: Int?) {
        let included = site.pages(inSections: report.sections)
        guard let glossary = report.glossary else { return (included, nil) }
        return (included, site.pages.firstIndex { $0.body.contains("data=\(glossary)") })
    }

    /// The report page of `site`, or nil when site.yaml asks for none.
    func run(_ site: Site, theme: Theme) -> OutputFile? {
        guard let report = site.config.report else { return nil }
        // Nothing of what every page gets is reported: the pages' rendering reported it already.
        let common = PageRenderer(
            site: site, bodies: [], theme: theme, style: style, liveReload: liveReload,
            log: DiagnosticLog()
        ).common
        let path = "/\(report.path)/"
        let url = SiteURL(from: path, style: style)
        let (included, glossaryPage) = Self.pagesRead(in: site, report: report)
        var sameDocument: [String: (anchor: String, idPrefix: String)] = [:]
        for index in included {
            let slug = String(site.pages[index].path.split(separator: "/").last ?? "")
            sameDocument[site.pages[index].path] = (slug, slug + "-")
        }
        if let glossaryPage { sameDocument[site.pages[glossaryPage].path] = ("ordlista", "") }

        // The report's own rendering of each body; diagnostics were already given by the site's.
        let quiet = DiagnosticLog()
        let anchors = sameDocument
        let rendered = parallelMap(included.count) { i in
            let page = site.pages[included[i]]
            let local = anchors[page.path]!
            var options = RenderMarkdown.options(site: site, theme: theme)
            options.headingAnchorLabel = nil
            options.headingIDPrefix = local.idPrefix
            // The report nests each page under a group (h2) and its title (h3).
            options.headingLevelShift = 2
            let body = RenderMarkdown.render(
                page, site: site, renderer: MarkdownRenderer(options: options), style: style, log: quiet, url: url
            ) { hooks in
                hooks.sameDocument = anchors
                hooks.idPrefix = local.idPrefix
            }
            return RenderedBody(html: body.html, headings: body.headings, plainText: [])
        }
        var bodies = Array(repeating: RenderedBody(html: [], headings: [], plainText: []), count: site.pages.count)
        for (i, index) in included.enumerated() { bodies[index] = rendered[i] }
        let context = PageContext(site: site, bodies: bodies, theme: theme, url: url)

        var values = TemplateRoot(common: common(path, report.title, url))
        values.report = ReportValues(
            title: report.title, subtitle: report.subtitle, author: site.config.author,
            date: site.config.updated.map { DateText.long($0, language: site.config.language) } ?? "",
            dateISO: site.config.updated ?? "", siteURL: site.config.baseURL)
        values.page = PageTitleValues(title: report.title).templateValue
        values.groups =
            groups(included, site: site, theme: theme, context: context, anchors: sameDocument).templateValue
        values.glossary =
            report.glossary.flatMap { site.data[$0] }.flatMap {
                Glossary.html($0.value, language: site.config.language)
            } ?? ""
        values.common.breadcrumbs = []
        // The report is often named as the site is: its title then says so once, not "X – X".
        if report.title == site.config.title { values.common.pageTitle = report.title }
        guard let html = theme.templates.render("report", context: TemplateContext(values.templateValues)) else {
            return nil
        }
        return OutputFile(path: SiteURL.outputFile(of: path), bytes: Array(html.utf8))
    }

    /// `roleGroups` less those that only repeat a row the fact box already has: a role named as a
    /// taxonomy the page carries (site.yaml's role `finansiär` and taxonomy `finansiär`), whose
    /// organisations are all among that taxonomy's terms on the page, by title.
    static func withoutRepeatedTerms(_ roleGroups: [RoleGroup], of page: Page, site: Site) -> [RoleGroup] {
        roleGroups.filter { group in
            guard let taxonomy = site.config.taxonomies.first(where: { $0.key == group.role }),
                let terms = page.terms[taxonomy.key], !terms.isEmpty
            else { return true }
            let titles = Set(terms.compactMap { taxonomy.termPosition($0.id).map { taxonomy.terms[$0].title } })
            return !group.organisations.allSatisfy { titles.contains($0.title) }
        }
    }

    /// Pages grouped by the first term they carry of the report's taxonomy, in term order; pages
    /// without one come last.
    private func groups(
        _ included: [Int], site: Site, theme: Theme, context: PageContext,
        anchors: [String: (anchor: String, idPrefix: String)]
    ) -> [ReportGroup] {
        func entry(_ index: Int) -> PageValues {
            var values = context.full(index)
            values.anchor = anchors[site.pages[index].path]!.anchor
            values.roleGroups = Self.withoutRepeatedTerms(values.roleGroups, of: site.pages[index], site: site)
            return values
        }
        guard let key = site.config.report?.groupBy,
            let taxonomy = site.config.taxonomies.first(where: { $0.key == key })
        else {
            return [ReportGroup(id: "alla", title: "", projects: included.map(entry))]
        }
        var remaining = included
        var groups: [ReportGroup] = []
        for (t, term) in taxonomy.terms.enumerated() {
            let members = remaining.filter {
                site.pages[$0].terms[key]?.first.flatMap { taxonomy.termPosition($0.id) } == t
            }
            guard !members.isEmpty else { continue }
            remaining.removeAll { members.contains($0) }
            groups.append(
                ReportGroup(
                    id: "grupp-\(term.slug)", title: term.title,
                    term: context.term(term, of: taxonomy), projects: members.map(entry)))
        }
        if !remaining.isEmpty {
            groups.append(
                ReportGroup(
                    id: "grupp-ovriga", title: theme.string("otherRecords"),
                    projects: remaining.map(entry)))
        }
        return groups
    }
}

extension Site {
    /// Lets the Markdown of the pages go once their bodies are rendered, but that of the pages
    /// the report renders again (`RenderReport.pagesRead`): for a build that keeps no state.
    mutating func letMarkdownGo() {
        let read = config.report.map { RenderReport.pagesRead(in: self, report: $0) }
        let kept = Set((read?.included ?? []) + (read?.glossary.map { [$0] } ?? []))
        for index in pages.indices where !kept.contains(index) { pages[index].body = "" }
    }
}
