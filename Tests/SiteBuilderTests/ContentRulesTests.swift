import Markdown
import Testing

@testable import SiteBuilder

/// What is content: `_` and `.` names and `ignore:` globs are neither pages nor reported; a
/// Markdown file without front matter is a page named by its first heading or its file.
@Suite struct ContentRulesTests {
    func build(_ changes: [String: String], theme: [String: String] = Fixture.theme) throws -> BuildResult {
        var content = Fixture.basic
        for (path, text) in changes { content[path] = text }
        return try Fixture(content: content, theme: theme).build()
    }

    /// A page that would be an error in every way: unclosed front matter, a broken link, a bad tag.
    static let broken = "---\ntitle: [trasig\ntags: [finns-inte]\n[länk](finns-inte.md)\n"

    @Test func underscoreAndDotNamesAreNotContent() throws {
        let result = try build([
            "_includes/fragment.md": Self.broken,
            "docs/_includes/note.md": Self.broken,
            "docs/_includes/logo.png": "png",
            "docs/.cache/x.md": Self.broken,
            ".github/workflow.yml": "x: [",
            "_drafts/idea.md": Self.broken,
            "docs/_partial.md": Self.broken,
            "docs/sida.md": "Text.\n",
            // static/ is copied as it is and data/ is read by name: `_` names there are used.
            "static/_headers": "/*\n  X-Frame-Options: DENY\n",
        ])
        #expect(result.messages == [])
        let paths = Set(result.files.map(\.path))
        #expect(paths.contains("docs/sida/index.html"))
        #expect(paths.contains("_headers"))
        #expect(
            !paths.contains {
                $0.contains("_includes") || $0.contains("_drafts") || $0.contains("partial") || $0.contains("fragment")
            })
    }

    /// Markdown under another name (Docusaurus' `.mdx` without `mdx`, `.mdown`) is copied as it is,
    /// and said once, at the first such file; in static/ it is a file like any other. Jekyll's
    /// `.markdown` is a page (`JekyllPostsTests`).
    @Test func markdownUnderAnotherNameIsSaidOnce() throws {
        let result = try build([
            "docs/b.mdx": "import Tabs from '@theme/Tabs';\n\n# B\n",
            "docs/a.mdown": "# A\n",
            "docs/c.markdown": "# C\n",
            "static/c.mdx": "x",
        ])
        #expect(
            result.messages == [
                "Content/docs/a.mdown:1:1: warning: 2 Markdown files (.mdx, .mdown) are not pages (pages are .md and "
                    + ".markdown files); they are copied as they are (first here); set 'markdown: {mdx: true}' in "
                    + "site.yaml to build .mdx files as pages, their imports and components read as Docusaurus writes "
                    + "them; or move them to static/"
            ], "\(result.messages)")
        #expect(
            Set(result.files.map(\.path)).isSuperset(of: ["docs/b.mdx", "docs/a.mdown", "c.mdx", "docs/c/index.html"]))
        let one = try build(["docs/b.mdown": "# B\n"])
        #expect(
            one.messages == [
                "Content/docs/b.mdown:1:1: warning: this Markdown file is not a page (pages are .md and .markdown "
                    + "files); it is copied as it is; rename it to .md to build pages, or move it to static/"
            ])
    }

    /// With `markdown: {mdx: true}` an `.mdx` file is the page its `.md` name would be: its URL,
    /// a folder's `index.mdx` its folder's page, links to `x.mdx` going to it, and messages naming
    /// the file as it is named.
    @Test func mdxFilesArePagesWhenAsked() throws {
        let site = Fixture.siteYAML + "\nmarkdown: {mdx: true}\nlinks: {broken: warning}\n"
        let result = try build([
            "site.yaml": site,
            "docs/index.mdx": "---\ntitle: Docs\n---\nThe docs.\n",
            "docs/intro.mdx": "---\ntitle: Intro\n---\nSee [the guide](guide.mdx#steg) and [more](guide.mdx#nej).\n",
            "docs/guide.mdx": "---\ntitle: Guide\n---\nimport Tabs from '@theme/Tabs';\n\n## Steg\n",
        ])
        let paths = Set(result.files.map(\.path))
        #expect(paths.isSuperset(of: ["docs/index.html", "docs/guide/index.html"]))
        #expect(!paths.contains("docs/guide.mdx"))
        #expect(result.file("docs/index.html")?.contains("SECTION Docs") == true)
        let intro = try #require(result.file("docs/intro/index.html"))
        #expect(intro.contains("<a href=\"../../docs/guide/#steg\">the guide</a>"))
        let guide = try #require(result.file("docs/guide/index.html"))
        #expect(!guide.contains("@theme/Tabs"))
        #expect(
            result.messages == [
                "Content/docs/intro.mdx:4:37: warning: 'docs/guide.mdx' has no heading or anchor '#nej'; heading ids "
                    + "are the heading's text in lower case, punctuation dropped and spaces as hyphens "
                    + "(GitHub's rule), or set with {#id}"
            ])
        let both = try build(["site.yaml": site, "docs/a.md": "# A\n", "docs/a.mdx": "# A\n"])
        #expect(
            both.messages == [
                "Content/docs/a.mdx:1:1: error: docs/a.md and this file would be one page; rename one of them, or move "
                    + "it to another folder"
            ])
    }

    @Test func ignoreGlobsInSiteYAML() throws {
        let result = try build([
            "site.yaml": Fixture.siteYAML
                + "\nignore: [\"drafts/**\", \"**/*.tmp.md\", \"docs/v?/old\", \"static/raw/\"]\n",
            "drafts/a.md": Self.broken,
            "drafts/deep/b.md": Self.broken,
            "drafts/notes.txt": "not used",
            "x.tmp.md": Self.broken,
            "docs/v1/y.tmp.md": Self.broken,
            "docs/v1/old/z.md": Self.broken,
            "docs/v1/old/bild.psd": "psd",
            "docs/v1/kept.md": "# Kept\n",
            "docs/v10/old/kept.md": "Text.\n",
            "static/raw/big.psd": "psd",
            "static/bild.png": "png",
        ])
        #expect(result.messages == [])
        let paths = Set(result.files.map(\.path))
        #expect(paths.contains("docs/v1/kept/index.html"))
        #expect(paths.contains("docs/v10/old/kept/index.html")) // `?` is one character: v10 is not ignored
        #expect(paths.contains("bild.png"))
        #expect(!paths.contains("raw/big.psd"))
        #expect(!paths.contains { $0.hasPrefix("drafts") || $0.contains("tmp") || $0.hasPrefix("docs/v1/old") })
    }

    @Test func invalidGlobIsAnErrorAtItsPlace() throws {
        let result = try build(["site.yaml": Fixture.siteYAML + "\nignore:\n  - drafts/**\n  - \"a**/x\"\n"])
        let line = Fixture.siteYAML.split(separator: "\n", omittingEmptySubsequences: false).count + 3
        #expect(
            result.messages == [
                "Content/site.yaml:\(line):5: error: '**' in ignore pattern 'a**/x' must be a whole path segment; "
                    + "write '**/' or '/**' for any number of folders, or '*' within a name"
            ])
        #expect(!result.succeeded)
    }

    /// `include:` brings back a hidden folder (GitBook's `.gitbook/assets`), with all below it,
    /// and only that: its hidden parent's other folders stay out; a `_` name and an ignored
    /// path come back the same way.
    @Test func includeBringsBackWhatTheRulesLeaveOut() throws {
        let result = try build([
            "site.yaml": Fixture.siteYAML + "\ninclude: [./.gitbook/assets/, _redirects, drafts/keep.md]\n"
                + "ignore: [\"drafts/**\"]\n",
            ".gitbook/assets/bild 1.png": "png",
            ".gitbook/assets/deep/.x/y.png": "png",
            ".gitbook/includes/snippet.md": Self.broken,
            ".gitbook/other.md": Self.broken,
            "_redirects": "/a /b 301\n",
            "drafts/keep.md": "# Keep\n",
            "drafts/other.md": Self.broken,
            "docs/sida.md": "![Bild](../.gitbook/assets/bild%201.png)\n",
        ])
        #expect(result.messages == [])
        let paths = Set(result.files.map(\.path))
        #expect(paths.isSuperset(of: [".gitbook/assets/bild 1.png", ".gitbook/assets/deep/.x/y.png", "_redirects"]))
        #expect(paths.contains("drafts/keep/index.html") && !paths.contains("drafts/other/index.html"))
        #expect(!paths.contains { $0.hasPrefix(".gitbook/includes") || $0.hasPrefix(".gitbook/other") })
        let page = try #require(result.file("docs/sida/index.html"))
        #expect(page.contains("src=\"../../.gitbook/assets/bild%201.png\""))
    }

    /// An `include:` entry that is a pattern or leaves the folder is an error at its place; one
    /// that names nothing is a warning.
    @Test func includeTakesPathsBelowTheFolder() throws {
        let result = try build([
            "site.yaml": Fixture.siteYAML + "\ninclude:\n  - \".gitbook/*\"\n  - ../secret\n  - .finns-inte\n"
        ])
        let line = Fixture.siteYAML.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        #expect(
            result.messages == [
                "Content/site.yaml:\(line):5: error: include: '.gitbook/*' is a pattern; include: takes paths; name "
                    + "the folder ('.gitbook/assets'): all below it is content",
                "Content/site.yaml:\(line + 1):5: error: include: '../secret' is not a path below the content folder; "
                    + "name a file or folder relative to site.yaml's folder, such as '.gitbook/assets'",
                "Content/site.yaml:\(line + 2):5: warning: include: '.finns-inte' names nothing in the content "
                    + "folder; correct the path, relative to site.yaml's folder, or remove it",
            ])
    }

    /// `home:` makes a page the front page, as GitBook's `structure.readme` does; a README.md at
    /// the top is then a page of its own; a home that is no Markdown file, or is not there, is an
    /// error at its place.
    @Test func homeMakesAPageTheFrontPage() throws {
        var content = Fixture.basic
        content["_index.md"] = nil
        content["site.yaml"] = Fixture.siteYAML + "\nhome: ./welcome.md\n"
        content["welcome.md"] = "# Välkommen\n\nSe [hej](hej.md).\n"
        content["hej.md"] = "# Hej\n\n[Tillbaka](welcome.md)\n"
        content["README.md"] = "# Läs mig\n"
        let result = try Fixture(content: content).build()
        #expect(result.messages == [])
        // The fixture's home template shows no text: a link to the page goes to the home, and the
        // page is nowhere else.
        #expect(result.file("welcome/index.html") == nil)
        #expect(result.file("hej/index.html")?.contains("<a href=\"../\">Tillbaka</a>") == true)
        #expect(result.file("README/index.html")?.contains("Läs mig") == true)
        let line = Fixture.siteYAML.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        content["site.yaml"] = Fixture.siteYAML + "\nhome: utkast/x.md\nignore: [utkast/**]\n"
        content["utkast/x.md"] = "# X\n"
        let ignored = try Fixture(content: content).build()
        #expect(
            ignored.messages.contains(
                "Content/site.yaml:\(line):7: error: home: 'utkast/x.md' is no page of the site; it is a draft or "
                    + "left out by ignore:; name a page that is built, or remove home:"))
        for (written, message) in [
            ("saknas.md", "home: 'saknas.md' does not exist"),
            ("../x.md", "home: '../x.md' is not a Markdown file below the content folder"),
        ] {
            let wrong = try build(["site.yaml": Fixture.siteYAML + "\nhome: \(written)\n"])
            #expect(wrong.messages.first?.hasPrefix("Content/site.yaml:\(line):7: error: \(message)") == true)
        }
    }

    // MARK: Pages without front matter

    static let titles: [String: String] = [
        "templates/page.mustache":
            "{{<base}}{{$main}}PAGE "
            + "{{page.title}}|{{#page.titleID}}ID={{.}}|{{/page.titleID}}{{#page.titleInContent}}OWN-H1|{{/page.titl"
            + "eInContent}}{{{page.content}}}{{/main}}{{/base}}",
        "templates/single.mustache":
            "{{<base}}{{$main}}SINGLE "
            + "{{page.title}}|{{#page.titleID}}ID={{.}}|{{/page.titleID}}{{#page.titleInContent}}OWN-H1|{{/page.titl"
            + "eInContent}}{{{page.content}}}{{/main}}{{/base}}",
    ]

    @Test func titleFromFirstHeadingOrFileName() throws {
        let result = try build(
            [
                "guide/getting-started.md": "Just text, no heading.\n\n## A second-level heading\n",
                "guide/first.md": "# The *kretslopp* `build` command\n\nText.\n\n# Another\n",
                "guide/setext.md": "Intro paragraph.\n\nUnderlined\ntitle\n=====\n",
                "guide/fenced.md":
                    "```\n# not a title\n```\n\n<!--\n# nor this\n-->\n\n    # nor this\n\n> # nor this\n\n# Real "
                    + "title #\n",
                "guide/API_Guide.md": "",
                "README.md": "# Read me first\n",
            ], theme: Fixture.theme.merging(Self.titles) { $1 })
        #expect(result.messages == [])
        #expect(result.file("guide/getting-started/index.html")?.contains("PAGE Getting started|<p>") == true)
        // A page that starts with the heading it is named by shows it once, as the theme's title
        // (with the heading's id); a second `#` heading stays in the content.
        #expect(
            result.file("guide/first/index.html")?.contains(
                "PAGE The kretslopp build command|ID=the-kretslopp-build-command|OWN-H1|<p>Text.</p>") == true)
        // A heading further down stays where it is, and the theme leaves out its own.
        #expect(result.file("guide/setext/index.html")?.contains("PAGE Underlined title|OWN-H1|") == true)
        #expect(result.file("guide/fenced/index.html")?.contains("PAGE Real title|OWN-H1|") == true)
        #expect(result.file("guide/API_Guide/index.html")?.hasSuffix("PAGE API Guide|") == true)
        #expect(result.file("README/index.html")?.hasSuffix("SINGLE Read me first|ID=read-me-first|") == true)
        // A page with a title of its own and no `#` heading: the theme shows its title as usual.
        #expect(result.file("om/index.html")?.contains("SINGLE Om|<h2") == true)
    }

    /// The line scan finds the heading cmark finds: the renderer is the reference.
    @Test func headingScanAgreesWithTheRenderer() {
        let bodies = [
            "# A", "#A\n", "Text\n# B\n", "Text\n===\n", "- item\n===\n", "> quote\n===\n", "```\n# x\n```\n# C",
            "~~~~\n# x\n~~~\n# y\n~~~~\n# D\n", "    # code\n\n# E", "Para\n    # lazy\n",
            "<div>\n# in html\n</div>\n\n# F",
            "<!-- x -->\n# G", "<!--\n# x\n-->\n# H", "## two\n# I ##\n", "# J #\n", "#\n# K", "***\n# L",
            "1. one\n# M",
            "Text\n\n---\n", "Title\n=== x\n", "  # N\n", "\t# code\n", "`# not`\n", "# O\\#\n",
            "Para\n\n    code\n===\n",
        ]
        for body in bodies {
            let reference = MarkdownRenderer().render(body).headings.first { $0.level == 1 && !$0.text.isEmpty }?.text
            #expect(PageTitle.firstHeading(in: body) == reference, "\(body.debugDescription)")
        }
    }

    @Test func namesAsTitles() {
        #expect(PageTitle.fromName("getting-started") == "Getting started")
        #expect(PageTitle.fromName("API_Guide") == "API Guide")
        #expect(PageTitle.fromName("v26.2") == "v26.2")
        #expect(PageTitle.fromName("projekt") == "Projekt")
        #expect(PageTitle.fromName("åtgärder") == "Åtgärder")
    }

    @Test func schemaRequiredFieldsStillApplyWithoutFrontMatter() throws {
        let result = try build([
            "site.yaml": Fixture.siteYAML + "\nschema:\n  guide:\n    summary: {type: text, required: true}\n",
            "guide/a.md": "# A\n",
            "annat/b.md": "# B\n",
        ])
        #expect(
            result.messages == [
                "Content/guide/a.md:1:1: error: missing required field 'summary'; site.yaml's schema requires it on "
                    + "these pages"
            ])
    }
}
