import Markdown

/// The whole site, computed once from the parsed input: pages, terms, records and who uses what.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Every page, sorted by source path.
    public var pages: [Page]
    public var data: [String: DataFile]
    /// Index of a page by its source path below the content folder (`projekt/x.md`).
    public var pageBySource: [String: Int]
    /// Taxonomy key -> term id -> indexes of the regular pages carrying it, in listing order.
    public var termPages: [String: [String: [Int]]]
    public var collections: [SiteCollection]
    /// Regular pages below each top folder (`projekt`), at any depth, in listing order (weight,
    /// then title in the site language's order).
    public var sectionPages: [String: [Int]]
    /// Every folder of pages, the top one (the front page) first.
    public var sections: [Section] = []
    /// Index in `sections` of the section of each folder as written (`docs/v26.2`; `""` for the top).
    public var sectionByFolder: [String: Int] = [:]
    /// Paths of the files in static/ (`static/bilder/karta.png`).
    public var staticFiles: Set<String>
    /// Site paths of every page the build writes (Markdown pages, listings, terms, records, report).
    public var knownPaths: Set<String> = []

    /// The collection with this front matter key.
    public func collection(_ key: String) -> SiteCollection? { collections.first { $0.config.key == key } }
}

/// A collection's records, each knowing the pages that reference it.
public struct SiteCollection: Sendable {
    public var config: CollectionConfig
    /// Records in Swedish alphabetical order of their titles.
    public var records: [Record]
    public var recordIndex: [String: Int]

    public func record(_ id: String) -> Record? { recordIndex[id].map { records[$0] } }
}

/// One record of a collection's data file (an organisation).
public struct Record: Sendable {
    public var id: String
    public var title: String
    public var type: Choice?
    public var description: String
    public var value: DataValue
    public var path: String
    /// Pages that reference this record, in listing order, with the roles they give it.
    public var usages: [(page: Int, roles: [String])]
}
