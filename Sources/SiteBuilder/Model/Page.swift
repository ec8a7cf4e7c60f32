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

    var kind: Kind
    /// First folder of the source path as written (`projekt`); empty for home and stand-alone pages.
    var section: String
    /// Folder of the source path as written (`docs/v26.2`): the page's section, or for a
    /// section's `_index.md` that section; empty for home and stand-alone pages.
    var folder: String = ""
    var source: SourceFile
    /// Site path: `/projekt/cirkulara-goteborg/`.
    var path: String
    var title: String
    var summary: String
    /// `YYYY-MM-DD` or nil.
    var date: String?
    var weight: Int
    var draft: Bool
    var status: String?
    /// Taxonomy key -> term ids as written, with positions.
    var terms: [String: [(id: String, position: SourcePosition)]]
    var references: [Reference]
    /// Every front matter field, for templates.
    var frontMatter: DataValue
    /// The front matter as written: when only the body changes, no other page does.
    var frontMatterText: String = ""
    var body: String
    /// Lines before the body in the file (the front matter and its fences).
    var bodyLineOffset: Int
    /// On a site in several languages, what links this page with its translations: front
    /// matter's `translationKey`, else the original's path below the content folder.
    var translationKey = ""
}

/// A front matter reference to a data record: `organisationer: [{id: ivl, roll: utförare}]`.
struct Reference: Sendable {
    var collection: String
    var id: String
    var role: String?
    var position: SourcePosition
}
