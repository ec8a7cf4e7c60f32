import Markdown

/// `Content/site.yaml`: the site's settings, vocabularies and menus.
public struct SiteConfig: Sendable {
    var title: String
    var description: String
    var language: String
    /// Absolute base URL ending in `/`, for feed, sitemap and canonical links; may be empty.
    var baseURL: String
    var author: String
    var unsafeHTML: Bool
    var tocMinHeadings: Int
    var menu: [MenuItem]
    /// Whether site.yaml says `menu:` (`menu: []` is a site with no menu bar, not one whose nav
    /// makes it).
    var menuIsWritten = false
    var taxonomies: [Taxonomy]
    var collections: [CollectionConfig]
    /// When the content was last updated (`YYYY-MM-DD`), for the report, the feed and bundle names.
    var updated: String?
    var report: ReportConfig?
    /// How many of the newest pages `feed.xml` carries (`feed: {limit: 50}`).
    var feedLimit: Int = 50
    /// Cards on one page of a listing (`listing: {pageSize: 24}`); longer listings are paged.
    var listingPageSize: Int = 24
    /// URL folder of a listing's later pages (`listing: {pagePath: sida}` -> `/projekt/sida/2/`);
    /// nil: `sida` for Swedish sites, `page` (Hugo's) for others.
    var listingPagePath: String? = nil
    /// Extra front matter rules per section (`""` for stand-alone pages).
    var schema: [String: [FieldSchema]] = [:]
    /// GitHub-flavoured Markdown (`markdown: {gfm: false}` turns it off).
    var gfm = true
    /// How heading ids are made (`markdown: {headingIDs: github | ascii}`).
    var headingIDs: HeadingIDStyle = .github
    /// Whether definition lists' terms get ids as headings do (`markdown: {definitionTermIDs: true}`,
    /// Hugo's `autoDefinitionTermID`).
    var definitionTermIDs = false
    /// Where mdBook's `{{#include}}` may read files from (`markdown: {includes: ..}`); nil: includes
    /// are not read.
    var includes: IncludeSettings? = nil
    /// Whether Rust code blocks hide Rust's hidden lines (`markdown: {rustHiddenLines: true}`).
    var rustHiddenLines = false
    /// Whether Jekyll's Liquid tags that stand for Markdown are read (`markdown: {liquid: true}`).
    var liquid = false
    /// `markdown: {liquid: {site: {repository: …}}}`: what `{{ site.repository }}` stands for.
    var liquidSite: [String: String] = [:]
    /// `params:`, Hugo's site params, as `{{< param "name" >}}` shows them (`SiteParams`).
    var params: [String: String] = [:]
    /// Whether GitBook's blocks (`{% hint %}`, `{% tabs %}`, …) are read (`markdown: {gitbook: true}`).
    var gitbook = false
    /// Whether MDX's imports, comments and components are read (`markdown: {mdx: true}`), and
    /// `.mdx` files are pages, as in a tree from Docusaurus.
    var mdx = false
    /// The folder whose files are copied as they are to the site's root (`static:`; Hugo's
    /// `static/` by default, VitePress' `public/`), relative to the content folder.
    var staticFolder = "static"
    /// Whether Vue's `<script>`/`<style>` blocks and components are read as VitePress writes them
    /// (`markdown: {vue: true}`): blocks left out, `<Badge>` a badge, other components' tags left out.
    var vue = false
    /// Whether kramdown's block attribute lists and `{:toc}` are read (`markdown: {kramdown: true}`),
    /// with the heading levels its `{:toc}` lists (`{kramdown: {tocLevels: 2..3}}`); nil when not.
    var kramdown: Set<Int>? = nil
    /// What a broken internal link is, and how links written for another generator resolve.
    var links = LinkPolicy()
    /// Paths below the content folder that are not content (`ignore:`): not read, not reported.
    var ignore: [ContentGlob] = []
    /// The Markdown file that is the site's front page (`home: welcome.md`), instead of a
    /// README.md or index.md at the top; where site.yaml says so.
    var home: (path: String, position: SourcePosition)? = nil
    /// Paths that are content although hidden, `_`-named or ignored (`include:`).
    var include: [String] = []
    /// What of the content folder is content, from `ignore:` and `include:`.
    var contentFilter: ContentFilter { ContentFilter(ignore: ignore, include: include) }
    /// Old URLs that send readers on (`redirects:`), as MkDocs' redirect_maps and mdBook's
    /// `[output.html.redirect]` make them.
    var redirects: [Redirect] = []
    /// `permalinks:`: the URL pattern of the pages of a top folder, by the folder as written.
    var permalinks: [String: Permalink] = [:]
    /// `newestFirst:`: top folders whose pages are listed newest first (by date), as a blog lists
    /// its posts; the others by weight, then title.
    var newestFirst: Set<String> = []

    /// One entry of `redirects:`: the old site path (`/gammal/sida.html`), where it sends readers
    /// (a page's file below the content folder, `om.md`, or an http(s) URL), and where it is written.
    struct Redirect: Sendable, Equatable {
        var from: String
        var to: String
        var position: SourcePosition
        /// Whether `to` is an address on another site.
        var isExternal: Bool { to.hasPrefix("https://") || to.hasPrefix("http://") }
    }
    /// site.yaml as shown in messages (`Content/site.yaml`).
    var file = "site.yaml"
    /// Links in every page's footer (`footer:`, entries as in `menu:`).
    var footer: [MenuItem] = []
    /// The reading order (`nav:`, as in mkdocs.yml): its pages, groups flattened.
    var nav: [NavEntry] = []
    /// `nav:` as written, groups and all, for the site's navigation.
    var navTree: [NavNode] = []
    /// `nav: auto`: the site's navigation is every section and page, as MkDocs makes it for a
    /// mkdocs.yml without a nav (the listing order stays weight, then title).
    var navAuto = false
    /// `navIndexes: true`: a nav group whose first entry is a folder's own page (`guide/index.md`)
    /// has that page as its link, as Material for MkDocs' `navigation.indexes` shows it.
    var navIndexes = false
    /// The site's own words for the theme's UI strings (`strings:`), by key, with where each is written.
    var strings: [String: (text: String, position: SourcePosition)] = [:]
    /// Who to contact about the site (`contact:`, a mapping shown in the footer as written).
    var contact: DataValue? = nil
    /// `languages:`, the default first; empty for a site in one language (`language:` alone).
    var languages: [String] = []
    /// Site path of this language's front page: `/` for the default language, `/en/` for others.
    var root = "/"
    /// What a page without a translation into another language is (`translations:`).
    var translations = TranslationPolicy.optional
    /// URL segment of a section's folder in this language (`_index.en.md`'s `slug:`), by folder
    /// as written (`projekt` -> `projects`).
    var sectionSlugs: [String: String] = [:]

    /// True for a site declaring more than one language.
    var isMultilingual: Bool { languages.count > 1 }

    /// URL folder of the search page (`search: {path: sok}`); nil: `sok` for Swedish sites,
    /// `search` for others.
    var searchFolder: String? = nil

    /// Site path of the search page: `/sok/`, `/en/search/`.
    var searchPath: String { root + (searchFolder ?? (speaksSwedish ? "sok" : "search")) + "/" }

    /// URL folder of a listing's later pages in effect: `sida` for Swedish sites, `page` (Hugo's)
    /// for others, unless `listing: {pagePath:}` says otherwise.
    var listingFolder: String { listingPagePath ?? (speaksSwedish ? "sida" : "page") }

    /// Swedish sites get Swedish URL words by default.
    private var speaksSwedish: Bool { language.lowercased().hasPrefix("sv") }

    /// The site path of a folder below the content folder in this language: `docs/v26.2` ->
    /// `/docs/v26.2/`, `projekt` -> `/en/projects/` with `slug: projects` on `_index.en.md`.
    func sitePath(ofFolder folder: String) -> String {
        guard root != "/" || !sectionSlugs.isEmpty else {
            return PageLocation.sitePath(ofFolder: folder, names: links.names)
        }
        var path = root
        var written = ""
        for part in folder.split(separator: "/") {
            written += written.isEmpty ? String(part) : "/" + part
            path += (sectionSlugs[written] ?? URLSegment.make(String(part), names: links.names)) + "/"
        }
        return path
    }
}

/// `links:` in site.yaml.
struct LinkPolicy: Sendable {
    /// What a link or anchor to nothing in the site is: an error (the default) or a warning.
    var broken: Diagnostic.Severity = .error
    /// A link to `x.html` (or `x/`) where `x.md` exists goes to that page, as in sites moved
    /// from Jekyll.
    var htmlToMarkdown = false
    /// Every page also answers at the `x.html` URL it had (MkDocs' `use_directory_urls: false`,
    /// Jekyll), by a page that sends the reader on.
    var keepHTML = false
    /// Page and folder names in URLs in lower case (`Chomp.md` -> `/chomp/`), as Hugo makes them
    /// unless its `disablePathToLower` is set (`lowercase: true`), or as slugs (`my_Post.md` ->
    /// `/my-post/`), as Zola makes them unless its `slugify.paths` says otherwise (`slugify: true`);
    /// a `url:` in front matter stays as written.
    var names = URLNames.asWritten
    /// A page's file name that starts with a day (`2018-10-10-hello.md`) gives the page its date
    /// and the rest of the name (`/hello/`), as Zola reads names (`datedNames: true`).
    var datedNames = false
    /// A relative link that is no path to a file (`../x/`, `x`) is read from the page's file, as
    /// GitBook writes them (`links: {relativeTo: file}`), not from its URL as a browser reads it.
    var relativeToFile = false
    /// Pages' URLs as Docusaurus makes a doc's (`links: {docIDs: true}`): number prefixes left
    /// out of names (`01-intro.md` -> `/intro/`), front matter `id:` naming the page in its
    /// folder, `slug:` a path from the site's root (`/x/y`) or from the page's folder.
    var docIDs = false
    /// Links as a GitHub wiki writes them (`links: {wiki: true}`): `[[Page name]]`, and a link to
    /// a page by its name (`Getting-Started`, wherever its file is), as GitHub finds it.
    var wiki = false

    init() {}
}

/// The printable report: every page of some sections in one document, grouped by a taxonomy.
struct ReportConfig: Sendable {
    var title: String
    var subtitle: String
    /// URL folder (`rapport`).
    var path: String
    /// Taxonomy whose terms group the pages, in the taxonomy's term order.
    var groupBy: String?
    /// Sections whose pages are included, in listing order.
    var sections: [String]
    /// Data file with the glossary (`ordlista`), printed at the end.
    var glossary: String?
}

/// A menu entry; `path` is a site path such as `/projekt/`.
struct MenuItem: Sendable {
    var title: String
    var path: String
    /// Where the entry is written in site.yaml.
    var position: SourcePosition
    /// Pages it is current on besides its own and those below it (a menu made from the nav: the
    /// pages of its group).
    var covers: Set<String> = []
}

/// A controlled vocabulary that pages are classified by (tags, område, ...).
struct Taxonomy: Sendable {
    /// Front matter key.
    var key: String
    var title: String
    var singular: String
    /// URL folder of the term pages.
    var path: String
    /// URL query parameter used by filters.
    var param: String
    var required: Bool
    /// Folders whose pages use it, each with the folders below it (`projekt`, `docs/v26.2`);
    /// empty means every section.
    var sections: [String]
    /// A page's value of one text is its words, each a term (`categories: jekyll update`), as
    /// Jekyll reads tags and categories (`spaceSeparated: true`); a list's items are terms as written.
    var spaceSeparated = false
    var terms: [Term] { didSet { termIndex = Self.index(terms) } }
    /// Where each term id is in `terms` (the first, when ids repeat): pages name terms 30,000
    /// times at 10,000 pages, and a search through 70 organisations each time shows.
    private var termIndex: [String: Int]

    init(
        key: String, title: String, singular: String, path: String, param: String, required: Bool,
        sections: [String], terms: [Term]
    ) {
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
        // Other spellings after every id: an id is never taken by another term's spelling.
        for (i, term) in terms.enumerated() {
            for spelling in term.spellings where index[spelling] == nil { index[spelling] = i }
        }
        return index
    }

    /// The term with this id (or one of its `spellings`).
    func term(_ id: String) -> Term? { termIndex[id].map { terms[$0] } }

    /// Where the term with this id is in `terms`.
    func termPosition(_ id: String) -> Int? { termIndex[id] }

    /// True when pages in `folder` (as written, `projekt` or `docs/v26.2`) use it: `sections:`
    /// names folders, each covering the folders below it.
    func applies(toFolder folder: String) -> Bool {
        sections.isEmpty || sections.contains { Section.covers($0, folder: folder) }
    }
}

/// One value of a taxonomy.
struct Term: Sendable {
    var id: String
    var title: String
    var slug: String
    var icon: String?
    var description: String?
    /// Other ways pages write it (`Docs` for `docs`), read as the term: Hugo and Zola make one term
    /// of spellings with one URL, and `kretslopp import` declares them so.
    var spellings: [String] = []
    /// Where `icon:` is written, to report an icon the theme does not have.
    var iconPosition: SourcePosition? = nil
}

/// Records of a data file that get pages of their own and are referenced from front matter.
struct CollectionConfig: Sendable {
    var key: String
    var data: String
    var title: String
    var singular: String
    var path: String
    var titleField: String
    var roles: [Choice]
    var types: [Choice]
}

/// An allowed value with its title (a role, a record type).
struct Choice: Sendable {
    var id: String
    var title: String
}

/// `translations:` in site.yaml: what a page of the default language without a translation is.
enum TranslationPolicy: String, CaseIterable, Sendable {
    /// A warning at the page (the default).
    case optional
    /// An error: every page is in every language.
    case required
    /// Nothing to say: some pages are in one language only, as on many Hugo sites (the language
    /// switcher still says where a page is not translated).
    case partial
}
