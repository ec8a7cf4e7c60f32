import Markdown

/// The text of a new page (`kretslopp new`): front matter with the required fields and, as
/// comments, the terms and roles that site.yaml allows.
public struct PageTemplate {
    var title: String
    var section: String
    var config: SiteConfig

    public init(title: String, section: String, config: SiteConfig) {
        self.title = title
        self.section = section
        self.config = config
    }

    /// The file name a page with `title` gets, without `.md` ("Cirkulära möbler" ->
    /// `cirkulara-mobler`); empty when the title has no letters or digits.
    public static func slug(_ title: String) -> String { Slug.make(title) }

    public var text: String {
        var lines = [
            "---", "title: \(YAMLScalar.written(title))",
            "summary: \"\"                 # one sentence, shown in listings and search results",
        ]
        for taxonomy in config.taxonomies where taxonomy.sections.isEmpty || taxonomy.sections.contains(section) {
            let need = taxonomy.required ? "required, one or more of" : "optional, any of"
            lines.append("# \(taxonomy.title): \(need): \(taxonomy.terms.map(\.id).joined(separator: ", "))")
            lines.append("\(taxonomy.key): []")
        }
        lines.append("status: pågående             # pågående | avslutad")
        lines.append("draft: true                  # built by 'kretslopp build' only when false (serve shows drafts)")
        for collection in config.collections {
            let roles = collection.roles.map(\.id).joined(separator: ", ")
            lines.append("# \(collection.key): ids from Content/data/\(collection.data).yaml; roll: \(roles)")
            lines.append("\(collection.key): []")
            lines.append("#  - id: ")
            lines.append("#    roll: ")
        }
        lines.append("---")
        lines.append("Skriv sidans text här, i Markdown.")
        return lines.joined(separator: "\n") + "\n"
    }
}
