/// One page (or one part of a page, such as a glossary entry) as the search index sees it. The
/// core maps its pages into these.
public struct SearchDocument: Sendable, Equatable {
    /// Site path of the page (`/projekt/cirkulara-goteborg/`), with a fragment for a part of a
    /// page (`/ordlista/#lca`).
    public var path: String
    public var title: String
    public var summary: String
    /// Heading texts of the page, in order.
    public var headings: [String]
    /// The page's text without markup, as UTF-8 bytes (valid UTF-8).
    public var bodyUTF8: [UInt8]
    /// The page's text without markup.
    public var body: String {
        get { String(decoding: bodyUTF8, as: UTF8.self) }
        set { bodyUTF8 = Array(newValue.utf8) }
    }
    /// Extra words that describe the page: term titles, organisation names.
    public var keywords: [String]
    /// Facet keys for filtering, `param:slug` (`tagg:cirkular`).
    public var facets: [String]
    /// What kind of page this is: an index into `SearchIndexOptions.kinds`.
    public var kind: Int = 0
    /// Names the document goes by besides its title (a short name, an abbreviation): a query
    /// that is one of them, or the title, ranks the document first.
    public var names: [String] = []
    /// The parts of the body that start at a heading with an id, in order.
    public var sections: [Section] = []
    /// Titles of the sections the page is in, nearest last (`Dokumentation › v2`); results show
    /// it where titles repeat.
    public var breadcrumb: String = ""
    /// Multiplies the document's BM25 impacts (organisations 0.5: they rank below the projects
    /// they take part in for a general word).
    public var rankWeight: Double = 1

    /// A heading with an id and the body text up to the next one.
    public struct Section: Sendable, Equatable {
        /// The heading's id, the page's `#fragment` for it.
        public var id: String
        public var title: String
        /// Where the heading's own text starts in `bodyUTF8`: the text before belongs to the
        /// previous section (or to the intro).
        public var headingStart: Int
        /// Where the section's text starts in `bodyUTF8` (after the heading's text).
        public var textStart: Int

        public init(id: String, title: String, headingStart: Int, textStart: Int) {
            self.id = id
            self.title = title
            self.headingStart = headingStart
            self.textStart = textStart
        }
    }

    public init(
        path: String, title: String, summary: String, headings: [String], body: String, keywords: [String],
        facets: [String]
    ) {
        self.init(
            path: path, title: title, summary: summary, headings: headings, bodyUTF8: Array(body.utf8),
            keywords: keywords, facets: facets)
    }

    /// The body as UTF-8 bytes, which must be valid UTF-8.
    public init(
        path: String, title: String, summary: String, headings: [String], bodyUTF8: [UInt8], keywords: [String],
        facets: [String]
    ) {
        self.path = path
        self.title = title
        self.summary = summary
        self.headings = headings
        self.bodyUTF8 = bodyUTF8
        self.keywords = keywords
        self.facets = facets
    }
}
