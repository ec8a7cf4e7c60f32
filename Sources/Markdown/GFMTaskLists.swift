import CCmark

/// Task list items (GFM spec section 5.3): a list item whose paragraph starts with `[ ]`, `[x]`
/// or `[X]` and whitespace gets a disabled checkbox in place of the marker; `labelled` puts the
/// checkbox and the paragraph's text in a `<label>`, which names the checkbox.
enum GFMTaskLists {
    static func apply(toItem item: OpaquePointer, labelled: Bool) {
        guard let paragraph = cmark_node_first_child(item),
            cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
            let first = cmark_node_first_child(paragraph),
            cmark_node_get_type(first) == CMARK_NODE_TEXT,
            cmark_node_get_literal(first)?.pointee == CChar(UInt8(ascii: "["))
        else { return }
        // libcmark makes `[`, ` ` and `] text` separate text nodes: read the leading run.
        let run = textRun(from: first)
        var bytes: [UInt8] = []
        for node in run.nodes { bytes += literalBytes(node) }
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: "["), bytes[2] == UInt8(ascii: "]") else { return }
        let mark = bytes[1]
        let checked = mark == UInt8(ascii: "x") || mark == UInt8(ascii: "X")
        guard checked || mark == 0x20 || mark == 0x09 else { return }
        var end = 3
        if end < bytes.count {
            guard bytes[end] == 0x20 || bytes[end] == 0x09 else { return }
            while end < bytes.count && (bytes[end] == 0x20 || bytes[end] == 0x09) { end += 1 }
        } else if let next = run.next {
            // `[ ]` at the end of the line: the line break is the whitespace.
            let type = cmark_node_get_type(next)
            guard type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK else { return }
        } else {
            return
        }
        let box =
            checked
            ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
            : "<input type=\"checkbox\" disabled=\"\" /> "
        var replacement = [makeCustomInline(box, "")]
        if end < bytes.count { replacement.append(makeText(bytes[end...])) }
        replaceRun(run.nodes, with: replacement)
        if labelled {
            let label = makeCustomInline("<label>", "</label>")
            moveChildren(from: paragraph, to: label)
            cmark_node_append_child(paragraph, label)
        }
    }
}
