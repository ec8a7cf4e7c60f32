import Dispatch
import Markdown

/// A page body rendered to HTML, with what listings, tables of contents and search need.
struct RenderedBody: Sendable {
    var html: String
    var headings: [Heading]
    var plainText: String
}

/// Stage 6: every page body through `Markdown`, in parallel. Links to `.md` files become page
/// URLs; data directives become tables and glossaries.
struct RenderMarkdown {
    let site: Site
    let theme: Theme
    let style: LinkStyle
    let log: DiagnosticLog

    func run() -> [RenderedBody] {
        let renderer = MarkdownRenderer(options: MarkdownOptions(
            unsafeHTML: site.config.unsafeHTML, smartPunctuation: true,
            headingAnchorLabel: theme.string("headingAnchor")))
        let pages = site.pages
        let results = ResultSlots<RenderedBody>(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let page = pages[index]
            let hooks = PageHooks(site: site, page: page, url: SiteURL(from: page.path, style: style), log: log)
            let document = renderer.render(page.body, lineOffset: page.bodyLineOffset, hooks: hooks)
            results[index] = RenderedBody(html: document.html, headings: document.headings, plainText: document.plainText)
        }
        return results.values
    }
}

/// Decides, for one page, where its links go and what its directive blocks render.
struct PageHooks: MarkdownHooks {
    let site: Site
    let page: Page
    let url: SiteURL
    let log: DiagnosticLog
    /// Pages shown in the same HTML document as this one (the report): site path -> the anchor of
    /// the page there and the prefix of its heading ids. Links to them stay in the document.
    var sameDocument: [String: (anchor: String, idPrefix: String)] = [:]
    /// Prefix of ids this page's HTML defines (headings, charts).
    var idPrefix = ""
    /// Numbers the page's charts, so their SVG ids are unique on the page.
    let charts = Counter()

    func resolve(_ link: MarkdownLink) -> String? {
        let destination = link.destination
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") { return nil }
        if let colon = destination.firstIndex(of: ":"),
           !destination[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return nil }  // has a scheme
        if destination.hasPrefix("/") { return url.to(destination) }

        var path = destination
        var fragment = ""
        if let cut = destination.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            path = String(destination[..<cut])
            fragment = String(destination[cut...])
        }
        let resolved = Self.join(folder: page.source.relativePath, path.removingPercentEncoding ?? path)
        if path.hasSuffix(".md") {
            guard let resolved, let index = site.pageBySource[resolved] else {
                log.error(page.source.displayPath, link.position, "link to '\(path)' points to no page",
                          hint: "links to pages are paths to their .md files relative to this file")
                return nil
            }
            let target = site.pages[index].path
            if let local = sameDocument[target] {
                return fragment.hasPrefix("#") ? "#" + local.idPrefix + fragment.dropFirst() : "#" + local.anchor
            }
            return url.to(target) + fragment
        }
        // Other relative paths point at files copied from static/.
        if let resolved, resolved.hasPrefix("static/") { return url.to("/" + resolved.dropFirst("static/".count)) + fragment }
        return nil
    }

    func render(_ directive: FencedDirective) -> String? {
        let known = ["tabell", "ordlista", "diagram"]
        guard known.contains(directive.name) else {
            if directive.arguments["data"] != nil {
                log.warning(page.source.displayPath, directive.position, "unknown block type '\(directive.name)'",
                            hint: "known: \(known.joined(separator: ", "))")
            }
            return nil
        }
        guard let name = directive.arguments["data"] else {
            log.error(page.source.displayPath, directive.position, "'\(directive.name)' needs a data file: data=<name>")
            return ""
        }
        guard let file = site.data[name] else {
            let guess = Suggestion.closest(to: name, in: site.data.keys.sorted()).map { "did you mean '\($0)'? " } ?? ""
            log.error(page.source.displayPath, directive.position, "no data file named '\(name)'",
                      hint: "\(guess)data files live in data/ as <name>.yaml, .json or .csv")
            return ""
        }
        if directive.name == "diagram" {
            switch Chart.make(file.value, arguments: directive.arguments) {
            case .success(let chart):
                charts.count += 1
                return chart.svg(id: "\(idPrefix)diagram-\(charts.count)")
            case .failure(let error):
                log.error(page.source.displayPath, directive.position, "cannot draw chart from '\(name)': \(error.message)", hint: error.hint)
                return ""
            }
        }
        let html = directive.name == "tabell"
            ? DataTable.html(file.value, caption: directive.arguments["rubrik"])
            : Glossary.html(file.value)
        guard let html else {
            log.error(page.source.displayPath, directive.position, "data file '\(name)' is not a list of records",
                      hint: "\(file.source.displayPath) must be a list of 'key: value' records or a CSV with a header")
            return ""
        }
        return html
    }

    /// Resolves `path` against the folder of `file` (both relative to the content folder);
    /// nil when it climbs out of the content folder.
    static func join(folder file: String, _ path: String) -> String? {
        var parts = file.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}

/// A count owned by one page's rendering.
final class Counter {
    var count = 0
}

/// Fixed slots written concurrently, one per index.
final class ResultSlots<T>: @unchecked Sendable {
    // Each index is written by exactly one iteration of concurrentPerform and read only after
    // all of them have finished, so the slots need no lock.
    private let slots: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    subscript(index: Int) -> T? {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    var values: [T] { slots.map { $0! } }
}
