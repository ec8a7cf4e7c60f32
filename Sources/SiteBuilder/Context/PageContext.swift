import Foundation
import Markdown
import Templates

/// Builds the template values for one page being rendered; every URL relative to that page.
///
/// A class: the closures that build cards capture it, and a copy of the site's model and
/// settings (dozens of references to retain and release) for each card was a tenth of what
/// making a listing's cards cost.
final class PageContext: Sendable {
    let site: Site
    let bodies: [RenderedBody]
    let theme: Theme
    let url: SiteURL
    /// Cards already built, shared by every page rendered in this build.
    let cards: CardCache?
    /// The cards and values already built for pages at this page's depth.
    let shelf: CardShelf?

    init(site: Site, bodies: [RenderedBody], theme: Theme, url: SiteURL, cards: CardCache? = nil) {
        self.site = site
        self.bodies = bodies
        self.theme = theme
        self.url = url
        self.cards = cards
        shelf = cards?.shelf(url)
    }

    // MARK: Pages

    /// A page as a listing card: everything but its content.
    func card(_ index: Int) -> TemplateValue {
        guard let shelf else { return makeCard(index).templateValue }
        return .reused(shelf.card(index, make: reusedCard))
    }

    /// Pages as listing cards, shared by every listing at this depth: the template engine renders
    /// a card's partial once per depth (`PartialMemo`).
    func listed(_ pages: [Int]) -> [TemplateValue] {
        guard let shelf else { return pages.map { makeCard($0).templateValue } }
        return pages.map { .reused(shelf.card($0, make: reusedCard)) }
    }

    /// A card at this depth: its links, sharing the rest with the page's card at every other depth.
    private func reusedCard(_ index: Int) -> ReusedValues {
        let parts = cardParts(cached: index)
        // The links alone: the card's other values are in `parts.shared` already.
        let links = cardLinks(index, parts)
        return ReusedValues(
            CardValues.linkValues(url: links.url, taxonomies: links.taxonomies, tags: links.tags),
            sharing: parts.shared)
    }

    private func cardParts(cached index: Int) -> CardParts {
        cards.map { $0.parts(index) { cardParts($0) } } ?? cardParts(index)
    }

    private func makeCard(_ index: Int, _ cached: CardParts? = nil) -> CardValues {
        let parts = cached ?? cardParts(cached: index)
        var card = parts.card
        (card.url, card.taxonomies, card.tags) = cardLinks(index, parts)
        return card
    }

    /// What of a card differs with the depth of the page it is on.
    private func cardLinks(_ index: Int, _ parts: CardParts) -> (
        url: String, taxonomies: [TemplateValue], tags: TemplateValue
    ) {
        let shown = parts.terms.map { t, terms in
            guard let shelf else { return taxonomyShown(t, terms: terms) }
            return shelf.taxonomyShown(t, terms: terms) { taxonomyShown(t, terms: terms) }
        }
        return (url.to(site.pages[index].path), shown.map(\.value), shown.first?.terms ?? .list([]))
    }

    /// A taxonomy as a card shows it, with the page's terms of it: cards with the same terms
    /// share one value.
    private func taxonomyShown(_ t: Int, terms: [Int]) -> ShownTaxonomy {
        var values = taxonomyValues(t)
        let shown = TemplateValue.list(terms.map { termValues(taxonomy: t, term: $0) })
        values.terms = shown
        return ShownTaxonomy(value: values.templateValue, terms: shown)
    }

    /// What a page's card shows wherever it is listed (everything but links).
    private func cardParts(_ index: Int) -> CardParts {
        let page = site.pages[index]
        var terms: [(taxonomy: Int, terms: [Int])] = []
        var facetKeys: [String] = []
        for (t, taxonomy) in site.config.taxonomies.enumerated() {
            let found = (page.terms[taxonomy.key] ?? []).compactMap { taxonomy.termPosition($0.id) }
            guard !found.isEmpty else { continue }
            facetKeys += found.map { "\(taxonomy.param):\(taxonomy.terms[$0].slug)" }
            terms.append((t, found))
        }
        let language = site.config.language
        // A day the page changed that is not the one it was published on.
        let updated = page.updated.flatMap { $0 == page.date ? nil : $0 }
        let summary = PageSummary(of: index, in: site, bodies: bodies)
        let card = CardValues(
            title: page.title, summary: summary.text, summaryHTML: summary.html,
            summaryInContent: summary.inContent, url: "",
            section: page.section, folder: page.folder,
            date: page.date.map { DateText.long($0, language: language) } ?? "", dateISO: page.date ?? "",
            updated: updated.map { DateText.long($0, language: language) }, updatedISO: updated,
            dated: page.date != nil && site.config.newestFirst.contains(page.section),
            isDraft: page.draft, params: page.frontMatter.templateValue,
            status: page.status.map { status in
                let rules = ParseFrontMatter.schema(for: page.folder, in: site.config.schema)
                let rule = rules.first { $0.field == "status" }
                return StatusValues(id: status, title: rule?.label(status) ?? FieldSchema.capitalised(status))
            },
            facetKeys: facetKeys.joined(separator: " "), taxonomies: [], tags: .list([]))
        return CardParts(card: card, terms: terms, shared: card.sharedValues)
    }

    // The closures are passed straight on, so they stay non-escaping: a stored closure would
    // copy this whole context (five counted references) for every card.
    private func taxonomyValues(_ t: Int) -> TaxonomyValues {
        guard let shelf else { return taxonomyValues(site.config.taxonomies[t]) }
        return shelf.taxonomy(t) { taxonomyValues(site.config.taxonomies[t]) }
    }

    private func termValues(taxonomy t: Int, term i: Int) -> TemplateValue {
        // The taxonomy (a struct of many fields) is copied only when the value is made.
        func make() -> TemplateValue {
            let taxonomy = site.config.taxonomies[t]
            return term(taxonomy.terms[i], of: taxonomy).templateValue
        }
        guard let shelf else { return make() }
        return shelf.term(t, i, make: make)
    }

    /// A page with its content, table of contents and organisations.
    func full(_ index: Int) -> PageValues {
        let page = site.pages[index]
        let body = bodies[index]
        let content = content(index)
        let neighbours = site.neighbours(of: index)
        var toc = tableOfContents(body.headings)
        var organisations: [OrganisationValues] = []
        var roleGroups: [RoleGroup] = []
        for collection in site.collections {
            let references = page.references.filter { $0.collection == collection.config.key }
            var seen = Set<String>()
            for reference in references where seen.insert(reference.id).inserted {
                guard let record = collection.record(reference.id) else { continue }
                let roles = references.filter { $0.id == reference.id }.compactMap(\.role)
                organisations.append(
                    OrganisationValues(
                        title: record.title, url: url.to(record.path), type: record.type?.title ?? "",
                        roles: roles.map { roleTitle($0, in: collection.config) }.joined(separator: ", ")))
            }
            let roleOrder = collection.config.roles.map(\.id) + [""]
            for role in roleOrder {
                var ids: [String] = []
                for reference in references where (reference.role ?? "") == role && !ids.contains(reference.id) {
                    ids.append(reference.id)
                }
                // In the site language's alphabetical order, as on every other list.
                let records = collation.sorted(ids.compactMap { collection.record($0) }) { $0.title }
                guard !records.isEmpty else { continue }
                roleGroups.append(
                    RoleGroup(
                        role: role,
                        title: role.isEmpty ? collection.config.title : roleTitle(role, in: collection.config),
                        organisations: records.map { LinkValues(title: $0.title, url: url.to($0.path)) }))
            }
        }
        // The organisations' section (partials/organisations) is part of the page: its contents
        // name it too.
        if !roleGroups.isEmpty && !toc.isEmpty {
            toc.append(TocEntry(id: Self.organisationsID, title: theme.string("organisations"), children: nil))
        }
        let language = Self.ownLanguage(of: page, site: site.config.language)
        let authors = PageAuthor.of(page.frontMatter, data: site.data)
        return PageValues(
            card: card(index), content: content.html, titleID: content.titleID, titleInContent: content.titleInContent,
            toc: toc, hasToc: body.headings.count >= site.config.tocMinHeadings && !toc.isEmpty,
            // The fact box (status, terms, date) has something to show: a page brought from another
            // generator often has none of them.
            hasFacts: page.status != nil || page.date != nil || page.updated != nil || !authors.isEmpty
                || site.config.taxonomies.contains { !(page.terms[$0.key] ?? []).isEmpty },
            organisations: organisations, roleGroups: roleGroups, authors: authors,
            oneAuthor: authors.count == 1,
            previous: neighbours.previous.map(link), next: neighbours.next.map(link),
            hasNeighbours: neighbours.previous != nil || neighbours.next != nil,
            hasHiddenLines: site.config.rustHiddenLines && content.html.containsUTF8("<span class=\"boring\">"),
            lang: language.tag, dir: language.direction)
    }

    /// The language of a page written in another than the site's (`lang: ja`), and its
    /// direction where it differs from the site's (`rtl`, `ltr`); nil, nil for the site's own.
    static func ownLanguage(of page: Page, site: String) -> (tag: String?, direction: String?) {
        guard let written = page.frontMatter["lang"]?.text, let tag = LanguageKeys.normalizedTag(written),
            tag.lowercased() != site.lowercased()
        else { return (nil, nil) }
        let rtl = LanguageKeys.isRightToLeft(tag)
        return (tag, rtl == LanguageKeys.isRightToLeft(site) ? nil : (rtl ? "rtl" : "ltr"))
    }

    /// A link to a page, with its title (the one the nav gives it, if any).
    private func link(_ page: Int) -> LinkValues {
        LinkValues(
            title: site.readingOrder.titles[page] ?? site.pages[page].title, url: url.to(site.pages[page].path))
    }

    /// The id of the organisations' heading (`partials/organisations`), for the contents.
    static let organisationsID = "kl_orgs_heading"

    private var collation: Collation { Collation(language: site.config.language) }

    private func tableOfContents(_ headings: [Heading]) -> [TocEntry] {
        var toc: [TocEntry] = []
        var children: [TocEntry] = []
        func flush() {
            guard !toc.isEmpty else { return }
            toc[toc.count - 1].children = children
            children = []
        }
        for heading in headings where (heading.level == 2 || heading.level == 3) && heading.inContents {
            if heading.level == 2 {
                flush()
                toc.append(TocEntry(id: heading.id, title: heading.text, children: []))
            } else if !toc.isEmpty {
                children.append(TocEntry(id: heading.id, title: heading.text, children: nil))
            }
        }
        flush()
        return toc
    }

    private func roleTitle(_ id: String, in collection: CollectionConfig) -> String {
        collection.roles.first { $0.id == id }?.title ?? id
    }

    // MARK: Taxonomies

    func taxonomyValues(_ taxonomy: Taxonomy) -> TaxonomyValues {
        TaxonomyValues(
            key: taxonomy.key, title: taxonomy.title, singular: taxonomy.singular, path: taxonomy.path,
            param: taxonomy.param, url: url.to("/\(taxonomy.path)/"))
    }

    func term(_ term: Term, of taxonomy: Taxonomy, count: Int? = nil) -> TermValues {
        TermValues(
            id: term.id, title: term.title, slug: term.slug, url: url.to(termPath(term, taxonomy)),
            icon: term.icon.map(theme.icons.use) ?? "", description: term.description ?? "",
            param: taxonomy.param, count: count, isEmpty: count.map { $0 == 0 })
    }

    func termPath(_ term: Term, _ taxonomy: Taxonomy) -> String { "/\(taxonomy.path)/\(term.slug)/" }

    /// Filter groups for a listing of `pages`: each taxonomy some listed page has terms of, with
    /// the terms they have and how many of them carry each.
    func facets(for pages: [Int]) -> [TaxonomyValues] {
        let listed = Set(pages)
        return site.config.taxonomies.compactMap { taxonomy in
            let counts = taxonomy.terms.map { t in
                (site.termPages[taxonomy.key]?[t.id] ?? []).filter(listed.contains).count
            }
            guard counts.contains(where: { $0 > 0 }) else { return nil }
            var values = taxonomyValues(taxonomy)
            // A term no listed page has would filter the list down to nothing: it is left out.
            values.terms = .list(
                zip(taxonomy.terms, counts).filter { $0.1 > 0 }.map { term($0, of: taxonomy, count: $1).templateValue })
            return values
        }
    }

    // MARK: Records

    func record(_ record: Record, in collection: SiteCollection, withProjects: Bool) -> RecordValues {
        var values = RecordValues(
            id: record.id, title: record.title, url: url.to(record.path), description: record.description,
            fields: record.value.templateValue, projectCount: record.usages.count,
            type: record.type.map { TypeValues(id: $0.id, title: $0.title) })
        if withProjects {
            let roleOrder = collection.config.roles.map(\.id) + [""]
            values.roles = roleOrder.compactMap { role -> RecordRole? in
                let pages = record.usages.filter { role.isEmpty ? $0.roles.isEmpty : $0.roles.contains(role) }.map(
                    \.page)
                guard !pages.isEmpty else { return nil }
                let title = role.isEmpty ? collection.config.title : roleTitle(role, in: collection.config)
                return RecordRole(role: role, title: title, projects: listed(pages))
            }
        }
        return values
    }
}

/// What a page's card shows wherever it is listed: the card without its links (`url`,
/// `taxonomies` and `tags` are left empty), and which terms it links to (taxonomy index, term
/// indices).
final class CardParts: Sendable {
    let card: CardValues
    let terms: [(taxonomy: Int, terms: [Int])]
    /// The card's values that are the same at every depth (`CardValues.sharedValues`).
    let shared: TemplateMap

    // A class: the cache hands the parts out at every depth, and a copy of the struct was a
    // retain and a release of each of its two dozen fields.
    init(card: CardValues, terms: [(taxonomy: Int, terms: [Int])], shared: TemplateMap) {
        self.card = card
        self.terms = terms
        self.shared = shared
    }
}

/// Listing cards by page and link prefix: a page's card is the same on every listing at the same
/// depth, so it is built once per depth instead of once per listing; so are the taxonomy and term
/// values in cards, and the parts of a card that no link is in are built once per page.
///
/// What depends on the link prefix is on that prefix's `CardShelf`, which a page context takes
/// once: a card is then found by its page's number, without hashing a key for every card.
final class CardCache: Sendable {
    private let pageCount: Int
    private let shelves = LockedCache<SiteURL, CardShelf>()
    private let parts: IndexedCache<CardParts>

    init(pageCount: Int) {
        self.pageCount = pageCount
        parts = IndexedCache(count: pageCount)
    }

    /// The cards and values made for pages whose links start with `url`'s prefix.
    func shelf(_ url: SiteURL) -> CardShelf {
        shelves.value(url) { CardShelf(pageCount: pageCount) }
    }

    func parts(_ index: Int, make: (Int) -> CardParts) -> CardParts {
        parts.value(index) { make(index) }
    }
}

/// The cards, taxonomy and term values and listing values made for one link prefix (`CardCache`).
final class CardShelf: Sendable {
    private let cards: IndexedCache<ReusedValues>
    private let terms = LockedCache<TermKey, TemplateValue>()
    private let taxonomies = LockedCache<Int, TaxonomyValues>()
    private let listings = LockedCache<Int, ListingShared>()
    private let shownTaxonomies = LockedCache<ShownKey, ShownTaxonomy>()

    private struct TermKey: Hashable {
        var taxonomy: Int
        var term: Int
    }

    private struct ShownKey: Hashable {
        var taxonomy: Int
        var terms: [Int]
    }

    init(pageCount: Int) {
        cards = IndexedCache(count: pageCount)
    }

    func card(_ index: Int, make: (Int) -> ReusedValues) -> ReusedValues {
        cards.value(index) { make(index) }
    }

    func term(_ taxonomy: Int, _ term: Int, make: () -> TemplateValue) -> TemplateValue {
        terms.value(TermKey(taxonomy: taxonomy, term: term), make)
    }

    func taxonomy(_ taxonomy: Int, make: () -> TaxonomyValues) -> TaxonomyValues {
        taxonomies.value(taxonomy, make)
    }

    /// A taxonomy with the terms of one card: one value for every card at this depth with these terms.
    func taxonomyShown(_ taxonomy: Int, terms: [Int], make: () -> ShownTaxonomy) -> ShownTaxonomy {
        shownTaxonomies.value(ShownKey(taxonomy: taxonomy, terms: terms), make)
    }

    /// What every page of a paged listing at this depth shows alike (its filters, the filter
    /// data's URL): made once per listing, not once per page of it.
    func listing(_ section: Int, make: () -> ListingShared) -> ListingShared {
        listings.value(section, make)
    }
}

/// A taxonomy on a card (`TaxonomyValues` with the card's terms of it), and those terms.
struct ShownTaxonomy {
    var value: TemplateValue
    var terms: TemplateValue
}

/// What every page of a paged listing at one depth shows alike.
struct ListingShared {
    var facets: TemplateValue
    var filterData: String?
}
