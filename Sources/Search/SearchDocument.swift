/// One page as the search index sees it. The core maps its pages into these.
public struct SearchDocument: Sendable, Equatable {
    /// Site path of the page (`/projekt/cirkulara-goteborg/`).
    public var path: String
    public var title: String
    public var summary: String
    /// Heading texts of the page, in order.
    public var headings: [String]
    /// The page's text without markup.
    public var body: String
    /// Extra words that describe the page: term titles, organisation names.
    public var keywords: [String]
    /// Facet keys for filtering, `param:slug` (`tagg:cirkular`).
    public var facets: [String]

    public init(path: String, title: String, summary: String, headings: [String], body: String, keywords: [String], facets: [String]) {
        self.path = path
        self.title = title
        self.summary = summary
        self.headings = headings
        self.body = body
        self.keywords = keywords
        self.facets = facets
    }
}
