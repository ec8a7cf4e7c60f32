/// A folder of pages, at any depth, with its listing page: the front page is the top one (the
/// content folder), `projekt/` and `docs/v26.2/api/` are others.
struct Section: Sendable {
    /// Folder below the content folder as written (`docs/v26.2`); empty for the top.
    var folder: String
    /// Site path of its listing page (`/docs/v26.2/`).
    var path: String
    /// Its `_index.md`'s title, else made from the folder's name (`getting-started` -> `Getting started`).
    var title: String
    /// Its `_index.md`, when it has one.
    var indexPage: Int?
    /// The section it is in; nil for the top.
    var parent: Int?
    /// Sections in it, in listing order (weight of their `_index.md`, then title).
    var children: [Int] = []
    /// Regular pages directly in its folder, in listing order.
    var pages: [Int] = []

    /// True when `sections:` in site.yaml, naming `name` (a folder as written, `projekt` or
    /// `docs/v26.2`), covers pages in `folder`: the folder itself and every folder below it.
    static func covers(_ name: String, folder: String) -> Bool {
        folder == name || (folder.hasPrefix(name) && folder.utf8.dropFirst(name.utf8.count).first == UInt8(ascii: "/"))
    }
}

extension Site {
    /// The sections from the top down to `section` (both included).
    func sectionTrail(_ section: Int) -> [Int] {
        var trail = [section]
        while let parent = sections[trail[0]].parent { trail.insert(parent, at: 0) }
        return trail
    }

    /// Regular pages in the folders that site.yaml's `sections:` names (and below them), in
    /// listing order per name.
    func pages(inSections names: [String]) -> [Int] {
        var seen = Set<Int>()
        return names.flatMap { name in
            (sectionPages[String(name.prefix { $0 != "/" })] ?? []).filter {
                Section.covers(name, folder: pages[$0].folder) && seen.insert($0).inserted
            }
        }
    }
}
