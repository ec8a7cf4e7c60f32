import Markdown

/// One page of site.yaml's `nav:`, the reading order as MkDocs writes it (`- Title: page.md`,
/// `- page.md`, `- Group:` with entries below it). Groups are flattened: their pages keep their
/// place, their titles are not pages.
struct NavEntry: Sendable, Equatable {
    /// The title written before the path; nil for a bare `- page.md`.
    var title: String?
    /// The path as written, relative to the content folder (`about/license.md`, `user-guide/`).
    var target: String
    /// Where the path is written in site.yaml.
    var position: SourcePosition
    /// The top-level entry it is, or is in (its place in `nav:`): a group's entries share one.
    var top: Int = 0
    /// The title of that top-level entry, the group's for an entry in a group.
    var topTitle: String? = nil

    /// The target below the content folder, without a leading `./` or `/`.
    var relativePath: String {
        var path = Substring(target)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        while path.hasPrefix("/") { path = path.dropFirst() }
        return String(path)
    }

    /// A link out of the site (`https://…`, `mailto:…`) or to an anchor: not a page, so not in the
    /// order, as MkDocs shows it only in its navigation.
    var isLink: Bool {
        target.contains("://") || target.hasPrefix("mailto:") || target.hasPrefix("#")
    }
}

/// A node of `nav:`'s tree: an entry (a page, a folder, a link) or a group of nodes.
struct NavNode: Sendable, Equatable {
    /// The title written for it; nil for a bare `- page.md`.
    var title: String?
    /// Its entry in `SiteConfig.nav`; nil for a group.
    var entry: Int? = nil
    var children: [NavNode] = []
}

/// An entry of the site's navigation, resolved: a page or section (its site path), a link out of
/// the site, or a group (no path) of entries.
struct SiteNavNode: Sendable, Equatable {
    var title: String
    /// The site path (`/guide/install/`), a link's URL, or nil for a group.
    var path: String?
    var isLink = false
    /// A group's own page (`navIndexes`): the entries below it may be anywhere in the site.
    var isGroupPage = false
    var children: [SiteNavNode] = []

    /// Whether the page at `path` is this entry's, or one of those below it.
    func reaches(_ path: String) -> Bool {
        !isLink && (self.path == path || children.contains { $0.reaches(path) })
    }
}
