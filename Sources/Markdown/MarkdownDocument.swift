/// A 1-based line and column in a source file.
public struct SourcePosition: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A heading of a rendered document, with the id it was given in the HTML.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
    public var position: SourcePosition
    /// Whether the page's table of contents lists it (kramdown's `{: .no_toc }` says no).
    public var inContents = true
}

/// A link or image destination as written in the Markdown source.
public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    public var isImage: Bool
    /// An image's alt text; empty for links (nothing needs their text, and collecting it for
    /// every link of a large site is measurable).
    public var text: String
    public var position: SourcePosition
    /// An address in raw HTML (`<img src>`, `<a href>`; `MarkdownOptions.htmlLinks`), whose
    /// alt text is HTML's.
    public var inHTML = false
}

/// The result of rendering one Markdown text: HTML plus what the site needs to know about it.
public struct MarkdownDocument: Sendable {
    /// The HTML as UTF-8 bytes, as cmark wrote it (valid UTF-8: cmark repairs its input). Kept
    /// as bytes because pages copy them into their own bytes, and checking 80 MB of text for a
    /// String at 10,000 pages is measurable.
    public var htmlBytes: [UInt8]
    /// The HTML as text.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    public var headings: [Heading]
    public var links: [MarkdownLink]
    public var directives: [FencedDirective]
    /// The text a reader sees, without markup, blocks separated by newlines (for search), as
    /// UTF-8 bytes: the search index reads bytes, and checking 60 MB of text for a String at
    /// 10,000 pages is measurable. Valid UTF-8: it is cut from cmark's text at ASCII markup.
    public var plainTextBytes: [UInt8]
    /// Where the text of each heading of `headings` is in `plainTextBytes` (the newline after it
    /// excluded): a heading's section runs from the end of its range to the start of the next
    /// one's, so search can split a page at its headings.
    public var headingTextRanges: [Range<Int>] = []
    /// Ids the document defines besides its headings' ids: those of raw HTML (`id="…"`,
    /// `<a name="…">`, when raw HTML is kept) and those set with `{ #id }` after an element.
    public var htmlAnchors: [String] = []
    /// Where raw HTML was dropped (raw HTML off), comments left out: they show nothing.
    public var droppedHTML: [SourcePosition] = []
    /// Mistakes in the Markdown that the site should report (a `{#id}` that is no id).
    public var problems: [MarkdownProblem] = []
    /// The text of its first paragraph, shortened (`OpeningParagraph`): a summary for a page
    /// without one. Nil when no paragraph has text.
    public var openingText: String? = nil
}

/// How Markdown is rendered.
public struct MarkdownOptions: Sendable {
    /// Pass raw HTML and dangerous link schemes through (cmark's unsafe mode).
    public var unsafeHTML: Bool
    /// Typographic quotes, dashes and ellipses.
    public var smartPunctuation: Bool
    /// Accessible name of the `#` link placed after each heading; nil for no anchor links.
    public var headingAnchorLabel: String?
    /// The attributes that mark `headingAnchorLabel` as written in another language than the
    /// page (` lang="en"`): the label alone is then the link's hidden text, in an element that
    /// says its language (an `aria-label` cannot).
    public var headingAnchorMark: String? = nil
    /// Put before every heading id, so several documents can share one HTML page (`trafikverket-`).
    public var headingIDPrefix: String
    /// Added to every heading level (at most h6), for documents nested under other headings.
    public var headingLevelShift: Int
    /// How heading ids are made from their text.
    public var headingIDs: HeadingIDStyle
    /// GitHub-flavoured Markdown: pipe tables, strikethrough, extended autolinks, task lists and
    /// footnotes (and the tag filter when raw HTML is on). False renders plain CommonMark.
    public var gfm: Bool
    /// With `gfm` and `unsafeHTML`: write `<script>`, `<style>`, `<iframe>`, `<textarea>`, `<title>`,
    /// `<xmp>`, `<noembed>`, `<noframes>` and `<plaintext>` in raw HTML as text (GFM's tag filter).
    /// Off by default: a site that turns raw HTML on wants its scripts and styles.
    public var tagFilter: Bool
    /// GitHub-flavoured Markdown's HTML made valid and accessible for a site: table columns
    /// aligned with `style="text-align: …"` instead of the obsolete `align` attribute (the Nu
    /// checker reports it), and each task checkbox in a `<label>` with its item's text (axe wants
    /// a name for it). False writes the HTML the GFM spec shows.
    public var siteHTML: Bool
    /// With `gfm`: the titles of GitHub's alerts (`> [!NOTE]`), by kind (`note`, `tip`,
    /// `important`, `warning`, `caution`); GitHub's English ones where a kind has none.
    public var alertTitles: [String: String] = [:]
    /// The attributes that mark an alert's title as written in another language than the page
    /// (` lang="en"` where a theme without the page's language shows its English), by kind.
    public var alertTitleMarks: [String: String] = [:]
    /// With `gfm`: each definition list's term gets an id made from its text as a heading's is,
    /// unique among the page's headings and terms (Hugo's `autoDefinitionTermID`, whose docs link
    /// to `#titlecasestyle` for the term `` `titleCaseStyle` ``).
    public var definitionTermIDs = false
    /// Whether Rust code blocks hide Rust's hidden lines (`# fn main() {`), as rustdoc and mdBook
    /// show them.
    public var rustHiddenLines = false
    /// Jekyll's Liquid tags that stand for Markdown are read (`JekyllLiquid`), before all else.
    public var liquid = false
    /// With `liquid`: the values `{{ site.name }}` stands for (`repository`, `github.owner`).
    public var liquidSite: [String: String] = [:]
    /// kramdown's block attribute lists and `{:toc}` are read (`KramdownBlocks`).
    public var kramdown = false
    /// GitBook's blocks (`{% hint %}`, `{% tabs %}`, …) are read (`GitBookBlocks`).
    public var gitbook = false
    /// MDX's imports, comments and components are read as Docusaurus writes them (`MDXSyntax`).
    public var mdx = false
    /// Vue's blocks and components are read as VitePress writes them (`VueSyntax`).
    public var vue = false
    /// GitHub's wiki links, `[[Page name]]`, are read as links (`WikiLinks`).
    public var wikiLinks = false
    /// With `gitbook`: the site puts in GitBook's `{% include %}` before the page is read, so one
    /// still here is a file it could not read, and said so already.
    public var includesRead = false
    /// With `unsafeHTML`: relative addresses in raw HTML are given to the hooks as links are
    /// (`RawHTMLLinks`), and written as they resolve them.
    public var htmlLinks = false
    /// The heading levels kramdown's `{:toc}` lists (its `toc_levels`).
    public var kramdownContentsLevels: Set<Int> = Set(1...6)
    /// The kinds of GitHub's alerts, the keys of `alertTitles`.
    public static let alertKinds = GFMAlerts.kinds

    public init(
        unsafeHTML: Bool = false, smartPunctuation: Bool = true, headingAnchorLabel: String? = nil,
        headingIDPrefix: String = "", headingLevelShift: Int = 0, headingIDs: HeadingIDStyle = .github,
        gfm: Bool = true, tagFilter: Bool = false, siteHTML: Bool = false
    ) {
        self.headingIDs = headingIDs
        self.gfm = gfm
        self.tagFilter = tagFilter
        self.siteHTML = siteHTML
        self.headingLevelShift = headingLevelShift
        self.unsafeHTML = unsafeHTML
        self.smartPunctuation = smartPunctuation
        self.headingAnchorLabel = headingAnchorLabel
        self.headingIDPrefix = headingIDPrefix
    }
}

/// What the site decides while a document is rendered: where links go, what directives become.
public protocol MarkdownHooks {
    /// The destination to write for a link or image; nil keeps it as written.
    func resolve(_ link: MarkdownLink) -> String?
    /// HTML for a fenced directive block; nil renders the block as ordinary code.
    func render(_ directive: FencedDirective) -> String?
    /// The title of the page a link goes to, shown instead of a text that is only the file's
    /// name (GitBook's `[setup.md](setup.md)`; `MarkdownOptions.gitbook`); nil keeps the text.
    func title(of link: MarkdownLink) -> String?
    /// Whether the document's opening paragraph is wanted (`MarkdownDocument.openingText`): a page
    /// without a summary of its own takes it for one.
    var wantsOpeningText: Bool { get }
    /// The value Hugo's `{{< param "name" >}}` shows: the page's, else the site's; nil for none.
    func param(_ name: String) -> String?
}

extension MarkdownHooks {
    public func title(of link: MarkdownLink) -> String? { nil }
    public var wantsOpeningText: Bool { true }
    public func param(_ name: String) -> String? { nil }
}

/// Hooks that change nothing.
public struct NoMarkdownHooks: MarkdownHooks {
    public init() {}
    public func resolve(_ link: MarkdownLink) -> String? { nil }
    public func render(_ directive: FencedDirective) -> String? { nil }
}
