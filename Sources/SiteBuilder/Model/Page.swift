import Markdown

/// A page written in Markdown, after its front matter has been read.
struct Page: Sendable {
    enum Kind: Sendable, Equatable {
        /// `_index.md`: the front page.
        case home
        /// `<folder>/_index.md`, at any depth: a section's listing page.
        case sectionIndex
        /// `<folder>/<name>.md`, at any depth: a page in a section (a project).
        case regular
        /// `<name>.md`: a stand-alone page such as `om.md`.
        case standalone
    }

    // The fields live in one shared box, replaced (not changed) when a page is changed: pages
    // are handed from stage to stage and kept from build to build, and copying a struct of
    // twenty reference-counted fields retained every one of them, 10,000 pages at a time.
    private struct Fields: Sendable {
        var kind: Kind
        var section: String
        var folder: String
        var source: SourceFile
        var path: String
        var title: String
        var summary: String
        var summaryInContent: Bool
        var date: String?
        var updated: String?
        var weight: Int
        var draft: Bool
        var status: String?
        var terms: [String: [(id: String, position: SourcePosition)]]
        var references: [Reference]
        var frontMatter: DataValue
        var frontMatterText: String
        var body: String
        var bodyLineOffset: Int
        var translationKey: String
    }

    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// Whether `other` is this very page, not a page made again (nor one changed since): unchanged
    /// pages are the same values from build to build in the preview.
    func isSame(as other: Page) -> Bool { storage === other.storage }

    var kind: Kind {
        get { storage.fields.kind }
        set {
            var fields = storage.fields
            fields.kind = newValue
            storage = Storage(fields)
        }
    }
    /// First folder of the source path as written (`projekt`); empty for home and stand-alone pages.
    var section: String {
        get { storage.fields.section }
        set {
            var fields = storage.fields
            fields.section = newValue
            storage = Storage(fields)
        }
    }
    /// Folder of the source path as written (`docs/v26.2`): the page's section, or for a
    /// section's `_index.md` that section; empty for home and stand-alone pages.
    var folder: String {
        get { storage.fields.folder }
        set {
            var fields = storage.fields
            fields.folder = newValue
            storage = Storage(fields)
        }
    }
    var source: SourceFile {
        get { storage.fields.source }
        set {
            var fields = storage.fields
            fields.source = newValue
            storage = Storage(fields)
        }
    }
    /// Site path: `/projekt/cirkulara-goteborg/`.
    var path: String {
        get { storage.fields.path }
        set {
            var fields = storage.fields
            fields.path = newValue
            storage = Storage(fields)
        }
    }
    var title: String {
        get { storage.fields.title }
        set {
            var fields = storage.fields
            fields.title = newValue
            storage = Storage(fields)
        }
    }
    var summary: String {
        get { storage.fields.summary }
        set {
            var fields = storage.fields
            fields.summary = newValue
            storage = Storage(fields)
        }
    }
    /// Whether `summary` is the body's own opening, the text before its `<!--more-->`: the page
    /// shows it in its content, not once more above it.
    var summaryInContent: Bool {
        get { storage.fields.summaryInContent }
        set {
            var fields = storage.fields
            fields.summaryInContent = newValue
            storage = Storage(fields)
        }
    }
    /// `YYYY-MM-DD` or nil.
    var date: String? {
        get { storage.fields.date }
        set {
            var fields = storage.fields
            fields.date = newValue
            storage = Storage(fields)
        }
    }
    /// When the page was last changed, `YYYY-MM-DD` (front matter `updated`, Hugo's `lastmod`,
    /// Jekyll's `last_modified_at`), or nil; `date` is when it was published.
    var updated: String? {
        get { storage.fields.updated }
        set {
            var fields = storage.fields
            fields.updated = newValue
            storage = Storage(fields)
        }
    }
    /// The day the page last changed: the later of `updated` and `date`; nil without either.
    var lastChanged: String? {
        guard let updated else { return date }
        return max(updated, date ?? updated)
    }
    /// Where a weight puts a page (a section, a menu entry) among others, as Hugo orders them: a
    /// weight before none (0 is none, as in Hugo), the lower first.
    static func order(ofWeight weight: Int) -> Int { weight == 0 ? Int.max : weight }

    var weight: Int {
        get { storage.fields.weight }
        set {
            var fields = storage.fields
            fields.weight = newValue
            storage = Storage(fields)
        }
    }
    var draft: Bool {
        get { storage.fields.draft }
        set {
            var fields = storage.fields
            fields.draft = newValue
            storage = Storage(fields)
        }
    }
    var status: String? {
        get { storage.fields.status }
        set {
            var fields = storage.fields
            fields.status = newValue
            storage = Storage(fields)
        }
    }
    /// Taxonomy key -> term ids as written, with positions.
    var terms: [String: [(id: String, position: SourcePosition)]] {
        get { storage.fields.terms }
        set {
            var fields = storage.fields
            fields.terms = newValue
            storage = Storage(fields)
        }
    }
    var references: [Reference] {
        get { storage.fields.references }
        set {
            var fields = storage.fields
            fields.references = newValue
            storage = Storage(fields)
        }
    }
    /// Every front matter field, for templates.
    var frontMatter: DataValue {
        get { storage.fields.frontMatter }
        set {
            var fields = storage.fields
            fields.frontMatter = newValue
            storage = Storage(fields)
        }
    }
    /// The front matter as written: when only the body changes, no other page does.
    var frontMatterText: String {
        get { storage.fields.frontMatterText }
        set {
            var fields = storage.fields
            fields.frontMatterText = newValue
            storage = Storage(fields)
        }
    }
    var body: String {
        get { storage.fields.body }
        set {
            var fields = storage.fields
            fields.body = newValue
            storage = Storage(fields)
        }
    }
    /// Lines before the body in the file (the front matter and its fences).
    var bodyLineOffset: Int {
        get { storage.fields.bodyLineOffset }
        set {
            var fields = storage.fields
            fields.bodyLineOffset = newValue
            storage = Storage(fields)
        }
    }
    /// On a site in several languages, what links this page with its translations: front
    /// matter's `translationKey`, else the original's path below the content folder.
    var translationKey: String {
        get { storage.fields.translationKey }
        set {
            var fields = storage.fields
            fields.translationKey = newValue
            storage = Storage(fields)
        }
    }

    init(
        kind: Kind, section: String, source: SourceFile, path: String, title: String, summary: String,
        summaryInContent: Bool = false, date: String?, updated: String? = nil, weight: Int, draft: Bool,
        status: String?,
        terms: [String: [(id: String, position: SourcePosition)]],
        references: [Reference], frontMatter: DataValue, frontMatterText: String = "", body: String, bodyLineOffset: Int
    ) {
        storage = Storage(
            Fields(
                kind: kind,
                section: section,
                folder: "",
                source: source,
                path: path,
                title: title,
                summary: summary,
                summaryInContent: summaryInContent,
                date: date,
                updated: updated,
                weight: weight,
                draft: draft,
                status: status,
                terms: terms,
                references: references,
                frontMatter: frontMatter,
                frontMatterText: frontMatterText,
                body: body,
                bodyLineOffset: bodyLineOffset,
                translationKey: ""))
    }
}

/// A front matter reference to a data record: `organisationer: [{id: ivl, roll: utförare}]`.
struct Reference: Sendable {
    var collection: String
    var id: String
    var role: String?
    var position: SourcePosition
}
