import CCmark

#if canImport(Glibc)
    import Glibc
#endif

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
            // Bytes, not Characters: this runs for every page without a summary.
            let words = ownText(of: node).split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            if !words.isEmpty { return shortened(words) }
        }
        return nil
    }

    /// A paragraph of bold or italic text only (`**Why use a client**`): a heading in all but name.
    private static func isPseudoHeading(_ paragraph: OpaquePointer) -> Bool {
        guard let only = cmark_node_first_child(paragraph), cmark_node_next(only) == nil else { return false }
        return cmark_node_get_type(only) == CMARK_NODE_STRONG || cmark_node_get_type(only) == CMARK_NODE_EMPH
    }

    /// The UTF-8 of a paragraph's text and code spans, not of its images.
    private static func ownText(of paragraph: OpaquePointer) -> [UInt8] {
        var text: [UInt8] = []
        var images = 0
        let iterator = cmark_iter_new(paragraph)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_IMAGE: images += event == CMARK_EVENT_ENTER ? 1 : -1
            case CMARK_NODE_TEXT where images == 0, CMARK_NODE_CODE where images == 0:
                if let literal = cmark_node_get_literal(node) {
                    text += UnsafeRawBufferPointer(start: literal, count: strlen(literal))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text.append(0x20)
            default: break
            }
        }
        return text
    }

    /// The words joined by spaces, at most `wordLimit` of them and about `characterLimit`
    /// characters (Unicode scalars): cut after the last sentence that ends within them when that
    /// keeps at least half, else after a word, with "…".
    static func shortened(_ words: [ArraySlice<UInt8>]) -> String {
        func scalars(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
        var kept: [ArraySlice<UInt8>] = []
        var length = 0
        for word in words.prefix(wordLimit) {
            let count = scalars(word)
            if kept.isEmpty && count > characterLimit {
                var end = word.startIndex
                var taken = 0
                while end < word.endIndex {
                    if word[end] & 0xC0 != 0x80 {
                        if taken == characterLimit { break }
                        taken += 1
                    }
                    end += 1
                }
                return String(decoding: word[..<end], as: UTF8.self) + "…"
            }
            if !kept.isEmpty && length + 1 + count > characterLimit { break }
            kept.append(word)
            length += (kept.count > 1 ? 1 : 0) + count
        }
        func joined(_ slices: ArraySlice<ArraySlice<UInt8>>) -> String {
            String(decoding: Array(slices.joined(separator: [0x20])), as: UTF8.self)
        }
        if kept.count == words.count { return joined(kept[...]) }
        if let last = kept.lastIndex(where: endsSentence), last + 1 >= kept.count / 2 { return joined(kept[...last]) }
        return joined(kept[...]) + "…"
    }

    /// Whether a word ends a sentence: `.`, `!`, `?`, or their full-width forms.
    private static func endsSentence(_ word: ArraySlice<UInt8>) -> Bool {
        guard let last = word.last else { return false }
        if last == 0x2E || last == 0x21 || last == 0x3F { return true }
        // 。 ！ ？ in UTF-8.
        let tail = word.suffix(3)
        return [[0xE3, 0x80, 0x82], [0xEF, 0xBC, 0x81], [0xEF, 0xBC, 0x9F]].contains { tail.elementsEqual($0) }
    }
}
