import ArgumentParser
import Foundation
import SiteBuilder

/// `kretslopp import`: a site.yaml for an MkDocs project, so its docs folder builds as it is.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a site.yaml for an MkDocs project from its mkdocs.yml.",
        discussion: """
            Writes site.yaml into the project's docs folder (docs_dir, 'docs' by default) with the \
            site's name, description, author, URL and language, its nav: as written, exclude_docs: \
            as ignore: globs, raw HTML kept and broken links as warnings, as MkDocs reads a tree. \
            An existing site.yaml is never overwritten (exit code 1). Then build the folder with \
            'kretslopp build --content <docs folder>'.
            """)

    @Argument(help: "The project's mkdocs.yml.")
    var mkdocs = "mkdocs.yml"

    func run() throws {
        let source = URL(fileURLWithPath: mkdocs)
        guard let data = FileManager.default.contents(atPath: source.path) else {
            fail("\(mkdocs): cannot read it; give the path of the project's mkdocs.yml")
        }
        let text = String(decoding: data, as: UTF8.self)
        let made = MkDocsImport(text: text, file: mkdocs)
        ErrorOutput.diagnostics(made.diagnostics)
        guard !made.siteYAML.isEmpty else { fail("no site.yaml written") }
        let folder = source.deletingLastPathComponent().appendingPathComponent(made.docsFolder)
        let display = (mkdocs.contains("/") ? String(mkdocs[...mkdocs.lastIndex(of: "/")!]) : "") + made.docsFolder
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            fail("\(display)/ does not exist: mkdocs.yml's docs_dir names the folder with the pages")
        }
        do {
            try Data(made.siteYAML.utf8).write(
                to: folder.appendingPathComponent("site.yaml"), options: .withoutOverwriting)
        } catch {
            fail("\(display)/site.yaml already exists (or cannot be written); remove it to make it again")
        }
        let nav = made.navEntryCount > 0 ? "its nav of \(made.navEntryCount) top-level entries" : "nav: auto"
        print("Wrote \(display)/site.yaml (\(nav)). Build it with:")
        print("  kretslopp build --content \(display)")
    }
}
