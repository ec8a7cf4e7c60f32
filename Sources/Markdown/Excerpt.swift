import CCmark

#if canImport(Glibc)
    import Glibc
#endif

/// A page's summary from its body, where the body marks one: the text before `<!--more-->`
/// (Hugo, Jekyll), `<!-- more -->` (Material for MkDocs' blog) or `<!-- truncate -->` (Docusaurus'
/// blog; `{/* truncate */}` in MDX), as those generators take it.
public enum Excerpt {
    /// The plain text before the body's `more` marker, its blocks joined by spaces; nil when the
    /// body has no marker or nothing before it.
    public static func summary(ofBody body: String) -> String? {
        guard let cut = markerOffset(body) else { return nil }
        var before = String(body.utf8.prefix(cut))!
        let root = before.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT)!
            }
        }
        defer { cmark_node_free(root) }
        var text = ""
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            switch (cmark_node_get_type(node), event) {
            case (CMARK_NODE_TEXT, _), (CMARK_NODE_CODE, _): text += String(cString: cmark_node_get_literal(node))
            case (CMARK_NODE_SOFTBREAK, _), (CMARK_NODE_LINEBREAK, _): text += " "
            // Blocks are one after the other in the text, a space between.
            case (CMARK_NODE_PARAGRAPH, CMARK_EVENT_EXIT), (CMARK_NODE_HEADING, CMARK_EVENT_EXIT): text += " "
            default: break
            }
        }
        let words = text.split(whereSeparator: \.isWhitespace)
        let summary = words.joined(separator: " ")
        return summary.isEmpty ? nil : summary
    }

    /// Whether an HTML block's text is the marker alone (`<!--more-->`, `<!-- truncate -->`).
    static func isMarker(_ literal: UnsafePointer<CChar>?) -> Bool {
        guard let literal else { return false }
        let text = String(cString: literal)
        let trimmed = text.drop { $0 == " " }
        guard trimmed.hasPrefix("<!--"), markerOffset(String(trimmed)) == 0 else { return false }
        return trimmed.split(separator: ">", maxSplits: 1).last.map { $0.allSatisfy(\.isWhitespace) } ?? true
    }

    /// The byte offset of the first marker (`<!--more-->`, `<!-- truncate -->`, MDX's
    /// `{/* truncate */}`: spaces allowed inside, any case), or nil. Read in place: most bodies
    /// have none, and copying each would cost more than the search.
    static func markerOffset(_ body: String) -> Int? {
        body.utf8.withContiguousStorageIfAvailable(markerOffset)
            ?? Array(body.utf8).withUnsafeBufferPointer(markerOffset)
    }

    /// The markers: how each opens and closes, and the words it may hold.
    private static let markers: [(open: String, words: [String], close: String)] = [
        ("<!--", ["more", "truncate"], "-->"), ("{/*", ["truncate"], "*/}"),
    ]

    private static func markerOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var from = 0
        while from < bytes.count, let hit = memchr(base + from, Int32(UInt8(ascii: "<")), bytes.count - from) {
            let open = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            from = open + 1
            if isMarker(bytes, at: open, markers[0]) { return open }
        }
        // Only an MDX page writes `{/* truncate */}`; few bodies have a `{/*` at all.
        from = 0
        while from < bytes.count, let hit = memchr(base + from, Int32(UInt8(ascii: "{")), bytes.count - from) {
            let open = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            from = open + 1
            if isMarker(bytes, at: open, markers[1]) { return open }
        }
        return nil
    }

    /// Whether `marker` is written at `start`: its opening, spaces, one of its words, spaces, its close.
    private static func isMarker(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ marker: (open: String, words: [String], close: String)
    ) -> Bool {
        func matches(_ text: String, at i: Int, anyCase: Bool = false) -> Bool {
            i + text.utf8.count <= bytes.count
                && zip(bytes[i..<i + text.utf8.count], text.utf8).allSatisfy { anyCase ? $0 | 0x20 == $1 : $0 == $1 }
        }
        guard matches(marker.open, at: start) else { return false }
        var i = start + marker.open.utf8.count
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
        guard let word = marker.words.first(where: { matches($0, at: i, anyCase: true) }) else { return false }
        i += word.utf8.count
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
        return matches(marker.close, at: i)
    }
}
