import Markdown

/// The whole site, computed once from the parsed input: pages, terms, records and who uses what.
struct Site: Sendable {
    var config: SiteConfig
    /// Every page, sorted by source path.
    var pages: [Page]
    var data: [String: DataFile]
    /// Index of a page by its source path below the content folder (`projekt/x.md`).
    var pageBySource: [String: Int]
    /// Index of a Markdown page by its site path (`/projekt/x/`).
    var pageByPath: [String: Int] = [:]
    /// Taxonomy key -> term id -> indexes of the regular pages carrying it, in listing order.
    var termPages: [String: [String: [Int]]]
    var collections: [SiteCollection]
    /// Regular pages below each top folder (`projekt`), at any depth, in listing order (weight,
    /// then title in the site language's order).
    var sectionPages: [String: [Int]]
    /// Every folder of pages, the top one (the front page) first.
    var sections: [Section] = []
    /// Index in `sections` of the section of each folder as written (`docs/v26.2`; `""` for the top).
    var sectionByFolder: [String: Int] = [:]
    /// Where each page is in its section's `pages` (nil: in none), for the pages before and after it.
    var placeInSection: [Int?] = []
    /// site.yaml's `nav:` resolved to pages (empty without one).
    var readingOrder = ReadingOrder()
    /// The nav as the theme's navigation (empty without one).
    var navigation: [SiteNavNode] = []
    /// Paths of the files in static/ (`static/bilder/karta.png`).
    var staticFiles: Set<String>
    /// Site paths that two pages (or a page and one the build makes) become, reported already at
    /// the pages: collecting the output does not report their files again.
    var clashes: Set<String> = []
    /// Site paths of every page the build writes (Markdown pages, listings, terms, records, report).
    var knownPaths = KnownPaths()
    /// On a site in several languages: every language's paths, and which translate each other.
    var languageLinks: LanguageLinks? = nil
    /// In a language other than the default: the default language's pages that this language
    /// has no translation of, by source path (`projekt/x.md` -> `/projekt/x/`), for relative links.
    var untranslatedPages: [String: String] = [:]

    /// Source paths of the Markdown files that are no page because they could not be read (a
    /// front matter error, reported at them): what names them or is named only by them is not
    /// reported again, so an editor's one mistake gives one message, not one per link to it.
    var unreadablePages: Set<String> = []
    /// The names of the data files that could not be read (`LoadData.unreadable`): a collection
    /// or block that names one is not reported again.
    var unreadableData: Set<String> = []

    /// With `links: {wiki: true}`: each page by its name as a wiki link writes it (`WikiName`).
    var pageByWikiName: [String: Int] = [:]

    /// The collection with this front matter key.
    func collection(_ key: String) -> SiteCollection? { collections.first { $0.config.key == key } }

    /// The pages before and after a page in the nav, across sections, as MkDocs links them (none
    /// for a page the nav does not name); without a nav, the pages listed before and after it
    /// in its section (Hugo's `PrevInSection` and `NextInSection`).
    func neighbours(of page: Int) -> (previous: Int?, next: Int?) {
        if !readingOrder.isEmpty { return readingOrder.neighbours(of: page) ?? (nil, nil) }
        guard page < placeInSection.count, let place = placeInSection[page],
            let section = sectionByFolder[pages[page].folder]
        else { return (nil, nil) }
        let listed = sections[section].pages
        return (place > 0 ? listed[place - 1] : nil, place + 1 < listed.count ? listed[place + 1] : nil)
    }
}

/// A collection's records, each knowing the pages that reference it.
struct SiteCollection: Sendable {
    var config: CollectionConfig
    /// Records in Swedish alphabetical order of their titles.
    var records: [Record]
    var recordIndex: [String: Int]

    func record(_ id: String) -> Record? { recordIndex[id].map { records[$0] } }
}

/// One record of a collection's data file (an organisation).
struct Record: Sendable {
    var id: String
    var title: String
    var type: Choice?
    var description: String
    var value: DataValue
    var path: String
    /// Pages that reference this record, in listing order, with the roles they give it.
    var usages: [(page: Int, roles: [String])]
}
