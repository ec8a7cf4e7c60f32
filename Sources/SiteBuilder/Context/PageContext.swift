import Foundation
import Markdown
import Templates

/// Builds the template values for one page being rendered; every URL relative to that page.
struct PageContext {
    let site: Site
    let bodies: [RenderedBody]
    let theme: Theme
    let url: SiteURL
    /// Cards already built, shared by every page rendered in this build.
    var cards: CardCache? = nil

    // MARK: Pages

    /// A page as a listing card: everything but its content.
    func card(_ index: Int) -> [String: Any] {
        guard let cards else { return makeCard(index) }
        return cards.card(index, url: url) { ReusedValues(makeCard($0)) }.values
    }

    /// Pages as listing cards, shared by every listing at this depth: the template engine renders
    /// a card's partial once per depth (`PartialMemo`).
    func listed(_ pages: [Int]) -> [Any] {
        guard let cards else { return pages.map { makeCard($0) } }
        return pages.map { cards.card($0, url: url) { ReusedValues(makeCard($0)) } }
    }

    private func makeCard(_ index: Int) -> [String: Any] {
        let parts = cards.map { $0.parts(index) { cardParts($0) } } ?? cardParts(index)
        var values = parts.values
        values["url"] = url.to(site.pages[index].path)
        var taxonomies: [[String: Any]] = []
        for (t, terms) in parts.terms {
            var values = taxonomyValues(t)
            values["terms"] = terms.map { termValues(taxonomy: t, term: $0) }
            taxonomies.append(values)
        }
        values["taxonomies"] = taxonomies
        values["tags"] = (taxonomies.first?["terms"]) ?? [[String: Any]]()
        return values
    }

    /// What a page's card shows wherever it is listed (everything but links).
    private func cardParts(_ index: Int) -> CardParts {
        let page = site.pages[index]
        var values: [String: Any] = [
            "title": page.title, "summary": page.summary, "section": page.section, "folder": page.folder,
            "date": page.date.map { DateText.long($0, language: site.config.language) } ?? "", "dateISO": page.date ?? "", "isDraft": page.draft,
            "params": page.frontMatter.templateValue,
        ]
        if let status = page.status {
            values["status"] = ["id": status, "title": status.prefix(1).uppercased() + status.dropFirst()]
        }
        var terms: [(taxonomy: Int, terms: [Int])] = []
        var facetKeys: [String] = []
        for (t, taxonomy) in site.config.taxonomies.enumerated() {
            let found = (page.terms[taxonomy.key] ?? []).compactMap { taxonomy.termPosition($0.id) }
            guard !found.isEmpty else { continue }
            facetKeys += found.map { "\(taxonomy.param):\(taxonomy.terms[$0].slug)" }
            terms.append((t, found))
        }
        values["facetKeys"] = facetKeys.joined(separator: " ")
        return CardParts(values: values, terms: terms)
    }

    // The closures are passed straight on, so they stay non-escaping: a stored closure would
    // copy this whole context (five counted references) for every card.
    private func taxonomyValues(_ t: Int) -> [String: Any] {
        guard let cards else { return taxonomyValues(site.config.taxonomies[t]) }
        return cards.taxonomy(t, url: url) { taxonomyValues(site.config.taxonomies[t]) }
    }

    private func termValues(taxonomy t: Int, term i: Int) -> [String: Any] {
        guard let cards else { return term(site.config.taxonomies[t].terms[i], of: site.config.taxonomies[t]) }
        return cards.term(t, i, url: url) { term(site.config.taxonomies[t].terms[i], of: site.config.taxonomies[t]) }
    }

    /// A page with its content, table of contents and organisations.
    func full(_ index: Int) -> [String: Any] {
        let page = site.pages[index]
        let body = bodies[index]
        var values = card(index)
        let content = content(index)
        values["content"] = content.html
        if let id = content.titleID { values["titleID"] = id }
        values["titleInContent"] = content.titleInContent
        let toc = tableOfContents(body.headings)
        values["toc"] = toc
        values["hasToc"] = body.headings.count >= site.config.tocMinHeadings && !toc.isEmpty
        // The fact box (status, terms, date) has something to show: a page brought from another
        // generator often has none of them.
        values["hasFacts"] = page.status != nil || page.date != nil
            || site.config.taxonomies.contains { !(page.terms[$0.key] ?? []).isEmpty }
        var organisations: [[String: Any]] = []
        var roleGroups: [[String: Any]] = []
        for collection in site.collections {
            let references = page.references.filter { $0.collection == collection.config.key }
            var seen = Set<String>()
            for reference in references where seen.insert(reference.id).inserted {
                guard let record = collection.record(reference.id) else { continue }
                let roles = references.filter { $0.id == reference.id }.compactMap(\.role)
                organisations.append([
                    "title": record.title, "url": url.to(record.path), "type": record.type?.title ?? "",
                    "roles": roles.map { roleTitle($0, in: collection.config) }.joined(separator: ", "),
                ])
            }
            let roleOrder = collection.config.roles.map(\.id) + [""]
            for role in roleOrder {
                var ids: [String] = []
                for reference in references where (reference.role ?? "") == role && !ids.contains(reference.id) {
                    ids.append(reference.id)
                }
                let records = ids.compactMap { collection.record($0) }
                guard !records.isEmpty else { continue }
                roleGroups.append([
                    "role": role, "title": role.isEmpty ? collection.config.title : roleTitle(role, in: collection.config),
                    "organisations": records.map { ["title": $0.title, "url": url.to($0.path)] },
                ])
            }
        }
        values["organisations"] = organisations
        values["roleGroups"] = roleGroups
        return values
    }

    private func tableOfContents(_ headings: [Heading]) -> [[String: Any]] {
        var toc: [[String: Any]] = []
        var children: [[String: Any]] = []
        func flush() {
            guard !toc.isEmpty else { return }
            toc[toc.count - 1]["children"] = children
            children = []
        }
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 2 {
                flush()
                toc.append(["id": heading.id, "title": heading.text, "children": [[String: Any]]()])
            } else if !toc.isEmpty {
                children.append(["id": heading.id, "title": heading.text])
            }
        }
        flush()
        return toc
    }

    private func roleTitle(_ id: String, in collection: CollectionConfig) -> String {
        collection.roles.first { $0.id == id }?.title ?? id
    }

    // MARK: Taxonomies

    func taxonomyValues(_ taxonomy: Taxonomy) -> [String: Any] {
        ["key": taxonomy.key, "title": taxonomy.title, "singular": taxonomy.singular, "path": taxonomy.path,
         "param": taxonomy.param, "url": url.to("/\(taxonomy.path)/")]
    }

    func term(_ term: Term, of taxonomy: Taxonomy, count: Int? = nil) -> [String: Any] {
        var values: [String: Any] = [
            "id": term.id, "title": term.title, "slug": term.slug, "url": url.to(termPath(term, taxonomy)),
            "icon": term.icon.map(theme.icons.use) ?? "", "description": term.description ?? "",
            "param": taxonomy.param,
        ]
        if let count { values["count"] = count; values["isEmpty"] = count == 0 }
        return values
    }

    func termPath(_ term: Term, _ taxonomy: Taxonomy) -> String { "/\(taxonomy.path)/\(term.slug)/" }

    /// Filter groups for a listing of `pages`: each taxonomy with its terms and how many of the
    /// listed pages carry each.
    func facets(for pages: [Int]) -> [[String: Any]] {
        let listed = Set(pages)
        return site.config.taxonomies.compactMap { taxonomy in
            let counts = taxonomy.terms.map { t in (site.termPages[taxonomy.key]?[t.id] ?? []).filter(listed.contains).count }
            guard counts.contains(where: { $0 > 0 }) else { return nil }
            var values = taxonomyValues(taxonomy)
            values["terms"] = zip(taxonomy.terms, counts).map { term($0, of: taxonomy, count: $1) }
            return values
        }
    }

    // MARK: Records

    func record(_ record: Record, in collection: SiteCollection, withProjects: Bool) -> [String: Any] {
        var values: [String: Any] = [
            "id": record.id, "title": record.title, "url": url.to(record.path), "description": record.description,
            "fields": record.value.templateValue, "projectCount": record.usages.count,
        ]
        if let type = record.type { values["type"] = ["id": type.id, "title": type.title] }
        if withProjects {
            let roleOrder = collection.config.roles.map(\.id) + [""]
            values["roles"] = roleOrder.compactMap { role -> [String: Any]? in
                let pages = record.usages.filter { role.isEmpty ? $0.roles.isEmpty : $0.roles.contains(role) }.map(\.page)
                guard !pages.isEmpty else { return nil }
                return ["role": role, "title": role.isEmpty ? collection.config.title : roleTitle(role, in: collection.config),
                        "projects": listed(pages)]
            }
        }
        return values
    }
}

/// What a page's card shows wherever it is listed, and which terms it links to
/// (taxonomy index, term indices).
struct CardParts {
    var values: [String: Any]
    var terms: [(taxonomy: Int, terms: [Int])]
}

/// Listing cards by page and link prefix: a page's card is the same on every listing at the same
/// depth, so it is built once per depth instead of once per listing; so are the taxonomy and term
/// values in cards, and the parts of a card that no link is in are built once per page.
final class CardCache: Sendable {
    private let cards = LockedCache<CardKey, ReusedValues>()
    private let terms = LockedCache<CardKey, [String: Any]>()
    private let taxonomies = LockedCache<CardKey, [String: Any]>()
    private let parts = LockedCache<Int, CardParts>()
    private let listings = LockedCache<CardKey, [String: Any]>()

    private struct CardKey: Hashable {
        var url: SiteURL
        var index: Int
        var sub = 0
    }

    func card(_ index: Int, url: SiteURL, make: (Int) -> ReusedValues) -> ReusedValues {
        cards.value(CardKey(url: url, index: index)) { make(index) }
    }

    func term(_ taxonomy: Int, _ term: Int, url: SiteURL, make: () -> [String: Any]) -> [String: Any] {
        terms.value(CardKey(url: url, index: taxonomy, sub: term), make)
    }

    func taxonomy(_ taxonomy: Int, url: SiteURL, make: () -> [String: Any]) -> [String: Any] {
        taxonomies.value(CardKey(url: url, index: taxonomy), make)
    }

    /// What every page of a paged listing at the same depth shows alike (its filters, the filter
    /// data's URL): made once per listing and depth, not once per page of it.
    func listing(_ section: Int, url: SiteURL, make: () -> [String: Any]) -> [String: Any] {
        listings.value(CardKey(url: url, index: section), make)
    }

    func parts(_ index: Int, make: (Int) -> CardParts) -> CardParts {
        parts.value(index) { make(index) }
    }
}
