import Foundation
import Templates

/// `jsonLD`: schema.org data about the page being rendered, as JSON for
/// `<script type="application/ld+json">` (docs/theme.md): the page's `BreadcrumbList`, and a
/// `Project` for a project page (one with a status or organisations), a `BlogPosting` for a
/// dated post, an `Article` for any other page of a section, a `CollectionPage` for a section's
/// page that lists its pages and a `WebPage` for one at the top, an `Organization` for a
/// record, a `DefinedTermSet` for a page with a glossary and a `WebSite` for the front page.
/// Everything comes from the content and site.yaml; URLs are absolute where site.yaml has a
/// `baseURL`, left out otherwise.
struct StructuredData {
    let root: TemplateRoot
    /// The page's URL, checked once for the links resolved against it.
    private let base: URLReference.Base

    init(root: TemplateRoot) {
        self.root = root
        base = URLReference.Base(root.common.canonical)
    }

    /// The JSON text as UTF-8, safe inside a `<script>` element (`<`, `>` and `&` are `\u`
    /// escapes, so no value can close the element); empty when there is nothing to say.
    var jsonUTF8: [UInt8] {
        var graph: [JSONValue] = []
        if let main = mainItem { graph.append(main) }
        if let trail = breadcrumbList { graph.append(trail) }
        guard !graph.isEmpty else { return [] }
        return JSONValue.object([("@context", .string("https://schema.org")), ("@graph", .array(graph))]).utf8
    }

    /// The absolute URL of the image shown when the page is shared (the theme's touch icon, made
    /// from its logo); nil without a `baseURL`.
    var shareImage: String? { absolute(common.assets.root + "assets/apple-touch-icon.png") }

    private var common: CommonValues { root.common }
    private var canonical: String { common.canonical }

    /// The page's own title: `pageTitle` without the site's title after it.
    private var title: String {
        let suffix = " – " + common.site.title
        let full = common.pageTitle
        // Over bytes where the character before the suffix is ASCII (then the suffix's bytes are
        // its characters: it starts with a space); by Characters otherwise.
        let kept = full.utf8.count - suffix.utf8.count
        guard kept >= 0, full.utf8.reversed().starts(with: suffix.utf8.reversed()) else { return full }
        guard kept == 0 || full.utf8[full.utf8.index(full.utf8.startIndex, offsetBy: kept - 1)] < 0x80 else {
            return full.hasSuffix(suffix) ? String(full.dropLast(suffix.count)) : full
        }
        return String(Substring(full.utf8.prefix(kept)))
    }

    private func absolute(_ relative: String) -> String? {
        canonical.isEmpty ? nil : base.resolve(relative)
    }

    private var breadcrumbList: JSONValue? {
        guard let crumbs = common.breadcrumbs, !crumbs.isEmpty else { return nil }
        var items: [JSONValue] = []
        for (offset, crumb) in crumbs.enumerated() {
            items.append(listItem(offset + 1, name: crumb.title, url: absolute(crumb.url)))
        }
        items.append(listItem(crumbs.count + 1, name: title, url: canonical.isEmpty ? nil : canonical))
        return .object([("@type", .string("BreadcrumbList")), ("itemListElement", .array(items))])
    }

    private func listItem(_ position: Int, name: String, url: String?) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("@type", .string("ListItem")), ("position", .int(position)), ("name", .string(name)),
        ]
        if let url { fields.append(("item", .string(url))) }
        return .object(fields)
    }

    private var mainItem: JSONValue? {
        if let record = root.record { return organization(record) }
        if common.isHome { return website }
        guard let page = root.page else { return nil }
        // The body is searched as the bytes it is: made into a String only for a glossary.
        let marker = "class=\"glossary-entry\""
        switch page["content"] {
        case .bytes(let bytes) where bytes.containsUTF8(marker):
            return termSet(page, content: String(decoding: bytes, as: UTF8.self))
        case .string(let text) where text.containsUTF8(marker): return termSet(page, content: text)
        default: break
        }
        if page["status"] != nil || page["organisations"]?.listItems?.isEmpty == false { return project(page) }
        // A section's page lists its pages; the others are read.
        let type =
            root.projects != nil
            ? "CollectionPage"
            : page["dated"]?.isTrue == true ? "BlogPosting" : isInSection(page) ? "Article" : "WebPage"
        return article(page, type: type)
    }

    private func isInSection(_ page: TemplateValue) -> Bool {
        guard let section = page["section"]?.text else { return false }
        return !section.isEmpty
    }

    /// A page that is no project: who wrote it (its authors, else the site's author), when, in
    /// what language, about what.
    private func article(_ page: TemplateValue, type: String) -> JSONValue {
        let name = page["title"]?.text ?? title
        var fields = described(type, name: name, description: page["summary"]?.text ?? "")
        let isArticle = type == "Article" || type == "BlogPosting"
        if isArticle { fields.append(("headline", .string(name))) }
        fields.append(("inLanguage", .string(common.lang)))
        if let date = page["dateISO"]?.text, !date.isEmpty { fields.append(("datePublished", .string(date))) }
        if let updated = page["updatedISO"]?.text, !updated.isEmpty {
            fields.append(("dateModified", .string(updated)))
        }
        let tags = (page["tags"]?.listItems ?? []).compactMap { $0["title"]?.text }
        if !tags.isEmpty { fields.append(("keywords", .string(tags.joined(separator: ", ")))) }
        let authors: [JSONValue] = (page["authors"]?.listItems ?? []).compactMap { author in
            guard let name = author["name"]?.text else { return nil }
            var person: [(String, JSONValue)] = [("@type", .string("Person")), ("name", .string(name))]
            if let url = author["url"]?.text.flatMap({ $0.contains("://") ? $0 : absolute($0) }) {
                person.append(("url", .string(url)))
            }
            return .object(person)
        }
        // An article is its site's author's unless it names its own.
        if !authors.isEmpty {
            fields.append(("author", .array(authors)))
        } else if isArticle, let publisher = siteAuthor {
            fields.append(("author", publisher))
        }
        if let publisher = siteAuthor { fields.append(("publisher", publisher)) }
        return .object(fields)
    }

    /// The site's author (site.yaml's `author:`) as an organisation; nil without one.
    private var siteAuthor: JSONValue? {
        common.site.author.isEmpty
            ? nil : .object([("@type", .string("Organization")), ("name", .string(common.site.author))])
    }

    private func described(_ type: String, name: String, description: String) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [("@type", .string(type)), ("name", .string(name))]
        if !description.isEmpty { fields.append(("description", .string(description))) }
        if !canonical.isEmpty { fields.append(("url", .string(canonical))) }
        return fields
    }

    private var website: JSONValue {
        var fields = described("WebSite", name: common.site.title, description: common.site.description)
        fields.append(("inLanguage", .string(common.lang)))
        if let publisher = siteAuthor { fields.append(("publisher", publisher)) }
        return .object(fields)
    }

    private func project(_ page: TemplateValue) -> JSONValue {
        var fields = described(
            "Project", name: page["title"]?.text ?? title, description: page["summary"]?.text ?? "")
        let tags = (page["tags"]?.listItems ?? []).compactMap { $0["title"]?.text }
        if !tags.isEmpty { fields.append(("keywords", .string(tags.joined(separator: ", ")))) }
        let members: [JSONValue] = (page["organisations"]?.listItems ?? []).compactMap { organisation in
            guard let name = organisation["title"]?.text else { return nil }
            var member: [(String, JSONValue)] = [("@type", .string("Organization")), ("name", .string(name))]
            if let url = organisation["url"]?.text.flatMap(absolute) { member.append(("url", .string(url))) }
            return .object(member)
        }
        if !members.isEmpty { fields.append(("member", .array(members))) }
        if let owner = siteAuthor { fields.append(("parentOrganization", owner)) }
        return .object(fields)
    }

    private func organization(_ record: RecordValues) -> JSONValue {
        var fields = described("Organization", name: record.title, description: record.description)
        if let website = record.fields["webbplats"]?.text, website.hasPrefix("http") {
            fields.append(("sameAs", .string(website)))
        }
        return .object(fields)
    }

    /// The glossary's entries as the build wrote them (`DataTable`: `<div class="glossary-entry"
    /// id="…"><dt>term</dt><dd>definition</dd></div>`).
    private func termSet(_ page: TemplateValue, content: String) -> JSONValue {
        var fields = described(
            "DefinedTermSet", name: page["title"]?.text ?? title, description: page["summary"]?.text ?? "")
        var terms: [JSONValue] = []
        for entry in content.components(separatedBy: "<div class=\"glossary-entry\" id=\"").dropFirst() {
            guard let idEnd = entry.range(of: "\""), let dt = entry.range(of: "<dt>"),
                let dtEnd = entry.range(of: "</dt>", range: dt.upperBound..<entry.endIndex)
            else { continue }
            let id = HTML.unescape(String(entry[..<idEnd.lowerBound]))
            var term: [(String, JSONValue)] = [
                ("@type", .string("DefinedTerm")),
                ("name", .string(HTML.plainText(String(entry[dt.upperBound..<dtEnd.lowerBound])))),
            ]
            if let dd = entry.range(of: "<dd>"),
                let ddEnd = entry.range(of: "</dd>", range: dd.upperBound..<entry.endIndex)
            {
                term.append(("description", .string(HTML.plainText(String(entry[dd.upperBound..<ddEnd.lowerBound])))))
            }
            if !canonical.isEmpty { term.append(("url", .string(canonical + "#" + id))) }
            terms.append(.object(term))
        }
        fields.append(("hasDefinedTerm", .array(terms)))
        return .object(fields)
    }
}

/// A JSON value with its keys in the order written, and its text safe inside an HTML
/// `<script>` element.
enum JSONValue {
    case string(String)
    case int(Int)
    case array([JSONValue])
    case object([(String, JSONValue)])

    var utf8: [UInt8] {
        // Enough for a page's breadcrumbs and description without growing.
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(into: &out)
        return out
    }

    private func write(into out: inout [UInt8]) {
        switch self {
        case .string(let string): JSON.append(string, inScript: true, to: &out)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (i, field) in fields.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSON.append(field.0, inScript: true, to: &out)
                out.append(UInt8(ascii: ":"))
                field.1.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}

extension TemplateValue {
    fileprivate subscript(_ name: String) -> TemplateValue? {
        switch self {
        case .map(let values): return values[name]
        case .reused(let values): return values[name]
        default: return nil
        }
    }

    /// The value as plain text, for a text or bytes value.
    fileprivate var text: String? {
        switch self {
        case .string(let string): return string
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        default: return nil
        }
    }

    fileprivate var isTrue: Bool {
        if case .bool(let value) = self { return value }
        return false
    }

    fileprivate var listItems: [TemplateValue]? {
        if case .list(let items) = self { return items }
        return nil
    }
}
