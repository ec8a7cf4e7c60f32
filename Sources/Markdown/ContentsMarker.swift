import CCmark

/// A paragraph that is only a table of contents marker, as other generators write one: VitePress'
/// `[[toc]]` (its headings of levels 2 and 3, as markdown-it's plugin lists them by default) and
/// Python-Markdown's `[TOC]` (MkDocs', every level from 2 down: the page's title is its own). The
/// paragraph becomes the list of the page's headings (`KramdownBlocks.contentsHTML`), in a
/// `<div class="table-of-contents">`; its text is not searched.
enum ContentsMarker {
    /// The heading levels a marker paragraph lists; nil for any other paragraph.
    static func levels(of paragraph: OpaquePointer) -> ClosedRange<Int>? {
        // cmark gives `[TOC]` as text nodes ("[", "TOC", "]"): most paragraphs fail at the first.
        guard let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
            cmark_node_get_literal(first)?.pointee == 0x5B
        else { return nil }
        var text = ""
        var node: OpaquePointer? = first
        while let current = node {
            guard cmark_node_get_type(current) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(current),
                text.utf8.count < 16
            else { return nil }
            text += String(cString: literal)
            node = cmark_node_next(current)
        }
        return markers[text.trimmingCharacters(in: .whitespaces)]
    }

    /// Takes the marker's text out of the paragraph (the walk then collects none of it).
    static func clear(_ paragraph: OpaquePointer) {
        var node = cmark_node_first_child(paragraph)
        while let current = node {
            cmark_node_set_literal(current, "")
            node = cmark_node_next(current)
        }
    }

    private static let markers: [String: ClosedRange<Int>] = [
        "[[toc]]": 2...3, "[[TOC]]": 2...3, "[TOC]": 2...6,
    ]
}

extension TreeWalk {
    /// Whether the paragraph is a table of contents marker, noted (and its text taken out) if so.
    mutating func readContentsMarker(_ paragraph: OpaquePointer) -> Bool {
        guard let levels = ContentsMarker.levels(of: paragraph) else { return false }
        ContentsMarker.clear(paragraph)
        contentsMarkers?.append((paragraph, levels))
        return true
    }
}
