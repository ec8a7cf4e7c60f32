import Markdown

/// site.yaml's `nav:` resolved to the site's pages: the order a tree brought from MkDocs is read
/// in. Listings put what it names first, in its order; previous and next follow it across sections.
///
/// A folder entry (`- User guide: user-guide/`) stands for its section: the section's page, then
/// its pages and sub-sections in listing order, except those the nav names elsewhere.
struct ReadingOrder: Sendable {
    /// Each page's rank for listings (nil: not in the nav): the place of the entry naming it, else
    /// of the nearest folder entry above it. Pages of one folder entry share its rank.
    private(set) var rank: [Int?]
    /// Each folder's rank: the first entry naming it, a folder above it, or a page in or below it.
    private(set) var folderRank: [String: Int] = [:]
    /// The title the nav gives a page (`- Installation: getting-started.md`).
    private(set) var titles: [Int: String] = [:]
    /// The title the nav gives a folder (`- Developer guide: dev-guide/`), for a section whose
    /// title would otherwise be made from the folder's name.
    private(set) var folderTitles: [String: String] = [:]
    /// The menu the nav's top level makes (for a site.yaml without `menu:`): each top-level page,
    /// folder or link, and each group as its first page, titled by the group (`coveringMenu`).
    private var menu: [MenuItem] = []
    /// The top-level entry each item of `menu` stands for.
    private var menuTops: [Int] = []
    /// The entries that name something, in order.
    private var items: [Item] = []
    /// The pages in reading order, each once (`follow(sections:byFolder:)`), and their places.
    private var sequence: [Int] = []
    private var place: [Int: Int] = [:]

    private enum Item: Sendable {
        case page(Int)
        /// A folder entry, and its place in `config.nav`.
        case folder(String, entry: Int)
    }

    /// What each entry of `config.nav` names (nil: nothing found).
    private var targets: [Target?] = []
    /// The pages a folder entry brings besides the section's own page, by its place in `config.nav`.
    private var brought: [Int: [Int]] = [:]

    private enum Target: Sendable {
        case page(Int)
        case folder(String)
        case link(String)
    }

    var isEmpty: Bool { items.isEmpty }

    /// No nav.
    init() { rank = [] }

    /// Resolves `config.nav` against `pages` (by source path, `pageBySource`); an entry naming no
    /// page is a warning at its line, unless it is one of `untranslated` (the default language's
    /// pages, in another language).
    init(
        config: SiteConfig, pages: [Page], pageBySource: [String: Int], untranslated: Set<String> = [],
        log: DiagnosticLog
    ) {
        rank = Array(repeating: nil, count: config.nav.isEmpty ? 0 : pages.count)
        guard !config.nav.isEmpty else { return }
        var folders = Set(pages.map(\.folder))
        for folder in Array(folders) { folders.formUnion(Self.parents(of: folder)) }
        var folderEntry: [String: Int] = [:]
        var firstPage: [Int: Int] = [:]
        var folderPage: [String: Int] = [:]
        for (index, page) in pages.enumerated() where page.kind == .home || page.kind == .sectionIndex {
            folderPage[page.folder] = index
        }
        targets = Array(repeating: nil, count: config.nav.count)
        for (e, entry) in config.nav.enumerated() {
            if entry.isLink {
                targets[e] = .link(entry.target)
                continue
            }
            let path = SourceFile.pagePath(entry.relativePath, mdx: config.mdx)
            let isMarkdown = path.lowercased().hasSuffix(".md")
            let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
            if isMarkdown, let index = pageBySource[path] {
                if firstPage[entry.top] == nil { firstPage[entry.top] = index }
                if rank[index] == nil {
                    rank[index] = items.count
                    if let title = entry.title, !title.isEmpty { titles[index] = title }
                    mark([pages[index].folder] + Self.parents(of: pages[index].folder), items.count)
                }
                items.append(.page(index))
                targets[e] = .page(index)
            } else if !isMarkdown, folders.contains(folder) {
                if folderEntry[folder] == nil { folderEntry[folder] = items.count }
                if firstPage[entry.top] == nil, let index = folderPage[folder] { firstPage[entry.top] = index }
                if let title = entry.title, !title.isEmpty, folderTitles[folder] == nil {
                    folderTitles[folder] = title
                    // Links to the section's page show it too, unless the nav titles that page itself.
                    if let index = folderPage[folder], titles[index] == nil { titles[index] = title }
                }
                mark([folder] + Self.parents(of: folder), items.count)
                items.append(.folder(folder, entry: e))
                targets[e] = .folder(folder)
            } else if untranslated.contains(path)
                || !isMarkdown && untranslated.contains(where: { $0.hasPrefix(folder + "/") })
            {
                // A page, or a folder of pages, of the default language not yet in this one.
                continue
            } else if isMarkdown || path.hasSuffix("/") || !path.contains(".") {
                log.warning(
                    config.file, entry.position, "nav names '\(entry.target)', which is not a page of this site",
                    hint: "write its path below the content folder, as in mkdocs.yml (a draft is left out "
                        + "unless built with --drafts), or remove the entry")
            }
            // Any other file (`api.html`, `logo.png`) is a link, as MkDocs takes it: not a page.
        }
        (menu, menuTops) = Self.menu(config.nav, firstPage: firstPage, titles: titles, pages: pages)
        // A page no entry names takes the rank of the nearest folder entry above it, and so
        // does a folder below one.
        guard !folderEntry.isEmpty else { return }
        for index in pages.indices where rank[index] == nil {
            let folder = pages[index].folder
            rank[index] = ([folder] + Self.parents(of: folder)).lazy.compactMap { folderEntry[$0] }.first
        }
        for folder in folders where folderRank[folder] == nil {
            if let above = Self.parents(of: folder).lazy.compactMap({ folderEntry[$0] }).first {
                folderRank[folder] = above
            }
        }
    }

    private static func menu(_ nav: [NavEntry], firstPage: [Int: Int], titles: [Int: String], pages: [Page])
        -> ([MenuItem], [Int])
    {
        var menu: [MenuItem] = []
        var tops: [Int] = []
        var done = Set<Int>()
        for (i, entry) in nav.enumerated() where done.insert(entry.top).inserted {
            let title = entry.topTitle.flatMap { $0.isEmpty ? nil : $0 }
            let alone = i + 1 == nav.count || nav[i + 1].top != entry.top
            if entry.isLink && alone {
                menu.append(MenuItem(title: title ?? entry.target, path: entry.target, position: entry.position))
                tops.append(entry.top)
            } else if let page = firstPage[entry.top] {
                let name = title ?? titles[page] ?? pages[page].title
                menu.append(MenuItem(title: name, path: pages[page].path, position: entry.position))
                tops.append(entry.top)
            }
        }
        return (menu, tops)
    }

    /// Folders come no later than `rank`.
    private mutating func mark(_ folders: [String], _ rank: Int) {
        for folder in folders where folderRank[folder].map({ $0 > rank }) ?? true { folderRank[folder] = rank }
    }

    /// `a/b/c` -> `a/b`, `a` (not the top, `""`).
    private static func parents(of folder: String) -> [String] {
        var parents: [String] = []
        var rest = Substring(folder)
        while let slash = rest.lastIndex(of: "/") {
            rest = rest[..<slash]
            parents.append(String(rest))
        }
        return parents
    }

    /// Puts the pages in reading order, once the sections list theirs: each entry's page, or a
    /// folder entry's section from its page down, passing over what the nav names itself.
    mutating func follow(sections: [Section], byFolder: [String: Int]) {
        guard !items.isEmpty else { return }
        func add(_ index: Int) {
            guard place[index] == nil else { return }
            place[index] = sequence.count
            sequence.append(index)
        }
        let named = Set(items.compactMap { item -> Int? in if case .page(let index) = item { index } else { nil } })
        func walk(_ s: Int) {
            if let index = sections[s].indexPage, !named.contains(index) { add(index) }
            for index in sections[s].pages where !named.contains(index) { add(index) }
            for child in sections[s].children { walk(child) }
        }
        for item in items {
            switch item {
            case .page(let index): add(index)
            case .folder(let folder, let entry):
                guard let s = byFolder[folder] else { continue }
                if let index = sections[s].indexPage { add(index) }
                let start = sequence.count
                walk(s)
                brought[entry] = Array(sequence[start...])
            }
        }
    }

    /// The menu, each item covering the pages of its top-level entry (a group's, a folder's), so
    /// that it is current on each of them. Made once `follow(sections:byFolder:)` has run.
    func coveringMenu(config: SiteConfig, pages: [Page]) -> [MenuItem] {
        var menu = self.menu
        for (i, top) in menuTops.enumerated() {
            for (e, entry) in config.nav.enumerated() where entry.top == top {
                switch targets[e] {
                case .page(let index): menu[i].covers.insert(pages[index].path)
                case .folder: for index in brought[e] ?? [] { menu[i].covers.insert(pages[index].path) }
                case .link, nil: break
                }
            }
        }
        return menu
    }

    /// The nav as the site's navigation: each entry resolved to a page, a section or a link (an
    /// entry naming nothing left out), a folder entry with the pages it brings below it, a group
    /// titled `""` by its first page. With `indexes` (`navIndexes`), a group whose first entry is
    /// a folder's own page has it as its link, the other entries below. Made once
    /// `follow(sections:byFolder:)` has run.
    func tree(_ nodes: [NavNode], site: Site, indexes: Bool = false) -> [SiteNavNode] {
        nodes.compactMap { node in
            guard let e = node.entry else {
                var children = tree(node.children, site: site, indexes: indexes)
                guard let first = children.first else { return nil }
                let title = node.title.flatMap { $0.isEmpty ? nil : $0 } ?? first.title
                if indexes, let entry = node.children.first?.entry, case .page(let index) = targets[entry],
                    [.sectionIndex, .home].contains(site.pages[index].kind)
                {
                    children.removeFirst()
                    return SiteNavNode(title: title, path: first.path, isGroupPage: true, children: children)
                }
                return SiteNavNode(title: title, path: nil, children: children)
            }
            let title = node.title.flatMap { $0.isEmpty ? nil : $0 }
            switch targets[e] {
            case .page(let index):
                return SiteNavNode(title: title ?? site.pages[index].title, path: site.pages[index].path)
            case .folder(let folder):
                guard let s = site.sectionByFolder[folder] else { return nil }
                let section = site.sections[s]
                let children = (brought[e] ?? []).map {
                    SiteNavNode(title: site.pages[$0].title, path: site.pages[$0].path)
                }
                return SiteNavNode(title: title ?? section.title, path: section.path, children: children)
            case .link(let url):
                return SiteNavNode(title: title ?? url, path: url, isLink: true)
            case nil:
                return nil
            }
        }
    }

    /// The pages before and after a page in reading order; nil for a page the nav does not reach.
    func neighbours(of page: Int) -> (previous: Int?, next: Int?)? {
        guard let n = place[page] else { return nil }
        return (n > 0 ? sequence[n - 1] : nil, n + 1 < sequence.count ? sequence[n + 1] : nil)
    }
}
