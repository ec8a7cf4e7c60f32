import Markdown

/// A page written in Markdown, after its front matter has been read.
public struct Page: Sendable {
    public enum Kind: Sendable, Equatable {
        /// `_index.md`: the front page.
        case home
        /// `<folder>/_index.md`, at any depth: a section's listing page.
        case sectionIndex
        /// `<folder>/<name>.md`, at any depth: a page in a section (a project).
        case regular
        /// `<name>.md`: a stand-alone page such as `om.md`.
        case standalone
    }

    public var kind: Kind
    /// First folder of the source path as written (`projekt`); empty for home and stand-alone pages.
    public var section: String
    /// Folder of the source path as written (`docs/v26.2`): the page's section, or for a
    /// section's `_index.md` that section; empty for home and stand-alone pages.
    public var folder: String = ""
    public var source: SourceFile
    /// Site path: `/projekt/cirkulara-goteborg/`.
    public var path: String
    public var title: String
    public var summary: String
    /// `YYYY-MM-DD` or nil.
    public var date: String?
    public var weight: Int
    public var draft: Bool
    public var status: String?
    /// Taxonomy key -> term ids as written, with positions.
    public var terms: [String: [(id: String, position: SourcePosition)]]
    public var references: [Reference]
    /// Every front matter field, for templates.
    public var frontMatter: DataValue
    /// The front matter as written: when only the body changes, no other page does.
    public var frontMatterText: String = ""
    public var body: String
    /// Lines before the body in the file (the front matter and its fences).
    public var bodyLineOffset: Int
}

/// A front matter reference to a data record: `organisationer: [{id: ivl, roll: utförare}]`.
public struct Reference: Sendable {
    public var collection: String
    public var id: String
    public var role: String?
    public var position: SourcePosition
}
