import Markdown
import Search

/// What each page kind contributes to the search index (docs/architecture.md, the search
/// contract): Markdown pages (not the front page) with their sections and section path, every
/// record of a collection, every entry of a glossary block; and the synonym groups the glossary
/// entries make.
struct SearchDocuments {
    let site: Site
    let bodies: [RenderedBody]
    let labels: SearchKinds.Labels
    private(set) var kinds = SearchKinds()
    /// Each glossary entry's variants (term, abbreviations, synonyms), in page and entry order.
    private(set) var synonymGroups: [[String]] = []

    /// Records rank below the pages that name them (their text is mostly those pages' titles).
    static let recordWeight = 0.5
    /// Glossary entries rank below the pages, above the records.
    static let glossaryWeight = 0.8
    /// Record fields that hold a record's other names.
    static let shortNameFields = ["kortnamn", "förkortning"]

    init(site: Site, bodies: [RenderedBody], labels: SearchKinds.Labels) {
        self.site = site
        self.bodies = bodies
        self.labels = labels
        // The kinds every site has come first, so their numbers do not depend on the content.
        for label in [labels.project] + site.collections.map(\.config.singular) + [labels.glossary, labels.page] {
            _ = kinds.number(label)
        }
    }

    /// Every document: pages, records, glossary entries.
    mutating func all() -> [SearchDocument] {
        var documents: [SearchDocument] = []
        documents.reserveCapacity(site.pages.count)
        var glossariesSeen = Set<String>()
        let described = LinkDescriptions.of(site, bodies: bodies)
        for (index, page) in site.pages.enumerated() where page.kind != .home && page.redirectTo == nil {
            documents.append(self.page(index, describedAs: described[index]))
            for name in bodies[index].glossaries {
                documents += glossary(name, on: page, grouping: glossariesSeen.insert(name).inserted)
            }
        }
        for collection in site.collections {
            let kind = kinds.number(collection.config.singular)
            documents += collection.records.map { record($0, in: collection, kind: kind) }
        }
        return documents
    }

    /// A Markdown page; `descriptions` are what other pages' lists say about it where they link
    /// to it (`LinkDescriptions`), counted as its keywords.
    private mutating func page(_ index: Int, describedAs descriptions: [String]) -> SearchDocument {
        let page = site.pages[index]
        let body = bodies[index]
        var keywords: [String] = []
        var facets: [String] = []
        for taxonomy in site.config.taxonomies {
            for term in (page.terms[taxonomy.key] ?? []).compactMap({ taxonomy.term($0.id) }) {
                keywords.append(term.title)
                facets.append("\(taxonomy.param):\(term.slug)")
            }
        }
        for reference in page.references {
            if let record = site.collection(reference.collection)?.record(reference.id) {
                keywords.append(record.title)
            }
        }
        var document = SearchDocument(
            path: page.path, title: page.title, summary: page.summary, headings: body.headings.map(\.text),
            bodyUTF8: body.plainText, keywords: keywords + descriptions, facets: facets)
        document.kind = kinds.number(kindLabel(page))
        document.sections = Self.sections(body)
        document.breadcrumb = breadcrumb(page).joined(separator: " › ")
        return document
    }

    /// Projects (pages in a folder a taxonomy is for), other pages in a section (the top
    /// section's title), stand-alone pages and listings (a page).
    private func kindLabel(_ page: Page) -> String {
        guard page.kind == .regular else { return labels.page }
        if site.config.taxonomies.contains(where: { !$0.sections.isEmpty && $0.applies(toFolder: page.folder) }) {
            return labels.project
        }
        return site.sectionByFolder[page.section].map { site.sections[$0].title } ?? labels.page
    }

    /// Titles of the sections a page is in, below the front page: a listing's are those of the
    /// sections around it.
    private func breadcrumb(_ page: Page) -> [String] {
        guard page.kind == .regular || page.kind == .sectionIndex,
            let section = site.sectionByFolder[page.folder]
        else { return [] }
        var trail = site.sectionTrail(section).dropFirst()
        if page.kind == .sectionIndex { trail = trail.dropLast() }
        return trail.map { site.sections[$0].title }
    }

    /// The headings h2–h6 with an id, each with where its text is in the body.
    static func sections(_ body: RenderedBody) -> [SearchDocument.Section] {
        guard body.headingTextRanges.count == body.headings.count else { return [] }
        return zip(body.headings, body.headingTextRanges).compactMap { heading, range in
            guard heading.level >= 2, !heading.id.isEmpty else { return nil }
            return SearchDocument.Section(
                id: heading.id, title: heading.text, headingStart: range.lowerBound, textStart: range.upperBound)
        }
    }

    /// The entries of glossary data `name` shown on `page`, each at the page's path and the
    /// entry's anchor; `grouping` adds their synonym groups (once per data file).
    private mutating func glossary(_ name: String, on page: Page, grouping: Bool) -> [SearchDocument] {
        guard let data = site.data[name] else { return [] }
        let kind = kinds.number(labels.glossary)
        return GlossaryEntry.entries(data.value).map { entry in
            if grouping { synonymGroups.append(entry.variants) }
            var document = SearchDocument(
                path: page.path + "#" + entry.id, title: entry.term, summary: "", headings: [],
                body: entry.definition, keywords: [], facets: [])
            document.kind = kind
            document.names = entry.names
            document.breadcrumb = page.title
            document.rankWeight = Self.glossaryWeight
            return document
        }
    }

    /// A record's page: its name and other names, description, type, and the pages that name it
    /// under each role.
    private func record(_ record: Record, in collection: SiteCollection, kind: Int) -> SearchDocument {
        var lines: [String] = []
        for role in collection.config.roles.map(\.id) + [""] {
            let pages = record.usages.filter { role.isEmpty ? $0.roles.isEmpty : $0.roles.contains(role) }
            guard !pages.isEmpty else { continue }
            let title =
                role.isEmpty
                ? collection.config.title : (collection.config.roles.first { $0.id == role }?.title ?? role)
            lines.append(([title] + pages.map { site.pages[$0.page].title }).joined(separator: "\n"))
        }
        var document = SearchDocument(
            path: record.path, title: record.title, summary: record.description, headings: [],
            body: lines.joined(separator: "\n") + "\n", keywords: record.type.map { [$0.title] } ?? [], facets: [])
        document.kind = kind
        document.names = [record.title] + Self.shortNameFields.flatMap { Self.texts(record.value[$0]) }
        document.breadcrumb = collection.config.title
        document.rankWeight = Self.recordWeight
        return document
    }

    /// A text, or the texts of a list.
    private static func texts(_ value: DataValue?) -> [String] {
        guard let value else { return [] }
        if let text = value.text { return [text] }
        return (value.list ?? []).compactMap(\.text)
    }
}
