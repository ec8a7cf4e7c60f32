import Foundation
import Testing

@testable import SiteBuilder

/// mdBook's `{{#include}}` family, put into bodies as mdBook's `links` preprocessor puts them,
/// with every message at a line of the page's own file and the preview following the files.
@Suite struct BodyIncludesTests {
    static let code = """
        use std::io;
        // ANCHOR: main
        fn main() {
            // ANCHOR: inner
            println!("hej");
            // ANCHOR_END: inner
        }
        // ANCHOR_END: main
        """

    /// A content folder with `files`, and the includes that its pages may make.
    func includes(_ files: [String: String], root: String = ".") throws -> (BodyIncludes, Fixture) {
        let fixture = try Fixture(content: files)
        let content = fixture.root.appendingPathComponent("Content").standardized.resolvingSymlinksInPath()
        let settings = IncludeSettings(
            root: content.appendingPathComponent(root).standardized, content: content, written: "includes: \(root)")
        return (BodyIncludes(settings: settings), fixture)
    }

    @Test(arguments: [
        ("{{#include main.rs}}", code),
        ("{{#include main.rs:1}}", "use std::io;"),
        ("{{#include main.rs:3:5}}", "fn main() {\n    // ANCHOR: inner\n    println!(\"hej\");"),
        ("{{#include main.rs::2}}", "use std::io;\n// ANCHOR: main"),
        ("{{#include main.rs:7:}}", "}\n// ANCHOR_END: main"),
        ("{{#include main.rs:main}}", "fn main() {\n    println!(\"hej\");\n}"),
        ("{{ #include  main.rs:inner }}", "    println!(\"hej\");"),
        (
            "{{#rustdoc_include main.rs:inner}}",
            "# use std::io;\n# fn main() {\n    println!(\"hej\");\n# }"
        ),
        (
            "{{#rustdoc_include main.rs:3:3}}",
            "# use std::io;\n# // ANCHOR: main\nfn main() {\n#     // ANCHOR: inner\n#     println!(\"hej\");\n"
                + "#     // ANCHOR_END: inner\n# }\n# // ANCHOR_END: main"
        ),
        ("{{#playground main.rs editable}}", "```rust,editable\n" + code + "\n```"),
        ("Visa \\{{#include main.rs}} som text.", "Visa {{#include main.rs}} som text."),
    ])
    func takenAsMdBookTakesThem(written: String, included: String) throws {
        let (includes, _) = try includes(["main.rs": Self.code])
        let expansion = try #require(includes.expand(written + "\n", file: "sida.md", lineOffset: 0))
        #expect(expansion.text == included + "\n")
        #expect(expansion.problems.isEmpty)
    }

    /// The lines after the first start with what stood before the directive (a list item's
    /// indentation, a quote's marker); an included file's includes are relative to it.
    @Test func linesKeepTheirPlaceAndIncludesNest() throws {
        let (includes, _) = try includes([
            "delar/a.md": "Rad ett\nRad två\n{{#include b/c.md}}\n", "delar/b/c.md": "Rad tre\n",
        ])
        let body = "Före\n\n- {{#include delar/a.md}}\n> {{#include delar/a.md:2}} efter\nSist\n"
        let expansion = try #require(includes.expand(body, file: "sida.md", lineOffset: 3))
        #expect(expansion.text == "Före\n\n- Rad ett\n- Rad två\n- Rad tre\n> Rad två efter\nSist\n")
        // Each line's place in the page: the included lines are the directive's.
        let lines = (1...7).map { expansion.position(of: .init(line: $0 + 3, column: 5), lineOffset: 3) }
        #expect(
            lines.map(\.line) == [4, 5, 6, 6, 6, 7, 8] && lines[3].column == 3 && lines[0].column == 5)
        #expect(expansion.reads.count == 3)
    }

    @Test func whatCannotBeIncludedIsSaidAtTheDirective() throws {
        let (includes, fixture) = try includes(["main.rs": Self.code, "loop.md": "{{#include loop.md}}\n"])
        let outside = fixture.root.appendingPathComponent("hemlig.txt")
        try "hemligt".write(to: outside, atomically: true, encoding: .utf8)
        let body =
            "A {{#include saknas.rs}}\n{{#include main.rs:ingen}}\n{{#include ../hemlig.txt}}\n"
            + "{{#include loop.md}}\n"
        let expansion = try #require(includes.expand(body, file: "sida.md", lineOffset: 2))
        #expect(
            expansion.problems.map { "\($0.position.line):\($0.position.column): \($0.message)" } == [
                "3:3: the file 'saknas.rs' to include does not exist",
                "4:1: 'main.rs' has no anchor 'ingen'",
                "5:1: '../hemlig.txt' is outside the folder includes may read (includes: .)",
                "6:1: includes nest more than 10 deep",
            ])
        // The directives that could not be read stay as written, as mdBook leaves them.
        #expect(expansion.text.hasPrefix("A {{#include saknas.rs}}\n{{#include main.rs:ingen}}\n{{#include ../hemlig"))
        #expect(!expansion.text.contains("hemligt"))
        #expect(includes.expand("Inga klamrar.\n", file: "sida.md", lineOffset: 0) == nil)
    }

    /// GitBook's reusable content, `{% include "…" %}`, when its blocks are read: the whole file,
    /// relative to the page; quoted either way; one that cannot be read said at its tag. Without
    /// the setting, or in another form, it is left for the Markdown pass (which warns of it).
    @Test func gitbooksIncludeIsTheWholeFile() throws {
        var (includes, _) = try includes([".gitbook/includes/help.md": "Ask.\nOr mail.\n"])
        #expect(
            includes.expand("{% include \"../.gitbook/includes/help.md\" %}\n", file: "a/b.md", lineOffset: 0) == nil)
        includes = BodyIncludes(
            settings: IncludeSettings(
                root: includes.settings.root, content: includes.settings.content, written: "includes: .", gitbook: true)
        )
        let body = "{% include '../.gitbook/includes/help.md' %}\n{% include \"missing.md\" %}\n{% if x %}\n"
        let expansion = try #require(includes.expand(body, file: "a/b.md", lineOffset: 2))
        #expect(expansion.text == "Ask.\nOr mail.\n{% include \"missing.md\" %}\n{% if x %}\n")
        #expect(
            expansion.problems.map { "\($0.position.line):\($0.position.column): \($0.message)" } == [
                "4:1: the file 'missing.md' to include does not exist"
            ])
    }

    /// `includes` with Vue read (`markdown: {vue: true}`).
    static func withVue(_ includes: BodyIncludes) -> BodyIncludes {
        var settings = includes.settings
        settings.vue = true
        return BodyIncludes(settings: settings)
    }

    /// VitePress' `<!--@include: …-->`, when Vue is read: the file without its front matter, or its
    /// lines `{2,3}`, `{2,}`, `{,1}`, relative to the page or from the content folder (`@/`); one
    /// that cannot be read said at its comment; a region (`#name`) and other comments stay as written.
    @Test func vitePressIncludesAreTheFileOrItsLines() throws {
        let (plain, _) = try includes(["parts/basics.md": "---\ntitle: Part\n---\nOne\nTwo\nThree\n"])
        let body = "<!--@include: ../parts/basics.md-->\n"
        #expect(plain.expand(body, file: "a/b.md", lineOffset: 0) == nil)
        let includes = Self.withVue(plain)
        let expansion = try #require(
            includes.expand(
                body + "<!--@include: @/parts/basics.md{5,6}-->\n<!--@include: ./parts/basics.md{,4}-->\n"
                    + "<!--@include: ../parts/gone.md-->\n<!--@include: ../parts/basics.md#intro-->\n<!-- a note -->\n",
                file: "a/b.md", lineOffset: 1))
        #expect(
            expansion.text
                == "One\nTwo\nThree\nTwo\nThree\n<!--@include: ./parts/basics.md{,4}-->\n"
                + "<!--@include: ../parts/gone.md-->\n<!--@include: ../parts/basics.md#intro-->\n<!-- a note -->\n")
        #expect(
            expansion.problems.map { "\($0.position.line):\($0.position.column): \($0.message)" } == [
                "4:1: the file './parts/basics.md' to include does not exist",
                "5:1: the file '../parts/gone.md' to include does not exist",
            ])
    }

    /// VitePress' `<<<` code snippets: the file as a fenced block in its language (a language
    /// and a title given win), a `#region`'s lines, ANSI colours left out; in fenced code, and
    /// without Vue, `<<<` is text; a region the file lacks is said.
    @Test func vitePressSnippetsAreCodeBlocks() throws {
        let (plain, _) = try includes([
            "snippets/a.js": "// #region snippet\nconst a = 1\n// #endregion snippet\nconst b = 2\n",
            "snippets/out.ansi": "\u{1B}[32m✓\u{1B}[39m passed\n",
        ])
        let body = "<<< @/snippets/a.js\n"
        #expect(plain.expand(body, file: "a/b.md", lineOffset: 0) == nil)
        let includes = Self.withVue(plain)
        let expansion = try #require(
            includes.expand(
                body + "<<< ../snippets/a.js#snippet{1 ts} [Region]\n<<< @/snippets/out.ansi\n"
                    + "```md\n<<< @/snippets/a.js\n```\n<<< @/snippets/a.js#gone\n",
                file: "a/b.md", lineOffset: 0))
        #expect(
            expansion.text
                == "```js\n// #region snippet\nconst a = 1\n// #endregion snippet\nconst b = 2\n```\n"
                + "```ts [Region]\nconst a = 1\n```\n```text\n✓ passed\n```\n```md\n<<< @/snippets/a.js\n```\n"
                + "<<< @/snippets/a.js#gone\n")
        #expect(expansion.problems.map(\.message) == ["'/snippets/a.js' has no region 'gone'"])
    }

    /// GitBook's reusable content links from its own folder (`.gitbook/includes/`): its relative
    /// links, images and raw HTML addresses start at the content folder once put in a page
    /// elsewhere; its front matter (its title in GitBook) is not shown; code is left alone.
    @Test func gitbooksReusableContentKeepsItsLinks() throws {
        let (plain, _) = try includes([
            ".gitbook/includes/cards.md":
                "---\ntitle: Cards\n---\n\nSee [CI](../../ci/README.md#setup), ![Logo](<../assets/a b.png>) and "
                + "[lost](broken-reference).\n<a href=\"../../ci/\"><img src=\"../assets/c.png\"></a> "
                + "[web](https://x.org)\n"
                + "```md\n[code](../../x.md)\n```\n[ref]: ../../ref.md\n"
        ])
        let includes = BodyIncludes(
            settings: IncludeSettings(
                root: plain.settings.root, content: plain.settings.content, written: "includes: .", gitbook: true))
        let expansion = try #require(
            includes.expand("{% include \"../../.gitbook/includes/cards.md\" %}\n", file: "a/b/c.md", lineOffset: 0))
        #expect(
            expansion.text
                == "See [CI](@/ci/README.md#setup), ![Logo](<@/.gitbook/assets/a b.png>) and "
                + "[lost](broken-reference).\n"
                + "<a href=\"@/ci/\"><img src=\"@/.gitbook/assets/c.png\"></a> [web](https://x.org)\n"
                + "```md\n[code](../../x.md)\n```\n[ref]: @/ref.md\n")
    }

    func build(_ files: [String: String], markdown: String) throws -> BuildResult {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\nmarkdown:\n" + markdown
        for (path, text) in files { content[path] = text }
        return try Fixture(content: content).build()
    }

    /// A message about an included line is at the directive; one after it at its own line.
    @Test func messagesAreAtThePagesOwnLines() throws {
        let result = try build(
            [
                "_delar/lankar.md": "Rad\n[bruten](finns-inte.md)\n",
                "om.md": "---\ntitle: Om\n---\n## Bakgrund\n\n{{#include _delar/lankar.md}}\n\n[också](saknas.md)\n",
            ], markdown: "  includes: .\n")
        #expect(
            result.messages.filter { $0.hasPrefix("Content/om.md") } == [
                "Content/om.md:6:1: error: link to 'finns-inte.md' points to no page; links to pages are paths to "
                    + "their .md files relative to this file",
                "Content/om.md:8:1: error: link to 'saknas.md' points to no page; links to pages are paths to "
                    + "their .md files relative to this file",
            ])
        // Without the setting, the directives are said once, with how to have them read.
        let off = try build(
            ["om.md": "---\ntitle: Om\n---\n{{#include a.md}}\n{{#title Ny}}\n"], markdown: "  gfm: true\n")
        #expect(
            off.messages.filter { $0.hasPrefix("Content/om.md") } == [
                "Content/om.md:4:1: warning: mdBook's {{#include}}, {{#title}} are not read: the page shows them as "
                    + "written (2 on this page, first here); set 'markdown: {includes: .}' in site.yaml to have files "
                    + "included (the folder they may come from, relative to the content folder)"
            ])
        let missing = try build([:], markdown: "  includes: ../finns-inte\n")
        #expect(
            missing.messages.contains {
                $0.hasPrefix("Content/site.yaml:")
                    && $0.hasSuffix(
                        ":13: error: markdown includes: '../finns-inte' is not a folder; name the folder, relative to "
                            + "the content folder, that files may be included from: '.' for the content folder, '..' "
                            + "for the folder around it")
            }, "\(missing.messages)")
    }

    /// The preview renders again a body whose included page changed (a body edit of that page
    /// alone would otherwise re-render only it).
    @Test func thePreviewFollowsAnIncludedPage() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\nmarkdown:\n  includes: .\n"
        content["om.md"] = "---\ntitle: Om\n---\n## Bakgrund\nFörsta texten.\n"
        content["projekt/cirkulara-goteborg.md"]! += "\n{{#include ../om.md:5}}\n"
        let page = try Fixture(content: content).previewEdit(
            "om.md", to: "---\ntitle: Om\n---\n## Bakgrund\nAndra texten.\n",
            page: "projekt/cirkulara-goteborg/index.html")
        #expect(page?.before.contains("Första texten.") == true)
        #expect(page?.after.contains("Andra texten.") == true)
    }
}
