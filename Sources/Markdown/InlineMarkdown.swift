import CCmark

/// A line written with inline Markdown, as Hugo's themes `markdownify` a page's description:
/// ``Returns the `title` property`` shows `title` as code, `**bold**` in bold, `&mdash;` as a dash.
/// Only what reads inside a sentence is kept: code, emphasis and strong emphasis. A link or an
/// image is its text (a summary sits in a card that is itself a link's neighbour, and its URLs
/// would be relative to another page); raw HTML is text.
public enum InlineMarkdown {
    /// The HTML of `text`, or nil when its Markdown changes nothing (most summaries): the text is
    /// then shown as it is, escaped by the template, and costs no parse.
    public static func html(_ text: String) -> String? {
        guard text.utf8.contains(where: isMarkup) else { return nil }
        var source = text
        let root = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT)!
            }
        }
        defer { cmark_node_free(root) }
        // One paragraph, or the text is not inline Markdown (`1. x` is a list, `# x` a heading).
        guard let paragraph = cmark_node_first_child(root), cmark_node_next(paragraph) == nil,
            cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return nil }
        var html = ""
        var plain = ""
        var marked = false
        func walk(_ first: OpaquePointer?) {
            var node = first
            while let current = node {
                switch cmark_node_get_type(current) {
                case CMARK_NODE_TEXT, CMARK_NODE_HTML_INLINE:
                    let literal = String(cString: cmark_node_get_literal(current))
                    html += escapeAttribute(literal)
                    plain += literal
                case CMARK_NODE_CODE:
                    let literal = String(cString: cmark_node_get_literal(current))
                    html += "<code>" + escapeAttribute(literal) + "</code>"
                    plain += literal
                    marked = true
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    html += " "
                    plain += " "
                case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
                    let tag = cmark_node_get_type(current) == CMARK_NODE_EMPH ? "em" : "strong"
                    html += "<\(tag)>"
                    walk(cmark_node_first_child(current))
                    html += "</\(tag)>"
                    marked = true
                default:
                    walk(cmark_node_first_child(current))
                }
                node = cmark_node_next(current)
            }
        }
        walk(cmark_node_first_child(paragraph))
        // Nothing but text, as written: the template's escaping of the text says the same.
        return marked || plain != text ? html : nil
    }

    /// Whether a byte can start inline Markdown: code, emphasis, links, images, entities, escapes,
    /// HTML. A switch, not a `Set`: this runs over every card's summary, and a set hashes each byte.
    private static func isMarkup(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "!"),
            UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "<"):
            true
        default: false
        }
    }
}
