import Markdown

/// Menu entries that pages declare in their own front matter, as Hugo's pages do:
///
///     menu: main                        # the site's menu
///     menu: [main, footer]              # the menu and the footer's links
///     menu:
///       main: {name: Om oss, weight: 20}
///
/// (`menus:` too). An entry is titled by its `name` (else the page's `linkTitle`, else its title)
/// and ordered by its `weight` (else the page's): entries with a weight first, lowest first, then
/// by title, as Hugo orders them; all after the entries site.yaml gives. An entry with a `parent`
/// is a sub-item of a drop-down in Hugo's themes, which this menu does not have: it is left out.
struct PageMenus {
    let log: DiagnosticLog

    /// The menus this build shows, by the names Hugo's themes use for them.
    static let shown = ["main", "footer"]

    /// One page's entry in one menu.
    private struct Entry {
        var menu: String
        var item: MenuItem
        var weight: Int
    }

    /// The entries pages declare, for the menu (`main`) and the footer, in order.
    func entries(of pages: [Page]) -> (menu: [MenuItem], footer: [MenuItem]) {
        var entries: [Entry] = []
        // Other menus (a theme's `sidebar`) are named once each, with the first page naming them.
        var unshown: [String: (file: String, position: SourcePosition, pages: Int)] = [:]
        for page in pages {
            let key = page.frontMatter["menu"] != nil ? "menu" : "menus"
            guard let value = page.frontMatter[key], !value.isNull else { continue }
            let read = FieldReader(file: page.source.displayPath, log: log)
            for (menu, position, options) in Self.menus(value, key: key, read: read) {
                guard Self.shown.contains(menu) else {
                    unshown[menu, default: (page.source.displayPath, position, 0)].pages += 1
                    continue
                }
                guard options.flatMap({ read.string($0, "parent") }) == nil else { continue }
                let title =
                    options.flatMap { read.string($0, "name") ?? read.string($0, "title") }
                    ?? read.string(page.frontMatter, "linkTitle") ?? page.title
                let weight = options.flatMap { read.int($0, "weight") } ?? page.weight
                entries.append(
                    Entry(menu: menu, item: MenuItem(title: title, path: page.path, position: position), weight: weight)
                )
            }
        }
        for (menu, place) in unshown.sorted(by: { $0.key < $1.key }) {
            let others = place.pages > 1 ? " (and \(place.pages - 1) more page\(place.pages > 2 ? "s" : ""))" : ""
            log.warning(
                place.file, place.position, "this page\(others) is in menu '\(menu)', which the site does not show",
                hint: "'main' is the site's menu and 'footer' its footer's links; other menus are left out")
        }
        // Hugo's order: a weight before none, the lower first, then the title.
        entries.sort {
            (Page.order(ofWeight: $0.weight), $0.item.title, $0.item.path)
                < (Page.order(ofWeight: $1.weight), $1.item.title, $1.item.path)
        }
        return (entries.filter { $0.menu == "main" }.map(\.item), entries.filter { $0.menu == "footer" }.map(\.item))
    }

    /// `items` after `given`, leaving out a page `given` already links to.
    static func merged(_ given: [MenuItem], _ items: [MenuItem]) -> [MenuItem] {
        var paths = Set(given.map(\.path))
        return given + items.filter { paths.insert($0.path).inserted }
    }

    /// The menus a front matter value names, each with where it is written and its options (a
    /// mapping, in `menu: {main: {weight: 2}}`).
    private static func menus(_ value: DataValue, key: String, read: FieldReader)
        -> [(String, SourcePosition, DataValue?)]
    {
        switch value.kind {
        case .string(let menu): return [(menu, value.position, nil)]
        case .list(let items):
            return items.compactMap { item in
                guard let menu = item.text else {
                    read.log.error(
                        read.file, item.position, "each item of '\(key)' must be a menu's name, not \(item.typeName)",
                        hint: "write 'menu: [main, footer]', or a mapping such as 'main: {weight: 10}'")
                    return nil
                }
                return (menu, item.position, nil)
            }
        case .map(let pairs):
            return pairs.compactMap { pair in
                if pair.value.isNull { return (pair.key, pair.value.position, nil) }
                guard read.mapping(pair.value, what: "'\(key): \(pair.key)'") != nil else { return nil }
                return (pair.key, pair.value.position, pair.value)
            }
        case .null, .bool, .int, .double:
            read.log.error(
                read.file, value.position, "'\(key)' must name a menu, not \(value.typeName)",
                hint: "write 'menu: main' for the site's menu, 'menu: footer' for the footer's links")
            return []
        }
    }
}
