import CCmark

/// A heading's HTML: its id (and an earlier one), its attributes, the link to itself.
extension MarkdownRenderer {
    /// Writes `node` as `heading`; `earlierID`, an id links may name too, is an empty element's
    /// at its start. Returns the warning for attributes of the heading's list left out.
    // cmark's HTML writer prints a custom block's on_enter/on_exit verbatim, in safe mode too,
    // so a heading becomes a custom block holding the heading's inline children.
    func replaceHeading(
        _ node: OpaquePointer, with heading: Heading, earlierID: String? = nil, attributes: InlineAttributes?,
        at position: SourcePosition?
    ) -> MarkdownProblem? {
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        let level = String(heading.level)
        let id = escapeAttribute(heading.id)
        // Appended into one string: interpolations and `+` made a string for every piece, for
        // every heading of every page.
        var enter = ""
        enter.reserveCapacity(id.utf8.count + 12)
        enter.append("<h")
        enter.append(level)
        enter.append(" id=\"")
        enter.append(id)
        enter.append("\">")
        var problem: MarkdownProblem? = nil
        if let attributes {
            let (html, leftOut) = attributes.html(enter, idPrefix: "", allowsAny: options.unsafeHTML)
            enter = html
            problem = InlineAttributes.leftOut(leftOut, on: enter, at: position ?? heading.position)
        }
        if let earlierID { enter += "<span id=\"\(escapeAttribute(earlierID))\"></span>" }
        cmark_node_set_on_enter(block, enter)
        var exit = ""
        if let label = options.headingAnchorLabel {
            let text = escapeAttribute(heading.text)
            exit.reserveCapacity(id.utf8.count + text.utf8.count + label.utf8.count + 80)
            exit.append("<a class=\"heading-anchor\" href=\"#")
            exit.append(id)
            if let mark = options.headingAnchorMark {
                // The label in its own language, as hidden text (an aria-label cannot say which):
                // without the heading's words, which would be in the page's text twice (found
                // by the reader's search, marked by the search's highlighting); the link is in
                // the heading, which says where it leads.
                exit.append("\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\"")
                exit.append(mark)
                exit.append(">")
                exit.append(escapeAttribute(label))
                exit.append("</span></a>")
            } else {
                exit.append("\" aria-label=\"")
                exit.append(escapeAttribute(label))
                exit.append(": ")
                exit.append(text)
                exit.append("\">#</a>")
            }
        }
        exit.append("</h")
        exit.append(level)
        exit.append(">")
        cmark_node_set_on_exit(block, exit)
        while let child = cmark_node_first_child(node) {
            cmark_node_append_child(block, child)
        }
        cmark_node_insert_before(node, block)
        cmark_node_free(node)
        return problem
    }
}
