import Foundation
import Markdown

/// A GitHub wiki's `_Sidebar.md` as site.yaml's `nav:`: its links to the wiki's pages in their
/// order (`[[Getting Started]]`, `[text](Getting-Started)`), those under a heading or a line of
/// bold text (`## Examples`, `**Start**`) grouped under it; links to other sites, and pages the
/// wiki has not, are left out.
enum WikiSidebar {
    /// The nav's YAML (`nav:` and its entries) and how many top-level entries it has; empty and 0
    /// when the sidebar links to no page. `pages`: the wiki's Markdown files, paths below it.
    static func nav(sidebar: String, pages: [String]) -> (yaml: String, count: Int) {
        let sorted = pages.sorted()
        let byName = WikiName.index(sorted)
        var top: [(title: String, entries: [String])] = []
        var group: (title: String, entries: [String])? = nil
        func close() {
            if let open = group, !open.entries.isEmpty { top.append(open) }
            group = nil
        }
        for raw in sidebar.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let heading = Self.heading(line)
            let links = Self.links(in: line)
            let entries = links.compactMap { text, target -> String? in
                guard let name = WikiName.of(link: target.split(separator: "#").first.map(String.init) ?? target),
                    let place = WikiName.find(name, in: byName)
                else { return nil }
                let path = sorted[place]
                return "\(YAMLScalar.written(text)): \(YAMLScalar.written(path))"
            }
            if let heading, entries.isEmpty {
                close()
                group = (heading, [])
                continue
            }
            for entry in entries {
                if group != nil { group!.entries.append(entry) } else { top.append((entry, [])) }
            }
        }
        close()
        guard !top.isEmpty else { return ("", 0) }
        var yaml = "nav:  # the wiki's _Sidebar.md\n"
        for item in top {
            if item.entries.isEmpty {
                yaml += "  - \(item.title)\n"
            } else {
                yaml += "  - \(YAMLScalar.written(item.title)):\n" + item.entries.map { "      - \($0)\n" }.joined()
            }
        }
        return (yaml, top.count)
    }

    /// A heading's text (`## Examples`), or a line of bold text alone (`**Start**`); nil otherwise.
    private static func heading(_ line: String) -> String? {
        var text = Substring(line)
        if text.hasPrefix("#") {
            text = text.drop { $0 == "#" }
        } else if text.hasPrefix("**"), text.hasSuffix("**"), text.count > 4 {
            text = text.dropFirst(2).dropLast(2)
        } else {
            return nil
        }
        let title = text.trimmingCharacters(in: .whitespaces)
        return title.isEmpty ? nil : title
    }

    /// The line's links to pages, in order: (text, target), wiki links and Markdown links alike.
    private static func links(in line: String) -> [(String, String)] {
        let markdown = WikiLinks.rewrite(line: Array(line.utf8)).map { String(decoding: $0, as: UTF8.self) } ?? line
        var found: [(String, String)] = []
        var rest = Substring(markdown)
        while let open = rest.firstIndex(of: "[") {
            // Each link read as mdBook's SUMMARY.md reads one (brackets, escapes, `<destination>`).
            guard let (written, target) = MdBookSummary.link(rest[open...]) else {
                rest = rest[rest.index(after: open)...]
                continue
            }
            rest = rest[rest.index(after: open)...]
            let text = written.replacingOccurrences(of: "\\[", with: "[").replacingOccurrences(of: "\\]", with: "]")
                .trimmingCharacters(in: .whitespaces)
            guard !target.contains("://"), !target.hasPrefix("#"), !text.isEmpty else { continue }
            found.append((text, target))
        }
        return found
    }
}
