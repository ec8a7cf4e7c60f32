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
        var enter = "<h\(heading.level) id=\"\(escapeAttribute(heading.id))\">"
        var problem: MarkdownProblem? = nil
        if let attributes {
            let (html, leftOut) = attributes.html(enter, idPrefix: "", allowsAny: options.unsafeHTML)
            enter = html
            problem = InlineAttributes.leftOut(leftOut, on: enter, at: position ?? heading.position)
        }
        if let earlierID { enter += "<span id=\"\(escapeAttribute(earlierID))\"></span>" }
        cmark_node_set_on_enter(block, enter)
        var exit = "</h\(heading.level)>"
        if let label = options.headingAnchorLabel {
            exit =
                "<a class=\"heading-anchor\" href=\"#\(escapeAttribute(heading.id))\" "
                + "aria-label=\"\(escapeAttribute(label)): \(escapeAttribute(heading.text))\">#</a>"
                + exit
        }
        cmark_node_set_on_exit(block, exit)
        while let child = cmark_node_first_child(node) {
            cmark_node_append_child(block, child)
        }
        cmark_node_insert_before(node, block)
        cmark_node_free(node)
        return problem
    }
}
