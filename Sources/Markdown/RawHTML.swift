import CCmark

#if canImport(Glibc)
    import Glibc
#endif

/// Raw HTML written in Markdown (an HTML block, or one inline tag): the anchors it defines, and
/// whether dropping it loses anything a reader sees.
enum RawHTML {
    /// The values of every `id` attribute and of `name` on `<a>` tags, in order; quoted with `"`
    /// or `'`, or not quoted. Comments are skipped.
    static func anchors(in html: [UInt8]) -> [String] { read(html).anchors }

    /// In one pass over the tags: the anchors (`anchors(in:)`), where each `<img>` without an
    /// `alt` attribute starts, whose file name a screen reader reads out (WCAG 1.1.1; `alt=""` is
    /// an image that says nothing, and is fine), and each `<iframe>` that shows another site's
    /// page (its start and address).
    static func read(_ html: [UInt8]) -> (anchors: [String], imagesWithoutAlt: [Int], frames: [(Int, String)]) {
        var anchors: [String] = []
        var images: [Int] = []
        var frames: [(Int, String)] = []
        forEachTag(in: html) { tag, range, attributes in
            for (attribute, value) in attributes {
                if tag == "iframe", attribute == "src", let value {
                    let address = String(decoding: html[value], as: UTF8.self)
                    if address.hasPrefix("https://") || address.hasPrefix("http://") || address.hasPrefix("//") {
                        frames.append((range.lowerBound, address))
                    }
                }
                guard let value, !value.isEmpty, attribute == "id" || (tag == "a" && attribute == "name") else {
                    continue
                }
                anchors.append(String(decoding: html[value], as: UTF8.self))
            }
            if tag == "img", !attributes.contains(where: { $0.name == "alt" }) { images.append(range.lowerBound) }
        }
        return (anchors, images, frames)
    }

    /// Calls `body` with each attribute of each tag of `html`: the tag's and the attribute's names
    /// in lower case and where its value is (quoted with `"` or `'`, or not quoted; the quotes
    /// not in the range). Attributes without a value are not given. Comments are skipped.
    static func forEachAttribute(
        in html: [UInt8], _ body: (_ tag: String, _ attribute: String, _ value: Range<Int>) -> Void
    ) {
        forEachTag(in: html) { tag, _, attributes in
            for (attribute, value) in attributes { if let value { body(tag, attribute, value) } }
        }
    }

    /// Calls `body` with each opening tag of `html`: its name in lower case, where it is (from
    /// its `<` to just past its `>`, or the end), and its attributes' names in lower case with
    /// where their values are (nil for an attribute written without one, `<img alt>`). Comments
    /// are skipped.
    static func forEachTag(
        in html: [UInt8],
        _ body: (_ tag: String, _ range: Range<Int>, _ attributes: [(name: String, value: Range<Int>?)]) -> Void
    ) {
        var i = 0
        let n = html.count
        while i < n {
            guard html[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if starts(html, at: i, with: "<!--") {
                i = end(of: "-->", in: html, from: i + 4)
                continue
            }
            let start = i
            i += 1
            guard i < n, isLetter(html[i]) else { continue }
            let nameStart = i
            while i < n, !isSpace(html[i]), html[i] != UInt8(ascii: ">"), html[i] != UInt8(ascii: "/") { i += 1 }
            let tag = lowercased(html[nameStart..<i])
            var attributes: [(name: String, value: Range<Int>?)] = []
            // Attributes up to the tag's end.
            while i < n {
                while i < n, isSpace(html[i]) || html[i] == UInt8(ascii: "/") { i += 1 }
                guard i < n, html[i] != UInt8(ascii: ">") else { break }
                let attributeStart = i
                while i < n, !isSpace(html[i]), html[i] != UInt8(ascii: "="), html[i] != UInt8(ascii: ">"),
                    html[i] != UInt8(ascii: "/")
                { i += 1 }
                let attribute = lowercased(html[attributeStart..<i])
                while i < n, isSpace(html[i]) { i += 1 }
                guard i < n, html[i] == UInt8(ascii: "=") else {
                    attributes.append((attribute, nil))
                    continue
                }
                i += 1
                while i < n, isSpace(html[i]) { i += 1 }
                guard i < n else { break }
                let value: Range<Int>
                if html[i] == UInt8(ascii: "\"") || html[i] == UInt8(ascii: "'") {
                    let quote = html[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < n, html[i] != quote { i += 1 }
                    value = valueStart..<min(i, n)
                    i += 1
                } else {
                    let valueStart = i
                    while i < n, !isSpace(html[i]), html[i] != UInt8(ascii: ">") { i += 1 }
                    value = valueStart..<i
                }
                attributes.append((attribute, value))
            }
            body(tag, start..<min(i + 1, n), attributes)
        }
    }

    /// True when the HTML is only comments and white space: dropping it hides nothing.
    static func isComment(_ html: [UInt8]) -> Bool {
        var i = 0
        var sawComment = false
        while i < html.count {
            if isSpace(html[i]) {
                i += 1
                continue
            }
            guard starts(html, at: i, with: "<!--") else { return false }
            let after = end(of: "-->", in: html, from: i + 4)
            // An unclosed comment runs to the end of an HTML block, as in a browser.
            i = after
            sawComment = true
        }
        return sawComment
    }

    private static func starts(_ html: [UInt8], at i: Int, with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard i + count <= html.count else { return false }
        return text.withUTF8Buffer { html[i..<(i + count)].elementsEqual($0) }
    }

    /// The index just past the first `marker` at or after `from`, or the end.
    private static func end(of marker: StaticString, in html: [UInt8], from: Int) -> Int {
        var i = from
        while i < html.count {
            if starts(html, at: i, with: marker) { return i + marker.utf8CodeUnitCount }
            i += 1
        }
        return html.count
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}

extension RawHTML {
    /// What a document's raw HTML means for it: with raw HTML on, the anchors it defines and
    /// where its images without alt text are; with it off, where each piece that would show
    /// something was dropped (comments show nothing). Read
    /// before elements with attributes are written out, which frees the nodes inside them.
    static func notes(_ nodes: [(node: OpaquePointer, position: SourcePosition)], unsafe: Bool) -> (
        anchors: [String], dropped: [SourcePosition], imagesWithoutAlt: [SourcePosition],
        frames: [(position: SourcePosition, address: String)]
    ) {
        var anchors: [String] = []
        var dropped: [SourcePosition] = []
        var imagesWithoutAlt: [SourcePosition] = []
        var frames: [(position: SourcePosition, address: String)] = []
        for (node, position) in nodes {
            guard let literal = cmark_node_get_literal(node) else { continue }
            let bytes = Array(
                UnsafeBufferPointer(
                    start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self),
                    count: strlen(literal)))
            if unsafe {
                let found = read(bytes)
                anchors += found.anchors
                imagesWithoutAlt += found.imagesWithoutAlt.map {
                    self.position(of: $0, in: bytes, from: position)
                }
                frames += found.frames.map { (self.position(of: $0.0, in: bytes, from: position), $0.1) }
            } else if !isComment(bytes) {
                dropped.append(position)
            }
        }
        return (anchors, dropped, imagesWithoutAlt, frames)
    }

    /// The position of `offset` in the HTML of a node that starts at `start`.
    static func position(of offset: Int, in html: [UInt8], from start: SourcePosition) -> SourcePosition {
        let before = html[..<offset]
        let breaks = before.count { $0 == 0x0A }
        guard breaks > 0, let last = before.lastIndex(of: 0x0A) else {
            return SourcePosition(line: start.line, column: start.column + offset)
        }
        return SourcePosition(line: start.line + breaks, column: offset - last)
    }
}
