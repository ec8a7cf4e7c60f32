import ArgumentParser
import Foundation
import SiteBuilder

/// `kretslopp new`: a new page in a section, its front matter ready to fill in.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a page in a section from a template.",
        discussion: """
            Writes Content/<section>/<slug>.md, where the slug comes from the title \
            ("Cirkulära möbler" -> cirkulara-mobler.md). The front matter has the required fields, \
            and the allowed terms and roles from site.yaml as comments. The page starts as a draft. \
            An existing file is never overwritten (exit code 1).
            """)

    @Argument(help: "Section folder in the content folder, for example 'projekt'.")
    var section: String

    @Argument(help: "Title of the page; the file name is its slug.")
    var title: String

    @Option(help: "Folder with site.yaml, data/ and the Markdown pages.")
    var content = "Content"

    func run() throws {
        let slug = PageTemplate.slug(title)
        let trimmedTitle = title.trimmingCharacters(in: .whitespaces)
        guard !slug.isEmpty, !trimmedTitle.isEmpty, !title.contains("\n") else {
            fail("the title '\(title)' gives no file name; use a title with letters or digits on one line")
        }
        guard !section.isEmpty, !section.contains("/"), !section.hasPrefix("."), !["data", "static"].contains(section)
        else {
            fail("'\(section)' is not a section; give a folder name such as 'projekt'")
        }
        let folder = URL(fileURLWithPath: content).appendingPathComponent(section)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            fail(
                "\(content)/\(section)/ does not exist (sections: "
                    + "\(Self.sections(in: content).joined(separator: ", "))); "
                    + "create the folder first for a new section")
        }
        // The vocabularies are all `new` needs of site.yaml: its other mistakes are for `check`.
        let (config, diagnostics) = SiteConfig.load(content: content)
        guard let config else {
            ErrorOutput.diagnostics(diagnostics)
            fail("cannot read the vocabularies of \(content)/site.yaml")
        }
        let display = "\(content)/\(section)/\(slug).md"
        let text = PageTemplate(title: trimmedTitle, section: section, config: config).text
        do {
            try Data(text.utf8).write(to: folder.appendingPathComponent(slug + ".md"), options: .withoutOverwriting)
        } catch CocoaError.fileWriteFileExists {
            fail("\(display) already exists; edit it, or choose another title")
        } catch {
            guard !FileManager.default.fileExists(atPath: folder.appendingPathComponent(slug + ".md").path) else {
                fail("\(display) already exists; edit it, or choose another title")
            }
            fail("cannot write \(display): \(error.localizedDescription)")
        }
        print(
            "Created \(display) (a draft; it will be at /\(section)/\(slug)/). Fill in the front matter, then set "
                + "draft: false."
        )
    }

    static func sections(in content: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: content)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && !["data", "static"].contains(name)
                && FileManager.default.fileExists(atPath: content + "/" + name, isDirectory: &isFolder)
                && isFolder.boolValue
        }.sorted()
    }
}
