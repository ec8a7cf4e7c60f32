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
        let crumbs = common.breadcrumbs ?? []
        // A record, the front page and any page have a main item; a listing only its trail.
        let hasMain = root.record != nil || common.isHome || root.page != nil
        guard hasMain || !crumbs.isEmpty else { return [] }
        // Written as it is made, not built as a tree first: every page has one.
        var json = JSONWriter(capacity: 1024)
        json.object { json in
            json.field("@context", "https://schema.org")
            json.key("@graph")
            json.array { json in
                if hasMain { mainItem(&json) }
                if !crumbs.isEmpty { breadcrumbList(crumbs, &json) }
            }
        }
        return json.bytes
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

    private func breadcrumbList(_ crumbs: [LinkValues], _ json: inout JSONWriter) {
        json.object { json in
            json.field("@type", "BreadcrumbList")
            json.key("itemListElement")
            json.array { json in
                for (offset, crumb) in crumbs.enumerated() {
                    listItem(offset + 1, name: crumb.title, url: absolute(crumb.url), &json)
                }
                listItem(crumbs.count + 1, name: title, url: canonical.isEmpty ? nil : canonical, &json)
            }
        }
    }

    private func listItem(_ position: Int, name: String, url: String?, _ json: inout JSONWriter) {
        json.object { json in
            json.field("@type", "ListItem")
            json.key("position")
            json.int(position)
            json.field("name", name)
            if let url { json.field("item", url) }
        }
    }

    private func mainItem(_ json: inout JSONWriter) {
        if let record = root.record { return organization(record, &json) }
        if common.isHome { return website(&json) }
        guard let page = root.page else { return }
        // The body is searched as the bytes it is: made into a String only for a glossary.
        let marker = "class=\"glossary-entry\""
        switch page["content"] {
        case .bytes(let bytes) where bytes.containsUTF8(marker):
            return termSet(page, content: String(decoding: bytes, as: UTF8.self), &json)
        case .string(let text) where text.containsUTF8(marker): return termSet(page, content: text, &json)
        default: break
        }
        if page["status"] != nil || page["organisations"]?.listItems?.isEmpty == false { return project(page, &json) }
        // A section's page lists its pages; the others are read.
        let type =
            root.projects != nil
            ? "CollectionPage"
            : page["dated"]?.isTrue == true ? "BlogPosting" : isInSection(page) ? "Article" : "WebPage"
        article(page, type: type, &json)
    }

    private func isInSection(_ page: TemplateValue) -> Bool {
        guard let section = page["section"]?.text else { return false }
        return !section.isEmpty
    }

    /// A page that is no project: who wrote it (its authors, else the site's author), when, in
    /// what language, about what.
    private func article(_ page: TemplateValue, type: String, _ json: inout JSONWriter) {
        json.object { json in
            let name = page["title"]?.text ?? title
            described(type, name: name, description: page["summary"]?.text ?? "", &json)
            let isArticle = type == "Article" || type == "BlogPosting"
            if isArticle { json.field("headline", name) }
            json.field("inLanguage", common.lang)
            if let date = page["dateISO"]?.text, !date.isEmpty { json.field("datePublished", date) }
            if let updated = page["updatedISO"]?.text, !updated.isEmpty { json.field("dateModified", updated) }
            keywords(page, &json)
            let authors = (page["authors"]?.listItems ?? []).compactMap { author in
                author["name"]?.text.map { name in
                    (name, author["url"]?.text.flatMap({ $0.contains("://") ? $0 : absolute($0) }))
                }
            }
            // An article is its site's author's unless it names its own.
            if !authors.isEmpty {
                named("author", type: "Person", authors, &json)
            } else if isArticle {
                siteAuthor("author", &json)
            }
            siteAuthor("publisher", &json)
        }
    }

    /// The site's author (site.yaml's `author:`) as an organisation, as the field `key`; nothing
    /// without one.
    private func siteAuthor(_ key: String, _ json: inout JSONWriter) {
        guard !common.site.author.isEmpty else { return }
        json.key(key)
        json.object { json in
            json.field("@type", "Organization")
            json.field("name", common.site.author)
        }
    }

    /// People or organisations of one `type`, each with its name and URL, as the field `key`.
    private func named(_ key: String, type: String, _ entries: [(String, String?)], _ json: inout JSONWriter) {
        json.key(key)
        json.array { json in
            for (name, url) in entries {
                json.object { json in
                    json.field("@type", type)
                    json.field("name", name)
                    if let url { json.field("url", url) }
                }
            }
        }
    }

    private func described(_ type: String, name: String, description: String, _ json: inout JSONWriter) {
        json.field("@type", type)
        json.field("name", name)
        if !description.isEmpty { json.field("description", description) }
        if !canonical.isEmpty { json.field("url", canonical) }
    }

    /// The page's tags, as `keywords`.
    private func keywords(_ page: TemplateValue, _ json: inout JSONWriter) {
        let tags = (page["tags"]?.listItems ?? []).compactMap { $0["title"]?.text }
        if !tags.isEmpty { json.field("keywords", tags.joined(separator: ", ")) }
    }

    private func website(_ json: inout JSONWriter) {
        json.object { json in
            described("WebSite", name: common.site.title, description: common.site.description, &json)
            json.field("inLanguage", common.lang)
            siteAuthor("publisher", &json)
        }
    }

    private func project(_ page: TemplateValue, _ json: inout JSONWriter) {
        json.object { json in
            described("Project", name: page["title"]?.text ?? title, description: page["summary"]?.text ?? "", &json)
            keywords(page, &json)
            let members = (page["organisations"]?.listItems ?? []).compactMap { organisation in
                organisation["title"]?.text.map { ($0, organisation["url"]?.text.flatMap(absolute)) }
            }
            if !members.isEmpty { named("member", type: "Organization", members, &json) }
            siteAuthor("parentOrganization", &json)
        }
    }

    private func organization(_ record: RecordValues, _ json: inout JSONWriter) {
        json.object { json in
            described("Organization", name: record.title, description: record.description, &json)
            if let website = record.fields["webbplats"]?.text, website.hasPrefix("http") {
                json.field("sameAs", website)
            }
        }
    }

    /// The glossary's entries as the build wrote them (`DataTable`: `<div class="glossary-entry"
    /// id="…"><dt>term</dt><dd>definition</dd></div>`).
    private func termSet(_ page: TemplateValue, content: String, _ json: inout JSONWriter) {
        json.object { json in
            described(
                "DefinedTermSet", name: page["title"]?.text ?? title, description: page["summary"]?.text ?? "",
                &json)
            json.key("hasDefinedTerm")
            json.array { json in
                for entry in content.components(separatedBy: "<div class=\"glossary-entry\" id=\"").dropFirst() {
                    guard let idEnd = entry.range(of: "\""), let dt = entry.range(of: "<dt>"),
                        let dtEnd = entry.range(of: "</dt>", range: dt.upperBound..<entry.endIndex)
                    else { continue }
                    let id = HTML.unescape(String(entry[..<idEnd.lowerBound]))
                    json.object { json in
                        json.field("@type", "DefinedTerm")
                        json.field("name", HTML.plainText(String(entry[dt.upperBound..<dtEnd.lowerBound])))
                        if let dd = entry.range(of: "<dd>"),
                            let ddEnd = entry.range(of: "</dd>", range: dd.upperBound..<entry.endIndex)
                        {
                            json.field("description", HTML.plainText(String(entry[dd.upperBound..<ddEnd.lowerBound])))
                        }
                        if !canonical.isEmpty { json.field("url", canonical + "#" + id) }
                    }
                }
            }
        }
    }
}

/// JSON written as it is made, with its keys in the order written and its text safe inside an
/// HTML `<script>` element.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the innermost object or array has nothing in it yet (or a key waits for its value).
    private var fresh = true

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// An object, its fields written by `body`.
    mutating func object(_ body: (inout JSONWriter) -> Void) { container(UInt8(ascii: "{"), UInt8(ascii: "}"), body) }

    /// An array, its elements written by `body`.
    mutating func array(_ body: (inout JSONWriter) -> Void) { container(UInt8(ascii: "["), UInt8(ascii: "]"), body) }

    /// A field's name; its value comes next.
    mutating func key(_ name: String) {
        separate()
        JSON.append(name, inScript: true, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        fresh = true
    }

    mutating func string(_ value: String) {
        separate()
        JSON.append(value, inScript: true, to: &bytes)
    }

    mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A field with a text value.
    mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    private mutating func container(_ open: UInt8, _ close: UInt8, _ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(open)
        fresh = true
        body(&self)
        bytes.append(close)
        fresh = false
    }

    private mutating func separate() {
        if !fresh { bytes.append(UInt8(ascii: ",")) }
        fresh = false
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
