/// VitePress' `themeConfig.sidebar` as site.yaml's `nav:`, and its `themeConfig.nav` as `menu:`:
/// a link to one of the site's pages (`/guide/features`, `/guide/`, `./cli.html`) as its file, an
/// item with `items` as a group (its own link first), a link out of the site as a link. A sidebar
/// for each part of the site (`{'/guide/': […], '/config/': […]}`) is one nav, each part a group
/// titled as the menu titles its link (`Guide`), its own group's title when it has only one.
/// What cannot be carried over is in `notes`.
struct VitePressSidebar {
    /// The pages' files below the content folder (`guide/index.md`).
    let pages: Set<String>
    /// The folder of a language's pages (`zh/`), left out of its links: `nav.zh:` names the
    /// default language's files. Empty for the default language.
    var languageFolder = ""
    private(set) var notes: [String] = []
    /// Top-level entries written.
    private(set) var topCount = 0
    private(set) var missing: [String] = []

    init(pages: Set<String>) { self.pages = pages }

    /// The `nav:` entries (indented YAML lines) for the sidebar setting; nil when there is none.
    mutating func nav(_ sidebar: JSLiteral?, menu: JSLiteral?) -> String? {
        var lines: [String] = []
        switch sidebar {
        case .array(let items)?:
            for item in items { lines += entry(item, depth: 1, base: "") }
            topCount = items.count
        case .object?:
            for (prefix, part) in sidebar?.pairs ?? [] {
                // `{'/guide/': {base: '/guide/', items: […]}}` is VitePress' other way to write one.
                let items = part.array ?? part["items"]?.array ?? []
                let base = part["base"]?.string ?? ""
                guard !items.isEmpty else { continue }
                if prefix == "/" || prefix == "/" + languageFolder || items.count == 1 {
                    for item in items { lines += entry(item, depth: 1, base: base) }
                    topCount += items.count
                    continue
                }
                let title = menuTitle(for: prefix, in: menu) ?? Self.folderTitle(prefix)
                lines.append("  - \(YAMLScalar.written(title)):")
                for item in items { lines += entry(item, depth: 2, base: base) }
                topCount += 1
            }
        default:
            return nil
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n") + "\n"
    }

    /// The `menu:` entries (indented YAML lines) for `themeConfig.nav`: each link, a drop-down
    /// menu as its first link (Kretslopp's menu has no drop-downs); nil when there is none.
    mutating func menu(_ nav: JSLiteral?) -> String? {
        guard let items = nav?.array, !items.isEmpty else { return nil }
        var lines: [String] = []
        var folded: [String] = []
        for item in items {
            guard let text = item["text"]?.string else { continue }
            var link = item["link"]?.string
            if link == nil, let first = Self.firstLink(in: item) {
                link = first
                folded.append(text)
            }
            guard let link else { continue }
            lines.append("  - title: \(YAMLScalar.written(text))")
            lines.append("    url: \(YAMLScalar.written(url(link)))")
        }
        if !folded.isEmpty {
            notes.append(
                "the menu's drop-downs (\(folded.joined(separator: ", "))) are each their first link: "
                    + "Kretslopp's menu bar has no drop-downs")
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n") + "\n"
    }

    /// The first `link` among an item's `items`, at any depth.
    private static func firstLink(in item: JSLiteral) -> String? {
        for child in item["items"]?.array ?? [] {
            if let link = child["link"]?.string { return link }
            if let deeper = firstLink(in: child) { return deeper }
        }
        return nil
    }

    /// A menu link as the site's URL: a page's path with the `/` Kretslopp's URLs end in.
    private func url(_ link: String) -> String {
        guard let file = file(for: link) else { return link }
        if file == "index.md" { return "/" }
        let path =
            file.hasSuffix("/index.md") ? String(file.dropLast("index.md".count)) : String(file.dropLast(3)) + "/"
        return "/" + path
    }

    /// `base`: what the item's links start with (an item's or its part's `base:`, VitePress' way
    /// to write `{base: '/guide/', items: [{text: 'CLI', link: 'cli'}]}`).
    private mutating func entry(_ item: JSLiteral, depth: Int, base inherited: String) -> [String] {
        let indent = String(repeating: "  ", count: depth)
        let text = item["text"]?.string
        let children = item["items"]?.array ?? []
        let base = item["base"]?.string ?? inherited
        let link = item["link"]?.string.map { base.isEmpty || $0.contains("://") ? $0 : base + $0 }
        if !children.isEmpty {
            var lines = ["\(indent)- \(YAMLScalar.written(text ?? "")):"]
            if let link, let own = target(link) {
                lines.append("\(indent)  - " + (text.map { YAMLScalar.written($0) + ": " } ?? "") + own)
            }
            for child in children { lines += entry(child, depth: depth + 1, base: base) }
            return lines
        }
        guard let link, let target = target(link) else { return [] }
        return ["\(indent)- " + (text.map { YAMLScalar.written($0) + ": " } ?? "") + target]
    }

    /// A link as the nav writes it: a page's file, or the link itself when it leaves the site;
    /// nil (said in `notes`) for a page that is not there.
    private mutating func target(_ link: String) -> String? {
        if link.contains("://") || link.hasPrefix("mailto:") { return YAMLScalar.written(link) }
        if let file = file(for: link) { return YAMLScalar.written(file) }
        missing.append(link)
        return nil
    }

    /// The page a link names (`/guide/`, `/guide/features`, `/guide/features.html`, `/zh/guide/`),
    /// as its file below the content folder (the default language's for a translation's).
    func file(for link: String) -> String? {
        var path = String(link.prefix { $0 != "#" && $0 != "?" })
        while path.hasPrefix("/") || path.hasPrefix("./") { path.removeFirst(path.hasPrefix("/") ? 1 : 2) }
        if !languageFolder.isEmpty, path.hasPrefix(languageFolder) { path.removeFirst(languageFolder.count) }
        if path.hasSuffix(".html") { path.removeLast(5) } else if path.hasSuffix(".md") { path.removeLast(3) }
        let isFolder = path.isEmpty || path.hasSuffix("/")
        let folder = isFolder ? path : path + "/"
        let candidates = (isFolder ? [] : [path + ".md"]) + [folder + "index.md", folder + "README.md"]
        return candidates.first { pages.contains(languageFolder + $0) || pages.contains($0) }
    }

    /// The menu's title for the part of the site at `prefix` (the item whose link is in it).
    private func menuTitle(for prefix: String, in menu: JSLiteral?) -> String? {
        for item in menu?.array ?? [] {
            guard let text = item["text"]?.string, let link = item["link"]?.string else { continue }
            if link.hasPrefix(prefix) || (prefix.hasSuffix("/") && link == prefix.dropLast()) { return text }
        }
        return nil
    }

    /// `/api-reference/` as a title: `Api reference`.
    private static func folderTitle(_ prefix: String) -> String {
        let name = prefix.split(separator: "/").last.map(String.init) ?? prefix
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
