import Templates

/// An entry of `siteNav`: the site's navigation (site.yaml's `nav:`) as one page sees it.
struct SiteNavValues: TemplateValueConvertible, Sendable {
    var title: String
    /// Relative to the page; a link's URL as written; empty for a group.
    var url: String
    var isGroup: Bool
    /// A link out of the site.
    var isLink: Bool
    /// This page.
    var current: Bool
    /// This page, or an entry below it is: a group to show open.
    var inTrail: Bool
    /// The entries below it (empty for most; always given, so that a template's
    /// `{{#items}}` never finds its parent's).
    var items: [SiteNavValues]

    var templateValue: TemplateValue {
        [
            "title": .string(title), "url": .string(url), "isGroup": .bool(isGroup), "isLink": .bool(isLink),
            "current": .bool(current), "inTrail": .bool(inTrail), "items": items.templateValue,
        ]
    }

    /// The navigation seen from the page at `path`, its links relative to `url`.
    static func of(_ nodes: [SiteNavNode], path: String, url: SiteURL) -> [SiteNavValues] {
        nodes.map { node in
            // A page's or section's entries show only where this page is among them, which is
            // below its path: elsewhere they are left out, so a page of a large site does not
            // carry every other page's entry. A group's page has its group's entries below it,
            // wherever they are.
            let below =
                node.path.map { !node.isLink && (path.hasPrefix($0) || node.isGroupPage && node.reaches(path)) } ?? true
            let items = below ? of(node.children, path: path, url: url) : []
            let current = !node.isLink && node.path == path
            return SiteNavValues(
                title: node.title, url: node.path.map { node.isLink ? $0 : url.to($0) } ?? "",
                isGroup: node.path == nil,
                isLink: node.isLink, current: current, inTrail: current || items.contains { $0.inTrail }, items: items)
        }
    }
}
