/// Jekyll's posts (`_posts/2024-01-15-hello.md`) as `kretslopp import _config.yml` carries them
/// over: the folder read (`include: [_posts]`), each post dated and named by its file's name
/// (`links: {datedNames: true}`) and at the URL Jekyll gives it, from `_config.yml`'s
/// `permalink:` (`date`, `pretty`, `none` or a pattern; the posts collection's own first) as
/// site.yaml's `permalinks: {_posts: …}`, listed newest first.
struct JekyllPosts {
    /// The pattern for site.yaml's `permalinks:`, or nil when Jekyll's can not be written so.
    let pattern: String?
    /// What Jekyll's permalink says that Kretslopp's pattern cannot (its unknown tokens).
    let unknownTokens: [String]

    /// Jekyll's built-in styles, as patterns.
    static let styles = [
        "date": "/:categories/:year/:month/:day/:title:output_ext",
        "pretty": "/:categories/:year/:month/:day/:title/",
        "none": "/:categories/:title:output_ext",
        "ordinal": "/:categories/:year/:y_day/:title:output_ext",
        "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    ]

    /// Jekyll's tokens, as Kretslopp's (`:title` is the file's name without its day in Jekyll).
    private static let tokens = [
        "title": ":filename", "slug": ":filename", "categories": ":categories", "year": ":year", "month": ":month",
        "day": ":day", "output_ext": ".html",
    ]

    init(permalink: String) {
        let written = Self.styles[permalink] ?? permalink
        var out = ""
        var unknown: [String] = []
        var rest = Substring(written)
        while let colon = rest.firstIndex(of: ":") {
            out += rest[..<colon]
            rest = rest[rest.index(after: colon)...]
            let name = rest.prefix { $0.isLetter || $0 == "_" }
            rest = rest.dropFirst(name.count)
            if let token = Self.tokens[String(name)] { out += token } else { unknown.append(":" + name) }
        }
        out += rest
        // Jekyll writes a URL without an ending as a page of that name (`/2024/hello` -> hello.html).
        if !out.hasSuffix("/") && !out.hasSuffix(".html") { out += ".html" }
        if !out.hasPrefix("/") { out = "/" + out }
        unknownTokens = unknown
        pattern = unknown.isEmpty && Permalink.problem(out) == nil ? out : nil
    }

    /// The entry of site.yaml's `include:` for `count` posts.
    static func included(count: Int) -> String {
        "  - _posts  # Jekyll's \(count) post\(count == 1 ? "" : "s"), read although the folder starts with _\n"
    }

    /// site.yaml's `newestFirst:` and `permalinks:` for the posts.
    var yaml: String {
        var yaml = "newestFirst: [_posts]  # listed newest first, as a blog lists its posts\n"
        if let pattern {
            yaml += "permalinks:\n  _posts: \(YAMLScalar.written(pattern))  # Jekyll's permalink:, its posts' URLs\n"
        }
        return yaml
    }
}
