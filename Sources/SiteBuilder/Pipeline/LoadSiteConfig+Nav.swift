import Markdown

extension LoadSiteConfig {
    /// `nav:` as MkDocs writes it: its entries in order (groups flattened), and its tree; a
    /// mistyped entry is an error at its line.
    func nav(_ map: DataValue, _ read: FieldReader) -> (entries: [NavEntry], tree: [NavNode]) {
        guard let value = map["nav"], !value.isNull, value.text != "auto" else { return ([], []) }
        guard let items = value.list else {
            log.error(
                read.file, value.position, "'nav' must be a list, not \(value.typeName)",
                hint: Self.navHint)
            return ([], [])
        }
        var entries: [NavEntry] = []
        var tree: [NavNode] = []
        for (top, item) in items.enumerated() {
            let start = entries.count
            tree += navNodes([item], into: &entries, read)
            let title = item.pairs?.first?.key
            for i in start..<entries.count {
                entries[i].top = top
                entries[i].topTitle = title
            }
        }
        return (entries, tree)
    }

    private static let navHint =
        "write entries as in mkdocs.yml: '- Title: page.md', '- page.md', or '- Title:' with entries indented "
        + "below it, or 'nav: auto' for every section and page"

    /// The nodes of `items`; each entry that names something is appended to `entries` too.
    private func navNodes(_ items: [DataValue], into entries: inout [NavEntry], _ read: FieldReader) -> [NavNode] {
        var nodes: [NavNode] = []
        for item in items {
            switch item.kind {
            case .string(let path):
                nodes.append(NavNode(title: nil, entry: entries.count))
                entries.append(NavEntry(title: nil, target: path, position: item.position))
            case .map(let pairs) where pairs.count == 1:
                let (title, value) = pairs[0]
                switch value.kind {
                case .string(let path):
                    nodes.append(NavNode(title: title, entry: entries.count))
                    entries.append(NavEntry(title: title, target: path, position: value.position))
                case .list(let children):
                    nodes.append(NavNode(title: title, children: navNodes(children, into: &entries, read)))
                case .null:
                    // A group a plugin of MkDocs fills (Material's blog): nothing to order here.
                    log.warning(
                        read.file, item.position, "nav entry '\(title)' names no page and has no entries",
                        hint: "give it a page ('\(title): page.md') or entries below it, or remove it")
                default:
                    log.error(
                        read.file, value.position,
                        "nav entry '\(title)' must be a page's path or a list of entries, not \(value.typeName)",
                        hint: Self.navHint)
                }
            case .map(let pairs):
                log.error(
                    read.file, item.position,
                    "a nav entry has one title, not \(pairs.count) (\(pairs.map(\.key).joined(separator: ", ")))",
                    hint: "start each entry with its own '- ': " + Self.navHint)
            default:
                log.error(
                    read.file, item.position,
                    "a nav entry must be a page or a 'Title: page' line, not \(item.typeName)",
                    hint: Self.navHint)
            }
        }
        return nodes
    }

    /// A `menu:` or `footer:` entry: its title and URL.
    func menuItem(_ value: DataValue, _ read: FieldReader) -> MenuItem? {
        guard let map = read.mapping(value, what: "a menu entry"),
            let title = read.string(map, "title", required: true),
            let url = read.string(map, "url", required: true)
        else { return nil }
        return MenuItem(title: title, path: url, position: map["url"]?.position ?? map.position)
    }
}
