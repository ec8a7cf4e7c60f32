import Markdown

/// A section's URL pattern for its pages, as Hugo's `permalinks` writes one
/// (`permalinks: {posts: /:year/:month/:slug/}` in site.yaml): each `:token` is a part of the
/// page, the rest is written as it is.
///
///     :year :month :day         the page's date (`date:`, or the day in its file's name)
///     :title                    its title as a slug (`Hello, world!` -> `hello-world`)
///     :slug                     its `slug:`, else its title as a slug
///     :filename                 its file's name (a day at its start left out where names are dated);
///                               `:contentbasename`, as Hugo now names it, too
///     :slugorfilename           its `slug:`, else its file's name (`:slugorcontentbasename`)
///     :section :sections        its top folder; all its folders
///     :categories               its `categories:` (a list, or words), lower-cased, as Jekyll's
///                               posts' URLs have them (`jekyll update` -> `jekyll/update`)
struct Permalink: Sendable, Equatable {
    let pattern: String

    static let tokens = [
        "year", "month", "day", "title", "slug", "filename", "slugorfilename", "section", "sections", "categories",
        "contentbasename", "slugorcontentbasename",
    ]
    /// The tokens, the longest first: `:slugorfilename` is read before `:slug`, `:sections` before `:section`.
    private static let longestFirst = tokens.sorted { $0.count > $1.count }

    /// What is wrong with `pattern`, or nil: it is a path from the site's root ending in `/` or
    /// `.html`, with known tokens.
    static func problem(_ pattern: String) -> (message: String, hint: String)? {
        guard pattern.hasPrefix("/"), pattern.hasSuffix("/") || pattern.hasSuffix(".html") else {
            return (
                "a permalink is a path from the site's root ending in '/' or '.html', not '\(pattern)'",
                "write one such as /:year/:month/:slug/"
            )
        }
        for token in tokens(in: pattern) where !tokens.contains(token) {
            return (
                "unknown ':\(token)' in permalink '\(pattern)'",
                "known: " + tokens.map { ":" + $0 }.joined(separator: ", ")
            )
        }
        return nil
    }

    /// The names after each `:` in `pattern`.
    private static func tokens(in pattern: String) -> [String] {
        var found: [String] = []
        var rest = Substring(pattern)
        while let colon = rest.firstIndex(of: ":") {
            rest = rest[rest.index(after: colon)...]
            found.append(String(rest.prefix { $0.isLetter }))
        }
        return found
    }

    /// A token the page has no value for (a date).
    struct MissingValue: Error {
        let token: String
    }

    /// The page's site path, or the token it lacks a value for (`:year` without a date).
    func path(
        date: String?, title: String, slug: String?, fileName: String, folder: String, names: URLNames,
        categories: [String] = []
    ) -> Result<String, MissingValue> {
        let day = date.map { Array($0.split(separator: "-")) } ?? []
        let folders = folder.split(separator: "/").map { URLSegment.make(String($0), names: names) }
        let slugged = URLSegment.make(title, names: .slug)
        let written = slug.map { URLSegment.make($0, names: names.keepingNumberPrefixes) }
        let file = URLSegment.make(fileName, names: names)
        var out = ""
        var rest = Substring(pattern)
        while let colon = rest.firstIndex(of: ":") {
            out += rest[..<colon]
            rest = rest[rest.index(after: colon)...]
            guard let token = Self.longestFirst.first(where: { rest.hasPrefix($0) }) else { continue }
            rest = rest.dropFirst(token.count)
            switch token {
            case "year", "month", "day":
                guard day.count >= 3 else { return .failure(MissingValue(token: token)) }
                out += day[token == "year" ? 0 : token == "month" ? 1 : 2]
            case "title": out += slugged
            case "slug": out += written ?? slugged
            case "filename", "contentbasename": out += file
            case "slugorfilename", "slugorcontentbasename": out += written ?? file
            case "section": out += folders.first ?? ""
            case "categories":
                out += categories.map { URLSegment.make($0.lowercased(), names: names) }.joined(separator: "/")
            default: out += folders.joined(separator: "/")
            }
        }
        out += rest
        // An empty part (`:sections` of a page at the top) leaves no empty segment.
        while let double = out.range(of: "//") { out.replaceSubrange(double, with: "/") }
        return .success(out)
    }
}
