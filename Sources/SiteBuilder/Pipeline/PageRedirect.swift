import Markdown

/// `redirect_to:` in a page's front matter, as Zola's sections and Jekyll's jekyll-redirect-from
/// write it: the page's URL sends readers on to another page of the site (a path from the site's
/// root, `documentation/getting-started/` or `/guide/`) or to an address elsewhere
/// (`https://…`). The page is then an address, not a page to read: its URL answers with a page
/// that refreshes to the target (as an alias's does), and it is in no listing, search result,
/// feed or sitemap. A section's page with it (Zola's) makes the section's first listing page
/// such a redirect; the section and its pages stay.
enum PageRedirect {
    static let key = "redirect_to"

    /// An error at a value that is no text (as front matter is read, so the preview says it at once).
    static func check(_ map: DataValue, read: FieldReader) {
        guard map[key] != nil else { return }
        _ = read.string(map, key, required: true, hint: "write the page it sends readers to: redirect_to: /guide/")
    }

    /// Whether `target` (as written) is an address elsewhere, not a path of the site.
    static func isExternal(_ target: String) -> Bool {
        target.contains("://") || target.hasPrefix("mailto:")
    }

    /// The target's site path (with a `/` at its end unless it names a file) and its `?query` or
    /// `#fragment`, for a target of the site.
    static func sitePath(of target: String) -> (path: String, rest: String) {
        let cut = target.firstIndex { $0 == "#" || $0 == "?" } ?? target.endIndex
        var path = String(target[..<cut])
        if !path.hasPrefix("/") { path = "/" + path }
        let last = path.split(separator: "/").last ?? ""
        if !path.hasSuffix("/") && !last.contains(".") { path += "/" }
        return (path, String(target[cut...]))
    }

    /// A warning (or error, as `links: {broken:}` says) for each redirect to a path of the site
    /// that no page, listing or file has; an error for one to the page itself (a reader's browser
    /// would refresh it for ever).
    static func checkTargets(_ site: Site, log: DiagnosticLog) {
        for page in site.pages {
            guard let target = page.redirectTo, !isExternal(target) else { continue }
            let (path, _) = sitePath(of: target)
            if path == page.path {
                log.error(
                    page.source.displayPath, page.frontMatter[key]?.position ?? .start,
                    "redirect_to '\(target)' is this page's own URL: readers would be sent to it again and again",
                    hint: "write the URL of another page, or remove redirect_to")
                continue
            }
            guard !path.hasSuffix("/") || !site.knownPaths.contains(path) else { continue }
            // A file (`/files/report.pdf`) may come from static/ or the host: not checked.
            guard path.hasSuffix("/") else { continue }
            log.add(
                Diagnostic(
                    site.config.links.broken, page.source.displayPath,
                    page.frontMatter[key]?.position ?? .start,
                    "redirect_to '\(target)' leads to no page of the site",
                    hint: "write the URL of a page of the site from its root (/guide/), or an address elsewhere"))
        }
    }

    /// The page at `from` that sends readers to `page`'s target, links relative as `style` says;
    /// nil for a page without `redirect_to:`.
    static func html(from: String, for page: Page, site: Site, theme: Theme, style: LinkStyle) -> [UInt8]? {
        guard let target = page.redirectTo else { return nil }
        let href: String
        let canonical: String
        if isExternal(target) {
            (href, canonical) = (target, target)
        } else {
            let (path, rest) = sitePath(of: target)
            href = SiteURL(from: from, style: style).to(path) + rest
            canonical = site.config.baseURL.isEmpty ? href : site.config.baseURL + path.dropFirst() + rest
        }
        let title = site.pageByPath[sitePath(of: target).path].map { site.pages[$0].title } ?? page.title
        return Array(
            RenderAliases.html(target: href, canonical: canonical, title: title, site: site, theme: theme).utf8)
    }
}

extension Page {
    /// Where the page sends readers, as written (`redirect_to:`); nil for a page to read.
    var redirectTo: String? {
        guard let text = frontMatter[PageRedirect.key]?.text, !text.isEmpty else { return nil }
        return text
    }
}
