import ArgumentParser
import Foundation
import Markdown
import Yams

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
        let slug = Slug.make(title)
        let trimmedTitle = title.trimmingCharacters(in: .whitespaces)
        guard !slug.isEmpty, !trimmedTitle.isEmpty, !title.contains("\n") else {
            fail("the title '\(title)' gives no file name; use a title with letters or digits on one line")
        }
        guard !section.isEmpty, !section.contains("/"), !section.hasPrefix("."), !["data", "static"].contains(section) else {
            fail("'\(section)' is not a section; give a folder name such as 'projekt'")
        }
        let folder = URL(fileURLWithPath: content).appendingPathComponent(section)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            fail("\(content)/\(section)/ does not exist (sections: \(Self.sections(in: content).joined(separator: ", "))); "
                 + "create the folder first for a new section")
        }
        let siteYAML = content + "/site.yaml"
        let vocabulary: PageTemplate.Vocabulary
        do {
            vocabulary = try PageTemplate.Vocabulary(siteYAML: (try String(contentsOfFile: siteYAML, encoding: .utf8)))
        } catch {
            fail("\(siteYAML): cannot read the vocabularies: \(error)")
        }
        let display = "\(content)/\(section)/\(slug).md"
        let text = PageTemplate(title: trimmedTitle, section: section, vocabulary: vocabulary).text
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
        print("Created \(display) (a draft; it will be at /\(section)/\(slug)/). Fill in the front matter, then set draft: false.")
    }

    private func fail(_ message: String) -> Never {
        ErrorOutput.error("error: " + message)
        Self.exit(withError: ExitCode.failure)
    }

    static func sections(in content: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: content)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && !["data", "static"].contains(name)
                && FileManager.default.fileExists(atPath: content + "/" + name, isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }
}

/// The text of a new page: front matter with the required fields and, as comments, the terms
/// and roles that site.yaml allows.
struct PageTemplate {
    /// What site.yaml allows in front matter.
    struct Vocabulary {
        struct Taxonomy {
            var key: String
            var title: String
            var required: Bool
            var sections: [String]
            var terms: [String]
        }

        struct Collection {
            var key: String
            var data: String
            var roles: [String]
        }

        var taxonomies: [Taxonomy] = []
        var collections: [Collection] = []

        /// Reads site.yaml's taxonomies and collections; scalars stay strings (no YAML 1.1 `no` -> false).
        init(siteYAML text: String) throws {
            guard let root = try Yams.compose(yaml: text) else { return }
            func string(_ node: Node?) -> String? { node?.scalar?.string }
            func strings(_ node: Node?) -> [String] { node?.sequence?.compactMap { string($0) } ?? [] }
            for item in root["taxonomies"]?.sequence ?? [] {
                guard let key = string(item["key"]) else { continue }
                taxonomies.append(Taxonomy(
                    key: key, title: string(item["title"]) ?? key,
                    required: item["required"]?.bool ?? false,
                    sections: strings(item["sections"]),
                    terms: item["terms"]?.sequence?.compactMap { string($0["id"]) } ?? []))
            }
            for item in root["collections"]?.sequence ?? [] {
                guard let key = string(item["key"]) else { continue }
                collections.append(Collection(
                    key: key, data: string(item["data"]) ?? key,
                    roles: item["roles"]?.sequence?.compactMap { string($0["id"]) } ?? []))
            }
        }
    }

    var title: String
    var section: String
    var vocabulary: Vocabulary

    var text: String {
        var lines = ["---", "title: \(Self.scalar(title))", "summary: \"\"                 # one sentence, shown in listings and search results"]
        for taxonomy in vocabulary.taxonomies where taxonomy.sections.isEmpty || taxonomy.sections.contains(section) {
            let need = taxonomy.required ? "required, one or more of" : "optional, any of"
            lines.append("# \(taxonomy.title): \(need): \(taxonomy.terms.joined(separator: ", "))")
            lines.append("\(taxonomy.key): []")
        }
        lines.append("status: pågående             # pågående | avslutad")
        lines.append("draft: true                  # built by 'kretslopp build' only when false (serve shows drafts)")
        for collection in vocabulary.collections {
            lines.append("# \(collection.key): ids from Content/data/\(collection.data).yaml; roll: \(collection.roles.joined(separator: ", "))")
            lines.append("\(collection.key): []")
            lines.append("#  - id: ")
            lines.append("#    roll: ")
        }
        lines.append("---")
        lines.append("Skriv sidans text här, i Markdown.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `title` as a YAML scalar, quoted only when it must be.
    static func scalar(_ value: String) -> String {
        let dumped = (try? Yams.dump(object: value, allowUnicode: true)) ?? "\"\(value)\"\n"
        return dumped.trimmingCharacters(in: .newlines)
    }
}
