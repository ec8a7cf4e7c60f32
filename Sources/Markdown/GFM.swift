import CCmark

#if canImport(Glibc)
    import Glibc
#endif

/// GitHub-flavoured Markdown (tables, strikethrough, extended autolinks, task lists, footnotes,
/// GitHub's alerts, emoji names, and the tag filter when asked for) as passes over libcmark's tree.
///
/// Made before parsing (footnote definitions leave the source), applied after. Each pass is
/// skipped when a byte scan of the source shows it cannot apply.
struct GFMExtensions {
    private let flags: Int32
    private let tagFilter: Bool
    private let siteHTML: Bool
    /// The source to parse: the text with footnote definitions blanked out.
    private(set) var source: [UInt8]
    /// The text's own bytes, as written: the same buffer as `source` until a pass rewrites it
    /// (most pages), so positions are read from it without a second copy of the text.
    let original: [UInt8]
    private let footnotes: GFMFootnotes?
    private let mayHaveTables: Bool
    private let mayHaveStrikethrough: Bool
    private let mayHaveAutolinks: Bool
    private let mayHaveTasks: Bool
    private let mayHaveAlerts: Bool
    private let mayHaveEmoji: Bool
    /// Jekyll's Liquid tags left as written (see `JekyllLiquid`).
    let liquidLeft: [(line: Int, column: Int, name: String)]
    /// MDX components whose tags were left out (see `MDXSyntax`).
    let mdxLeftOut: [(line: Int, column: Int, name: String)]
    /// MDX's HTML attributes written as JavaScript expressions, left out (see `MDXAttributes`).
    let mdxExpressionsLeftOut: [(line: Int, column: Int, name: String)]
    /// Vue components whose tags were left out (see `VueSyntax`).
    let vueLeftOut: [(line: Int, column: Int, name: String)]
    /// Vue's `{{ … }}` expressions left as written (see `VueInterpolation`).
    let vueExpressionsLeft: [(line: Int, column: Int, name: String)]
    /// GitBook's tags left as written or not drawn (see `GitBookBlocks`).
    let gitbookNotDrawn: [(line: Int, column: Int, name: String)]
    /// GitBook's hints and tabs never closed (see `GitBookBlocks`).
    let gitbookUnclosed: [(line: Int, column: Int, name: String)]
    /// Hugo's and Zola's shortcodes left as written (see `Shortcodes`).
    let shortcodesLeft: [(line: Int, column: Int, name: String)]
    /// The opening tags of shortcode pairs left out around their content (see `ShortcodePairs`).
    let shortcodesUnwrapped: [(line: Int, column: Int, name: String)]
    /// Definition lists of the source, made bullet lists before parsing.
    private let definitionLists: DefinitionLists?
    /// MkDocs' admonitions of the source, made quotes before parsing.
    private let admonitions: [MkDocsAdmonitions.Admonition]
    /// Lines whose text moved before parsing (`SourceLines.shifts`).
    let columnShifts: [Int: ColumnShift]
    /// Likely mistakes in admonitions (`MkDocsAdmonitions.warnings`).
    let admonitionWarnings: [(line: Int, column: Int, message: String, hint: String)]
    /// Whether pymdownx's fenced blocks were among them (`PyMdownBlocks.restructure` then runs).
    private let hasBlocks: Bool
    /// Titles of GitHub's alerts, by kind (`note`: `Observera`); GitHub's English ones for the rest.
    private let alertTitles: [String: String]
    /// The attributes marking an alert's title as another language than the page's, by kind.
    private let alertTitleMarks: [String: String]

    init(
        text: String, flags: Int32, tagFilter: Bool, idPrefix: String, siteHTML: Bool,
        alertTitles: [String: String] = [:], alertTitleMarks: [String: String] = [:], liquid: Bool = false,
        liquidSite: [String: String] = [:],
        kramdown: Bool = false,
        gitbook: Bool = false, mdx: Bool = false, vue: Bool = false, wikiLinks: Bool = false,
        param: (String) -> String? = { _ in nil }
    ) {
        self.flags = flags
        self.alertTitles = alertTitles
        self.alertTitleMarks = alertTitleMarks
        self.tagFilter = tagFilter
        self.siteHTML = siteHTML
        original = Array(text.utf8)
        var source = original
        // MDX's own syntax first: what it leaves is the page's Markdown.
        let mdxPass = mdx && MDXSyntax.mayApply(to: source) ? MDXSyntax(source: &source) : nil
        mdxLeftOut = mdxPass?.leftOut ?? []
        mdxExpressionsLeftOut = mdxPass?.expressionsLeftOut ?? []
        let vuePass = vue && VueSyntax.mayApply(to: source) ? VueSyntax(source: &source) : nil
        vueLeftOut = vuePass?.leftOut ?? []
        let vueText =
            vue && VueInterpolation.mayApply(to: source) ? VueInterpolation(source: &source, value: param) : nil
        vueExpressionsLeft = vueText?.leftAsWritten ?? []
        // Jekyll runs Liquid over the page before its Markdown is read.
        let liquidTags =
            liquid && (Self.contains(source, "{{") || Self.contains(source, "{%"))
            ? JekyllLiquid(source: &source, site: liquidSite) : nil
        liquidLeft = liquidTags?.leftAsWritten ?? []
        let gitbookBlocks = gitbook && GitBookBlocks.mayApply(to: source) ? GitBookBlocks(source: &source) : nil
        gitbookNotDrawn = gitbookBlocks?.notDrawn ?? []
        gitbookUnclosed = gitbookBlocks?.unclosed ?? []
        if kramdown && Self.contains(source, "markdown=") { KramdownHTML.apply(to: &source) }
        if wikiLinks && Self.contains(source, "[[") { WikiLinks.rewrite(&source) }
        let shortcodes =
            Self.contains(source, "{{") || Self.contains(source, "{%")
            ? Shortcodes(source: &source, param: param) : nil
        shortcodesLeft = shortcodes?.leftAsWritten ?? []
        shortcodesUnwrapped = shortcodes?.unwrapped ?? []
        // Before the admonitions: a definition is then a list item to them, whose text may have one.
        definitionLists = DefinitionLists.mayApply(to: source) ? DefinitionLists(source: &source) : nil
        if Self.contains(source, "!!!") || Self.contains(source, "???") || Self.contains(source, "===")
            || Self.contains(source, "///") || Self.contains(source, ":::")
        {
            let pass = MkDocsAdmonitions(source: &source)
            (admonitions, columnShifts, admonitionWarnings) = (pass.admonitions, pass.shifts, pass.warnings)
        } else {
            (admonitions, columnShifts, admonitionWarnings) = ([], [:], [])
        }
        mayHaveTables = Self.contains(source, "|")
        mayHaveStrikethrough = Self.contains(source, "~")
        mayHaveAutolinks = Self.contains(source, "www.") || Self.contains(source, "://") || Self.contains(source, "@")
        mayHaveTasks =
            Self.contains(source, "[ ]") || Self.contains(source, "[x]") || Self.contains(source, "[X]")
            || Self.contains(source, "[\t]")
        mayHaveAlerts = !admonitions.isEmpty || Self.contains(source, "[!")
        mayHaveEmoji = GFMEmoji.mayAppear(in: source)
        hasBlocks = !admonitions.isEmpty && Self.contains(source, PyMdownBlocks.openingBytes)
        footnotes = Self.contains(source, "[^") ? GFMFootnotes(source: &source, idPrefix: idPrefix) : nil
        self.source = source
    }

    private static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
        bytes.withUnsafeBytes { haystack in
            guard let base = haystack.baseAddress else { return false }
            // memchr for the first byte (glibc's memmem is not visible to Swift without _GNU_SOURCE).
            let first = Int32(needle.utf8Start.pointee)
            let length = needle.utf8CodeUnitCount
            var offset = 0
            while offset < haystack.count, let found = memchr(base + offset, first, haystack.count - offset) {
                let position = base.distance(to: UnsafeRawPointer(found))
                if position + length <= haystack.count && memcmp(found, needle.utf8Start, length) == 0 { return true }
                offset = position + 1
            }
            return false
        }
    }

    /// Applies every extension to the document parsed from `source`. Returns what is left to do
    /// once the positions of the document's nodes have been read (`finish`).
    func apply(to root: OpaquePointer) -> Unfinished {
        let references = mayHaveTables ? Self.referenceDefinitions(source) : []
        let emptyTableHeaders =
            mayHaveTables
            ? GFMTables(
                lines: SourceLines(lineOffset: 0, source: source), flags: flags, referenceDefinitions: references,
                alignmentStyle: siteHTML
            ).apply(to: root) : []
        if hasBlocks { PyMdownBlocks.restructure(root) }
        if mayHaveAlerts {
            GFMAlerts.apply(
                to: root, titles: alertTitles, marks: alertTitleMarks, admonitions: admonitions)
        }
        var definitionParagraphs: DefinitionLists.Paragraphs? = nil
        if let definitionLists, !definitionLists.definitionLines.isEmpty {
            definitionParagraphs = definitionLists.apply(to: root)
        }
        // Most pages need no inline pass at all: walk the tree for containers only when one does.
        let inlinePasses = footnotes != nil || mayHaveAutolinks || mayHaveStrikethrough || mayHaveTasks || mayHaveEmoji
        var (containers, items) = inlinePasses ? inlineContainers(root) : ([], [])
        if var footnotes {
            for container in containers { footnotes.replaceReferences(in: container) }
            let passes = self
            if let section = footnotes.section(
                flags: flags,
                prepare: { document, text in
                    let references =
                        Self.contains(text, "|") ? Self.referenceDefinitions(text) + references : references
                    if Self.contains(text, "|") {
                        GFMTables(
                            lines: SourceLines(lineOffset: 0, source: text), flags: passes.flags,
                            referenceDefinitions: references,
                            alignmentStyle: passes.siteHTML
                        ).apply(to: document)
                    }
                    return passes.inlineContainers(document).containers
                })
            {
                cmark_node_append_child(root, section)
                let inSection = inlineContainers(section)
                containers += inSection.containers
                items += inSection.items
            }
        }
        if mayHaveTasks {
            for item in items { GFMTaskLists.apply(toItem: item, labelled: siteHTML) }
        }
        if mayHaveAutolinks {
            for container in containers { GFMAutolinks.apply(to: container) }
        }
        if mayHaveStrikethrough {
            for container in containers { GFMStrikethrough.apply(to: container) }
        }
        // After the autolinks, which find addresses by their text.
        if mayHaveEmoji {
            for container in containers { GFMEmoji.apply(to: container) }
        }
        if tagFilter {
            for node in nodes(of: CMARK_NODE_HTML_BLOCK, in: root) + nodes(of: CMARK_NODE_HTML_INLINE, in: root) {
                GFMTagFilter.apply(to: node)
            }
        }
        return Unfinished(definitionParagraphs: definitionParagraphs, emptyTableHeaders: emptyTableHeaders)
    }

    /// What `apply` leaves until the positions of the document's nodes have been read.
    struct Unfinished {
        var definitionParagraphs: DefinitionLists.Paragraphs?
        /// The tables with empty header cells (`GFMTables.apply`), for a warning each.
        var emptyTableHeaders: [(position: SourcePosition, empty: Int, columns: Int)] = []

        /// Finishes the definition lists; the answer is their terms' `<dt>` blocks.
        func finish() -> [OpaquePointer] { definitionParagraphs?.finish() ?? [] }

        /// The paragraphs `finish` takes apart: no `<p>` of theirs is written.
        var takenApart: Set<OpaquePointer> {
            Set((definitionParagraphs?.terms ?? []) + (definitionParagraphs?.tight ?? []))
        }
    }

    /// The nodes whose children are inline nodes (paragraphs, headings, table cells, emphasis,
    /// links), in document order, and the list items.
    private func inlineContainers(_ root: OpaquePointer) -> (containers: [OpaquePointer], items: [OpaquePointer]) {
        var containers: [OpaquePointer] = []
        var items: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                let child = cmark_node_first_child(node)
            else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_ITEM { items.append(node) }
            let type = cmark_node_get_type(child)
            if isInline(type) || type == CMARK_NODE_CUSTOM_INLINE { containers.append(node) }
        }
        return (containers, items)
    }

    private func nodes(of type: cmark_node_type, in root: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == type
            else { continue }
            result.append(node)
        }
        return result
    }

    /// The link reference definitions of a source (`[label]: destination` lines, at most three
    /// spaces in), as text to append to documents parsed on their own.
    static func referenceDefinitions(_ source: [UInt8]) -> [UInt8] {
        guard contains(source, "]:") else { return [] }
        let lines = SourceLines(lineOffset: 0, source: source)
        var result: [UInt8] = []
        for number in 1...lines.lineCount {
            let line = lines.source[lines.range(ofLine: number)]
            let body = line.drop(while: { $0 == 0x20 })
            guard line.count - body.count < 4, body.first == UInt8(ascii: "["),
                let close = body.firstIndex(of: UInt8(ascii: "]")),
                close + 1 < body.endIndex, body[close + 1] == UInt8(ascii: ":")
            else { continue }
            result += body
            result.append(0x0A)
        }
        return result
    }
}
