import CCmark

/// GitBook writes a link to a page with the file's name as its text (`[setup.md](setup.md)`), or
/// none (a content-ref's link, `GitBookBlocks`), and shows the page's title there; so does a
/// site read with `MarkdownOptions.gitbook`, asking `MarkdownHooks.title(of:)`.
extension MarkdownRenderer {
    /// Gives the link `node` (`link`) its page's title as its text where GitBook wrote the file's
    /// name or nothing. Only a lone text node is replaced: the walk may hold other nodes inside a
    /// link.
    static func showTitle(of node: OpaquePointer, link: MarkdownLink, hooks: some MarkdownHooks) {
        let only = cmark_node_first_child(node)
        if only == nil {
            // Without a page to name (a broken link) the file's name, never an empty link.
            let text = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(text, hooks.title(of: link) ?? fileName(of: link.destination))
            cmark_node_append_child(node, text)
        } else if let only, cmark_node_next(only) == nil, cmark_node_get_type(only) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(only), case let written = String(cString: literal),
            written.hasSuffix(".md"), isFileName(written, of: link.destination), let title = hooks.title(of: link)
        {
            cmark_node_set_literal(only, title)
        }
    }

    /// Whether a link's `text` is only the name of the file (or folder) it goes to: `setup.md`
    /// for `../setup.md#x`, `page-builder` for `builders/page-builder/`.
    static func isFileName(_ text: String, of destination: String) -> Bool {
        let name = fileName(of: destination)
        return !text.isEmpty && (text == name || text == destination.prefix { $0 != "#" && $0 != "?" })
    }

    /// The last name of a destination's path: `setup.md` for `../setup.md#x`, `page-builder` for
    /// `builders/page-builder/`; the destination itself when it has none.
    static func fileName(of destination: String) -> String {
        var path = Substring(destination.prefix { $0 != "#" && $0 != "?" })
        while path.hasSuffix("/") { path = path.dropLast() }
        return path.split(separator: "/").last.map(String.init) ?? destination
    }
}
