import Markdown
import Parallel
import Synchronization

/// A page body rendered to HTML, with what listings, tables of contents, checks and search need.
///
/// A class of constants (but for letting the HTML go): a site's bodies are handed from stage to
/// stage and kept by the preview from build to build, and each copy of a struct of a dozen arrays
/// retained every one of them.
final class RenderedBody: Sendable {
    /// The HTML as UTF-8 bytes (what the page template copies in); empty once let go.
    var html: [UInt8] { htmlBytes.withLock { $0 } }
    private let htmlBytes: Mutex<[UInt8]>
    let headings: [Heading]
    /// The text without markup, UTF-8 (for search).
    let plainText: [UInt8]
    /// Where the text of each of `headings` is in `plainText`, for splitting it into sections.
    let headingTextRanges: [Range<Int>]
    /// Data files the body shows as glossaries (```` ```ordlista ````); their entries are searched
    /// on their own, not as part of the page's text.
    let glossaries: [String]
    /// Ids the body defines besides its headings (glossary entries, charts, raw HTML's ids).
    let anchors: [String]
    /// Links to other pages: the target page's index and the `#fragment` (without `#`), if any.
    let pageLinks: [(page: Int, fragment: String, position: SourcePosition)]
    /// What the body says about pages of the site it links to (by their .md file or URL): for each
    /// link that opens a list item, the linked page's site path and the item's text, which search
    /// counts for that page (`LinkDescriptions`).
    let linkDescriptions: [(path: String, text: String)]
    /// `#fragment` links within the page itself.
    let localFragments: [(fragment: String, position: SourcePosition)]
    /// Data files the body's blocks read.
    let dataUsed: [String]
    /// Links to other sites (http and https).
    let externalLinks: [(url: String, position: SourcePosition)]
    /// What the body read of the rest of the site (the preview renders it again when any answer changes).
    let reads: [SiteRead]
    /// Its first paragraph's text, shortened: the summary of a page without one; nil for a page
    /// with one (kept only where it is shown).
    let openingText: String?

    init(
        html: [UInt8], headings: [Heading], plainText: [UInt8], headingTextRanges: [Range<Int>] = [],
        glossaries: [String] = [], anchors: [String] = [],
        pageLinks: [(page: Int, fragment: String, position: SourcePosition)] = [],
        linkDescriptions: [(path: String, text: String)] = [],
        localFragments: [(fragment: String, position: SourcePosition)] = [], dataUsed: [String] = [],
        externalLinks: [(url: String, position: SourcePosition)] = [], reads: [SiteRead] = [],
        openingText: String? = nil
    ) {
        self.htmlBytes = Mutex(html)
        self.headings = headings
        self.plainText = plainText
        self.headingTextRanges = headingTextRanges
        self.glossaries = glossaries
        self.anchors = anchors
        self.pageLinks = pageLinks
        self.linkDescriptions = linkDescriptions
        self.localFragments = localFragments
        self.dataUsed = dataUsed
        self.externalLinks = externalLinks
        self.reads = reads
        self.openingText = openingText
    }

    /// Lets the HTML go. A build that has rendered the body's page needs it no more (the search
    /// index reads the text), and the HTML of 10,000 bodies is a sixth of the build's memory.
    /// Not for the preview, which renders pages again from the bodies it keeps.
    func releaseHTML() {
        htmlBytes.withLock { $0 = [] }
    }

    /// The same body with every position it keeps moved by `move` (from the lines of a body with
    /// its includes put in to the page's own).
    func mapped(_ move: (SourcePosition) -> SourcePosition) -> RenderedBody {
        RenderedBody(
            html: html,
            headings: headings.map {
                var h = $0
                h.position = move(h.position)
                return h
            },
            plainText: plainText, headingTextRanges: headingTextRanges, glossaries: glossaries, anchors: anchors,
            pageLinks: pageLinks.map { ($0.page, $0.fragment, move($0.position)) },
            linkDescriptions: linkDescriptions,
            localFragments: localFragments.map { ($0.fragment, move($0.position)) }, dataUsed: dataUsed,
            externalLinks: externalLinks.map { ($0.url, move($0.position)) }, reads: reads, openingText: openingText)
    }

    /// The same body with its links to pages at other indexes (pages came or went).
    func relinked(_ pageLinks: [(page: Int, fragment: String, position: SourcePosition)]) -> RenderedBody {
        RenderedBody(
            html: html, headings: headings, plainText: plainText, headingTextRanges: headingTextRanges,
            glossaries: glossaries, anchors: anchors, pageLinks: pageLinks, linkDescriptions: linkDescriptions,
            localFragments: localFragments, dataUsed: dataUsed, externalLinks: externalLinks, reads: reads,
            openingText: openingText)
    }
}

/// Every page body through `Markdown`, in parallel. Links to `.md` files become page URLs; data
/// directives become tables, charts and glossaries.
struct RenderMarkdown {
    let style: LinkStyle
    let log: DiagnosticLog

    /// The bodies of `site`'s pages, by page index; `theme` gives the heading anchors' label.
    func run(_ site: Site, theme: Theme) -> [RenderedBody] {
        run(site, theme: theme, pages: Array(site.pages.indices))
    }

    /// The bodies of `pages` only (the preview after an edit), in their order.
    func run(_ site: Site, theme: Theme, pages indices: [Int]) -> [RenderedBody] {
        let renderer = Self.renderer(site: site, theme: theme)
        let pages = site.pages
        return parallelMap(indices.count) { i in
            Self.render(pages[indices[i]], site: site, renderer: renderer, style: style, log: log)
        }
    }

    /// The bodies of every page of `site`, those `cache` has for an unchanged page with unchanged
    /// reads taken from it (with the warnings they gave), the rest rendered and kept there.
    func run(_ site: Site, theme: Theme, cache: BodyCache) -> [RenderedBody] {
        let language = site.config.language
        cache.begin(site, settings: Self.settings(site: site, theme: theme, style: style))
        let pages = site.pages
        let reused = parallelMap(pages.count, minimumChunk: 256) { cache.body(of: pages[$0], in: site) }
        let missing = pages.indices.filter { reused[$0] == nil }
        let renderer = Self.renderer(site: site, theme: theme)
        let fresh = parallelMap(missing.count) { k -> (RenderedBody, [Diagnostic]) in
            let own = DiagnosticLog()
            let body = Self.render(
                pages[missing[k]], site: site, renderer: renderer, style: style, log: own, recordsReads: true)
            return (body, own.all)
        }
        var bodies: [RenderedBody] = []
        bodies.reserveCapacity(pages.count)
        var next = 0
        var kept = 0
        for i in pages.indices {
            let body: RenderedBody
            let diagnostics: [Diagnostic]
            if let (reused, said) = reused[i] {
                (body, diagnostics) = (reused, said)
                kept += 1
            } else {
                (body, diagnostics) = fresh[next]
                next += 1
                if cache.keep(body, of: pages[i], in: site, diagnostics: diagnostics) { kept += 1 }
            }
            for diagnostic in diagnostics { log.add(diagnostic) }
            bodies.append(body)
        }
        cache.finish(language: language, rendered: missing.count, kept: kept)
        return bodies
    }

    /// Everything besides the page and its reads that a body depends on: the Markdown settings,
    /// the site's language (numbers, glossaries), how links are written and the anchors' label.
    private static func settings(site: Site, theme: Theme, style: LinkStyle) -> String {
        let config = site.config
        return [
            "\(config.unsafeHTML)", "\(config.headingIDs)", String(reflecting: config.gfm), config.language,
            "\(config.definitionTermIDs)", "\(config.rustHiddenLines)", "\(config.liquid)",
            config.liquidSite.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
            config.params.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
            "\(config.gitbook)", "\(config.mdx)", "\(config.vue)",
            String(reflecting: config.kramdown?.sorted()),
            String(reflecting: config.includes),
            String(reflecting: config.links), String(reflecting: style), theme.string("headingAnchor"),
            theme.alertTitles.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
            theme.mark("headingAnchor"), MarkdownOptions.alertKinds.map { theme.mark("alert." + $0) }.joined(),
        ].joined(separator: "\n")
    }

    private static func renderer(site: Site, theme: Theme) -> MarkdownRenderer {
        MarkdownRenderer(options: options(site: site, theme: theme))
    }

    /// How the site's Markdown is read: its settings, and the theme's words.
    static func options(site: Site, theme: Theme) -> MarkdownOptions {
        var options = MarkdownOptions(
            unsafeHTML: site.config.unsafeHTML, smartPunctuation: true,
            headingAnchorLabel: theme.string("headingAnchor"),
            headingIDs: site.config.headingIDs, gfm: site.config.gfm, siteHTML: true)
        options.alertTitles = theme.alertTitles
        for kind in MarkdownOptions.alertKinds where !theme.mark("alert." + kind).isEmpty {
            options.alertTitleMarks[kind] = theme.mark("alert." + kind)
        }
        let anchorMark = theme.mark("headingAnchor")
        options.headingAnchorMark = anchorMark.isEmpty ? nil : anchorMark
        options.definitionTermIDs = site.config.definitionTermIDs
        options.rustHiddenLines = site.config.rustHiddenLines
        options.liquid = site.config.liquid
        options.liquidSite = site.config.liquidSite
        options.gitbook = site.config.gitbook
        options.mdx = site.config.mdx
        options.vue = site.config.vue
        options.wikiLinks = site.config.links.wiki
        options.includesRead = site.config.includes != nil
        // Links written from the page's file are so in its raw HTML too (GitBook's `<img src>`).
        options.htmlLinks = site.config.links.relativeToFile
        options.kramdown = site.config.kramdown != nil
        options.kramdownContentsLevels = site.config.kramdown ?? Set(1...6)
        return options
    }

    /// One page's body, what rendering it found said to `log`: its includes put in first
    /// (site.yaml's `markdown: {includes: …}`), and what is said of a line an include brought
    /// said at the directive, so that every position is one in the page's own file.
    static func render(
        _ page: Page, site: Site, renderer: MarkdownRenderer, style: LinkStyle, log: DiagnosticLog,
        recordsReads: Bool = false, url: SiteURL? = nil, hooksReady: (inout PageHooks) -> Void = { _ in }
    ) -> RenderedBody {
        let url = url ?? SiteURL(from: page.path, style: style)
        MdBookDirectives.warn(of: page, readingIncludes: site.config.includes != nil, log: log)
        let expansion = site.config.includes.flatMap {
            BodyIncludes(settings: $0).expand(
                page.body, file: page.source.languageFolder + page.source.relativePath,
                lineOffset: page.bodyLineOffset)
        }
        guard let expansion else {
            var hooks = PageHooks(site: site, page: page, url: url, log: log)
            hooks.recordsReads = recordsReads
            hooksReady(&hooks)
            return body(renderer.render(page.body, lineOffset: page.bodyLineOffset, hooks: hooks), hooks)
        }
        for problem in expansion.problems {
            log.add(
                Diagnostic(
                    site.config.links.broken, page.source.displayPath, problem.position, problem.message,
                    hint: problem.hint))
        }
        let own = DiagnosticLog()
        var hooks = PageHooks(site: site, page: page, url: url, log: own)
        hooks.recordsReads = recordsReads
        hooksReady(&hooks)
        hooks.record.reads += expansion.reads
        let offset = page.bodyLineOffset
        let rendered = body(
            renderer.render(expansion.text, lineOffset: offset, hooks: hooks), hooks, text: expansion.text)
        for var diagnostic in own.all {
            if diagnostic.file == page.source.displayPath {
                let position = expansion.position(
                    of: SourcePosition(line: diagnostic.line, column: diagnostic.column), lineOffset: offset)
                (diagnostic.line, diagnostic.column) = (position.line, position.column)
            }
            log.add(diagnostic)
        }
        return rendered.mapped { expansion.position(of: $0, lineOffset: offset) }
    }

    /// What the site keeps of a rendered page (`text` the Markdown it was rendered from); reports
    /// what the Markdown itself got wrong.
    private static func body(_ document: MarkdownDocument, _ hooks: PageHooks, text: String? = nil) -> RenderedBody {
        hooks.report(document)
        let record = hooks.record
        // Text of data blocks (tables, glossaries) is searchable too; most pages have none.
        let plainText =
            record.text.isEmpty ? document.plainTextBytes : document.plainTextBytes + Array(record.text.utf8)
        return RenderedBody(
            html: document.htmlBytes, headings: document.headings, plainText: plainText,
            headingTextRanges: document.headingTextRanges, glossaries: record.glossaries,
            anchors: document.htmlAnchors.isEmpty ? record.anchors : record.anchors + document.htmlAnchors,
            pageLinks: record.pageLinks,
            linkDescriptions: LinkDescriptions.given(
                by: record.linkedPages, body: text ?? hooks.page.body, lineOffset: hooks.page.bodyLineOffset),
            localFragments: record.localFragments,
            dataUsed: record.dataUsed, externalLinks: record.externalLinks, reads: record.reads,
            openingText: hooks.page.summary.isEmpty ? document.openingText : nil)
    }
}
