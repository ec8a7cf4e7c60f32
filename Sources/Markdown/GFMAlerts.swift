import CCmark

/// GitHub's alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]` (any case, nothing else on the line) becomes a titled box, in
/// the HTML GitHub writes for it (`<div class="markdown-alert markdown-alert-note">` with a
/// `<p class="markdown-alert-title">`), with `role="note"` so that it is announced as one.
enum GFMAlerts {
    static let kinds = ["note", "tip", "important", "warning", "caution"]

    /// The titles GitHub shows, by kind.
    static let englishTitles = [
        "note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning",
        "caution": "Caution",
    ]

    /// Turns every such block quote below `root` into an alert titled from `titles` (by kind).
    static func apply(to root: OpaquePointer, titles: [String: String]) {
        var quotes: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)!
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE { quotes.append(node) }
        }
        cmark_iter_free(iterator)
        // Inner quotes first: an alert may hold a quote that is one too, and a node that moves
        // must not have been freed.
        for quote in quotes.reversed() {
            guard let kind = takeMarker(from: quote) else { continue }
            let title = titles[kind] ?? englishTitles[kind]!
            let alert = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            cmark_node_set_on_enter(
                alert,
                "<div class=\"markdown-alert markdown-alert-\(kind)\" role=\"note\">\n"
                    + "<p class=\"markdown-alert-title\">\(escapeAttribute(title))</p>")
            cmark_node_set_on_exit(alert, "</div>")
            while let child = cmark_node_first_child(quote) { cmark_node_append_child(alert, child) }
            cmark_node_insert_before(quote, alert)
            cmark_node_free(quote)
        }
    }

    /// The kind of a quote that starts with a marker line, the marker (and the line break after
    /// it, or its paragraph when it is all there is) taken out; nil, with nothing changed, for
    /// any other quote.
    private static func takeMarker(from quote: OpaquePointer) -> String? {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return nil }
        // cmark splits `[!NOTE]` into text nodes at the brackets: read the first line's texts.
        var line = ""
        var texts: [OpaquePointer] = []
        var node = cmark_node_first_child(paragraph)
        while let n = node, cmark_node_get_type(n) == CMARK_NODE_TEXT {
            line += String(cString: cmark_node_get_literal(n))
            texts.append(n)
            node = cmark_node_next(n)
        }
        let breakAfter = node.flatMap { n -> OpaquePointer? in
            let type = cmark_node_get_type(n)
            return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK ? n : nil
        }
        guard node == nil || breakAfter != nil else { return nil }
        while line.last == " " || line.last == "\t" { line.removeLast() }
        guard line.hasPrefix("[!"), line.hasSuffix("]") else { return nil }
        let kind = line.dropFirst(2).dropLast().lowercased()
        guard kinds.contains(kind) else { return nil }
        for text in texts { cmark_node_free(text) }
        if let breakAfter { cmark_node_free(breakAfter) }
        if cmark_node_first_child(paragraph) == nil { cmark_node_free(paragraph) }
        return kind
    }
}
