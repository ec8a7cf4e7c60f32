import CCmark

/// pymdownx's generic blocks, the fenced successor of MkDocs' admonitions (FastAPI's docs have
/// hundreds), read by `MkDocsAdmonitions` as it reads the indented ones:
///
///     /// warning | Sista dag          an admonition of that type, with that title
///     Text, not indented.
///     ///
///
///     /// details | Summary            `<details>`; options, indented, right under the first
///         type: tip                    line: `type`, `open`; a tab's `new` and `select`
///     ///
///
/// `/// admonition | Title` takes its type from `type:`, and `/// tab | Title` is a content tab.
///
/// The containers of VitePress, Docusaurus and VuePress are read the same way, with colons:
///
///     ::: warning Sista dag          `:::warning[Sista dag]` in Docusaurus 3; `::: details Title`
///     Text, not indented.            is a `<details>`; `::::` around `:::` nests
///     :::
/// A block holds any Markdown (other blocks too: the outer one's fence is longer, `////`); its
/// fence closes it and a longer one closes the blocks inside too. Before parsing, the first line
/// becomes a one-line block of its own (an ATX heading carrying the admonition's marker and title)
/// and the closing fence another, so no line of text moves; after parsing, `restructure` puts what
/// lies between into a block quote marked as the admonition, which `GFMAlerts` turns into its box.
/// Blocks of other names (`html`, `define`) stay as written.
enum PyMdownBlocks {
    /// What the source's first line of a block becomes, before the marker and title.
    static let opening = "###### "
    /// How a block's first line starts after the rewrite, to look for in the source.
    static let openingBytes: StaticString = "###### [!kretslopp-"
    /// What a closing fence that closes `count` blocks becomes (a longer fence closes the
    /// blocks opened inside its block too).
    static func closingLine(indent: ArraySlice<UInt8>, closes count: Int) -> [UInt8] {
        Array(indent) + Array((opening + "[!\(endMarker)\(count)]").utf8)
    }

    private static let endMarker = "kretslopp-block-end-"

    /// A block's first line: its fence and the admonition it is (options not read yet).
    struct Start {
        /// The fence's length; negative for colons, so that a fence closes only blocks of its kind.
        var fence: Int
        var admonition: MkDocsAdmonitions.Admonition
        /// False for VitePress' `::: code-group`: its fences go, its code blocks (each titled by
        /// its label) stay one after another, with no box around them.
        var boxed = true
    }

    /// The block `text` (a line without its indentation) starts: `/// name | title`; nil for
    /// any other line or a name that is not read.
    static func start(_ text: ArraySlice<UInt8>) -> Start? {
        if text.first == 0x3A { return container(text) }
        let fence = text.prefix { $0 == 0x2F }.count
        guard fence >= 3 else { return nil }
        var rest = String(decoding: text.dropFirst(fence), as: UTF8.self)[...]
        while rest.last == " " || rest.last == "\t" || rest.last == "\r" { rest.removeLast() }
        let name = rest.drop { $0 == " " }.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        guard !name.isEmpty else { return nil }
        var after = rest.drop { $0 == " " }.dropFirst(name.count).drop { $0 == " " }
        var title: String? = nil
        if after.first == "|" {
            after = after.dropFirst().drop { $0 == " " }
            title = after.isEmpty ? nil : String(after)
        } else if !after.isEmpty {
            return nil
        }
        let kind = name.lowercased()
        var admonition = MkDocsAdmonitions.Admonition(classes: [kind], title: title, collapsible: false, open: false)
        switch kind {
        case "admonition":
            admonition.classes = ["note"]
        case "details":
            admonition.classes = ["note"]
            admonition.collapsible = true
        case "tab":
            guard let title, !title.isEmpty else { return nil }
            admonition.classes = ["tab"]
            admonition.tab = MkDocsAdmonitions.Admonition.Tab()
        default:
            guard admonitionTypes.contains(kind) else { return nil }
        }
        return Start(fence: fence, admonition: admonition)
    }

    /// The closing fence `text` (a line without its indentation) is, as `Start.fence`; nil if none.
    static func end(_ text: ArraySlice<UInt8>) -> Int? {
        let mark = text.first == 0x3A ? UInt8(0x3A) : 0x2F
        let fence = text.prefix { $0 == mark }.count
        guard fence >= 3 && text.dropFirst(fence).isBlankLine else { return nil }
        return mark == 0x3A ? -fence : fence
    }

    /// A container of VitePress or Docusaurus: `::: name`, then a title (`:::name[Title]` too);
    /// `::: code-group` is no box (`Start.boxed`); nil for a name that is no admonition (`::: v-pre`),
    /// which stays as written.
    private static func container(_ text: ArraySlice<UInt8>) -> Start? {
        let fence = text.prefix { $0 == 0x3A }.count
        guard fence >= 3 else { return nil }
        var rest = String(decoding: text.dropFirst(fence), as: UTF8.self)[...]
        while rest.last == " " || rest.last == "\t" || rest.last == "\r" { rest.removeLast() }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        let kind = name.lowercased()
        let note = MkDocsAdmonitions.Admonition(classes: ["note"], title: nil, collapsible: false, open: false)
        if kind == "code-group" { return Start(fence: -fence, admonition: note, boxed: false) }
        guard kind == "details" || containerTypes.contains(kind) else { return nil }
        let after = rest.dropFirst(name.count)
        let title: Substring
        if after.first == "[" {
            guard after.last == "]" else { return nil }
            title = after.dropFirst().dropLast()
        } else {
            guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
            title = after
        }
        let written = title.trimmingBlanks
        var admonition = MkDocsAdmonitions.Admonition(
            classes: [kind == "details" ? "note" : kind], title: written.isEmpty ? nil : written, collapsible: false,
            open: false)
        admonition.collapsible = kind == "details"
        return Start(fence: -fence, admonition: admonition)
    }

    /// Reads an option line (`type: warning`, indented under the first line) into `admonition`;
    /// false when the line is no option.
    static func readOption(_ text: ArraySlice<UInt8>, into admonition: inout MkDocsAdmonitions.Admonition) -> Bool {
        let line = String(decoding: text, as: UTF8.self)
        guard let colon = line.firstIndex(of: ":") else { return false }
        let key = line[..<colon].trimmingBlanks
        let value = line[line.index(after: colon)...].trimmingBlanks.filter { $0 != "\"" && $0 != "'" }
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "_" }) else { return false }
        let yes = ["true", "yes", "on"].contains(value.lowercased())
        switch key {
        case "type" where admonition.tab == nil:
            if !value.isEmpty { admonition.classes[0] = value.lowercased() }
        case "open": admonition.open = yes
        case "new": admonition.tab?.startsSet = yes
        case "select": admonition.tab?.selected = yes
        default: break // attrs, markdown: not read
        }
        return true
    }

    /// The line a block's first line becomes: a heading with the marker `GFMAlerts` knows and the
    /// title, parsed with the page.
    static func openingLine(indent: ArraySlice<UInt8>, marker: String, title: String?) -> [UInt8] {
        var text = opening + "[!\(marker)]"
        if let title, !title.isEmpty {
            // A title ending in `#` would lose it as the heading's closing sequence: give it one.
            text += " " + title + (title.hasSuffix("#") ? " #" : "")
        }
        return Array(indent) + Array(text.utf8)
    }

    /// Moves what lies between each block's two headings into a block quote marked as the
    /// admonition, and removes the headings: in every container (a block in a list item is the
    /// item's). A block not closed ends with its container.
    static func restructure(_ root: OpaquePointer) {
        var parents: [OpaquePointer] = []
        var seen = Set<OpaquePointer>()
        let iterator = cmark_iter_new(root)!
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), marker(node) != nil,
                let parent = cmark_node_parent(node), seen.insert(parent).inserted
            else { continue }
            parents.append(parent)
        }
        cmark_iter_free(iterator)
        for parent in parents { restructureChildren(of: parent) }
    }

    private static func restructureChildren(of parent: OpaquePointer) {
        var open: [OpaquePointer] = []
        var node = cmark_node_first_child(parent)
        while let current = node {
            node = cmark_node_next(current)
            switch marker(current) {
            case .end(let count)?:
                open.removeLast(min(count, open.count))
                cmark_node_free(current)
            case .start?:
                let quote = cmark_node_new(CMARK_NODE_BLOCK_QUOTE)!
                let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                while let child = cmark_node_first_child(current) { cmark_node_append_child(paragraph, child) }
                cmark_node_append_child(quote, paragraph)
                if let outer = open.last {
                    cmark_node_append_child(outer, quote)
                } else {
                    cmark_node_insert_before(current, quote)
                }
                cmark_node_free(current)
                open.append(quote)
            case nil:
                if let outer = open.last { cmark_node_append_child(outer, current) }
            }
        }
    }

    private enum Marker {
        case start
        case end(Int)
    }

    /// Whether a node is the heading a block's first line or closing fence became.
    private static func marker(_ node: OpaquePointer) -> Marker? {
        guard cmark_node_get_type(node) == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 6 else {
            return nil
        }
        // cmark splits `[!kretslopp-…]` into text nodes at its brackets: read them up to its `]`.
        var text = ""
        var child = cmark_node_first_child(node)
        while let n = child, cmark_node_get_type(n) == CMARK_NODE_TEXT, !text.contains("]") {
            text += String(cString: cmark_node_get_literal(n))
            child = cmark_node_next(n)
        }
        if text.hasPrefix("[!" + endMarker) {
            return .end(Int(text.dropFirst(2 + endMarker.count).prefix { $0.isNumber }) ?? 1)
        }
        return text.hasPrefix("[!" + MkDocsAdmonitions.markerPrefix) ? .start : nil
    }

    /// The containers' types: VitePress' (`info`, `tip`, `warning`, `danger`) and Docusaurus' (`note`,
    /// `caution`), with the others' names that mean one of them.
    private static let containerTypes: Set<String> = admonitionTypes.union(["important", "success"])

    /// pymdownx's admonition names and Material for MkDocs' types.
    private static let admonitionTypes: Set<String> = [
        "note", "attention", "caution", "danger", "error", "tip", "hint", "warning", "important", "abstract",
        "summary", "tldr", "info", "todo", "success", "check", "done", "question", "help", "faq", "failure", "fail",
        "missing", "bug", "example", "quote", "cite",
    ]
}
