/// One page as the search index sees it. The core maps its pages into these.
public struct SearchDocument: Sendable, Equatable {
    /// Site path of the page (`/projekt/cirkulara-goteborg/`).
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
