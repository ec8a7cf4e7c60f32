import Foundation
import Templates
import Testing

@testable import SiteBuilder

/// docs/theme.md against the builders in `Context/`: every shape the reference lists has the keys
/// its builder's stored properties give templates, and the default theme reads no key below
/// `page.`, `site.`, `section.`… that the build does not give.
@Suite struct ThemeContractTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func docs() throws -> String {
        try String(contentsOf: repository.appendingPathComponent("docs/theme.md"), encoding: .utf8)
    }

    /// A builder's keys: its stored properties, which it gives templates under their own names.
    static func keys(_ builder: Any) -> Set<String> { Set(Mirror(reflecting: builder).children.compactMap(\.label)) }

    // One value of each builder; only their property names matter.
    static let site = SiteValues(title: "", description: "", author: "", homeURL: "")
    static let assets = AssetValues(css: "", js: "", root: "")
    static let common = CommonValues(
        lang: "", rtl: false, i18n: [:], site: site, assets: assets, searchURL: "", searchEngine: "",
        menu: [], pageTitle: "", canonical: "", feedURL: "", liveReload: "", iconSprite: "", isHome: false)
    static let card = CardValues(
        title: "", summary: "", url: "", section: "", folder: "", date: "", dateISO: "", isDraft: false, params: [:],
        status: nil, facetKeys: "", taxonomies: [], tags: [])
    static let page = PageValues(
        card: [:], content: [], titleID: nil, titleInContent: false, toc: [], hasToc: false, hasFacts: false,
        organisations: [], roleGroups: [])
    static let section = SectionValues(
        title: "", url: "", summary: "", pageCount: 0, sectionCount: 0, folder: "", isTop: false, hasPages: false,
        hasChildren: false, isPageBundle: false, children: [], parents: [])
    static let taxonomy = TaxonomyValues(key: "", title: "", singular: "", path: "", param: "", url: "")
    static let term = TermValues(id: "", title: "", slug: "", url: "", icon: "", description: "", param: "")
    static let pager = PagerValues(current: 1, total: 2, pages: [], first: 1, last: 1, previous: nil, next: nil)
    static let collection = CollectionValues(key: "", title: "", singular: "", url: "")
    static let record = RecordValues(
        id: "", title: "", url: "", description: "", fields: [:], projectCount: 0, type: nil)
    static let report = ReportValues(title: "", subtitle: "", author: "", date: "", dateISO: "", siteURL: "")
    static let pageTitle = PageTitleValues(title: "")
    static let siteNav = SiteNavValues(
        title: "", url: "", isGroup: false, isLink: false, current: false, inTrail: false, items: [])

    /// A full page's keys: its card's and its own (`card` is not a key; `anchor` is the report's).
    static var pageKeys: Set<String> { keys(card).union(keys(page)).subtracting(["card", "anchor"]) }

    @Test func everyShapeInTheReferenceHasItsBuildersKeys() throws {
        let docs = DocumentedShapes(try Self.docs())
        let shapes: [(String, documented: Set<String>, built: Set<String>)] = [
            ("keys every template gets", docs.block(after: "## Keys every template gets"), Self.keys(Self.common)),
            ("site", docs.braces(after: ["\nsite "]), Self.keys(Self.site)),
            ("assets", docs.braces(after: ["\nassets "]), Self.keys(Self.assets)),
            ("menu", docs.braces(after: ["\nmenu "]), Self.keys(MenuItemValues(title: "", url: "", current: false))),
            ("siteNav", docs.braces(after: ["\nsiteNav "]), Self.keys(Self.siteNav)),
            ("breadcrumbs", docs.braces(after: ["\nbreadcrumbs "]), Self.keys(LinkValues(title: "", url: ""))),
            ("page", docs.block(after: "A **page**"), Self.pageKeys),
            ("status", docs.braces(after: ["\nstatus "]), Self.keys(StatusValues(id: "", title: ""))),
            ("toc", docs.braces(after: ["\ntoc "]), Self.keys(TocEntry(id: "", title: "", children: nil))),
            (
                "organisations", docs.braces(after: ["\norganisations "]),
                Self.keys(OrganisationValues(title: "", url: "", type: "", roles: ""))
            ),
            (
                "roleGroups", docs.braces(after: ["\nroleGroups "]),
                Self.keys(RoleGroup(role: "", title: "", organisations: []))
            ),
            ("section", docs.block(after: "A **section**"), Self.keys(Self.section)),
            (
                "section link", docs.braces(after: ["A section link:"]),
                Self.keys(SectionLink(title: "", url: "", summary: "", pageCount: 0, sectionCount: 0))
            ),
            ("term", docs.braces(after: ["A **term**:"]), Self.keys(Self.term)),
            ("taxonomy", docs.braces(after: ["A **taxonomy**:"]), Self.keys(Self.taxonomy)),
            ("collection", docs.braces(after: ["A **collection**:"]), Self.keys(Self.collection)),
            (
                "records' groups", docs.braces(after: ["`groups` on `records`:"]),
                Self.keys(RecordGroup(type: TypeValues(id: "", title: ""), records: []))
            ),
            ("record", docs.braces(after: ["A **record**:"]), Self.keys(Self.record)),
            ("record type", docs.braces(after: ["A **record**:", "type:"]), Self.keys(TypeValues(id: "", title: ""))),
            (
                "record roles", docs.braces(after: ["A **record**:", "roles:"]),
                Self.keys(RecordRole(role: "", title: "", projects: []))
            ),
            ("pager", docs.braces(after: ["\npager "]), Self.keys(Self.pager)),
            (
                "pager pages",
                docs.braces(after: ["\npager ", "pages:"]).union(docs.braces(after: ["\npager ", "pages:", "or"])),
                Self.keys(PagerLink())
            ),
            ("report", docs.braces(after: ["`report`:"]), Self.keys(Self.report)),
            (
                "report groups", docs.braces(after: ["## The report", "`groups`:"]),
                Self.keys(ReportGroup(id: "", title: "", projects: []))
            ),
            (
                "page of other pages", docs.braces(after: ["Pages other than Markdown pages", "without"]),
                Self.keys(Self.pageTitle)
            ),
            (
                "page-specific keys", docs.tableKeys(after: "## Templates and which pages use them"),
                Self.keys(TemplateRoot(common: Self.common)).subtracting(["common"])
            ),
        ]
        for (name, documented, built) in shapes {
            #expect(!documented.isEmpty, "docs/theme.md lists no keys for \(name)")
            let neverGiven = documented.subtracting(built).sorted()
            let undocumented = built.subtracting(documented).sorted()
            #expect(neverGiven.isEmpty, "\(name): documented, never given: \(neverGiven)")
            #expect(undocumented.isEmpty, "\(name): given, not documented: \(undocumented)")
        }
    }

    /// A builder's properties whose value is nil (an optional key left out).
    static func unset(_ builder: Any) -> Set<String> {
        Set(
            Mirror(reflecting: builder).children.compactMap { child in
                let value = Mirror(reflecting: child.value)
                return value.displayStyle == .optional && value.children.isEmpty ? child.label : nil
            })
    }

    /// The keys a built value shows templates.
    static func given(_ value: TemplateValue) -> Set<String> {
        switch value {
        case .map(let values): return Set(values.keys)
        case .reused(let values): return Set(values.values.keys)
        default: return []
        }
    }

    // The contract above reads the builders' property names; this holds them to what they give:
    // a property given under another name (or a key given with no property) fails here.
    @Test func everyBuilderGivesItsPropertiesUnderTheirOwnNames() {
        let builders: [any TemplateValueConvertible] = [
            Self.site, Self.assets, Self.common, Self.card, Self.section, Self.taxonomy, Self.term, Self.pager,
            Self.collection, Self.record, Self.report, Self.pageTitle,
            MenuItemValues(title: "", url: "", current: false), LinkValues(title: "", url: ""), Self.siteNav,
            StatusValues(id: "", title: ""), TocEntry(id: "", title: "", children: []),
            OrganisationValues(title: "", url: "", type: "", roles: ""),
            RoleGroup(role: "", title: "", organisations: []),
            SectionLink(title: "", url: "", summary: "", pageCount: 0, sectionCount: 0),
            TypeValues(id: "", title: ""), RecordRole(role: "", title: "", projects: []),
            RecordGroup(type: TypeValues(id: "", title: ""), records: []), PagerLink(number: 1, url: "", current: true),
            ReportGroup(id: "", title: "", projects: []),
            PagerValues(current: 2, total: 3, pages: [], first: 1, last: 1, previous: "a", next: "b"),
        ]
        for builder in builders {
            let properties = Self.keys(builder)
            let given = Self.given(builder.templateValue)
            #expect(!given.isEmpty, "\(type(of: builder)) gives templates no keys")
            #expect(
                given.isSubset(of: properties),
                "\(type(of: builder)) gives \(given.subtracting(properties).sorted()), which it has no property for")
            let missing = properties.subtracting(Self.unset(builder)).subtracting(given).sorted()
            #expect(missing.isEmpty, "\(type(of: builder)) never gives \(missing)")
        }
    }

    @Test func theDefaultThemeReadsOnlyKeysTheBuildGives() throws {
        let theme = try MustacheTheme(directory: Self.repository.appendingPathComponent("Themes/default/templates"))
        let given: [String: Set<String>] = [
            "site": Self.keys(Self.site), "assets": Self.keys(Self.assets),
            "page": Self.pageKeys.union(Self.keys(Self.pageTitle)).union(["anchor"]),
            "section": Self.keys(Self.section), "pager": Self.keys(Self.pager), "term": Self.keys(Self.term),
            "taxonomy": Self.keys(Self.taxonomy), "record": Self.keys(Self.record),
            "collection": Self.keys(Self.collection), "report": Self.keys(Self.report),
        ]
        var checked = 0
        for (root, keys) in given {
            for use in theme.keys(below: root) {
                checked += 1
                let reference = use.reference
                #expect(
                    keys.contains(reference.name),
                    "\(use.file):\(reference.line):\(reference.column): \(root).\(reference.name) is never given")
            }
        }
        #expect(checked > 20)
    }
}

/// The keys docs/theme.md lists for a shape, read from its text.
struct DocumentedShapes {
    let text: String

    init(_ text: String) { self.text = text }

    /// The index after the anchors, found one after the other.
    private func position(after anchors: [String]) -> String.Index? {
        var index = text.startIndex
        for anchor in anchors {
            guard let found = text.range(of: anchor, range: index..<text.endIndex) else { return nil }
            index = found.upperBound
        }
        return index
    }

    /// The keys of the first `{ … }` after the anchors: each top-level entry's first word
    /// (`type: { id, title } or absent` is `type`, `icon (raw SVG)` is `icon`); commas in quoted
    /// examples (`roles: "Koordinator, Partner"`) part nothing.
    func braces(after anchors: [String]) -> Set<String> {
        guard let start = position(after: anchors), let open = text[start...].firstIndex(of: "{") else { return [] }
        var depth = 0
        var quoted = false
        var entries: [String] = []
        var entry = ""
        for character in text[text.index(after: open)...] {
            if character == "\"" { quoted.toggle() }
            if quoted {
                entry.append(character)
                continue
            }
            if "{[(".contains(character) { depth += 1 }
            if "}])".contains(character) {
                if depth == 0 { break }
                depth -= 1
            }
            if character == ",", depth == 0 {
                entries.append(entry)
                entry = ""
            } else {
                entry.append(character)
            }
        }
        entries.append(entry)
        return Set(entries.compactMap(Self.firstWord))
    }

    /// The keys of the first code block after `anchor`: the words a line starts with
    /// (`title, summary, url,`), lines that start with a space continue the one above.
    func block(after anchor: String) -> Set<String> {
        guard let start = position(after: [anchor]), let fence = text.range(of: "```\n", range: start..<text.endIndex),
            let end = text.range(of: "\n```", range: fence.upperBound..<text.endIndex)
        else { return [] }
        var keys: Set<String> = []
        for line in text[fence.upperBound..<end.lowerBound].split(separator: "\n") where line.first?.isLetter == true {
            for part in line.split(separator: ",") {
                guard let word = Self.firstWord(String(part)) else { break }
                keys.insert(word)
                // Only a list of names goes on after a comma: `hasPages, hasChildren   bool`.
                if part.trimmingCharacters(in: .whitespaces) != word { break }
            }
        }
        return keys
    }

    /// The names in backticks in the last column of the table after `anchor`.
    func tableKeys(after anchor: String) -> Set<String> {
        guard let start = position(after: [anchor]) else { return [] }
        var keys: Set<String> = []
        let lines = text[start...].split(separator: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        for line in lines {
            guard let column = line.split(separator: "|").last else { continue }
            let parts = column.split(separator: "`", omittingEmptySubsequences: false)
            // Outside parentheses: `record` (its `roles` hold the cards) names one key.
            var depth = 0
            for (i, part) in parts.enumerated() {
                if i % 2 == 1, depth == 0 { keys.insert(String(part)) }
                if i % 2 == 0 { depth += part.filter { $0 == "(" }.count - part.filter { $0 == ")" }.count }
            }
        }
        return keys.filter { $0.allSatisfy(\.isLetter) }
    }

    private static func firstWord(_ entry: String) -> String? {
        let word = entry.trimmingCharacters(in: .whitespacesAndNewlines).prefix { $0.isLetter || $0.isNumber }
        return word.isEmpty ? nil : String(word)
    }
}
