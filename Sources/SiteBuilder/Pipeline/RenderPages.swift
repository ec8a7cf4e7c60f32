import Foundation
import Parallel
import Templates

/// A file of the built site: its path in the output folder and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    /// Kept as an array: pages and index files are made as arrays, and making a `Data` of each
    /// would copy every byte of the site once more.
    var bytes: [UInt8]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    init(path: String, data: Data) {
        self.init(path: path, bytes: [UInt8](data))
    }

    /// The bytes as `Data`, for callers that hand them to Foundation (a copy).
    public var data: Data { Data(bytes) }
}

/// Every HTML page of the site through the theme's templates, in parallel: Markdown pages,
/// section listings, term pages, record pages and the 404 page.
struct RenderPages {
    let style: LinkStyle
    /// HTML put into every page (the preview's live-reload script).
    let liveReload: String
    let log: DiagnosticLog

    /// What rendering made.
    struct Output {
        /// The pages not handed to the stream.
        var files: [OutputFile]
        /// The card caches, for the caller to free in the background once the pages are done.
        var leftovers: Leftovers
    }

    /// Renders every page of `site`, or only those at the site paths `only`. With a `stream`,
    /// each thread hands its pages to it a few at a time and they are not in the output's files:
    /// the stream's `paths` are theirs. Once `isCancelled` says so, the pages not yet begun are
    /// left out (the preview's render of an edit a newer one replaced). With a stream, each page's
    /// body lets its HTML go once the page is rendered (`RenderedBody.releaseHTML`): a build that
    /// streams renders each page once.
    func run(
        _ site: Site, bodies: [RenderedBody], theme: Theme, only paths: Set<String>? = nil,
        stream: PageStream? = nil, isCancelled: @escaping @Sendable () -> Bool = { false }
    ) -> Output {
        PageRenderer(site: site, bodies: bodies, theme: theme, style: style, liveReload: liveReload, log: log)
            .run(only: paths, stream: stream, isCancelled: isCancelled)
    }
}

/// The pages of one build through the theme's templates: what every page reads, and how each
/// kind of page is put together.
struct PageRenderer {
    let site: Site
    let bodies: [RenderedBody]
    let theme: Theme
    let style: LinkStyle
    let liveReload: String
    let log: DiagnosticLog

    /// One page to render: where it goes, which template, and what it shows.
    struct Job: Sendable {
        enum Content: Sendable {
            case page(Int)
            /// Page `number` (from 1) of a section's listing (the front page is section 0).
            case listing(section: Int, number: Int)
            case terms(taxonomy: Int)
            case term(taxonomy: Int, term: Int, number: Int)
            /// The filter data of a paged listing: which of its cards carry each term.
            case filterData(FilterData)
            /// Cards `chunk` of a paged listing's filter data, rendered for the filter script.
            case cardChunk(FilterData, chunk: Int)
            case records(collection: Int)
            case record(collection: Int, record: Int)
            case search
            case notFound
        }
        var path: String
        var template: String
        var title: String
        var content: Content
    }

    /// See `RenderPages.run`.
    func run(
        only paths: Set<String>?, stream: PageStream?, isCancelled: @Sendable () -> Bool = { false }
    ) -> RenderPages.Output {
        let jobs = makeJobs(only: paths)
        let data = TemplateValue.map(TemplateMap(site.data.mapValues { $0.value.templateValue }))
        let results = ResultSlots<OutputFile>(count: stream == nil ? jobs.count : 0)
        let cards = CardCache(pageCount: site.pages.count)
        let memos = LockedCache<SiteURL, PartialMemo>()
        // One context per link prefix (a handful for a site), not one per page: a context holds
        // a copy of the site's model, dozens of references to retain and release.
        let contexts = LockedCache<SiteURL, PageContext>()
        // A copy per thread pays off over many pages; a preview edit renders a handful.
        let copies = jobs.count >= 64
        forEachIndex(
            jobs.count, state: { Worker(templates: copies ? theme.templates.copyForThread() : theme.templates) }
        ) { worker, i in
            guard !isCancelled() else { return }
            let job = jobs[i]
            let html = render(
                job, data: data, cards: cards, memos: memos, contexts: contexts, templates: worker.templates)
            let file = OutputFile(path: SiteURL.outputFile(of: job.path), bytes: html)
            guard let stream else {
                results[i] = file
                return
            }
            // A Markdown page is the only one to show its body (a section's own page shows on each
            // page of its listing, and is not a `.page` job).
            if case .page(let index) = job.content { bodies[index].releaseHTML() }
            worker.rendered.append(file)
            if worker.rendered.count == Worker.batch {
                stream.write(worker.rendered)
                worker.rendered.removeAll(keepingCapacity: true)
            }
        } finish: { worker in
            stream?.write(worker.rendered)
        }
        let leftovers = Leftovers()
        leftovers.keep(cards)
        leftovers.keep(memos)
        leftovers.keep(contexts)
        // A cancelled render left slots empty; cancelling is for good, so asking again is safe.
        return RenderPages.Output(files: stream == nil && !isCancelled() ? results.values : [], leftovers: leftovers)
    }

    /// What one rendering thread keeps: its own templates, and its pages not yet handed over.
    private struct Worker {
        /// Pages handed to the stream at a time: few enough to keep memory flat, enough that the
        /// writing thread is not woken for every page.
        static let batch = 32
        var templates: MustacheTheme
        var rendered: [OutputFile] = []
    }

    /// The pages to render, or only those at `wanted` (the preview after a one-page edit).
    private func makeJobs(only wanted: Set<String>?) -> [Job] {
        var jobs: [Job] = []
        // Paths already taken: a folder's listing that would land on one is an error reported
        // at its source files (BuildSiteModel), not once more as an output file.
        var taken = Set<String>()
        let sectionPaths = Set(site.sections.map(\.path))
        for index in site.pages.indices {
            let kind = site.pages[index].kind
            let path = site.pages[index].path
            if (kind == .regular || kind == .standalone) && sectionPaths.contains(path) { taken.insert(path) }
            if let wanted, !wanted.contains(path) { continue }
            let title = site.pages[index].title
            switch kind {
            case .home, .sectionIndex:
                continue
            case .regular:
                jobs.append(Job(path: path, template: "page", title: title, content: .page(index)))
            case .standalone:
                jobs.append(Job(path: path, template: "single", title: title, content: .page(index)))
            }
        }
        for (s, section) in site.sections.enumerated() where taken.insert(section.path).inserted {
            let title = section.indexPage.map { site.pages[$0].title } ?? section.title
            let pager = pager(section.path, itemCount: listingPages(s).count)
            for number in 1...pager.pageCount {
                // A listing's first page stays: the filter data jobs are made from it.
                let path = pager.path(of: number)
                if let wanted, number > 1, !wanted.contains(path) { continue }
                jobs.append(
                    Job(
                        path: path, template: s == 0 ? "home" : "section",
                        title: pageTitle(title, number, pager), content: .listing(section: s, number: number)))
            }
        }
        for (t, taxonomy) in site.config.taxonomies.enumerated() {
            jobs.append(
                Job(path: "/\(taxonomy.path)/", template: "terms", title: taxonomy.title, content: .terms(taxonomy: t)))
            for (i, term) in taxonomy.terms.enumerated() {
                let path = "/\(taxonomy.path)/\(term.slug)/"
                let title = "\(taxonomy.singular): \(term.title)"
                let pager = pager(path, itemCount: site.termPages[taxonomy.key]?[term.id]?.count ?? 0)
                for number in 1...pager.pageCount {
                    let path = pager.path(of: number)
                    if let wanted, !wanted.contains(path) { continue }
                    jobs.append(
                        Job(
                            path: path, template: "term", title: pageTitle(title, number, pager),
                            content: .term(taxonomy: t, term: i, number: number)))
                }
            }
        }
        // Only a listing's filter data has its path below `filterdata/`: a preview render of
        // pages alone need not work out every listing's data to find that it wants none.
        if wanted?.contains(where: { $0.hasPrefix(site.config.root + FilterData.folder) }) ?? true {
            jobs.append(contentsOf: filterDataJobs(jobs))
        }
        for (c, collection) in site.collections.enumerated() {
            jobs.append(
                Job(
                    path: "/\(collection.config.path)/", template: "records", title: collection.config.title,
                    content: .records(collection: c)))
            for (r, record) in collection.records.enumerated() {
                jobs.append(
                    Job(
                        path: record.path, template: "record", title: record.title,
                        content: .record(collection: c, record: r)))
            }
        }
        jobs.append(
            Job(path: site.config.searchPath, template: "search", title: theme.string("searchTitle"), content: .search))
        // One 404 page, the default language's: servers show it for any path.
        if site.config.root == "/" {
            jobs.append(
                Job(path: "/404.html", template: "404", title: theme.string("notFoundTitle"), content: .notFound))
        }
        guard let wanted else { return jobs }
        // Pages were filtered as they were listed; the few other jobs are filtered here.
        return jobs.filter { wanted.contains($0.path) }
    }

    private func render(
        _ job: Job, data: TemplateValue, cards: CardCache,
        memos: LockedCache<SiteURL, PartialMemo>, contexts: LockedCache<SiteURL, PageContext>,
        templates: MustacheTheme
    ) -> [UInt8] {
        if let redirect = redirect(job) { return redirect }
        // The 404 page is served at any depth, so over HTTP its links are root-relative; from
        // file:// (relative files) it is only ever opened at the root, where relative links work.
        let rootPrefix: String? =
            job.path == "/404.html" && style == .pretty ? Self.rootPath(of: site.config.baseURL) : nil
        let url = SiteURL(from: job.path, style: style, rootPrefix: rootPrefix)
        let context = contexts.value(url) {
            PageContext(site: site, bodies: bodies, theme: theme, url: url, cards: cards)
        }
        var values = TemplateRoot(common: common(path: job.path, title: job.title, url: url))
        values.common.data = data
        var breadcrumbs = [LinkValues(title: theme.string("home"), url: url.to(site.config.root))]
        switch job.content {
        case .page(let index):
            let page = site.pages[index]
            values.page = context.full(index).templateValue
            let section = site.sectionByFolder[page.folder] ?? 0
            values.section = context.section(section)
            if page.kind == .regular { breadcrumbs = trail(to: section, url: url) }
        case .listing(let s, let number):
            listing(s, number: number, url: url, context: context, cards: cards, into: &values)
            // A later page of a listing leads back to its first page.
            breadcrumbs =
                number > 1 ? trail(to: s, url: url) : site.sections[s].parent.map { trail(to: $0, url: url) } ?? []
        case .terms(let t):
            let taxonomy = site.config.taxonomies[t]
            var tax = context.taxonomyValues(taxonomy)
            tax.terms = .list(
                taxonomy.terms.map {
                    context.term($0, of: taxonomy, count: site.termPages[taxonomy.key]?[$0.id]?.count ?? 0)
                        .templateValue
                })
            values.taxonomy = tax
            values.page = PageTitleValues(title: taxonomy.title).templateValue
        case .term(let t, let i, let number):
            let taxonomy = site.config.taxonomies[t]
            let term = taxonomy.terms[i]
            let pages = site.termPages[taxonomy.key]?[term.id] ?? []
            let pager = pager(listingPath(job.path, number), itemCount: pages.count)
            values.taxonomy = context.taxonomyValues(taxonomy)
            values.term = context.term(term, of: taxonomy, count: pages.count)
            values.projects = context.listed(Array(pages[pager.range(of: number)]))
            values.projectCount = pages.count
            values.pager = pagerValues(pager, number, url)
            values.page = PageTitleValues(title: term.title).templateValue
            breadcrumbs.append(LinkValues(title: taxonomy.title, url: url.to("/\(taxonomy.path)/")))
            if number > 1 { breadcrumbs.append(LinkValues(title: term.title, url: url.to(pager.path))) }
        case .records(let c):
            let collection = site.collections[c]
            values.collection = collectionValues(collection, url: url)
            values.groups = groups(collection, context: context).templateValue
            values.page = PageTitleValues(title: collection.config.title).templateValue
        case .record(let c, let r):
            let collection = site.collections[c]
            values.collection = collectionValues(collection, url: url)
            values.record = context.record(collection.records[r], in: collection, withProjects: true)
            values.page = PageTitleValues(title: collection.records[r].title).templateValue
            breadcrumbs.append(LinkValues(title: collection.config.title, url: url.to("/\(collection.config.path)/")))
        case .search:
            let pages = site.sectionPages.keys.sorted().flatMap { site.sectionPages[$0]! }
            values.page = PageTitleValues(title: theme.string("searchTitle")).templateValue
            values.facets = context.facets(for: pages).templateValue
            values.projectCount = pages.count
        case .notFound:
            values.page = PageTitleValues(title: theme.string("notFoundTitle")).templateValue
            breadcrumbs = []
        case .filterData(let data):
            return data.script(site: site)
        case .cardChunk(let data, let chunk):
            return cardChunk(data, chunk: chunk, common: values.templateValues, context: context, templates: templates)
        }
        values.common.breadcrumbs = breadcrumbs
        let memo = memos.value(url) { PartialMemo(stableKeys: Self.sameAtOneDepth) }
        let html = templates.renderUTF8(job.template, context: TemplateContext(values.templateValues), memo: memo)
        guard let html else {
            log.error("templates/\(job.template).mustache", .start, "template '\(job.template)' not found")
            return []
        }
        return html
    }

    /// A section's listing page: its index page (or its title), its sub-sections, and the pages
    /// it lists with their filters. The front page lists every regular page of the site.
    /// A page with `redirect_to:` (or a section's first listing page, its own page having it):
    /// the page that sends readers on.
    private func redirect(_ job: Job) -> [UInt8]? {
        let index: Int?
        switch job.content {
        case .page(let page): index = page
        case .listing(let s, 1): index = site.sections[s].indexPage
        default: index = nil
        }
        guard let index else { return nil }
        return PageRedirect.html(from: job.path, for: site.pages[index], site: site, theme: theme, style: style)
    }

    private func listing(
        _ s: Int, number: Int, url: SiteURL, context: PageContext, cards: CardCache,
        into values: inout TemplateRoot
    ) {
        let section = site.sections[s]
        let pages = listingPages(s)
        let pager = pager(section.path, itemCount: pages.count)
        // A listing of 10,000 pages has 400 pages of cards: their filters are counted once.
        let shared = cards.shelf(url).listing(s) {
            var shared = ListingShared(facets: context.facets(for: pages).templateValue, filterData: nil)
            if pager.pageCount > 1, let data = filterData(for: pages) { shared.filterData = url.to(data.path) }
            return shared
        }
        values.facets = shared.facets
        values.filterData = shared.filterData
        values.page =
            section.indexPage.map { context.full($0).templateValue }
            ?? PageTitleValues(title: section.title, summary: "", content: "").templateValue
        values.section = context.section(s)
        values.projects = context.listed(Array(pages[pager.range(of: number)]))
        values.projectCount = pages.count
        values.pager = pagerValues(pager, number, url)
    }

    /// Breadcrumbs down to a section: the front page, then each section from the top to `s`.
    private func trail(to s: Int, url: SiteURL) -> [LinkValues] {
        [LinkValues(title: theme.string("home"), url: url.to(site.config.root))]
            + site.sectionTrail(s).dropFirst().map {
                LinkValues(title: site.sections[$0].title, url: url.to(site.sections[$0].path))
            }
    }

    private func collectionValues(_ collection: SiteCollection, url: SiteURL) -> CollectionValues {
        CollectionValues(
            key: collection.config.key, title: collection.config.title,
            singular: collection.config.singular, url: url.to("/\(collection.config.path)/"))
    }

    private func groups(_ collection: SiteCollection, context: PageContext) -> [RecordGroup] {
        var groups: [RecordGroup] = []
        for type in collection.config.types {
            let records = collection.records.filter { $0.type?.id == type.id }
            guard !records.isEmpty else { continue }
            groups.append(
                RecordGroup(
                    type: TypeValues(id: type.id, title: type.title),
                    records: records.map { context.record($0, in: collection, withProjects: false) }))
        }
        let untyped = collection.records.filter { $0.type == nil }
        if !untyped.isEmpty {
            groups.append(
                RecordGroup(
                    type: TypeValues(id: "", title: theme.string("otherRecords")),
                    records: untyped.map { context.record($0, in: collection, withProjects: false) }))
        }
        return groups
    }

    /// The path part of the base URL (`https://x.se/sub/` -> `/sub/`), for root-relative links.
    static func rootPath(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://"),
            let slash = baseURL[schemeEnd.upperBound...].firstIndex(of: "/")
        else { return "/" }
        return String(baseURL[slash...])
    }
}
