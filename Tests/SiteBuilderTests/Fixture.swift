import Foundation
import Testing

@testable import SiteBuilder

/// A site written inline: `[path: contents]` for Content/, plus a small theme that prints what
/// the core gives it, so tests assert on the core's output and not on the default theme's looks.
struct Fixture {
    let root: URL

    static let siteYAML = """
        title: Testplats
        language: sv
        baseURL: https://example.se/
        taxonomies:
          - key: tags
            title: Taggar
            singular: Tagg
            path: taggar
            param: tagg
            required: true
            sections: [projekt]
            terms:
              - id: klimatanpassad
                title: Klimatanpassad
                icon: fot
              - id: cirkulär
                title: Cirkulär
        collections:
          - key: organisationer
            data: organisationer
            title: Organisationer
            singular: Organisation
            path: organisationer
            titleField: namn
            roles:
              - id: koordinator
                title: Koordinator
              - id: partner
                title: Partner
            types:
              - id: myndighet
                title: Myndighet
        """

    static let organisations = """
        - id: ivl
          namn: IVL Svenska Miljöinstitutet
        - id: orebro
          namn: Örebro kommun
        - id: abb
          namn: ABB
        - id: ale
          namn: Åre kommun
          typ: myndighet
        """

    static let theme: [String: String] = [
        "templates/base.mustache":
            "<title>{{pageTitle}}</title>{{#menu}}[{{title}}]({{url}}){{/menu}}{{$main}}{{/main}}",
        "templates/home.mustache":
            "{{<base}}{{$main}}HOME "
            + "{{#projects}}<{{title}}|{{url}}|{{facetKeys}}>{{/projects}}{{#facets}}{{key}}:{{#terms}}{{slug}}={{co"
            + "unt}} {{/terms}}{{/facets}}{{/main}}{{/base}}",
        "templates/section.mustache":
            "{{<base}}{{$main}}SECTION {{page.title}} {{#projects}}<{{title}}>{{/projects}}{{/main}}{{/base}}",
        "templates/page.mustache":
            "{{<base}}{{$main}}PAGE "
            + "{{page.title}}|{{#page.tags}}{{title}}{{{icon}}}{{/page.tags}}|{{#page.roleGroups}}{{title}}:{{#organ"
            + "isations}}{{title}}@{{url}};{{/organisations}}{{/page.roleGroups}}|{{#page.hasToc}}TOC{{/page.hasTo"
            + "c}}|{{{page.content}}}{{/main}}{{/base}}",
        "templates/single.mustache": "{{<base}}{{$main}}SINGLE {{page.title}}|{{{page.content}}}{{/main}}{{/base}}",
        "templates/terms.mustache":
            "{{<base}}{{$main}}TERMS {{#taxonomy.terms}}{{title}}({{count}}) {{/taxonomy.terms}}{{/main}}{{/base}}",
        "templates/term.mustache":
            "{{<base}}{{$main}}TERM {{term.title}}: {{#projects}}<{{title}}|{{url}}>{{/projects}}{{/main}}{{/base}}",
        "templates/records.mustache":
            "{{<base}}{{$main}}RECORDS {{#groups}}{{type.title}}: {{#records}}{{title}}, "
            + "{{/records}}{{/groups}}{{/main}}{{/base}}",
        "templates/record.mustache":
            "{{<base}}{{$main}}RECORD {{record.title}} {{#record.roles}}{{title}}: "
            + "{{#projects}}<{{title}}|{{url}}>{{/projects}}{{/record.roles}}{{/main}}{{/base}}",
        "templates/search.mustache": "{{<base}}{{$main}}SEARCH {{#facets}}{{key}} {{/facets}}{{/main}}{{/base}}",
        "templates/404.mustache": "{{<base}}{{$main}}404 {{site.homeURL}}{{/main}}{{/base}}",
        "i18n/sv.yaml":
            "home: Start\nheadingAnchor: Länk\nnotFoundTitle: Hittades inte\notherRecords: Övriga\nsearchTitle: Sök\n"
            + "search.kind.project: Projekt\nsearch.kind.glossary: Ordlista\nsearch.kind.page: Sida\n",
        "icons/fot.svg": "<svg>fot</svg>\n",
        "assets/style.css": "body{}\n",
    ]

    /// A minimal valid site: one project, an about page, organisations.
    static let basic: [String: String] = [
        "site.yaml": siteYAML,
        "data/organisationer.yaml": organisations,
        "_index.md": "---\ntitle: Start\n---\nVälkommen.\n",
        "om.md": "---\ntitle: Om\n---\n## Bakgrund\n",
        "projekt/cirkulara-goteborg.md": """
        ---
        title: Cirkulära Göteborg
        summary: Om återbruk.
        tags: [cirkulär]
        organisationer:
          - id: ivl
            roll: koordinator
          - id: orebro
            roll: partner
          - id: abb
            roll: partner
          - id: ale
        ---
        Läs [om oss](../om.md#bakgrund).
        """,
    ]

    init(content: [String: String], theme: [String: String] = Fixture.theme) throws {
        root = TestFolders.new("site")
        for (path, text) in content { try Fixture.write(text, to: root.appendingPathComponent("Content/" + path)) }
        for (path, text) in theme { try Fixture.write(text, to: root.appendingPathComponent("Theme/" + path)) }
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    var options: BuildOptions {
        var options = BuildOptions(
            content: root.appendingPathComponent("Content").path, theme: root.appendingPathComponent("Theme").path)
        options.contentDisplay = "Content"
        options.themeDisplay = "Theme"
        return options
    }

    func build(_ configure: (inout BuildOptions) -> Void = { _ in }) -> BuildResult {
        var options = self.options
        configure(&options)
        return BuildPipeline.build(options)
    }

    /// A preview session of this content with the default theme, after its first build; nil (an
    /// issue recorded) when that build fails.
    func previewWithDefaultTheme() -> SiteSession? {
        var options = self.options
        options.theme = SiteLanguageTests.defaultTheme
        let session = SiteSession(options: options)
        guard case .updated = session.buildAll() else {
            Issue.record("the first build failed: \(session.diagnostics)")
            return nil
        }
        return session
    }

    /// The site page `page` in a preview of this fixture, before and after `text` is saved to the
    /// content file `path` and the preview rebuilds as after a save (its background work done);
    /// nil, with the failure recorded, when a build fails.
    func previewEdit(_ path: String, to text: String, page: String) throws -> (before: String, after: String)? {
        let session = SiteSession(options: options)
        guard case .updated = session.buildAll() else {
            Issue.record("the first build failed: \(session.diagnostics)")
            return nil
        }
        func current() -> String { session.file(page).map { String(decoding: $0.data, as: UTF8.self) } ?? "" }
        let before = current()
        let url = root.appendingPathComponent("Content/" + path)
        try Fixture.write(text, to: url)
        guard case .updated = session.rebuild(changedPaths: [url.path]) else {
            Issue.record("rebuild failed: \(session.diagnostics)")
            return nil
        }
        #expect(session.waitForBackgroundWork(timeout: .seconds(60)))
        return (before, current())
    }

    /// The basic site with `files` added (later ones win), built with the default theme.
    static func buildWithDefaultTheme(_ files: [String: String]...) throws -> BuildResult {
        var content = basic
        for changes in files { content.merge(changes) { $1 } }
        return try Fixture(content: content, theme: [:]).build { $0.theme = SiteLanguageTests.defaultTheme }
    }

    var output: URL { root.appendingPathComponent("Output") }

    /// Builds to disk into `output`; returns the result and any write error.
    @discardableResult
    func buildToDisk(_ configure: (inout BuildOptions) -> Void = { _ in }) -> (BuildResult, OutputError?) {
        var options = self.options
        configure(&options)
        return BuildPipeline.build(options, to: output, outputDisplay: "Output")
    }
}

extension BuildResult {
    /// The text of an output file, or nil.
    func file(_ path: String) -> String? {
        files.first { $0.path == path }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    var messages: [String] { diagnostics.map(\.description) }
}
