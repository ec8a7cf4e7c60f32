import Markdown
import Parallel

/// Pages, taxonomies and collections put together, every reference checked, listings and cross
/// references computed once for the whole site.
struct BuildSiteModel {
    let config: SiteConfig
    let log: DiagnosticLog
    /// Paths of another language's pages that menu entries may point to (the default
    /// language's, for pages not translated yet).
    var alsoKnown = KnownPaths()
    /// Source paths of the default language's pages, which `nav:` may name before they are
    /// translated (the translation check reports them).
    var alsoSources: Set<String> = []
    /// The locale's answers from earlier builds (the preview's), for sorting titles.
    var memo: SiteModelMemo?
    /// Source paths of the Markdown files that could not be read (`Site.unreadablePages`).
    var unreadable: Set<String> = []
    /// Names of the data files that could not be read (`Site.unreadableData`).
    var unreadableData: Set<String> = []

    /// site.yaml as shown in messages.
    private var configPath: String { config.file }

    func run(pages unsorted: [Page], data: [String: DataFile], staticFiles: Set<String>) -> Site {
        let collation = Collation(language: config.language, memo: memo?.collation)
        // Usually sorted already (the folders are read in order): checked before copying every page.
        let inOrder = unsorted.indices.dropFirst().allSatisfy {
            unsorted[$0 - 1].source.relativePath < unsorted[$0].source.relativePath
        }
        let pages = inOrder ? unsorted : unsorted.sorted { $0.source.relativePath < $1.source.relativePath }
        let indexes = PageIndexes.of(pages, memo: memo)
        for (index, other) in indexes.clashes {
            log.error(
                pages[index].source.displayPath, .start,
                "this page and \(pages[other].source.displayPath) both become \(pages[index].path)",
                hint: "rename one of the files")
        }
        let (pageBySource, pageByPath) = (indexes.bySource, indexes.byPath)
        if let home = config.home, pageBySource[home.path] == nil, !unreadable.contains(home.path) {
            log.error(
                config.file, home.position, "home: '\(home.path)' is no page of the site",
                hint: "it is a draft or left out by ignore:; name a page that is built, or remove home:")
        }
        let reading = ReadingOrder(
            config: config, pages: pages, pageBySource: pageBySource, untranslated: alsoSources.union(unreadable),
            log: log)
        // Listing order: the nav's pages in its order, then weight (none last), then title in the
        // site language's order. Sorting the titles keeps one core busy; the terms are placed and
        // checked on the other meanwhile.
        let sorting = BackgroundWork { [pages, memo, reading] in
            let titles = pages.indices.map { pages[$0].title }
            let weights = pages.indices.map { Page.order(ofWeight: pages[$0].weight) }
            let places = reading.rank
            if let ordered = memo?.order(titles: titles, weights: weights, places: places) { return ordered }
            let rank = { (index: Int) in places.isEmpty ? Int.max : places[index] ?? Int.max }
            let ordered = collation.sorted(Array(pages.indices)) { titles[$0] }
                .enumerated().sorted {
                    (rank($0.element), weights[$0.element], $0.offset) < (
                        rank($1.element), weights[$1.element], $1.offset
                    )
                }
                .map(\.element)
            memo?.keep(order: ordered, titles: titles, weights: weights, places: places)
            return ordered
        }
        let taxonomies = config.taxonomies
        memo?.use(vocabulary: taxonomies.map { [$0.key] + $0.terms.flatMap { [$0.id] + $0.spellings } })
        let placed = parallelMap(pages.count, minimumChunk: 512) { [memo] index in
            if let placed = memo?.placed(pages[index]) { return placed }
            let placed = taxonomies.indices.map { t in
                (pages[index].terms[taxonomies[t].key] ?? []).map {
                    PlacedTerm(id: $0.id, position: $0.position, term: taxonomies[t].termPosition($0.id))
                }
            }
            memo?.keep(placed, of: pages[index])
            return placed
        }
        for index in pages.indices { checkTerms(of: index, in: pages, placed: placed[index]) }
        // A page that sends readers elsewhere (`redirect_to:`) is in no listing.
        let ordered = Self.newestFirst(in: config.newestFirst, sorting.wait(), pages: pages)
            .filter { pages[$0].redirectTo == nil }
        let (sectionPages, termPages) = listings(pages, ordered: ordered, placed: placed)
        let collections = config.collections.map {
            buildCollection($0, data: data, pages: pages, order: ordered, collation: collation)
        }
        let (sections, sectionByFolder) = buildSections(
            pages: pages, ordered: ordered, pageByPath: pageByPath, collation: collation, reading: reading)
        var site = Site(
            config: config, pages: pages, data: data, pageBySource: pageBySource, termPages: termPages,
            collections: collections, sectionPages: sectionPages, staticFiles: staticFiles)
        site.sections = sections
        site.sectionByFolder = sectionByFolder
        site.pageByPath = pageByPath
        site.unreadablePages = unreadable
        site.unreadableData = unreadableData
        if config.links.wiki { site.pageByWikiName = WikiName.pages(pages) }
        // Two sources of one path, each said at the page or folder to rename.
        site.clashes = Set(indexes.clashes.map { pages[$0.0].path })
            .union(checkSectionPaths(sections, pages: pages, pageByPath: pageByPath))
            .union(
                GeneratedPaths(config: config, log: log).reportClashes(
                    pages: pages, pageByPath: pageByPath, sections: sections, collections: collections,
                    root: Self.contentRoot(of: pages)))
        site.readingOrder = reading
        site.readingOrder.follow(sections: sections, byFolder: sectionByFolder)
        // Without a menu of its own, a site with a nav shows the nav's top level, as MkDocs' themes
        // do; `menu: []` is no menu bar, as an mdBook has none.
        if site.config.menu.isEmpty && !site.config.menuIsWritten {
            site.config.menu = site.readingOrder.coveringMenu(config: config, pages: pages)
        }
        // Then the pages that put themselves in the menu or the footer, as Hugo's front matter does.
        let declared = PageMenus(log: log).entries(of: pages)
        site.config.menu = PageMenus.merged(site.config.menu, declared.menu)
        site.config.footer = PageMenus.merged(site.config.footer, declared.footer)
        site.navigation =
            config.navAuto
            ? SiteNavNode.automatic(site, ordered: ordered)
            : site.readingOrder.tree(config.navTree, site: site, indexes: config.navIndexes)
        site.placeInSection = Array(repeating: nil, count: pages.count)
        for section in sections {
            for (place, page) in section.pages.enumerated() { site.placeInSection[page] = place }
        }
        var known = KnownPaths(pages: indexes.paths)
        for section in sections { known.insert(section.path) }
        known.insert(config.root)
        for taxonomy in config.taxonomies {
            known.insert("/\(taxonomy.path)/")
            for term in taxonomy.terms { known.insert("/\(taxonomy.path)/\(term.slug)/") }
        }
        for collection in collections {
            known.insert("/\(collection.config.path)/")
            for record in collection.records { known.insert(record.path) }
        }
        if let report = config.report { known.insert("/\(report.path)/") }
        known.insert(config.searchPath)
        site.knownPaths = known
        checkMenu(known: known)
        PageRedirect.checkTargets(site, log: log)
        return site
    }

    /// The listing order with the pages of `folders` (`newestFirst:`, a blog's) newest first among
    /// themselves, undated ones after them in listing order; in the places they had.
    static func newestFirst(in folders: Set<String>, _ ordered: [Int], pages: [Page]) -> [Int] {
        guard !folders.isEmpty else { return ordered }
        let places = ordered.indices.filter { folders.contains(pages[ordered[$0]].section) }
        let newest = places.enumerated().sorted { a, b in
            let (x, y) = (pages[ordered[a.element]].date ?? "", pages[ordered[b.element]].date ?? "")
            return x != y ? x > y : a.offset < b.offset
        }
        var result = ordered
        for (place, (_, from)) in zip(places, newest) { result[place] = ordered[from] }
        return result
    }

    /// The regular pages of each section and of each term, in listing order (`ordered`).
    private func listings(_ pages: [Page], ordered: [Int], placed: [[[PlacedTerm]]]) -> (
        sections: [String: [Int]], terms: [String: [String: [Int]]]
    ) {
        var sectionPages: [String: [Int]] = [:]
        var termPages: [String: [String: [Int]]] = [:]
        let taxonomies = config.taxonomies
        // Taxonomies sharing a key (site.yaml does not forbid it) share one list per id.
        guard Set(taxonomies.map(\.key)).count == taxonomies.count else {
            for index in ordered where pages[index].kind == .regular {
                sectionPages[pages[index].section, default: []].append(index)
                for taxonomy in taxonomies {
                    for (written, _) in pages[index].terms[taxonomy.key] ?? [] {
                        // Under the term's own id: a page may write one of its `spellings`.
                        guard let id = taxonomy.termPosition(written).map({ taxonomy.terms[$0].id }) else { continue }
                        if termPages[taxonomy.key, default: [:]][id]?.last != index {
                            termPages[taxonomy.key, default: [:]][id, default: []].append(index)
                        }
                    }
                }
            }
            return (sectionPages, termPages)
        }
        // Pages of each term by the term's place in its taxonomy: one lookup of the id per
        // mention, not three in nested dictionaries of strings.
        var pagesOfTerm: [[[Int]]] = taxonomies.map { [[Int]](repeating: [], count: $0.terms.count) }
        for index in ordered where pages[index].kind == .regular {
            sectionPages[pages[index].section, default: []].append(index)
            for (t, values) in placed[index].enumerated() {
                for value in values {
                    guard let term = value.term else { continue }
                    if pagesOfTerm[t][term].last != index { pagesOfTerm[t][term].append(index) }
                }
            }
        }
        for (t, taxonomy) in taxonomies.enumerated() {
            for (term, list) in pagesOfTerm[t].enumerated() where !list.isEmpty {
                termPages[taxonomy.key, default: [:]][taxonomy.terms[term].id] = list
            }
        }
        return (sectionPages, termPages)
    }

    /// Reports the page's missing and unknown terms.
    /// A term as a page writes it, with its place in its taxonomy's list (nil: no such term).
    struct PlacedTerm: Sendable {
        var id: String
        var position: SourcePosition
        var term: Int?
    }

    /// Reports a page's missing required terms and unknown ones; `placed` holds its terms by taxonomy.
    private func checkTerms(of index: Int, in pages: [Page], placed: [[PlacedTerm]]) {
        // The page is read in place, field by field: passing a `Page` copies all its fields.
        let file = pages[index].source.displayPath
        let folder = pages[index].folder
        for (t, values) in placed.enumerated() {
            if values.isEmpty && config.taxonomies[t].required && pages[index].kind == .regular
                && config.taxonomies[t].applies(toFolder: folder)
            {
                let taxonomy = config.taxonomies[t]
                let known = taxonomy.terms.map(\.id).joined(separator: ", ")
                log.error(
                    file, pages[index].frontMatter.position,
                    "missing '\(taxonomy.key)': every page in "
                        + "'\(taxonomy.sections.first { Section.covers($0, folder: folder) } ?? pages[index].section)' "
                        + "needs at least one",
                    hint: "add '\(taxonomy.key): [\(taxonomy.terms.first?.id ?? "…")]' (known: \(known))")
            }
            for value in values where value.term == nil {
                let taxonomy = config.taxonomies[t]
                let known = taxonomy.terms.map(\.id)
                let guess = Suggestion.closest(to: value.id, in: known).map { "did you mean '\($0)'? " } ?? ""
                log.error(
                    file, value.position, "unknown term '\(value.id)' in '\(taxonomy.key)'",
                    hint: "\(guess)(known: \(known.joined(separator: ", ")); new terms are added in site.yaml)")
            }
        }
    }

    private func buildCollection(
        _ collection: CollectionConfig, data: [String: DataFile], pages: [Page], order: [Int],
        collation: Collation
    ) -> SiteCollection {
        var records: [Record] = []
        var index: [String: Int] = [:]
        if let file = data[collection.data] {
            let read = FieldReader(file: file.source.displayPath, log: log)
            let items = file.value.list ?? []
            if file.value.list == nil {
                log.error(
                    file.source.displayPath, file.value.position, "'\(collection.key)' records must be a list",
                    hint: "write each record as '- id: …'")
            }
            for item in items {
                guard let map = read.mapping(item, what: "a record"),
                    let id = read.string(map, "id", required: true)
                else { continue }
                if Slug.make(id) != id {
                    log.error(
                        read.file, map["id"]!.position, "record id '\(id)' must be a lower-case ASCII slug",
                        hint: "use '\(Slug.make(id))'")
                }
                if index[id] != nil {
                    log.error(read.file, map["id"]!.position, "duplicate id '\(id)' in \(collection.data)")
                    continue
                }
                var type: Choice? = nil
                if let typeID = read.string(map, "typ") {
                    type = collection.types.first { $0.id == typeID }
                    if type == nil && !collection.types.isEmpty {
                        let known = collection.types.map(\.id)
                        let guess = Suggestion.closest(to: typeID, in: known).map { "did you mean '\($0)'? " } ?? ""
                        log.error(
                            read.file, map["typ"]!.position, "unknown type '\(typeID)'",
                            hint: "\(guess)(known: \(known.joined(separator: ", ")))")
                    }
                }
                let title = read.string(map, collection.titleField, required: true) ?? id
                index[id] = records.count
                records.append(
                    Record(
                        id: id, title: title, type: type, description: read.string(map, "beskrivning") ?? "",
                        value: map, path: "/\(collection.path)/\(Slug.make(id))/", usages: []))
            }
        } else if !unreadableData.contains(collection.data) {
            log.error(
                configPath, .start, "collection '\(collection.key)' needs the data file data/\(collection.data).yaml",
                hint: "create it or fix 'data:' in site.yaml")
        }
        // A data file that could not be read was said to be wrong; its records are not there to check against.
        let checked = !unreadableData.contains(collection.data)

        // Cross references, once: each page in listing order adds itself to the records it names.
        let roleIDs = collection.roles.map(\.id)
        // The records an unknown id was likely meant to be (its suggestion): not said to be unused.
        var meant = Set<String>()
        for pageIndex in order {
            var rolesByRecord: [(Int, [String])] = []
            for reference in pages[pageIndex].references where reference.collection == collection.key {
                guard let recordIndex = index[reference.id] else {
                    guard checked else { continue }
                    let closest = Suggestion.closest(to: reference.id, in: records.map(\.id))
                    if let closest { meant.insert(closest) }
                    let guess = closest.map { "; did you mean '\($0)'?" } ?? ""
                    log.error(
                        pages[pageIndex].source.displayPath, reference.position,
                        "unknown \(collection.singular.lowercased()) '\(reference.id)'",
                        hint: "add it to data/\(collection.data).yaml or fix the id\(guess)")
                    continue
                }
                if let role = reference.role, !roleIDs.isEmpty, !roleIDs.contains(role) {
                    log.error(
                        pages[pageIndex].source.displayPath, reference.position,
                        "unknown role '\(role)' for '\(reference.id)'",
                        hint: "known roles: \(roleIDs.joined(separator: ", "))")
                }
                let role = reference.role.map { [$0] } ?? []
                if let existing = rolesByRecord.firstIndex(where: { $0.0 == recordIndex }) {
                    rolesByRecord[existing].1 += role
                } else {
                    rolesByRecord.append((recordIndex, role))
                }
            }
            for (recordIndex, roles) in rolesByRecord { records[recordIndex].usages.append((pageIndex, roles)) }
        }
        // A page that could not be read may be the one that references a record.
        if let file = data[collection.data], unreadable.isEmpty {
            for record in records where record.usages.isEmpty && !meant.contains(record.id) {
                log.warning(
                    file.source.displayPath, record.value.position,
                    "\(collection.singular.lowercased()) '\(record.id)' is not referenced by any page",
                    hint: "reference it from a page's '\(collection.key)' or remove it")
            }
        }
        let sorted = collation.sorted(records) { $0.title }
        var sortedIndex: [String: Int] = [:]
        for (i, r) in sorted.enumerated() { sortedIndex[r.id] = i }
        return SiteCollection(config: collection, records: sorted, recordIndex: sortedIndex)
    }

    private func checkMenu(known: KnownPaths) {
        for item in config.menu
        where !known.contains(item.path) && !alsoKnown.contains(item.path) && !item.path.contains("://") {
            log.error(
                configPath, item.position, "menu entry '\(item.title)' points to \(item.path), which no page has",
                hint: "create the page or fix the url")
        }
    }
}
