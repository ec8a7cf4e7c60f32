import Markdown

/// `Content/site.yaml`: the site's settings, vocabularies and menus.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    public var language: String
    /// Absolute base URL ending in `/`, for feed, sitemap and canonical links; may be empty.
    public var baseURL: String
    public var author: String
    public var unsafeHTML: Bool
    public var tocMinHeadings: Int
    public var menu: [MenuItem]
    public var taxonomies: [Taxonomy]
    public var collections: [CollectionConfig]
    /// When the content was last updated (`YYYY-MM-DD`), for the report, the feed and bundle names.
    public var updated: String?
    public var report: ReportConfig?
    /// How many of the newest pages `feed.xml` carries (`feed: {limit: 50}`).
    public var feedLimit: Int = 50
    /// Cards on one page of a listing (`listing: {pageSize: 24}`); longer listings are paged.
    public var listingPageSize: Int = 24
    /// URL folder of a listing's later pages (`listing: {pagePath: sida}` -> `/projekt/sida/2/`);
    /// nil: `sida` for Swedish sites, `page` (Hugo's) for others.
    public var listingPagePath: String? = nil
    /// Extra front matter rules per section (`""` for stand-alone pages).
    public var schema: [String: [FieldSchema]] = [:]
    /// GitHub-flavoured Markdown (`markdown: {gfm: false}` turns it off).
    public var gfm = true
    /// How heading ids are made (`markdown: {headingIDs: github | ascii}`).
    public var headingIDs: HeadingIDStyle = .github
    /// What a broken internal link is, and how links written for another generator resolve.
    public var links = LinkPolicy()
    /// Paths below the content folder that are not content (`ignore:`): not read, not reported.
    public var ignore: [ContentGlob] = []
    /// site.yaml as shown in messages (`Content/site.yaml`).
    var file = "site.yaml"
}

/// `links:` in site.yaml.
public struct LinkPolicy: Sendable {
    /// What a link or anchor to nothing in the site is: an error (the default) or a warning.
    public var broken: Diagnostic.Severity = .error
    /// A link to `x.html` (or `x/`) where `x.md` exists goes to that page, as in sites moved
    /// from Jekyll.
    public var htmlToMarkdown = false

    public init() {}
}

/// The printable report: every page of some sections in one document, grouped by a taxonomy.
public struct ReportConfig: Sendable {
    public var title: String
    public var subtitle: String
    /// URL folder (`rapport`).
    public var path: String
    /// Taxonomy whose terms group the pages, in the taxonomy's term order.
    public var groupBy: String?
    /// Sections whose pages are included, in listing order.
    public var sections: [String]
    /// Data file with the glossary (`ordlista`), printed at the end.
    public var glossary: String?
}

/// A menu entry; `path` is a site path such as `/projekt/`.
public struct MenuItem: Sendable {
    public var title: String
    public var path: String
    /// Where the entry is written in site.yaml.
    public var position: SourcePosition
}

/// A controlled vocabulary that pages are classified by (tags, område, ...).
public struct Taxonomy: Sendable {
    /// Front matter key.
    public var key: String
    public var title: String
    public var singular: String
    /// URL folder of the term pages.
    public var path: String
    /// URL query parameter used by filters.
    public var param: String
    public var required: Bool
    /// Folders whose pages use it, each with the folders below it (`projekt`, `docs/v26.2`);
    /// empty means every section.
    public var sections: [String]
    public var terms: [Term] { didSet { termIndex = Self.index(terms) } }
    /// Where each term id is in `terms` (the first, when ids repeat): pages name terms 30,000
    /// times at 10,000 pages, and a search through 70 organisations each time shows.
    private var termIndex: [String: Int]

    public init(key: String, title: String, singular: String, path: String, param: String, required: Bool,
                sections: [String], terms: [Term]) {
        self.key = key
        self.title = title
        self.singular = singular
        self.path = path
        self.param = param
        self.required = required
        self.sections = sections
        self.terms = terms
        termIndex = Self.index(terms)
    }

    private static func index(_ terms: [Term]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, term) in terms.enumerated() where index[term.id] == nil { index[term.id] = i }
        return index
    }

    /// The term with this id.
    public func term(_ id: String) -> Term? { termIndex[id].map { terms[$0] } }

    /// Where the term with this id is in `terms`.
    func termPosition(_ id: String) -> Int? { termIndex[id] }

    /// True when pages in `folder` (as written, `projekt` or `docs/v26.2`) use it: `sections:`
    /// names folders, each covering the folders below it.
    func applies(toFolder folder: String) -> Bool { sections.isEmpty || sections.contains { Section.covers($0, folder: folder) } }
}

/// One value of a taxonomy.
public struct Term: Sendable {
    public var id: String
    public var title: String
    public var slug: String
    public var icon: String?
    public var description: String?
    /// Where `icon:` is written, to report an icon the theme does not have.
    var iconPosition: SourcePosition? = nil
}

/// Records of a data file that get pages of their own and are referenced from front matter.
public struct CollectionConfig: Sendable {
    public var key: String
    public var data: String
    public var title: String
    public var singular: String
    public var path: String
    public var titleField: String
    public var roles: [Choice]
    public var types: [Choice]
}

/// An allowed value with its title (a role, a record type).
public struct Choice: Sendable {
    public var id: String
    public var title: String
}
