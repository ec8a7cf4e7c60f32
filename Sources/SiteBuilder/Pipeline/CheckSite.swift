import Markdown

/// Checks that need every rendered page: `#anchors` of links point at headings or anchors that
/// exist (errors, or warnings when site.yaml says `links: {broken: warning}`), and every data file
/// is used by something.
struct CheckSite {
    let log: DiagnosticLog

    /// Checks every page, or only the links of `pages` (the rest was checked by an earlier build
    /// and nothing it links to changed); the data-use warning needs every page and comes only then.
    /// `dataUsedByTemplates` are the data files the theme's templates read (`data.<name>`).
    func run(_ site: Site, bodies: [RenderedBody], dataUsedByTemplates: Set<String>, pages: [Int]? = nil) {
        var anchorSets: [Int: Set<String>] = [:]
        func anchorsOf(_ page: Int) -> Set<String> {
            if let known = anchorSets[page] { return known }
            let set = Set(bodies[page].headings.map(\.id) + bodies[page].anchors)
            anchorSets[page] = set
            return set
        }
        let severity = site.config.links.broken
        let idRule =
            switch site.config.headingIDs {
            case .github:
                "heading ids are the heading's text in lower case, punctuation dropped and spaces as hyphens "
                    + "(GitHub's rule), or set with {#id}"
            case .ascii: "heading ids are the heading's text in lower case ASCII with hyphens, or set with {#id}"
            case .anchorjs:
                "heading ids are the heading's text in lower case, spaces and punctuation as single hyphens "
                    + "(AnchorJS's rule), or set with {#id}"
            case .gitbook:
                "heading ids are the heading's text in lower case, dots kept, spaces and punctuation as single "
                    + "hyphens, 'id-' before a digit (GitBook's rule), or set with {#id}"
            case .zola:
                "heading ids are the heading's text in lower case ASCII, anything but letters and digits as single "
                    + "hyphens (Zola's rule), or set with {#id}"
            case .zolaSafe:
                "heading ids are the heading's text with spaces as '_' (Zola's 'safe' rule), or set with {#id}"
            case .vitepress:
                "heading ids are the heading's text in lower case, accents dropped, spaces and punctuation as "
                    + "single hyphens, '_' before a digit (VitePress' rule), or set with {#id}"
            case .mkdocs:
                "heading ids are the heading's text in lower case ASCII, punctuation dropped, spaces and hyphens "
                    + "as single hyphens (MkDocs' rule), or set with {#id}"
            }
        for index in pages ?? Array(bodies.indices) {
            let body = bodies[index]
            let file = site.pages[index].source.displayPath
            for link in body.pageLinks where !anchorsOf(link.page).contains(link.fragment) {
                let target = site.pages[link.page]
                let guess =
                    Suggestion.closest(to: link.fragment, in: anchorsOf(link.page).sorted()).map {
                        "did you mean '#\($0)'? "
                    } ?? ""
                log.add(
                    Diagnostic(
                        severity, file, link.position,
                        "'\(target.source.writtenPath)' has no heading or anchor '#\(link.fragment)'",
                        hint: "\(guess)\(idRule)"))
            }
            for link in body.localFragments where !link.fragment.isEmpty && !anchorsOf(index).contains(link.fragment) {
                let guess =
                    Suggestion.closest(to: link.fragment, in: anchorsOf(index).sorted()).map {
                        "did you mean '#\($0)'? "
                    } ?? ""
                log.add(
                    Diagnostic(
                        severity, file, link.position, "this page has no heading or anchor '#\(link.fragment)'",
                        hint: guess.isEmpty ? nil : guess))
            }
        }
        guard pages == nil else { return }
        var used = dataUsedByTemplates.union(bodies.flatMap(\.dataUsed)).union(site.config.collections.map(\.data))
        if let glossary = site.config.report?.glossary { used.insert(glossary) }
        // `data/authors.yaml` is where the names in pages' `authors:` are looked up.
        if site.data["authors"] != nil,
            site.pages.contains(where: { page in PageAuthor.keys.contains { page.frontMatter[$0] != nil } })
        {
            used.insert("authors")
        }
        // A page that could not be read may be the one that shows a data file.
        for (name, file) in site.data.sorted(by: { $0.key < $1.key })
        where !used.contains(name) && site.unreadablePages.isEmpty {
            log.warning(
                file.source.displayPath, .start, "data file '\(name)' is not used by any page or template",
                hint: "show it with a block such as ```tabell data=\(name) or remove the file")
        }
    }
}
