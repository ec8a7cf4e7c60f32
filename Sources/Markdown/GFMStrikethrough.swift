import CCmark

/// Strikethrough (GFM spec section 6.5): `~text~` and `~~text~~` become `<del>`.
///
/// A pass over one container's inline children. libcmark keeps a run of tildes inside one text
/// node (`~` is not special to it; only a backslash escape splits it off), so runs are found per
/// text node, with the characters around them taken from the neighbouring nodes for the
/// flanking rules. Openers and closers match as GFM's delimiter algorithm matches them: a closer
/// takes the nearest opener, and only runs of the same length (one or two) strike.
enum GFMStrikethrough {
    private struct Delimiter {
        var node: OpaquePointer
        var length: Int
        var canOpen: Bool
        var canClose: Bool
    }

    static func apply(to container: OpaquePointer) {
        // Split the tilde runs that may open or close into text nodes of their own.
        var delimiters: [Delimiter] = []
        var child = cmark_node_first_child(container)
        while let node = child {
            child = cmark_node_next(node)
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT, literalContains(node, UInt8(ascii: "~")) else {
                continue
            }
            let bytes = literalBytes(node)
            let before = neighbourClass(cmark_node_previous(node), before: true)
            let after = neighbourClass(cmark_node_next(node), before: false)
            var pieces: [(range: Range<Int>, delimiter: Delimiter?)] = []
            var pieceStart = 0
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "~") else {
                    index += 1
                    continue
                }
                var end = index
                while end < bytes.count && bytes[end] == UInt8(ascii: "~") { end += 1 }
                let length = end - index
                let previous = index == 0 ? before : classBefore(bytes, index)
                let next = end == bytes.count ? after : characterClass(bytes, end)
                let leftFlanking = next != .whitespace && (next != .punctuation || previous != .other)
                let rightFlanking = previous != .whitespace && (previous != .punctuation || next != .other)
                if length <= 2 && (leftFlanking || rightFlanking) {
                    if pieceStart < index { pieces.append((pieceStart..<index, nil)) }
                    pieces.append(
                        (
                            index..<end,
                            Delimiter(
                                node: node, length: length,
                                canOpen: leftFlanking, canClose: rightFlanking)
                        ))
                    pieceStart = end
                }
                index = end
            }
            guard !pieces.isEmpty else { continue }
            if pieceStart < bytes.count { pieces.append((pieceStart..<bytes.count, nil)) }
            for piece in pieces {
                let text = makeText(bytes[piece.range])
                cmark_node_insert_before(node, text)
                if var delimiter = piece.delimiter {
                    delimiter.node = text
                    delimiters.append(delimiter)
                }
            }
            cmark_node_free(node)
        }
        guard delimiters.count >= 2 else { return }

        // Match closers with openers, left to right.
        var stack: [Delimiter] = []
        for closer in delimiters {
            if closer.canClose, let openerIndex = stack.lastIndex(where: { $0.canOpen }) {
                let opener = stack[openerIndex]
                // Delimiters between the two are literal tildes from now on.
                stack.removeSubrange(openerIndex...)
                if opener.length == closer.length {
                    let strike = makeCustomInline("<del>", "</del>")
                    while let node = cmark_node_next(opener.node), node != closer.node {
                        cmark_node_append_child(strike, node)
                    }
                    cmark_node_insert_before(opener.node, strike)
                    cmark_node_free(opener.node)
                    cmark_node_free(closer.node)
                }
                continue
            }
            if closer.canOpen { stack.append(closer) }
        }
    }
}
