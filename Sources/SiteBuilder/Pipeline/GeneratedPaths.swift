import Markdown

/// The pages the build makes from site.yaml rather than from a Markdown file (the search page, a
/// taxonomy's and each term's page, a collection's list and each record's page, the report), and
/// a page or folder of the content at one of their URLs: said at the page (or the folder), with
/// what the build makes there. Without this, the two files met only when the output was
/// collected, and the message named an output file instead of the page to rename (a theme's own
/// `search.md`, as Hugo's Docsy has, or `tags/_index.md`).
struct GeneratedPaths {
    let config: SiteConfig
    let log: DiagnosticLog

    /// A page the build makes: its path, what it is and how site.yaml moves it.
    struct Made {
        var path: String
        var what: String
        var move: String
    }

    /// Every page made from site.yaml, in the order site.yaml gives them.
    func made(collections: [SiteCollection]) -> [Made] {
        var made = [
            Made(
                path: config.searchPath, what: "the site's search page",
                move: "move the site's search page with 'search: {path: …}' in site.yaml")
        ]
        for taxonomy in config.taxonomies {
            let move = "give taxonomy '\(taxonomy.key)' another 'path' in site.yaml"
            made.append(Made(path: "/\(taxonomy.path)/", what: "the page of taxonomy '\(taxonomy.key)'", move: move))
            for term in taxonomy.terms {
                made.append(
                    Made(path: "/\(taxonomy.path)/\(term.slug)/", what: "the page of term '\(term.id)'", move: move))
            }
        }
        for collection in collections {
            let key = collection.config.key
            let move = "give collection '\(key)' another 'path' in site.yaml"
            made.append(Made(path: "/\(collection.config.path)/", what: "the list of collection '\(key)'", move: move))
            for record in collection.records {
                made.append(Made(path: record.path, what: "the page of record '\(record.id)'", move: move))
            }
        }
        if let report = config.report {
            made.append(
                Made(path: "/\(report.path)/", what: "the report", move: "give the report another 'path' in site.yaml"))
        }
        return made
    }

    /// Reports each page and each folder's listing at the path of a made page; the answer is the
    /// paths reported, so that collecting the output does not report them again. `root` is the
    /// content folder as messages show it.
    func reportClashes(
        pages: [Page], pageByPath: [String: Int], sections: [Section], collections: [SiteCollection], root: String
    ) -> Set<String> {
        var sectionByPath: [String: Int] = [:]
        for (index, section) in sections.enumerated() { sectionByPath[section.path] = index }
        var reported = Set<String>()
        for made in made(collections: collections) where !reported.contains(made.path) {
            if let page = pageByPath[made.path] {
                // A theme's own search page (Hugo's Docsy has one) is not needed: the build makes it.
                let remove = made.path == config.searchPath ? "remove this page (the build makes the search page)" : nil
                log.error(
                    pages[page].source.displayPath, .start, "this page becomes \(made.path), \(made.what)",
                    hint: "\(remove ?? "rename the file"), or \(made.move)")
            } else if let section = sectionByPath[made.path] {
                // A folder without a page of its own: its listing is what clashes.
                let folder = sections[section].folder
                log.error(
                    folder.isEmpty ? root : root + "/" + folder, .start,
                    "the listing of this folder becomes \(made.path), \(made.what)",
                    hint: "rename the folder, or \(made.move)")
            } else {
                continue
            }
            reported.insert(made.path)
        }
        return reported
    }
}
