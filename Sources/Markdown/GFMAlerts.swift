import CCmark

/// GitHub's alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]` (any case, nothing else on the line) becomes a titled box, in
/// the HTML GitHub writes for it (`<div class="markdown-alert markdown-alert-note">` with a
/// `<p class="markdown-alert-title">`), with `role="note"` so that it is announced as one.
enum GFMAlerts {
    static let kinds = ["note", "tip", "important", "warning", "caution"]

    /// The titles GitHub shows, by kind.
    static let englishTitles = [
        "note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning",
        "caution": "Caution",
    ]

    /// Turns every such block quote below `root` into an alert titled from `titles` (by kind,
    /// each title's element with the attributes `marks` gives its kind), and every quote marked
    /// as one of `admonitions` (MkDocs', see `MkDocsAdmonitions`) into it.
    static func apply(
        to root: OpaquePointer, titles: [String: String], marks: [String: String] = [:],
        admonitions: [MkDocsAdmonitions.Admonition] = []
    ) {
        var quotes: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)!
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE { quotes.append(node) }
        }
        cmark_iter_free(iterator)
        // Inner quotes first: an alert may hold a quote that is one too, and a node that moves
        // must not have been freed.
        // Content tabs made, by their quote's place in the document, to be grouped into sets.
        var tabs: [(place: Int, node: OpaquePointer, startsSet: Bool)] = []
        for (place, quote) in quotes.enumerated().reversed() {
            let alert = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            if !admonitions.isEmpty, let (admonition, title) = takeAdmonition(from: quote, admonitions) {
                let (enter, exit) = html(of: admonition, titles: titles, marks: marks, title: title)
                cmark_node_set_on_enter(alert, enter)
                cmark_node_set_on_exit(alert, exit)
                if let title { cmark_node_append_child(alert, title) }
                if let tab = admonition.tab { tabs.append((place, alert, tab.startsSet)) }
            } else if let marker = takeMarker(from: quote) {
                let title = titles[marker] ?? englishTitles[marker]!
                cmark_node_set_on_enter(
                    alert,
                    "<div class=\"markdown-alert markdown-alert-\(marker)\" role=\"note\">\n"
                        + "<p class=\"markdown-alert-title\"\(marks[marker] ?? "")>\(escapeAttribute(title))</p>")
                cmark_node_set_on_exit(alert, "</div>")
            } else {
                cmark_node_free(alert)
                continue
            }
            while let child = cmark_node_first_child(quote) { cmark_node_append_child(alert, child) }
            cmark_node_insert_before(quote, alert)
            cmark_node_free(quote)
        }
        groupTabs(tabs.sorted { $0.place < $1.place })
    }

    /// Puts content tabs that follow each other (in document order) into one set, `<div class="tabs">`,
    /// which the theme's script makes a tab list of; `===!` starts a new set.
    private static func groupTabs(_ tabs: [(place: Int, node: OpaquePointer, startsSet: Bool)]) {
        var sets = Set<OpaquePointer>()
        for tab in tabs {
            if !tab.startsSet, let previous = cmark_node_previous(tab.node), sets.contains(previous) {
                cmark_node_append_child(previous, tab.node)
                continue
            }
            let set = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            cmark_node_set_on_enter(set, "<div class=\"tabs\">")
            cmark_node_set_on_exit(set, "</div>")
            cmark_node_insert_before(tab.node, set)
            cmark_node_append_child(set, tab.node)
            sets.insert(set)
        }
    }

    /// The admonition a quote is marked as (`[!kretslopp-admonition-3] Its *title*`), the marker
    /// taken out, and the block its title's inline nodes (what follows the marker on its line)
    /// were moved into; nil, with nothing changed, for any other quote.
    private static func takeAdmonition(from quote: OpaquePointer, _ admonitions: [MkDocsAdmonitions.Admonition])
        -> (MkDocsAdmonitions.Admonition, title: OpaquePointer?)?
    {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return nil }
        // cmark splits the marker into text nodes at its brackets: read them up to its `]`.
        var text = ""
        var markerNodes: [OpaquePointer] = []
        var node = cmark_node_first_child(paragraph)
        while let n = node, cmark_node_get_type(n) == CMARK_NODE_TEXT, !text.contains("]") {
            text += String(cString: cmark_node_get_literal(n))
            markerNodes.append(n)
            node = cmark_node_next(n)
        }
        let prefix = "[!" + MkDocsAdmonitions.markerPrefix
        guard text.hasPrefix(prefix), let close = text.firstIndex(of: "]"),
            let number = Int(text[text.index(text.startIndex, offsetBy: prefix.count)..<close]),
            admonitions.indices.contains(number)
        else { return nil }
        let admonition = admonitions[number]
        // What the last of those nodes has after the `]` is the title's start.
        let rest = text[text.index(after: close)...].drop { $0 == " " }
        if !rest.isEmpty, let last = markerNodes.popLast() {
            cmark_node_set_literal(last, String(rest))
            node = last
        }
        for marker in markerNodes { cmark_node_free(marker) }
        var title: OpaquePointer? = nil
        while let n = node {
            let type = cmark_node_get_type(n)
            node = cmark_node_next(n)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                cmark_node_free(n)
                break
            }
            if title == nil { title = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) }
            cmark_node_append_child(title, n)
        }
        if cmark_node_first_child(paragraph) == nil { cmark_node_free(paragraph) }
        if let title {
            let element = admonition.collapsible ? "summary" : "p"
            let titleClass = admonition.tab == nil ? "markdown-alert-title" : "tabs__label"
            cmark_node_set_on_enter(title, "<\(element) class=\"\(titleClass)\">")
            cmark_node_set_on_exit(title, "</\(element)>")
        }
        return (admonition, title)
    }

    /// The HTML before and after an admonition's text: a titled box as an alert of the kind it
    /// looks like, with MkDocs' classes too (`admonition danger`) for a migrated stylesheet; a
    /// collapsible one as `<details>` whose summary is the title. Without a title of its own, a
    /// type that is one of the alert kinds takes its title in the page's language; another,
    /// its name capitalised, as MkDocs shows it. `title` is the block of a title written
    /// (`<p>` or `<summary>`), which comes first in the box.
    private static func html(
        of admonition: MkDocsAdmonitions.Admonition, titles: [String: String], marks: [String: String],
        title: OpaquePointer?
    ) -> (enter: String, exit: String) {
        // A `<div>`, not a `<section>`: once tabs.js names each panel by its tab, sets of tabs with
        // the same labels (npm, yarn) would be landmarks of the same name (axe's landmark-unique).
        if let tab = admonition.tab {
            return ("<div class=\"tabs__panel\"\(tab.selected ? " data-selected" : "")>", "</div>")
        }
        let type = admonition.classes[0].lowercased()
        let named = escapeAttribute(
            kinds.contains(type) ? titles[type] ?? englishTitles[type]! : type.prefix(1).uppercased() + type.dropFirst()
        )
        let classes = (["markdown-alert", "markdown-alert-" + admonition.kind, "admonition"] + admonition.classes)
            .joined(separator: " ")
        // A box titled `""` has no title; one that opens needs a summary all the same.
        let element = admonition.collapsible ? "summary" : "p"
        let ownTitle =
            title != nil || admonition.title == "" && !admonition.collapsible
            ? ""
            : "\n<\(element) class=\"markdown-alert-title\"\(kinds.contains(type) ? marks[type] ?? "" : "")>"
                + "\(named)</\(element)>"
        if admonition.collapsible {
            return ("<details class=\"\(classes)\"\(admonition.open ? " open" : "")>" + ownTitle, "</details>")
        }
        return ("<div class=\"\(classes)\" role=\"note\">" + ownTitle, "</div>")
    }

    /// The kind of a quote that starts with a marker line, the marker (and the line break after
    /// it, or its paragraph when it is all there is) taken out; nil, with nothing changed, for
    /// any other quote.
    private static func takeMarker(from quote: OpaquePointer) -> String? {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return nil }
        // cmark splits `[!NOTE]` into text nodes at the brackets: read the first line's texts.
        var line = ""
        var texts: [OpaquePointer] = []
        var node = cmark_node_first_child(paragraph)
        while let n = node, cmark_node_get_type(n) == CMARK_NODE_TEXT {
            line += String(cString: cmark_node_get_literal(n))
            texts.append(n)
            node = cmark_node_next(n)
        }
        let breakAfter = node.flatMap { n -> OpaquePointer? in
            let type = cmark_node_get_type(n)
            return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK ? n : nil
        }
        guard node == nil || breakAfter != nil else { return nil }
        while line.last == " " || line.last == "\t" { line.removeLast() }
        guard line.hasPrefix("[!"), line.hasSuffix("]") else { return nil }
        let kind = line.dropFirst(2).dropLast().lowercased()
        guard kinds.contains(kind) else { return nil }
        for text in texts { cmark_node_free(text) }
        if let breakAfter { cmark_node_free(breakAfter) }
        if cmark_node_first_child(paragraph) == nil { cmark_node_free(paragraph) }
        return kind
    }
}
