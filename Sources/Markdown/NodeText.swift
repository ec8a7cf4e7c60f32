import CCmark

/// The text of a node's text and code spans, a line break as a space: a heading's, for its id,
/// and an image's, for its alt text. A badge's text (VitePress' `<Badge>`, see `VueSyntax`) is not
/// the heading's.
func plainText(of node: OpaquePointer) -> String {
    var result = ""
    let iterator = cmark_iter_new(node)!
    defer { cmark_iter_free(iterator) }
    var inBadge = false
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
        guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
        switch cmark_node_get_type(child) {
        case CMARK_NODE_HTML_INLINE:
            let html = literal(child)
            if html.hasPrefix(VueSyntax.badgeOpening) { inBadge = true } else if html == "</span>" { inBadge = false }
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if !inBadge { result += literal(child) }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: result += " "
        default: break
        }
    }
    return result
}

private func literal(_ node: OpaquePointer) -> String {
    cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
}
