import CCmark

#if canImport(Glibc)
    import Glibc
#endif

/// `{ #id .class key=value }` right after emphasis, strong emphasis, a code span, a link or an
/// image, as Python-Markdown's attr_list reads it (MkDocs sites write `**locale**{ #locale }` to
/// make an anchor, `![…](x.png){ width="300" }` to size an image), or alone on a paragraph's last
/// line for the paragraph. The list is cut from the text and its attributes go on the element.
struct InlineAttributes {
    var id: String?
    var classes: [String] = []
    /// Other attributes, in the order written.
    var pairs: [(name: String, value: String)] = []

    /// Attributes any site may set, by element (`*` for all): none runs script or loads
    /// anything, and each is valid HTML on its element.
    static let allowedNames: [String: Set<String>] = [
        "*": ["lang", "dir", "title"],
        "img": ["width", "height", "loading", "decoding"],
        "a": ["target", "rel", "download"],
    ]

    /// Adds another list's: its id wins, its classes and other attributes come after these.
    mutating func merge(_ other: InlineAttributes) {
        if let id = other.id { self.id = id }
        classes += other.classes
        pairs += other.pairs
    }

    /// What may be set on `tag`, for messages: `width, height, … and data-*`.
    static func allowedList(for tag: String) -> String {
        (["#id", ".class"] + (allowedNames[tag] ?? []).union(allowedNames["*"]!).sorted() + ["data-*"])
            .joined(separator: ", ")
    }

    /// Whether `name` may be set on `tag` by any site.
    static func isAllowed(_ name: String, on tag: String) -> Bool {
        name.hasPrefix("data-") || allowedNames["*"]!.contains(name) || allowedNames[tag]?.contains(name) == true
    }

    /// Whether `node` is an element a list may follow.
    static func canFollow(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_CODE, CMARK_NODE_LINK, CMARK_NODE_IMAGE: true
        default: false
        }
    }

    /// Reads the list that starts `text` (a text node right after an element) and cuts it from
    /// the text, and from the text nodes after it when smart punctuation split the list; nil,
    /// with nothing changed, when the text does not start with a whole list.
    static func take(from text: OpaquePointer) -> InlineAttributes? {
        var nodes: [OpaquePointer] = []
        var written: [UInt8] = []
        var node: OpaquePointer? = text
        while let n = node, cmark_node_get_type(n) == CMARK_NODE_TEXT {
            nodes.append(n)
            let literal = bytes(of: n)
            if let close = literal.firstIndex(of: UInt8(ascii: "}")) {
                written += literal[...close]
                guard let attributes = parse(asWritten(written)) else { return nil }
                for earlier in nodes.dropLast() { cmark_node_set_literal(earlier, "") }
                cmark_node_set_literal(n, String(decoding: literal[(close + 1)...], as: UTF8.self))
                return attributes
            }
            written += literal
            node = cmark_node_next(n)
        }
        return nil
    }

    /// The list alone on a paragraph's last line (`{: .lead }` after a soft break), as attr_list and
    /// goldmark's block attributes read it (Docsy writes `{.display-6}`), cut from the text, with
    /// the text node it starts in; nil, with nothing changed, when there is none. Not in a tight
    /// list, whose paragraphs have no `<p>` to carry it.
    static func takeLastLine(of paragraph: OpaquePointer) -> (attributes: InlineAttributes, start: OpaquePointer)? {
        // Asked of every paragraph: its last byte is read in place.
        guard let last = cmark_node_last_child(paragraph), cmark_node_get_type(last) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(last), case let length = strlen(literal), length > 0,
            literal[length - 1] == 0x7D // }
        else { return nil }
        if let item = cmark_node_parent(paragraph), cmark_node_get_type(item) == CMARK_NODE_ITEM,
            let list = cmark_node_parent(item), cmark_node_get_list_tight(list) != 0
        {
            return nil
        }
        var nodes: [OpaquePointer] = []
        var node: OpaquePointer? = last
        while let n = node, cmark_node_get_type(n) == CMARK_NODE_TEXT {
            nodes.insert(n, at: 0)
            node = cmark_node_previous(n)
        }
        guard let lineBreak = node, cmark_node_get_type(lineBreak) == CMARK_NODE_SOFTBREAK,
            let attributes = parse(asWritten(nodes.flatMap { bytes(of: $0) }))
        else { return nil }
        // The soft break stays: a line end before `</p>` shows nothing.
        for n in nodes { cmark_node_set_literal(n, "") }
        return (attributes, nodes[0])
    }

    /// `{: #a .b c="d e" f=g }` (the colon is optional; `id=` and `class=` are `#` and `.`); nil
    /// unless every word is one of those.
    static func parse(_ text: [UInt8]) -> InlineAttributes? {
        guard text.first == UInt8(ascii: "{"), text.last == UInt8(ascii: "}") else { return nil }
        var rest = text.dropFirst().dropLast()
        if rest.first == UInt8(ascii: ":") { rest = rest.dropFirst() }
        var attributes = InlineAttributes()
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        while true {
            while let first = rest.first, isSpace(first) { rest = rest.dropFirst() }
            guard let first = rest.first else { break }
            if first == UInt8(ascii: "#") || first == UInt8(ascii: ".") {
                let word = rest.dropFirst().prefix { !isSpace($0) }
                guard !word.isEmpty, !word.contains(where: { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "\"") })
                else { return nil }
                let value = String(decoding: word, as: UTF8.self)
                if first == UInt8(ascii: "#") { attributes.id = value } else { attributes.classes.append(value) }
                rest = rest.dropFirst(word.count + 1)
                continue
            }
            let name = rest.prefix { $0 != UInt8(ascii: "=") && !isSpace($0) }
            guard isName(name), rest.dropFirst(name.count).first == UInt8(ascii: "=") else { return nil }
            rest = rest.dropFirst(name.count + 1)
            let value: ArraySlice<UInt8>
            if let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let end = rest.dropFirst().firstIndex(of: quote) else { return nil }
                value = rest[rest.index(after: rest.startIndex)..<end]
                rest = rest[(end + 1)...]
                guard rest.first.map(isSpace) ?? true else { return nil }
            } else {
                value = rest.prefix { !isSpace($0) }
                guard !value.isEmpty else { return nil }
                rest = rest.dropFirst(value.count)
            }
            let attribute = String(decoding: name, as: UTF8.self).lowercased()
            let text = String(decoding: value, as: UTF8.self)
            // `id="a"` and `class="b c"` are `#a .b .c` written out, as Python-Markdown reads them.
            if attribute == "id" {
                attributes.id = text
            } else if attribute == "class" {
                attributes.classes += text.split(separator: " ").map(String.init)
            } else {
                attributes.pairs.append((attribute, text))
            }
        }
        return attributes.id == nil && attributes.classes.isEmpty && attributes.pairs.isEmpty ? nil : attributes
    }

    /// The element's HTML with the attributes after its tag's name. `rendered` is the element as
    /// cmark wrote it (its own attributes, such as a link's href, already checked by cmark);
    /// `allowsAny` lets through names other than `allowedNames` (raw HTML is on). Names left out
    /// come back for the warning.
    func html(_ rendered: String, idPrefix: String, allowsAny: Bool) -> (html: String, leftOut: [String]) {
        let name = Self.tagName(rendered)
        var tag = rendered.utf8.prefix { $0 != UInt8(ascii: ">") }
        // cmark writes `<img src="…" alt="…" />`: the attributes go before the ` /`.
        if tag.last == UInt8(ascii: "/") { tag = tag.dropLast() }
        let existing = String(decoding: tag, as: UTF8.self)
        var added = ""
        var leftOut: [String] = []
        if let id { added += " id=\"\(escapeAttribute(idPrefix + id))\"" }
        if !classes.isEmpty { added += " class=\"\(escapeAttribute(classes.joined(separator: " ")))\"" }
        for (attribute, value) in pairs {
            // On* handlers run script: never, raw HTML or not. A name the tag has already is a
            // second one, which HTML ignores.
            guard
                (allowsAny || Self.isAllowed(attribute, on: name)) && !attribute.hasPrefix("on")
                    && !existing.contains(" \(attribute)=\"")
            else {
                leftOut.append(attribute)
                continue
            }
            added += " \(attribute)=\"\(escapeAttribute(value))\""
        }
        let nameEnd = rendered.utf8.index(rendered.utf8.startIndex, offsetBy: 1 + name.utf8.count)
        return (String(rendered[..<nameEnd]) + added + String(rendered[nameEnd...]), leftOut)
    }

    /// `strong` of `<strong>…`: cmark's tags are ASCII, ended by a space, `>` or `/`.
    static func tagName(_ rendered: String) -> String {
        String(
            decoding: rendered.utf8.dropFirst().prefix {
                $0 != 0x20 && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/")
            }, as: UTF8.self)
    }

    private static func isName(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20) else {
            return false
        }
        return bytes.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        }
    }

    private static func bytes(of node: OpaquePointer) -> [UInt8] {
        guard let pointer = cmark_node_get_literal(node) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
    }

    /// Smart punctuation made `"300"` into `“300”` and `.md-button--primary` (Material for
    /// MkDocs' class) into `.md-button–primary`: the list is read as written. Each dash stands for
    /// the hyphens it was made from (an en dash two, an em dash three), an ellipsis for three dots.
    private static func asWritten(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0xE2) else { return bytes }
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            // U+2013 – U+2014 — U+2018 ‘ U+2019 ’ U+201C “ U+201D ” U+2026 … are E2 80 93, 94, 98,
            // 99, 9C, 9D, A6.
            guard bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 else {
                out.append(bytes[i])
                i += 1
                continue
            }
            switch bytes[i + 2] {
            case 0x93: out += Array("--".utf8)
            case 0x94: out += Array("---".utf8)
            case 0x98, 0x99: out.append(UInt8(ascii: "'"))
            case 0x9C, 0x9D: out.append(UInt8(ascii: "\""))
            case 0xA6: out += Array("...".utf8)
            default: out += bytes[i...(i + 2)]
            }
            i += 3
        }
        return out
    }
}

/// A place in the tree where a list of attributes was found.
struct InlineAttributesFound {
    var element: OpaquePointer
    var attributes: InlineAttributes
    var position: SourcePosition
}

extension MarkdownRenderer {
    /// Puts each list's attributes on its element: the element is rendered by cmark (links are
    /// resolved by now) and replaced by that HTML with the attributes added. Returns the ids set
    /// (anchors of the page) and what is wrong: an id used twice, attributes left out.
    func apply(_ found: [InlineAttributesFound], headingIDs: [String], flags: Int32) -> (
        ids: [String], problems: [MarkdownProblem]
    ) {
        var used = Set(headingIDs)
        var ids: [String] = []
        var problems: [MarkdownProblem] = []
        for place in found {
            var attributes = place.attributes
            if let id = attributes.id {
                if used.insert(id).inserted {
                    ids.append(id)
                } else {
                    problems.append(
                        MarkdownProblem(
                            position: place.position, message: "id '\(id)' is already used on this page",
                            hint: "give each heading and element its own id"))
                    attributes.id = nil
                }
            }
            guard let pointer = cmark_render_html(place.element, flags & ~CMARK_OPT_SOURCEPOS) else { continue }
            let rendered = String(cString: pointer)
            free(pointer)
            let (html, leftOut) = attributes.html(
                rendered, idPrefix: options.headingIDPrefix, allowsAny: options.unsafeHTML)
            if let problem = InlineAttributes.leftOut(leftOut, on: rendered, at: place.position) {
                problems.append(problem)
            }
            // A paragraph (or any block kramdown's lists name) is a block; the elements a list follows are inline.
            let type = cmark_node_get_type(place.element)
            let isBlock =
                (type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue)
                || type == CMARK_NODE_CUSTOM_BLOCK
            let written = cmark_node_new(isBlock ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE)!
            cmark_node_set_on_enter(written, html)
            cmark_node_set_on_exit(written, "")
            cmark_node_insert_before(place.element, written)
            cmark_node_free(place.element)
        }
        return (ids, problems)
    }
}

extension InlineAttributes {
    /// The warning for attributes `html(_:idPrefix:allowsAny:)` left out of an element; nil for none.
    static func leftOut(_ names: [String], on rendered: String, at position: SourcePosition) -> MarkdownProblem? {
        guard !names.isEmpty else { return nil }
        let tag = tagName(rendered)
        return MarkdownProblem(
            position: position,
            message:
                "attribute\(names.count == 1 ? "" : "s") \(names.map { "'\($0)'" }.joined(separator: ", ")) left out",
            hint: names.allSatisfy { $0.hasPrefix("on") }
                ? "attributes that run script are never written; a theme's script can do it"
                : "allowed on <\(tag)>: \(allowedList(for: tag)); style it with a class, or set "
                    + "markdown.unsafeHTML: true",
            isWarning: true)
    }
}
