import Markdown

/// Stage 6b: checks that need every rendered page: `#anchors` of links point at headings or
/// anchors that exist, and every data file is used by something.
struct CheckSite {
    let site: Site
    let bodies: [RenderedBody]
    /// Data files the theme's templates read (`data.<name>`).
    let dataUsedByTemplates: Set<String>
    let log: DiagnosticLog

    func run() {
        let anchors = bodies.map { Set($0.headings.map(\.id) + $0.anchors) }
        for (index, body) in bodies.enumerated() {
            let file = site.pages[index].source.displayPath
            for link in body.pageLinks where !anchors[link.page].contains(link.fragment) {
                let target = site.pages[link.page]
                let guess = Suggestion.closest(to: link.fragment, in: anchors[link.page].sorted()).map { "did you mean '#\($0)'? " } ?? ""
                log.error(file, link.position, "'\(target.source.relativePath)' has no heading or anchor '#\(link.fragment)'",
                          hint: "\(guess)heading ids are the heading's text in lower case ASCII with hyphens")
            }
            for link in body.localFragments where !link.fragment.isEmpty && !anchors[index].contains(link.fragment) {
                let guess = Suggestion.closest(to: link.fragment, in: anchors[index].sorted()).map { "did you mean '#\($0)'? " } ?? ""
                log.error(file, link.position, "this page has no heading or anchor '#\(link.fragment)'",
                          hint: guess.isEmpty ? nil : guess)
            }
        }
        var used = dataUsedByTemplates.union(bodies.flatMap(\.dataUsed)).union(site.config.collections.map(\.data))
        if let glossary = site.config.report?.glossary { used.insert(glossary) }
        for (name, file) in site.data.sorted(by: { $0.key < $1.key }) where !used.contains(name) {
            log.warning(file.source.displayPath, .start, "data file '\(name)' is not used by any page or template",
                        hint: "show it with a block such as ```tabell data=\(name) or remove the file")
        }
    }
}
