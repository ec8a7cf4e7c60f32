import Markdown

/// The navigation Just the Docs (Jekyll's documentation theme) makes from its pages' front
/// matter, as site.yaml's `nav:`: a page with a `title:` and no `parent:` is at the top, a page's
/// `parent:` names its parent's title (`grand_parent:` that page's parent, where titles repeat),
/// and `nav_order:` orders the pages of one parent, numbers first, then texts, then the pages
/// without one by title (case ignored, as the theme's `nav_sort` does by default). Pages with
/// `nav_exclude: true` or without a title are not listed.
struct JustTheDocsNav {
    struct Entry {
        var path: String
        var title: String
        var children: [Entry] = []
    }

    private struct Page {
        var path: String
        var title: String?
        var parent: String?
        var grandParent: String?
        /// The title of a page further up (`ancestor:`), for parents deeper down whose titles repeat.
        var ancestor: String?
        var order: Order
        var excluded: Bool
        var parentPosition: SourcePosition
    }

    private enum Order: Comparable {
        case number(Double)
        case text(String)
        case unordered
    }

    /// The top-level entries; empty when no page uses the theme's keys.
    private(set) var entries: [Entry] = []

    /// `folder` is the pages' folder as messages show it, empty or ending in `/`.
    init(pages: [(path: String, text: String)], folder: String, log: DiagnosticLog) {
        let quiet = DiagnosticLog()
        var read: [Page] = []
        var usesTheme = false
        for page in pages {
            let split = FrontMatterSplitter.split(page.text)
            guard let yaml = split.yaml, !split.isTOML,
                let map = YAMLReader.parse(yaml, file: page.path, lineOffset: split.yamlLineOffset, log: quiet)
            else {
                read.append(Page(path: page.path, order: .unordered, excluded: false, parentPosition: .start))
                continue
            }
            func text(_ key: String) -> String? {
                map[key]?.text.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            if map["parent"] != nil || map["nav_order"] != nil || map["grand_parent"] != nil { usesTheme = true }
            var order = Order.unordered
            if let written = text("nav_order") {
                order = Double(written).map(Order.number) ?? .text(written.lowercased())
            }
            read.append(
                Page(
                    path: page.path, title: text("title"), parent: text("parent"), grandParent: text("grand_parent"),
                    ancestor: text("ancestor"), order: order, excluded: text("nav_exclude") == "true",
                    parentPosition: map["parent"]?.position ?? .start))
        }
        guard usesTheme else { return }
        let listed = read.filter { $0.title != nil && !$0.excluded }
        var placed = Set<String>()
        func sorted(_ pages: [Page]) -> [Page] {
            pages.sorted {
                ($0.order, $0.title!.lowercased(), $0.path) < ($1.order, $1.title!.lowercased(), $1.path)
            }
        }
        // `above` holds the titles of the pages above `page`, the top first.
        func makeEntry(_ page: Page, above: [String]) -> Entry {
            placed.insert(page.path)
            var entry = Entry(path: page.path, title: page.title!)
            // A page is placed once: a page that names itself or its child as its parent stops here.
            let children = listed.filter { child in
                child.parent == page.title && !placed.contains(child.path)
                    && (child.grandParent == nil || child.grandParent == page.parent)
                    && (child.ancestor == nil || above.contains(child.ancestor!))
            }
            entry.children = sorted(children).map { makeEntry($0, above: above + [page.title!]) }
            return entry
        }
        entries = sorted(listed.filter { $0.parent == nil }).map { makeEntry($0, above: []) }
        for page in listed where page.parent != nil && !placed.contains(page.path) {
            log.warning(
                folder + page.path, page.parentPosition,
                "parent '\(page.parent!)' is the title of no page in the nav; the page is left out of it",
                hint: "write the parent page's title as its parent:, or add the page to site.yaml's nav: by hand")
        }
    }

    /// How many pages the nav lists.
    var pageCount: Int {
        func count(_ entries: [Entry]) -> Int { entries.reduce(0) { $0 + 1 + count($1.children) } }
        return count(entries)
    }

    /// The `nav:` entries as site.yaml lines: a page with pages below it is a group, its own page first.
    var yaml: String {
        func lines(_ entry: Entry, depth: Int) -> String {
            let indent = String(repeating: "    ", count: depth)
            let title = YAMLScalar.written(entry.title)
            let page = "- \(title): \(YAMLScalar.written(entry.path))\n"
            guard !entry.children.isEmpty else { return indent + page }
            return "\(indent)- \(title):\n\(indent)    \(page)"
                + entry.children.map { lines($0, depth: depth + 1) }.joined()
        }
        return entries.map { lines($0, depth: 0) }.joined()
    }
}
