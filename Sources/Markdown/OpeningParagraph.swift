import CCmark

/// What a page opens with, as its summary where it has none: the text of its first paragraph, as
/// Jekyll takes a post's excerpt and Docusaurus a doc's description (Hugo takes the first
/// seventy words), cut short as Hugo's summaries are.
public enum OpeningParagraph {
    /// Hugo's `summaryLength`.
    public static let wordLimit = 70
    /// For writing without spaces between words (Chinese, Japanese, Thai): about as long.
    public static let characterLimit = 300

    /// The plain text of the first paragraph directly in the document `root` that has text of
    /// its own, shortened (`shortened`); nil when none has. A paragraph of images only (a
    /// README's badges) is passed over: alt text does not say what the page is about.
    static func text(in root: OpaquePointer) -> String? {
        var block = cmark_node_first_child(root)
        while let node = block {
            block = cmark_node_next(node)
            guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, !isPseudoHeading(node) else { continue }
            let words = ownText(of: node).split(whereSeparator: \.isWhitespace)
            if !words.isEmpty { return shortened(words) }
        }
        return nil
    }

    /// A paragraph of bold or italic text only (`**Why use a client**`): a heading in all but name.
    private static func isPseudoHeading(_ paragraph: OpaquePointer) -> Bool {
        guard let only = cmark_node_first_child(paragraph), cmark_node_next(only) == nil else { return false }
        return cmark_node_get_type(only) == CMARK_NODE_STRONG || cmark_node_get_type(only) == CMARK_NODE_EMPH
    }

    /// The text of a paragraph's text and code spans, not of its images.
    private static func ownText(of paragraph: OpaquePointer) -> String {
        var text = ""
        var images = 0
        let iterator = cmark_iter_new(paragraph)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_IMAGE: images += event == CMARK_EVENT_ENTER ? 1 : -1
            case CMARK_NODE_TEXT where images == 0, CMARK_NODE_CODE where images == 0:
                text += String(cString: cmark_node_get_literal(node))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// The words joined by spaces, at most `wordLimit` of them and about `characterLimit`
    /// characters: cut after the last sentence that ends within them when that keeps at least
    /// half, else after a word, with "…".
    static func shortened(_ words: [Substring]) -> String {
        var kept: [Substring] = []
        var length = 0
        for word in words.prefix(wordLimit) {
            if !kept.isEmpty && length + 1 + word.count > characterLimit { break }
            if kept.isEmpty && word.count > characterLimit {
                return String(word.prefix(characterLimit)) + "…"
            }
            kept.append(word)
            length += (kept.count > 1 ? 1 : 0) + word.count
        }
        if kept.count == words.count { return kept.joined(separator: " ") }
        let enders: Set<Character> = [".", "!", "?", "。", "！", "？"]
        if let last = kept.lastIndex(where: { $0.last.map(enders.contains) ?? false }), last + 1 >= kept.count / 2 {
            return kept[...last].joined(separator: " ")
        }
        return kept.joined(separator: " ") + "…"
    }
}
