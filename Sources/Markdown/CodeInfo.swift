import CCmark

/// A code fence's info string as MkDocs trees write it: `{ .sh .no-copy }` (an attribute list,
/// pymdownx's superfences) or `title="main.py" linenums="1"` (options first). libcmark takes the
/// first word for the language (`language-{`, `language-title="main.py"`); the language is the
/// list's first class, and options alone name none. A `title` is shown above the code, as
/// Material for MkDocs shows it; VitePress writes it as a label, `js [vite.config.js]`, and
/// lines to highlight after the language, `js{4}` (its language is `js`); rustdoc and mdBook
/// write attributes after a comma, `rust,ignore` (its language is `rust`).
enum CodeInfo {
    /// The info string to give the fence instead of `info` (nil when it is fine as written), and
    /// the title it asks for.
    static func read(_ info: String) -> (cleaned: String?, title: String?) {
        let trimmed = info.drop { $0 == " " || $0 == "\t" }
        var title = option("title", in: trimmed)
        if trimmed.hasPrefix("{") {
            let inside = trimmed.dropFirst().prefix { $0 != "}" }
            let classes = inside.split(whereSeparator: { $0 == " " || $0 == "\t" }).filter { $0.hasPrefix(".") }
            return (classes.first.map { String($0.dropFirst()) } ?? "", title)
        }
        let first = trimmed.prefix { $0 != " " && $0 != "\t" }
        let rest = trimmed.dropFirst(first.count).drop { $0 == " " || $0 == "\t" }
        if title == nil, rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            let label = rest[rest.index(after: rest.startIndex)..<close]
            if !label.isEmpty { title = String(label) }
        }
        if let brace = first.firstIndex(of: "{"), brace != first.startIndex { return (String(first[..<brace]), title) }
        // rustdoc's and mdBook's attributes after a comma (`rust,ignore`): no language has one.
        if let comma = first.firstIndex(of: ","), comma != first.startIndex { return (String(first[..<comma]), title) }
        return (first.contains("=") ? "" : nil, title)
    }

    /// The value of `name="…"` (or `'…'`) in an info string.
    static func option(_ name: String, in info: Substring) -> String? {
        var rest = info
        while let range = rest.range(of: name + "=") {
            let before = rest[..<range.lowerBound].last
            rest = rest[range.upperBound...]
            guard before == nil || before == " " || before == "\t" || before == "{",
                let quote = rest.first, quote == "\"" || quote == "'"
            else { continue }
            let value = rest.dropFirst().prefix { $0 != quote }
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }

    /// Rewrites a fenced code node's info string, and puts it in a figure under its title.
    static func apply(to node: OpaquePointer) {
        guard let pointer = cmark_node_get_fence_info(node) else { return }
        let (cleaned, title) = read(String(cString: pointer))
        if let cleaned { cmark_node_set_fence_info(node, cleaned) }
        guard let title else { return }
        let figure = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        let caption = "<figcaption class=\"code-block__title\">\(escapeAttribute(title))</figcaption>"
        cmark_node_set_on_enter(figure, "<figure class=\"code-block\">" + caption)
        cmark_node_set_on_exit(figure, "</figure>")
        cmark_node_insert_before(node, figure)
        cmark_node_append_child(figure, node)
    }
}
