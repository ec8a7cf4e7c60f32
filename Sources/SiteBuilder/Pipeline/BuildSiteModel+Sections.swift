import Markdown

extension BuildSiteModel {
    /// Every folder with pages in it, or below it, as a section; the top one (the front page)
    /// first. Each knows its index page, its sub-sections and its own regular pages in listing
    /// order (`ordered`). A folder without `_index.md` whose listing would land where a page is
    /// is an error at the page; so are two folders whose names make one URL.
    func buildSections(
        pages: [Page], ordered: [Int], pageByPath: [String: Int], collation: Collation, reading: ReadingOrder
    ) -> (sections: [Section], byFolder: [String: Int]) {
        var sections = [Section(folder: "", path: config.root, title: config.title, indexPage: nil, parent: nil)]
        var byFolder = ["": 0]
        func section(for folder: String) -> Int {
            if let index = byFolder[folder] { return index }
            let cut = folder.lastIndex(of: "/")
            let parent = section(for: cut.map { String(folder[..<$0]) } ?? "")
            let name = cut.map { String(folder[folder.index(after: $0)...]) } ?? folder
            sections.append(
                Section(
                    folder: folder, path: config.sitePath(ofFolder: folder),
                    title: PageTitle.fromName(config.links.names.withoutPrefix(name)),
                    indexPage: nil, parent: parent))
            byFolder[folder] = sections.count - 1
            sections[parent].children.append(sections.count - 1)
            return sections.count - 1
        }
        for index in pages.indices {
            switch pages[index].kind {
            case .home:
                sections[0].indexPage = index
                if !pages[index].title.isEmpty { sections[0].title = pages[index].title }
            case .sectionIndex:
                let s = section(for: pages[index].folder)
                sections[s].indexPage = index
                sections[s].title = pages[index].title
            case .regular:
                _ = section(for: pages[index].folder)
            case .standalone:
                break
            }
        }
        for index in ordered where pages[index].kind == .regular {
            sections[byFolder[pages[index].folder]!].pages.append(index)
        }
        // A folder without a page of its own takes the title the nav gives it.
        for s in sections.indices where sections[s].indexPage == nil {
            if let title = reading.folderTitles[sections[s].folder] { sections[s].title = title }
        }
        // Sub-sections in listing order, as pages: where the nav first names them or a page in
        // them, then weight of their index page, then title.
        func rank(_ s: Int) -> (Int, Int) {
            (reading.folderRank[sections[s].folder] ?? Int.max, weight(sections[s], pages))
        }
        for s in sections.indices where sections[s].children.count > 1 {
            let byTitle = collation.sorted(sections[s].children) { sections[$0].title }
            sections[s].children = byTitle.enumerated().sorted {
                let (left, right) = (rank($0.element), rank($1.element))
                return (left.0, left.1, $0.offset) < (right.0, right.1, $1.offset)
            }.map(\.element)
        }
        return (sections, byFolder)
    }

    private func weight(_ section: Section, _ pages: [Page]) -> Int {
        // A folder without a page of its own is ordered by its name's number prefix, where names have one.
        let ofName = section.folder.split(separator: "/").last.flatMap {
            ParseFrontMatter.prefixWeight(of: $0 + "/index.md", kind: .sectionIndex, names: config.links.names)
        }
        return Page.order(ofWeight: section.indexPage.map { pages[$0].weight } ?? ofName ?? 0)
    }

    /// The content folder as messages show it, from a page's paths.
    static func contentRoot(of pages: [Page]) -> String {
        pages.first.map { String($0.source.displayPath.dropLast($0.source.relativePath.count + 1)) } ?? "Content"
    }

    /// Reports two folders that become one path, and a page at the path of a folder's listing;
    /// the answer is the paths reported (`Site.clashes`).
    func checkSectionPaths(_ sections: [Section], pages: [Page], pageByPath: [String: Int]) -> Set<String> {
        var reported = Set<String>()
        var folderByPath: [String: String] = [:]
        let root = Self.contentRoot(of: pages)
        for section in sections {
            let folder = section.folder.isEmpty ? root : root + "/" + section.folder
            if let other = folderByPath[section.path] {
                log.error(
                    folder, .start, "this folder and \(other) both become \(section.path)",
                    hint: "rename one of the folders")
                reported.insert(section.path)
            }
            folderByPath[section.path] = folder
            if section.indexPage == nil, let page = pageByPath[section.path] {
                log.error(
                    pages[page].source.displayPath, .start,
                    "this page and the listing of the folder \(folder)/ both become \(section.path)",
                    hint: "move the page to \(folder)/_index.md to make it the folder's page, or rename one of them")
                reported.insert(section.path)
            }
        }
        return reported
    }
}
