import Foundation

/// The machine-readable files: `sitemap.xml`, the Atom feed `feed.xml` and `robots.txt`. They
/// need absolute URLs, so they are written only when the site has a base URL.
struct RenderFeeds {
    let log: DiagnosticLog
    /// URLs per sitemap file: the sitemap protocol's limit. Larger sites get `sitemap.xml` as a
    /// sitemap index over `sitemap-1.xml`, `sitemap-2.xml`…
    var urlsPerSitemap = 50_000

    /// The files for `site`, whose HTML pages are at the site paths `pagePaths`, sorted.
    func run(_ site: Site, bodies: [RenderedBody] = [], pagePaths: [String]) -> [OutputFile] {
        run([site], bodies: [bodies], pagePaths: pagePaths)
    }

    /// The files for a site in several languages (`sites`, the default language's first): one
    /// sitemap with every language's pages and their `hreflang` alternates, one feed per language
    /// (`feed.xml`, `en/feed.xml`).
    func run(_ sites: [Site], bodies: [[RenderedBody]], pagePaths: [String]) -> [OutputFile] {
        let site = sites[0]
        let base = site.config.baseURL
        guard !base.isEmpty else {
            log.warning(
                site.config.file, .start, "no baseURL: sitemap.xml and feed.xml are not written",
                hint: "set 'baseURL: https://…/' in site.yaml or pass --base-url")
            return [OutputFile(path: "robots.txt", bytes: Array("User-agent: *\nAllow: /\n".utf8))]
        }
        return sitemaps(base, sites: sites, pagePaths: pagePaths)
            + sites.indices.map { n in
                OutputFile(
                    path: sites[n].config.root.dropFirst() + "feed.xml",
                    bytes: Array(feed(base, site: sites[n], bodies: n < bodies.count ? bodies[n] : []).utf8))
            } + [
                OutputFile(
                    path: "robots.txt", bytes: Array("User-agent: *\nAllow: /\n\nSitemap: \(base)sitemap.xml\n".utf8))
            ]
    }

    /// `sitemap.xml`, or when there are more URLs than one sitemap may hold, `sitemap.xml` as an
    /// index of numbered sitemaps (what search engines read from robots.txt either way).
    private func sitemaps(_ base: String, sites: [Site], pagePaths: [String]) -> [OutputFile] {
        // A page that sends readers elsewhere (`redirect_to:`) is no page to index.
        let redirects = Set(sites.flatMap { $0.pages.filter { $0.redirectTo != nil }.map(\.path) })
        let paths = pagePaths.filter { $0 != "/404.html" && !redirects.contains($0) }
        // Made once for all the numbered sitemaps (once per sitemap grew faster than the site).
        let dates = Dictionary(
            sites.flatMap { $0.pages.compactMap { p in p.lastChanged.map { (p.path, $0) } } },
            uniquingKeysWith: { a, _ in a })
        guard paths.count > urlsPerSitemap else {
            let xml = sitemap(base, paths[...], dates: dates, sites: sites)
            return [OutputFile(path: "sitemap.xml", bytes: Array(xml.utf8))]
        }
        let parts = stride(from: 0, to: paths.count, by: urlsPerSitemap).map {
            paths[$0..<min(paths.count, $0 + urlsPerSitemap)]
        }
        var index =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex "
            + "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var files: [OutputFile] = []
        for (n, part) in parts.enumerated() {
            let name = "sitemap-\(n + 1).xml"
            index += "  <sitemap><loc>\(HTML.escape(base + name))</loc></sitemap>\n"
            files.append(OutputFile(path: name, bytes: Array(sitemap(base, part, dates: dates, sites: sites).utf8)))
        }
        return [OutputFile(path: "sitemap.xml", bytes: Array((index + "</sitemapindex>\n").utf8))] + files
    }

    /// One sitemap of `paths`, each with its page's date (`dates`, by site path) if it has one.
    private func sitemap(
        _ base: String, _ paths: ArraySlice<String>, dates: [String: String], sites: [Site]
    ) -> String {
        let links = sites[0].languageLinks
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "
            + "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
            + (links == nil ? "" : " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"") + ">\n"
        for path in paths {
            xml += "  <url><loc>\(HTML.escape(base + path.dropFirst()))</loc>"
            if let date = dates[path] { xml += "<lastmod>\(date)</lastmod>" }
            if let links, links.isMatched(path) {
                let alternates = links.alternates(of: path).compactMap { l, p in p.map { (l.tag, $0) } }
                if alternates.count > 1 {
                    for (tag, target) in alternates + [("x-default", alternates[0].1)] {
                        xml +=
                            "<xhtml:link rel=\"alternate\" hreflang=\"\(tag)\" "
                            + "href=\"\(HTML.escape(base + target.dropFirst()))\"/>"
                    }
                }
            }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    private func feed(_ base: String, site: Site, bodies: [RenderedBody]) -> String {
        // The newest pages first; undated pages after dated ones, in listing order. The feed's own
        // date is the day its newest entry last changed, so the same content always gives the same feed.
        let listing = site.sectionPages.keys.sorted().flatMap { site.sectionPages[$0]! }
        // Each page's date read once, not in every comparison of the sort.
        let dates = listing.map { site.pages[$0].date ?? "" }
        let entries = listing.indices.sorted { a, b in
            dates[a] != dates[b] ? dates[a] > dates[b] : a < b
        }.prefix(site.config.feedLimit).map { listing[$0] }
        let updated = (entries.compactMap { site.pages[$0].lastChanged }.max() ?? "2000-01-01") + "T00:00:00Z"
        let home = base + site.config.root.dropFirst()
        let author = site.config.author.isEmpty ? site.config.title : site.config.author
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(HTML.escape(site.config.language))">
              <title>\(HTML.escape(site.config.title))</title>
              <subtitle>\(HTML.escape(site.config.description))</subtitle>
              <link href="\(HTML.escape(home))feed.xml" rel="self"/>
              <link href="\(HTML.escape(home))"/>
              <id>\(HTML.escape(home))</id>
              <updated>\(updated)</updated>
              <author><name>\(HTML.escape(author))</name></author>

            """
        for index in entries {
            let page = site.pages[index]
            let link = HTML.escape(base + page.path.dropFirst())
            // Atom's `updated` is when the entry last changed; `published`, when it first appeared.
            let published = page.date.map { "<published>\($0)T00:00:00Z</published>\n    " } ?? ""
            // Its own authors, where front matter names them; else the feed's author stands for it.
            let authors = PageAuthor.of(page.frontMatter, data: site.data).map { author in
                "<author><name>\(HTML.escape(author.name))</name>"
                    + (author.url.map { "<uri>\(HTML.escape($0))</uri>" } ?? "") + "</author>\n    "
            }.joined()
            let summary = HTML.escape(PageSummary(of: index, in: site, bodies: bodies).text)
            xml += """
                  <entry>
                    <title>\(HTML.escape(page.title))</title>
                    <link href="\(link)"/>
                    <id>\(link)</id>
                    <updated>\((page.lastChanged ?? String(updated.prefix(10))) + "T00:00:00Z")</updated>
                    \(published)\(authors)<summary>\(summary)</summary>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }
}
