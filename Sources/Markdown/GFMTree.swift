import CCmark

#if canImport(Glibc)
    import Glibc
#endif

// Small helpers over libcmark's tree shared by the GitHub-flavoured Markdown passes.

/// The bytes of a node's literal (text, code, HTML).
func literalBytes(_ node: OpaquePointer) -> [UInt8] {
    guard let pointer = cmark_node_get_literal(node) else { return [] }
    let count = strlen(pointer)
    return pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
        Array(UnsafeBufferPointer(start: $0, count: count))
    }
}

/// Whether a node's literal contains `byte` (no copy: most text nodes have none of the bytes the
/// passes look for).
func literalContains(_ node: OpaquePointer, _ byte: UInt8) -> Bool {
    guard let pointer = cmark_node_get_literal(node) else { return false }
    return strchr(pointer, Int32(byte)) != nil
}

/// Whether any node of a text run contains one of `bytes`.
func runContains(_ nodes: [OpaquePointer], _ bytes: [UInt8]) -> Bool {
    nodes.contains { node in bytes.contains { literalContains(node, $0) } }
}

/// Sets a node's literal from bytes (cmark copies a NUL-terminated string).
func setLiteral(_ node: OpaquePointer, _ bytes: some Collection<UInt8>) {
    var terminated = Array(bytes)
    terminated.append(0)
    terminated.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_literal(node, $0.baseAddress) }
    }
}

/// A new text node.
func makeText(_ bytes: some Collection<UInt8>) -> OpaquePointer {
    let node = cmark_node_new(CMARK_NODE_TEXT)!
    setLiteral(node, bytes)
    return node
}

/// A new custom inline printed as `enter` … `exit` around its children.
func makeCustomInline(_ enter: String, _ exit: String) -> OpaquePointer {
    let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
    cmark_node_set_on_enter(node, enter)
    cmark_node_set_on_exit(node, exit)
    return node
}

/// A new custom block printed as `enter` … `exit` around its children, each on its own line.
func makeCustomBlock(_ enter: String, _ exit: String) -> OpaquePointer {
    let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
    cmark_node_set_on_enter(node, enter)
    cmark_node_set_on_exit(node, exit)
    return node
}

/// Moves all children of `source` to the end of `target`.
func moveChildren(from source: OpaquePointer, to target: OpaquePointer) {
    while let child = cmark_node_first_child(source) {
        cmark_node_append_child(target, child)
    }
}

func isInline(_ type: cmark_node_type) -> Bool {
    type.rawValue >= CMARK_NODE_FIRST_INLINE.rawValue && type.rawValue <= CMARK_NODE_LAST_INLINE.rawValue
}

/// Whether `node` lies inside a link or image (autolinks and footnote references do not nest).
func isInsideLink(_ node: OpaquePointer) -> Bool {
    var current: OpaquePointer? = node
    while let n = current {
        let type = cmark_node_get_type(n)
        if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { return true }
        if !isInline(type) && type != CMARK_NODE_CUSTOM_INLINE { return false }
        current = cmark_node_parent(n)
    }
    return false
}

/// Calls `body` with each run of adjacent text nodes among `container`'s children that holds
/// one of the bytes `anyOf`, with the run's text; nothing when the container is in a link. `body`
/// may replace the run's nodes (the next run is found before it is called).
func forEachTextRun(
    in container: OpaquePointer, containing anyOf: [UInt8], _ body: (_ nodes: [OpaquePointer], _ bytes: [UInt8]) -> Void
) {
    if isInsideLink(container) { return }
    var child = cmark_node_first_child(container)
    while let node = child {
        guard cmark_node_get_type(node) == CMARK_NODE_TEXT else {
            child = cmark_node_next(node)
            continue
        }
        // A word libcmark split at punctuation (`[`, `^note`, `]`) is several text nodes: read the run.
        let run = textRun(from: node)
        child = run.next
        guard runContains(run.nodes, anyOf) else { continue }
        var bytes: [UInt8] = []
        for text in run.nodes { bytes += literalBytes(text) }
        body(run.nodes, bytes)
    }
}

/// The adjacent sibling text nodes starting at `first`, and the node after them.
func textRun(from first: OpaquePointer) -> (nodes: [OpaquePointer], next: OpaquePointer?) {
    var nodes: [OpaquePointer] = []
    var current: OpaquePointer? = first
    while let node = current, cmark_node_get_type(node) == CMARK_NODE_TEXT {
        nodes.append(node)
        current = cmark_node_next(node)
    }
    return (nodes, current)
}

/// Replaces the sibling run `nodes` with `replacement` (in order).
func replaceRun(_ nodes: [OpaquePointer], with replacement: [OpaquePointer]) {
    guard let first = nodes.first else { return }
    for node in replacement { cmark_node_insert_before(first, node) }
    for node in nodes { cmark_node_free(node) }
}

// Table cells and rows are custom nodes, which carry no source position in cmark 0.30, and links
// in cells come from a document of their own: their line and column travel in the node's user
// data, so diagnostics for links in cells still point at the cell.

/// Records a source position on a node made by the extensions.
func setSourcePosition(_ node: OpaquePointer, line: Int, column: Int) {
    cmark_node_set_user_data(node, UnsafeMutableRawPointer(bitPattern: (line << 24) | (column & 0xFFFFFF)))
}

/// A node's start line and byte column: the one the extensions recorded, or cmark's own; line 0
/// when the node has none.
func sourceStart(of node: OpaquePointer) -> (line: Int, column: Int) {
    if let data = cmark_node_get_user_data(node) {
        let bits = Int(bitPattern: data)
        return (bits >> 24, bits & 0xFFFFFF)
    }
    return (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
}

// Character classes of the flanking rules, on UTF-8 bytes.

enum CharacterClass { case whitespace, punctuation, other }

/// The class of the character that ends just before `index` in `bytes`.
func classBefore(_ bytes: [UInt8], _ index: Int) -> CharacterClass {
    guard index > 0 else { return .whitespace }
    var start = index - 1
    while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return characterClass(bytes, start)
}

/// The class of the character that starts at `index` in `bytes`.
func characterClass(_ bytes: [UInt8], _ index: Int) -> CharacterClass {
    guard index < bytes.count else { return .whitespace }
    let byte = bytes[index]
    if byte < 0x80 {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return .whitespace
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return .punctuation
        default: return .other
        }
    }
    var end = index + 1
    while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
    guard let scalar = String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first else { return .other }
    switch scalar.properties.generalCategory {
    case .spaceSeparator: return .whitespace
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation:
        return .punctuation
    default: return .other
    }
}

/// The class of what a sibling node shows next to a delimiter: text by its character, line
/// breaks as whitespace, other inline markup (`*`, `[`, `` ` ``, `<`) as punctuation.
func neighbourClass(_ node: OpaquePointer?, before: Bool) -> CharacterClass {
    guard let node else { return .whitespace }
    switch cmark_node_get_type(node) {
    case CMARK_NODE_TEXT:
        let bytes = literalBytes(node)
        return before ? classBefore(bytes, bytes.count) : characterClass(bytes, 0)
    case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return .whitespace
    default: return .punctuation
    }
}

/// Parses `text` as a Markdown document with `flags`; the caller frees the root.
func parseDocument(_ text: [UInt8], flags: Int32) -> OpaquePointer {
    text.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, flags)! }
    }
}
