import CCmark

#if canImport(Glibc)
    import Glibc
#endif

/// Renders Markdown to HTML through libcmark: the cmark tree is rewritten in place (heading ids,
/// link targets, directive blocks), rendered, and freed at once.
public struct MarkdownRenderer: Sendable {
    public let options: MarkdownOptions

    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    /// Renders `text`; `lineOffset` is added to every reported line (the front matter's lines).
    public func render(_ text: String, lineOffset: Int = 0, hooks: some MarkdownHooks = NoMarkdownHooks())
        -> MarkdownDocument
    {
        // No CMARK_OPT_VALIDATE_UTF8: the text is a Swift String, always valid UTF-8, and
        // cmark's check copies every line byte by byte.
        var flags = CMARK_OPT_SOURCEPOS
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        let gfm =
            options.gfm
            ? GFMExtensions(
                text: text, flags: flags, tagFilter: options.unsafeHTML && options.tagFilter,
                idPrefix: options.headingIDPrefix, siteHTML: options.siteHTML,
                alertTitles: options.alertTitles, alertTitleMarks: options.alertTitleMarks, liquid: options.liquid,
                liquidSite: options.liquidSite,
                kramdown: options.kramdown,
                gitbook: options.gitbook, mdx: options.mdx, vue: options.vue, wikiLinks: options.wikiLinks,
                param: { hooks.param($0) }) : nil
        var source = text
        let root: OpaquePointer =
            gfm.map { parseDocument($0.source, flags: flags) }
            ?? source.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, flags)! }
            }
        defer { cmark_node_free(root) }
        if options.kramdown, let gfm { KramdownHTML.splitAtClosingTags(root, source: gfm.source, flags: flags) }
        let unfinished = gfm?.apply(to: root)

        var walk = TreeWalk(
            lineOffset: lineOffset, source: gfm?.original ?? Array(text.utf8), shifts: gfm?.columnShifts ?? [:])
        walk.takenApart = unfinished?.takenApart ?? []
        walk.rustHiddenLines = options.rustHiddenLines
        walk.codeLines = CodeLineMarks(ranges: options.gfm, magicComments: options.mdx, notation: options.vue)
        walk.kramdown = options.kramdown
        if options.gfm { walk.contentsMarkers = [] }
        walk.collect(root)
        for block in walk.removedBlocks {
            cmark_node_unlink(block)
            cmark_node_free(block)
        }
        let terms = unfinished?.finish() ?? []

        var slugger = HeadingSlugger(style: options.headingIDs)
        let headingTexts = walk.headings.map(plainText(of:))
        let (headingIDs, problems) = slugger.ids(texts: headingTexts, attributes: walk.headingAttributes)
        let earlierIDs =
            options.headingIDs == .gitbook
            ? HeadingSlugger.earlierGitBookIDs(texts: headingTexts, ids: headingIDs) : []
        var earlierAnchors: [String] = []
        var headings: [Heading] = []
        var headingProblems: [MarkdownProblem] = []
        for (i, node) in walk.headings.enumerated() {
            let text = headingTexts[i]
            let id = options.headingIDPrefix + headingIDs[i]
            let level = min(6, Int(cmark_node_get_heading_level(node)) + options.headingLevelShift)
            let attribute = walk.headingAttributes[i]
            var heading = Heading(
                level: level, text: text, id: id,
                position: walk.position(of: node))
            if options.kramdown && KramdownBlocks.isLeftOutOfContents(attribute?.others) { heading.inContents = false }
            headings.append(heading)
            let earlier = earlierIDs.isEmpty ? nil : earlierIDs[i].map { options.headingIDPrefix + $0 }
            if let earlier { earlierAnchors.append(earlier) }
            if let problem = replaceHeading(
                node, with: heading, earlierID: earlier, attributes: attribute?.others, at: attribute?.position)
            {
                headingProblems.append(problem)
            }
        }
        // The report shifts a page's headings under its own; the page's rendering says it once.
        if options.headingLevelShift == 0 {
            headingProblems += Self.skippedLevelWarnings(headings)
            headingProblems += Self.emptyTableHeaderWarnings(
                unfinished?.emptyTableHeaders ?? [], lineOffset: lineOffset)
        }
        for list in walk.contentsLists {
            let ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST
            let listed = headings.filter {
                options.kramdownContentsLevels.contains($0.level - options.headingLevelShift)
            }
            replace(list, withHTML: KramdownBlocks.contentsHTML(listed, ordered: ordered))
        }
        for (paragraph, levels) in walk.contentsMarkers ?? [] {
            let listed = headings.filter { levels.contains($0.level - options.headingLevelShift) }
            let list = KramdownBlocks.contentsHTML(listed, ordered: false, attributes: "")
            replace(paragraph, withHTML: "<div class=\"table-of-contents\">\n" + list + "</div>\n")
        }
        // Hugo's `autoDefinitionTermID`: each term's id from its text, unique after the headings'.
        var termIDs: [String] = []
        if options.definitionTermIDs && !terms.isEmpty {
            // Ids written by hand (`*x*{#id}`) are the page's before any made from a term's text.
            for found in walk.inlineAttributes { if let id = found.attributes.id { _ = slugger.reserve(id) } }
            for term in terms {
                let id = slugger.unique(for: plainText(of: term))
                cmark_node_set_on_enter(term, "<dt id=\"\(escapeAttribute(options.headingIDPrefix + id))\">")
                termIDs.append(id)
            }
        }

        var links: [MarkdownLink] = []
        for (i, node) in walk.links.enumerated() {
            let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
            let link = MarkdownLink(
                destination: string(cmark_node_get_url(node)), isImage: isImage,
                text: isImage ? plainText(of: node) : "", position: walk.linkPositions[i])
            links.append(link)
            if options.gitbook, !isImage { Self.showTitle(of: node, link: link, hooks: hooks) }
            if let target = hooks.resolve(link) { cmark_node_set_url(node, target) }
        }

        if options.htmlLinks && options.unsafeHTML {
            for (node, position) in walk.htmlNodes {
                links += RawHTMLLinks.resolve(node, at: position, hooks: hooks, titles: options.gitbook)
            }
        }
        if options.gitbook && options.unsafeHTML {
            for (node, _) in walk.htmlNodes { GitBookColors.apply(to: node) }
        }
        let rawHTML = RawHTML.notes(walk.htmlNodes, unsafe: options.unsafeHTML)
        // After the links: an element with attributes is written out with its link targets.
        let (attributeIDs, attributeProblems) =
            walk.inlineAttributes.isEmpty
            ? ([], []) : apply(walk.inlineAttributes, headingIDs: headingIDs + termIDs, flags: flags)

        var directives: [FencedDirective] = []
        for node in walk.codeBlocks {
            if options.gfm { CodeInfo.apply(to: node) }
            if let code = walk.codeHTML[node] {
                let open = CodeLines.opening(of: node, flags: flags, with: walk.codeAttributes[node])
                replace(node, withHTML: open + code + "</code></pre>\n")
                continue
            }
            guard
                let directive = FencedDirective(
                    info: string(cmark_node_get_fence_info(node)),
                    body: string(cmark_node_get_literal(node)),
                    position: walk.position(of: node))
            else { continue }
            directives.append(directive)
            if let html = hooks.render(directive) { replace(node, withHTML: html) }
        }

        // After every block has become what it shows (a `[[toc]]` marker a list, a directive a table).
        let openingText = hooks.wantsOpeningText ? OpeningParagraph.text(in: root) : nil
        // Positions are for diagnostics only; they stay out of the HTML.
        let htmlPointer = cmark_render_html(root, flags & ~CMARK_OPT_SOURCEPOS)!
        defer { free(htmlPointer) }
        let html = Array(UnsafeRawBufferPointer(start: htmlPointer, count: strlen(htmlPointer)))
        var document = MarkdownDocument(
            htmlBytes: html, headings: headings, links: links,
            directives: directives, plainTextBytes: fitted(walk.text))
        document.headingTextRanges = walk.headingTextRanges
        document.openingText = openingText
        document.problems =
            problems + headingProblems + attributeProblems + Self.shortcodeWarning(gfm, lineOffset: lineOffset)
            + Self.liquidWarning(gfm, lineOffset: lineOffset) + Self.mdxWarning(gfm, lineOffset: lineOffset)
            + Self.gitbookWarning(gfm, lineOffset: lineOffset, includesRead: options.includesRead)
            + walk.unspacedHeadings.map { Self.unspacedHeadingWarning($0.text, at: $0.position) }
            + UnclosedFence.warning(walk.lastTopCodeBlock, lines: walk.lines)
            + Self.admonitionWarnings(gfm, lineOffset: lineOffset)
            + (options.headingLevelShift == 0 ? rawHTML.imagesWithoutAlt.map(Self.imageWithoutAltWarning) : [])
            + (options.headingLevelShift == 0 ? rawHTML.frames.map(Self.frameFromElsewhereWarning) : [])
        document.htmlAnchors += rawHTML.anchors + termIDs + attributeIDs + earlierAnchors
        document.droppedHTML += rawHTML.dropped
        return document
    }

    private func replace(_ node: OpaquePointer, withHTML html: String) {
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        cmark_node_insert_before(node, block)
        cmark_node_free(node)
    }
}

/// One pass over the tree: the nodes to rewrite, and the plain text.
struct TreeWalk {
    let lines: SourceLines
    var headings: [OpaquePointer] = []
    /// `{#id}` of each heading, already cut from its text.
    var headingAttributes: [HeadingAttribute?] = []
    var links: [OpaquePointer] = []
    /// Where each link starts, found before the tree is rewritten (a heading's inline nodes
    /// move into a block with no position).
    var linkPositions: [SourcePosition] = []
    var codeBlocks: [OpaquePointer] = []
    /// Whether Rust code blocks hide their hidden lines (and leave them out of the text searched).
    var rustHiddenLines = false
    /// Which marks of code lines are read (`CodeLines`).
    var codeLines = CodeLineMarks()
    /// The HTML inside `<code>` of code blocks whose lines are marked: Rust's with hidden lines,
    /// lines highlighted.
    var codeHTML: [OpaquePointer: String] = [:]
    /// What the `<code>` tag of a block with numbered lines gets (`CodeLines.codeAttributes`).
    var codeAttributes: [OpaquePointer: (className: String, style: String?)] = [:]
    /// Whether kramdown's block attribute lists and `{:toc}` are read (`KramdownBlocks`).
    var kramdown = false
    /// Blocks kramdown's reading leaves out (attribute lists' paragraphs, `{:toc}` lists),
    /// freed after the walk.
    var removedBlocks: [OpaquePointer] = []
    /// kramdown's `{:toc}` lists, which become the page's table of contents.
    var contentsLists: [OpaquePointer] = []
    /// Paragraphs that are a table of contents marker (`[[toc]]`, `[TOC]`), and the heading levels
    /// each lists; nil when markers are not read.
    var contentsMarkers: [(paragraph: OpaquePointer, levels: ClosedRange<Int>)]? = nil
    /// A kramdown attribute list for the heading that comes next.
    var nextHeadingAttributes: InlineAttributesFound?
    /// kramdown's attribute lists for blocks that come next, added to `inlineAttributes` as each ends.
    var nextBlockAttributes: [InlineAttributesFound] = []
    /// `{ #id … }` after elements, already cut from the text.
    var inlineAttributes: [InlineAttributesFound] = []
    /// The list on the last line of the paragraph being walked, added to `inlineAttributes` when
    /// the paragraph ends: after those inside it, which are written out first.
    var paragraphAttributes: InlineAttributesFound?
    /// Paragraphs a definition list takes apart after the walk: a list on their last line is text.
    var takenApart: Set<OpaquePointer> = []
    /// Raw HTML blocks and inline tags, and where they start.
    var htmlNodes: [(node: OpaquePointer, position: SourcePosition)] = []
    /// The plain text, as UTF-8 (one String at the end instead of one per text node).
    var text: [UInt8] = []
    /// Where each heading's text is in `text`, in the order of `headings`.
    var headingTextRanges: [Range<Int>] = []
    /// Lines of a paragraph that start like a heading without the space after its marks
    /// (`##Rubrik`, which is text), and where.
    var unspacedHeadings: [(text: String, position: SourcePosition)] = []
    /// The last code block outside any list or quote: where it starts, and the lines of the text
    /// where it starts and ends (`UnclosedFence`).
    var lastTopCodeBlock: (position: SourcePosition, startLine: Int, endLine: Int)?

    init(lineOffset: Int, source: [UInt8], shifts: [Int: ColumnShift] = [:]) {
        var lines = SourceLines(lineOffset: lineOffset, source: source)
        lines.shifts = shifts
        self.lines = lines
    }

    mutating func collect(_ root: OpaquePointer) {
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            let node = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                // A leaf block has no exit: its list is added as it is entered.
                if !nextBlockAttributes.isEmpty, cmark_node_first_child(node) == nil,
                    let index = nextBlockAttributes.firstIndex(where: { $0.element == node })
                {
                    inlineAttributes.append(nextBlockAttributes.remove(at: index))
                }
                switch type {
                case CMARK_NODE_HEADING:
                    headings.append(node)
                    headingTextRanges.append(text.count..<text.count)
                    // Before the walk reaches the heading's text, so `{#id}` stays out of it.
                    headingAttributes.append(HeadingAttribute.take(from: node, lines: lines))
                    if let pending = nextHeadingAttributes, pending.element == node {
                        addToLastHeading(pending.attributes, at: pending.position)
                        nextHeadingAttributes = nil
                    }
                case CMARK_NODE_PARAGRAPH where kramdown && readKramdown(node):
                    break
                case CMARK_NODE_PARAGRAPH where contentsMarkers != nil && readContentsMarker(node):
                    break
                case CMARK_NODE_PARAGRAPH:
                    // Before the walk reaches the text, so the list stays out of it.
                    if !takenApart.contains(node), let (attributes, start) = InlineAttributes.takeLastLine(of: node) {
                        paragraphAttributes = InlineAttributesFound(
                            element: node, attributes: attributes, position: lines.position(of: start))
                    }
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    links.append(node)
                    linkPositions.append(lines.position(of: node))
                case CMARK_NODE_CODE_BLOCK:
                    codeBlocks.append(node)
                    if cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT {
                        lastTopCodeBlock = (
                            lines.position(of: node), Int(cmark_node_get_start_line(node)),
                            Int(cmark_node_get_end_line(node))
                        )
                    }
                    if rustHiddenLines, RustHiddenLines.isRust(info: string(cmark_node_get_fence_info(node))),
                        let code = Optional(string(cmark_node_get_literal(node))),
                        let shown = RustHiddenLines.shown(code)
                    {
                        // The search text is what readers see; the page keeps the hidden lines.
                        codeHTML[node] = RustHiddenLines.html(code)
                        cmark_node_set_literal(node, shown)
                    } else if codeLines.any,
                        let marked = CodeLines.marked(
                            string(cmark_node_get_literal(node)), info: string(cmark_node_get_fence_info(node)),
                            ranges: codeLines.ranges, magicComments: codeLines.magicComments,
                            notation: codeLines.notation)
                    {
                        codeHTML[node] = marked.html
                        codeAttributes[node] = marked.codeAttributes
                        cmark_node_set_literal(node, marked.shown)
                    }
                    appendBytes(cmark_node_get_literal(node), to: &text)
                    text.append(0x0A)
                // The end of a summary (`<!--more-->`) marks the text; it shows nothing.
                case CMARK_NODE_HTML_BLOCK where Excerpt.isMarker(cmark_node_get_literal(node)):
                    removedBlocks.append(node)
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: htmlNodes.append((node, lines.position(of: node)))
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    // `{` first in a text node after an element may start attributes for it.
                    if type == CMARK_NODE_TEXT, cmark_node_get_literal(node)?.pointee == 0x7B,
                        let element = cmark_node_previous(node), InlineAttributes.canFollow(element)
                    {
                        let position = lines.position(of: node)
                        if let attributes = InlineAttributes.take(from: node) {
                            inlineAttributes.append(
                                InlineAttributesFound(element: element, attributes: attributes, position: position))
                        }
                    }
                    if type == CMARK_NODE_TEXT { noteUnspacedHeading(node) }
                    appendBytes(cmark_node_get_literal(node), to: &text)
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text.append(0x20)
                default: break
                }
            } else if !nextBlockAttributes.isEmpty,
                let index = nextBlockAttributes.firstIndex(where: { $0.element == node })
            {
                inlineAttributes.append(nextBlockAttributes.remove(at: index))
                if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_CUSTOM_BLOCK { text.append(0x0A) }
            } else if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_CUSTOM_BLOCK {
                if type == CMARK_NODE_PARAGRAPH, let found = paragraphAttributes {
                    inlineAttributes.append(found)
                    paragraphAttributes = nil
                }
                if type == CMARK_NODE_HEADING, let last = headingTextRanges.indices.last {
                    // Headings do not nest: the last one opened is the one that ends here.
                    headingTextRanges[last] = headingTextRanges[last].lowerBound..<text.count
                }
                text.append(0x0A)
            } else if type == CMARK_NODE_CUSTOM_INLINE {
                // Table cells are custom inlines: keep their words apart.
                text.append(0x20)
            }
        }
    }

    func position(of node: OpaquePointer) -> SourcePosition {
        lines.position(of: node)
    }

    /// Notes a text node that starts a paragraph's line with two to six `#` and then a letter or
    /// digit: meant as a heading, read as text. One `#` is left alone (`#hashtag`).
    private mutating func noteUnspacedHeading(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node), literal[0] == 0x23, literal[1] == 0x23,
            let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH
        else { return }
        if let previous = cmark_node_previous(node), cmark_node_get_type(previous) != CMARK_NODE_SOFTBREAK { return }
        let text = String(cString: literal)
        let marks = text.prefix { $0 == "#" }.count
        guard marks <= 6, let next = text.dropFirst(marks).first, next.isLetter || next.isNumber else { return }
        unspacedHeadings.append((text, lines.position(of: node)))
    }
}

private func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
}

/// `bytes` in an array of its own size. The walk's text grew by appending, which leaves up to half
/// of its capacity unused, and a body's text is kept until the search index is built.
private func fitted(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.capacity - bytes.count > bytes.count / 16 else { return bytes }
    return [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
        count = buffer.initialize(fromContentsOf: bytes)
    }
}

private func appendBytes(_ pointer: UnsafePointer<CChar>?, to bytes: inout [UInt8]) {
    guard let pointer else { return }
    pointer.withMemoryRebound(to: UInt8.self, capacity: strlen(pointer)) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: strlen(pointer)))
    }
}
