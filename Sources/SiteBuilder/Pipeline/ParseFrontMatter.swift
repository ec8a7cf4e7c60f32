import Foundation
import Markdown
import Parallel

/// Splits each Markdown file into YAML front matter and body, and reads the fields the
/// build knows. Positions are reported in the `.md` file's own lines.
struct ParseFrontMatter {
    let config: SiteConfig
    let includeDrafts: Bool
    let log: DiagnosticLog
    /// A translation's `_index.md` may rename its section with `slug:` (`SplitLanguages` reads it).
    var sectionSlugs = false
    /// The files that are their folder's page besides `_index.md` and `index.md`: a README.md,
    /// `x.md` beside `x/` (`PageLocation.folderPages`).
    var folderPages = FolderPages()
    /// The field names the build reads, made once for all the pages.
    let knownFields = KnownFieldsOnce()
    /// The folders without a page of their own by site path, made once where a doc needs them.
    let unpagedFolders = UnpagedFoldersOnce()

    func run(_ files: [SourceFile]) -> [Page] {
        parallelMap(files.count) { parse(files[$0]) }.compactMap { $0 }
    }

    func parse(_ file: SourceFile) -> Page? {
        guard var text = file.text(log: log) else { return nil }
        if text.firstUTF8Offset(of: 13) != nil {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        // Handed over: the body is cut out of the file's text where it is, not copied.
        let split = splitFrontMatter(consume text, of: file)
        if split.unterminated {
            let fence = split.isTOML ? "+++" : "---"
            log.error(
                file.displayPath, .start, "front matter starts with '\(fence)' but is never closed",
                hint: "add a line with only '\(fence)' after the last front matter field")
            return nil
        }
        // A file without front matter is a page all the same (MkDocs, GitHub): its fields are empty.
        let yaml = split.yaml ?? ""
        if split.yaml == nil, let first = fieldsWithoutOpeningFence(split.body) {
            log.warning(
                file.displayPath, .start,
                "the page has no front matter: '\(first)' is read as text, since the file does not start with '---'",
                hint: "add a line with only '---' above it")
        }
        // Most front matter is a few `key: value` lines, read without Yams; the rest, and every
        // problem, goes through Yams.
        let parsed: DataValue? =
            split.yaml == nil
            ? DataValue(.null, at: .start)
            : split.isTOML
                ? TOMLReader.parse(yaml, file: file.displayPath, lineOffset: split.yamlLineOffset, log: log)
                : SimpleYAML.parse(yaml, lineOffset: split.yamlLineOffset)
                    ?? YAMLReader.parse(yaml, file: file.displayPath, lineOffset: split.yamlLineOffset, log: log)
        guard let root = parsed else { return nil }
        let read = FieldReader(file: file.displayPath, log: log)
        let map: DataValue
        if root.isNull {
            map = DataValue(.map([]), at: SourcePosition(line: 1, column: 1))
        } else {
            guard let m = read.mapping(root, what: "front matter") else { return nil }
            map = m
            warnOfMisspeltFields(map, file: file)
        }
        // A title of only spaces (Foundation's `.whitespaces`: tab and the space separators) is none.
        let title = read.string(map, "title").flatMap { title in
            title.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
                ? nil : title
        }
        let draft = read.bool(map, "draft") ?? false
        if draft && !includeDrafts { return nil }
        // A page in another language than the site's (`lang: ja`, as Jekyll's pages say it): its
        // content gets that `lang`. One that is no language tag would mislead a screen reader.
        if let lang = read.string(map, "lang"), LanguageKeys.normalizedTag(lang) == nil {
            log.warning(
                file.displayPath, map["lang"]?.position ?? .start,
                "lang '\(lang)' is not a language tag: it is left out",
                hint: "write the language's code, a region in capitals: ja, zh-TW, pt-BR")
        }
        // Fields whose value was found wrong here: the schema's check would say it once more.
        var reported = Set<String>()
        // Material for MkDocs' blog writes `date: {created: …, updated: …}`: the page's date is
        // the day it was written, as the blog lists it.
        let written = map["date"].flatMap { $0.pairs == nil ? nil : $0 }
        if written != nil { reported.insert("date") }
        let (ownDate, wrongDate) =
            written.map { day($0, "created", named: "date", read: read, file: file, required: true) }
            ?? day(map, "date", read: read, file: file)
        if wrongDate { reported.insert("date") }
        let updated = lastChange(map, written: written, read: read, file: file, reported: &reported)

        var terms: [String: [(id: String, position: SourcePosition)]] = [:]
        // Zola writes a page's terms in a `taxonomies` table (`[taxonomies]` with `tags = […]`).
        let zolaTerms = map["taxonomies"].flatMap { $0.pairs == nil ? nil : $0 }
        for taxonomy in config.taxonomies {
            let values =
                read.strings(map, taxonomy.key)
                ?? (map[taxonomy.key] == nil ? zolaTerms.flatMap { read.strings($0, taxonomy.key) } : nil)
            guard let values else { continue }
            let written = taxonomy.spaceSeparated && map[taxonomy.key]?.list == nil ? Self.words(values) : values
            terms[taxonomy.key] = written.map { ($0.0, $0.1) }
        }
        var references: [Reference] = []
        for collection in config.collections {
            for item in read.list(map, collection.key) ?? [] {
                switch item.kind {
                case .string:
                    references.append(
                        Reference(collection: collection.key, id: item.text!, role: nil, position: item.position))
                case .map:
                    guard let id = read.string(item, "id", required: true) else { continue }
                    references.append(
                        Reference(
                            collection: collection.key, id: id, role: read.string(item, "roll"),
                            position: item["id"]!.position))
                default:
                    log.error(
                        file.displayPath, item.position,
                        "each entry of '\(collection.key)' must be an id or 'id: …' with 'roll: …', not "
                            + "\(item.typeName)"
                    )
                }
            }
        }
        guard var location = location(of: file, map: map, read: read, isTOML: split.isTOML) else { return nil }
        // Front matter's date wins over the one in the file's name, as in Zola.
        let date = ownDate ?? (reported.contains("date") ? nil : location.nameDate)
        // Most sites have no permalinks: no folder name is cut out for every page then.
        if !config.permalinks.isEmpty, location.kind == .regular,
            let permalink = config.permalinks[String(location.folder.prefix { $0 != "/" })],
            map["url"] == nil, map["permalink"] == nil, !(split.isTOML && map["path"] != nil)
        {
            let shown =
                title
                ?? Self.fallbackTitle(
                    file: file.relativePath, kind: location.kind, body: split.body, siteTitle: config.title,
                    names: config.links.names)
            // A `date:` found wrong is said; the day in the file's name still places the page.
            location.path = permalinkPath(
                permalink, location: location, file: file, map: map, date: date ?? location.nameDate, title: shown)
        }
        let kind = location.kind
        for rule in kind == .sectionIndex ? [] : Self.schema(for: location.folder, in: config.schema) {
            guard let value = map[rule.field], !value.isNull else {
                if rule.required {
                    log.error(
                        file.displayPath, map.position, "missing required field '\(rule.field)'",
                        hint: "site.yaml's schema requires it on these pages")
                }
                continue
            }
            if !reported.contains(rule.field), let problem = rule.problem(with: value) {
                log.error(file.displayPath, value.position, problem)
            }
        }
        DangerousValues.check(map, file: file.displayPath, log: log)
        PageRedirect.check(map, read: read)
        PageAuthor.check(map, file: file.displayPath, log: log)
        // Here, with the page, so that the preview shows a wrong one as it rebuilds; the redirect
        // pages come with the rendering (`RenderAliases`).
        for (alias, position) in read.strings(map, Self.aliasesKey(map)) ?? []
        where Self.sitePath(url: alias, old: true) == nil {
            // A wildcard is a redirect rule for a host (Netlify's `_redirects`, which Hugo's Docsy
            // writes from aliases): a static page cannot answer for it. Hugo builds such a site.
            if alias.contains("*") {
                log.warning(
                    file.displayPath, position,
                    "alias '\(alias)' has a wildcard, which only a host's redirect rules "
                        + "can answer for: it is left out",
                    hint: "write the old URLs it stands for one by one, or set the rule on the host")
                continue
            }
            log.error(
                file.displayPath, position, "alias '\(alias)' must be a path such as /gammal/sida/",
                hint: "use letters A–Z and a–z, digits, '-', '.', '_', '~' and a URL's other path characters "
                    + "between single '/'; end it with '/' or '.html'")
        }
        let section = String(location.folder.prefix { $0 != "/" })
        // VitePress' and Starlight's front pages draw their hero and features from front matter.
        let (body, bodyLineOffset) =
            config.vue || config.mdx
            ? HeroFrontPage.body(split.body, lineOffset: split.bodyLineOffset, frontMatter: map)
            : (split.body, split.bodyLineOffset)
        // Hugo's and Zola's pages describe themselves in `description`, Jekyll's in `excerpt`;
        // Hugo's, Jekyll's and Material's blogs mark the end of a summary in the body (`<!--more-->`).
        let ownSummary = read.string(map, "summary") ?? read.string(map, "description") ?? read.string(map, "excerpt")
        let excerpt = ownSummary == nil ? Excerpt.summary(ofBody: split.body) : nil
        var page = Page(
            // The page keeps its text as front matter and body; the file's bytes would be a third copy.
            kind: kind, section: section, source: file.withoutBytes, path: location.path,
            title: title
                ?? Self.fallbackTitle(
                    file: file.relativePath, kind: kind, body: split.body, siteTitle: config.title,
                    names: config.links.names),
            summary: ownSummary ?? excerpt ?? "", summaryInContent: ownSummary == nil && excerpt != nil, date: date,
            updated: updated,
            weight: read.int(map, "weight") ?? Self.borrowedWeight(map)
                ?? Self.prefixWeight(of: file.relativePath, kind: kind, names: config.links.names) ?? 0,
            draft: draft, status: read.string(map, "status"), terms: terms, references: references,
            frontMatter: map, frontMatterText: split.isTOML ? "+++\n" + yaml : yaml, body: body,
            bodyLineOffset: bodyLineOffset)
        page.folder = location.folder
        return page
    }

    /// Each value's words, each at its own column (`jekyll update`: `jekyll` and `update`).
    static func words(_ values: [(String, SourcePosition)]) -> [(String, SourcePosition)] {
        values.flatMap { text, position in
            var found: [(String, SourcePosition)] = []
            var column = position.column
            var word = ""
            for character in text + " " {
                if character.isWhitespace {
                    if !word.isEmpty {
                        found.append((word, SourcePosition(line: position.line, column: column - word.count)))
                    }
                    word = ""
                } else {
                    word.append(character)
                }
                column += 1
            }
            return found
        }
    }

    /// The order other generators give a page without a `weight`: Docusaurus' `sidebar_position`
    /// and Just the Docs' `nav_order`, numbers that may have decimals (`2.5`), in thousandths so
    /// that they keep their order; nil when there is none, or it is no number (left as written).
    static func borrowedWeight(_ map: DataValue) -> Int? {
        for key in ["sidebar_position", "nav_order"] {
            let value: Double
            switch map[key]?.kind {
            case .int(let number)?: value = Double(number)
            case .double(let number)? where number.isFinite && abs(number) < 1e12: value = number
            default: continue
            }
            // A weight of 0 is none: position 0, the first, stays ahead of position 1.
            let weight = Int((value * 1000).rounded())
            return weight == 0 ? 1 : weight
        }
        return nil
    }

    /// The order a name's number prefix gives (`02-setup.md`, a folder's page in `02-setup/`),
    /// where names are read so (`URLNames.withoutNumberPrefixes`), in `borrowedWeight`'s units.
    static func prefixWeight(of relativePath: String, kind: Page.Kind, names: URLNames) -> Int? {
        guard names.withoutNumberPrefixes else { return nil }
        let parts = relativePath.split(separator: "/")
        let name = kind == .sectionIndex && parts.count > 1 ? parts[parts.count - 2] : parts[parts.count - 1]
        return NumberPrefix(String(name)).map { max($0.number * 1000, 1) }
    }

    /// A title for a page without one: its first level-1 heading, else its name (a section's
    /// index page: its folder's; the front page: the site's).
    static func fallbackTitle(
        file relativePath: String, kind: Page.Kind, body: String, siteTitle: String, names: URLNames = .asWritten
    ) -> String {
        if let heading = PageTitle.firstHeading(in: body) { return heading }
        let parts = relativePath.split(separator: "/")
        switch kind {
        case .home: return siteTitle
        case .sectionIndex: return PageTitle.fromName(names.withoutPrefix(String(parts[parts.count - 2])))
        case .regular, .standalone:
            return PageTitle.fromName(names.withoutPrefix(String(parts[parts.count - 1].dropLast(3))))
        }
    }

    /// The rules of site.yaml's schema for pages in `folder`: those of the deepest folder that has
    /// rules, from the page's own up to the top one (`""`, `sidor`, for stand-alone pages).
    static func schema(for folder: String, in schema: [String: [FieldSchema]]) -> [FieldSchema] {
        guard !schema.isEmpty else { return [] }
        var folder = Substring(folder)
        while true {
            if let rules = schema[String(folder)] { return rules }
            guard !folder.isEmpty else { return [] }
            folder = folder.lastIndex(of: "/").map { folder[..<$0] } ?? ""
            // Pages in folders without rules of their own or above do not take the stand-alone pages' rules.
            if folder.isEmpty { return [] }
        }
    }

    /// The field with the page's old URLs: `aliases:` (Hugo's), or Jekyll's `redirect_from:`
    /// (jekyll-redirect-from's) on a page without `aliases:`.
    static func aliasesKey(_ map: DataValue) -> String {
        map["aliases"] == nil && map["redirect_from"] != nil ? "redirect_from" : "aliases"
    }

    /// Where the page goes: from its path, with front matter's `slug:` (the last part of the
    /// URL) or `url:` (all of it) winning. Zola's TOML names the whole path `path`, Jekyll's
    /// front matter `permalink`.
    private func location(of file: SourceFile, map: DataValue, read: FieldReader, isTOML: Bool) -> PageLocation? {
        let names = config.links.names
        var location = PageLocation(
            of: file.relativePath, folderPages: folderPages, names: names, home: config.home?.path,
            datedNames: config.links.datedNames)
        if config.links.docIDs && (map["slug"] != nil || map["id"] != nil) {
            return docLocation(location, file: file, map: map, read: read)
        }
        let slug = read.string(map, "slug")
        let urlKey =
            map["url"] != nil
            ? "url" : isTOML && map["path"] != nil ? "path" : map["permalink"] != nil ? "permalink" : "url"
        let url = read.string(map, urlKey)
        guard slug != nil || url != nil else { return location }
        if sectionSlugs && url == nil && location.kind == .sectionIndex { return location }
        // The URL the page has anyway (Jekyll sites write `permalink: /` on their home page).
        if slug == nil, let url, Self.sitePath(url: url) == location.path { return location }
        if location.kind == .home || location.kind == .sectionIndex {
            let key = url != nil ? urlKey : "slug"
            log.error(
                file.displayPath, map[key]!.position,
                "'\(key)' cannot move a folder's page (\(file.relativePath.split(separator: "/").last!))",
                hint: "a section's URL is its folder's name: rename the folder, or remove '\(key)'")
            return location
        }
        if let url {
            guard let path = Self.sitePath(url: url) else {
                log.error(
                    file.displayPath, map[urlKey]!.position,
                    "'\(urlKey)' must be a path such as /om-oss/, not '\(url)'",
                    hint: "use only A–Z, a–z, 0–9, '-', '.', '_', '~' between single '/'; end it with '/' or '.html'")
                return location
            }
            location.path = path
            // A page whose URL is its folder's (Jekyll's `_docs/community/community.md` with
            // `permalink: /docs/community/`) is the folder's page, as `_index.md` would be.
            if location.kind == .regular, !location.folder.isEmpty,
                path == PageLocation.sitePath(ofFolder: location.folder, names: names)
            {
                location.kind = .sectionIndex
            }
        } else if let slug {
            guard !slug.contains("/") else {
                log.error(
                    file.displayPath, map["slug"]!.position, "'slug' is one part of the URL and cannot contain '/'",
                    hint: "use 'url: \(slug.hasPrefix("/") ? "" : "/")\(slug)' for a whole path")
                return location
            }
            location.path =
                PageLocation.sitePath(ofFolder: location.folder, names: names)
                + URLSegment.make(slug, names: names) + "/"
        }
        return location
    }

    /// A front matter `url:` as a site path (`om-oss` -> `/om-oss/`, `/a/b.html` kept), or nil
    /// when it is not a plain path. An old URL (an alias, a redirect) may also have the other
    /// characters a URL's path keeps as they are (`/Tips-N'-Tricks`, `/a,b`, `%20`): it was
    /// someone else's URL, and is only ever a file that sends readers on.
    static func sitePath(url: String, old: Bool = false) -> String? {
        var path = url.hasPrefix("/") ? url : "/" + url
        if !path.hasSuffix("/") && !path.hasSuffix(".html") { path += "/" }
        let segments = path.dropFirst().dropLast(path.hasSuffix("/") ? 1 : 0).split(
            separator: "/", omittingEmptySubsequences: false)
        let isPathSegment = old ? Self.isOldURLSegment : { URLSegment.isKept(String($0)) }
        guard path == "/" || segments.allSatisfy(isPathSegment) else { return nil }
        return path
    }

    /// RFC 3986's characters of a path segment but `*` (a host's wildcard, never a page's URL):
    /// unreserved, sub-delimiters, `:`, `@` and `%` with two hex digits.
    private static func isOldURLSegment(_ segment: Substring) -> Bool {
        guard !segment.isEmpty, segment != ".", segment != ".." else { return false }
        let bytes = Array(segment.utf8)
        func isHex(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            let unreserved =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || "-._~".utf8.contains(byte)
            guard unreserved || "!$&'()+,;=:@".utf8.contains(byte) else { return false }
            index += 1
        }
        return true
    }
}
