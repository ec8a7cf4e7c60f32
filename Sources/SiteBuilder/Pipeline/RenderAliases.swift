import Markdown

/// A page's old URLs, as Hugo and Zola write them (`aliases: [/gammal/sida/, /2019/x.html]`):
/// each is a small page that sends the reader on to the page, so that links and bookmarks to a
/// migrated site's old URLs keep working on any static host. It refreshes at once to the page
/// (relative, so it works from `file://` too), names it as canonical, asks search engines not to
/// index it, and links to it for a reader whose browser does not refresh, in the page's language.
///
/// An alias is a path from the site's root (`gammal/sida` is `/gammal/sida/`). One that is not a
/// plain path is an error at its place, from `ParseFrontMatter`; one that is the URL of a page of the site, or that an
/// earlier page gives too, is left out with a warning (the page, or the first, keeps the URL).
struct RenderAliases {
    let style: LinkStyle
    let log: DiagnosticLog

    /// The alias pages of `site`; `taken` are the output paths the site's pages and listings have,
    /// `given` the aliases given so far (by output path: the file that gave it), which a site in
    /// several languages shares between them. `withRedirects`: site.yaml's `redirects:` too (for
    /// one language only: they are the site's, not a language's).
    func run(
        _ site: Site, theme: Theme, taken: Set<String>, given: inout [String: String], withRedirects: Bool = true
    ) -> [OutputFile] {
        var files: [OutputFile] = []
        for page in site.pages where page.frontMatter[ParseFrontMatter.aliasesKey(page.frontMatter)] != nil {
            let file = page.source.displayPath
            // What is wrong with the list or an alias was reported with the page (`ParseFrontMatter`).
            let aliases =
                FieldReader(file: file, log: DiagnosticLog()).strings(
                    page.frontMatter, ParseFrontMatter.aliasesKey(page.frontMatter)) ?? []
            for (alias, position) in aliases {
                guard let path = ParseFrontMatter.sitePath(url: alias, old: true) else { continue }
                let output = SiteURL.outputFile(of: path)
                // The page at that URL, or the first page with that alias, keeps it (Hugo writes
                // one over the other); nothing is lost, so the build goes on.
                if taken.contains(output) {
                    log.warning(
                        file, position, "alias '\(alias)' is left out: it is the URL of a page the site has",
                        hint: "an alias is an old URL no page has any more: remove it")
                    continue
                }
                if let other = given[output] {
                    log.warning(
                        file, position, "alias '\(alias)' is left out here: \(other) has it too and keeps it",
                        hint: "an old URL can send readers on to one page only: remove one")
                    continue
                }
                given[output] = file
                let html = html(from: path, to: page, site: site, theme: theme)
                files.append(OutputFile(path: output, bytes: Array(html.utf8)))
            }
        }
        if withRedirects { files += redirects(site, theme: theme, taken: taken, given: &given) }
        guard site.config.links.keepHTML else { return files }
        // `links: {keepHTML: true}`: `/a/b/` answers at `/a/b.html` too, unless something has that
        // URL; a section's page was `a/index.html` already.
        for page in site.pages
        where (page.kind == .regular || page.kind == .standalone || Self.isNamedFolderPage(page)) && page.path.count > 1
            && page.path.hasSuffix("/")
        {
            let path = String(page.path.dropLast()) + ".html"
            let output = SiteURL.outputFile(of: path)
            guard !taken.contains(output), given[output] == nil else { continue }
            given[output] = page.source.displayPath
            files.append(
                OutputFile(path: output, bytes: Array(html(from: path, to: page, site: site, theme: theme).utf8)))
        }
        return files
    }

    /// A folder's page made from `x.md` beside the folder `x/` (`PageLocation.folderPages`): it
    /// was at `x.html` where a README.md or index.md was at the folder's `index.html`.
    private static func isNamedFolderPage(_ page: Page) -> Bool {
        guard page.kind == .sectionIndex else { return false }
        let name = page.source.relativePath.split(separator: "/").last ?? ""
        return name != "_index.md" && name != "index.md" && name != "README.md"
    }

    /// site.yaml's `redirects:`, after the pages' own aliases, which keep an old URL both give.
    private func redirects(_ site: Site, theme: Theme, taken: Set<String>, given: inout [String: String])
        -> [OutputFile]
    {
        let file = site.config.file
        var files: [OutputFile] = []
        for redirect in site.config.redirects {
            let output = SiteURL.outputFile(of: redirect.from)
            if taken.contains(output) {
                log.warning(
                    file, redirect.position,
                    "redirect from '\(redirect.from)' is left out: a page of the site has that URL",
                    hint: "a redirect is for an old URL no page has any more: remove it")
                continue
            }
            if let other = given[output] {
                log.warning(
                    file, redirect.position,
                    "redirect from '\(redirect.from)' is left out: \(other) gives that old URL too",
                    hint: "an old URL can send readers on to one place only: remove one")
                continue
            }
            let html: String
            if redirect.isExternal {
                html = Self.html(
                    target: redirect.to, canonical: redirect.to, title: redirect.to, site: site, theme: theme)
            } else if let index = site.pageBySource[redirect.to] {
                html = self.html(from: redirect.from, to: site.pages[index], site: site, theme: theme)
            } else {
                // A redirect to nowhere is a broken link, as site.yaml's links: {broken:} says.
                log.add(
                    Diagnostic(
                        site.config.links.broken, file, redirect.position,
                        "redirect from '\(redirect.from)' to '\(redirect.to)': there is no such page",
                        hint: "give the path of a page's .md file below the content folder"))
                continue
            }
            given[output] = file
            files.append(OutputFile(path: output, bytes: Array(html.utf8)))
        }
        return files
    }

    private func html(from alias: String, to page: Page, site: Site, theme: Theme) -> String {
        let target = SiteURL(from: alias, style: style).to(page.path)
        // baseURL ends with `/` (LoadSiteConfig sees to it); without one the link is relative.
        let base = site.config.baseURL
        let canonical = base.isEmpty ? target : base + page.path.dropFirst()
        return Self.html(target: target, canonical: canonical, title: page.title, site: site, theme: theme)
    }

    /// Opened from disk (`file://`), a refresh to a folder (`../om/`) would show the folder's
    /// listing, so a script that runs first goes to its `index.html`, as `file-links.js` does for
    /// links (which this page does not load). Empty for a target that is a file or elsewhere.
    static func fromDisk(_ target: String) -> String {
        let path = target.prefix { $0 != "?" && $0 != "#" }
        // URL names keep no `:` (`Slug`), so one in the path is another site's scheme.
        guard path.hasSuffix("/"), !path.contains(":") else { return "" }
        let file = JSON.string(String(path) + "index.html" + target.dropFirst(path.count), inScript: true)
        return "<script>if (location.protocol === \"file:\") location.replace(\(file));</script>\n"
    }

    /// A page that sends readers to `target` (relative, or an address elsewhere).
    static func html(target: String, canonical: String, title: String, site: Site, theme: Theme) -> String {
        let title = HTML.escape(title)
        let moved = HTML.escape(theme.strings["pageMoved"] ?? "This page has moved to")
        return """
            <!DOCTYPE html>
            <html lang="\(HTML.escape(site.config.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <meta name="description" content="\(moved) \(title).">
            <title>\(title)</title>
            <link rel="canonical" href="\(HTML.escape(canonical))">
            \(Self.fromDisk(target))<meta http-equiv="refresh" content="0; url=\(HTML.escape(target))">
            </head>
            <body>
            <main>
            <h1>\(title)</h1>
            <p>\(moved) <a href="\(HTML.escape(target))">\(title)</a>.</p>
            </main>
            </body>
            </html>

            """
    }
}
