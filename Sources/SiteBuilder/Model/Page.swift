import Markdown

/// A page written in Markdown, after its front matter has been read.
public struct Page: Sendable {
    public enum Kind: Sendable, Equatable {
        /// `_index.md`: the front page.
        case home
        /// `<section>/_index.md`: a section's listing page.
        case sectionIndex
        /// `<section>/<name>.md`: a page in a section (a project).
        case regular
        /// `<name>.md`: a stand-alone page such as `om.md`.
        case standalone
    }

    public var kind: Kind
    /// First folder of the source path (`projekt`); empty for home and stand-alone pages.
    public var section: String
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
