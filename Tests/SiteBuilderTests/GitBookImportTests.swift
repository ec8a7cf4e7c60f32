import Testing

@testable import SiteBuilder

/// `kretslopp import .gitbook.yaml`: a GitBook space synced to Git as a site.yaml that builds it
/// in its summary's order, with its assets, redirects, blocks and heading ids.
@Suite struct GitBookImportTests {
    static let summary = """
        # Table of contents

        * [Introduction](README.md)
        * [Quick start](getting-started/quick-start.md)

        ## Guides

        * [Install](guides/install/README.md)
          * [On Linux](guides/install/linux.md "mention")
        * [Gone](guides/gone.md)
        * [GitHub](https://github.com/example/space)

        ## Reference <a href="#reference" id="reference"></a>

        * [API](reference/api.md)
        """

    static let files = [
        "README.md", "getting-started/quick-start.md", "guides/install/README.md", "guides/install/linux.md",
        "reference/api.md", "SUMMARY.md", "notes.md",
    ]

    @Test func theSummaryIsTheNavAndGroupsArePartsOfIt() throws {
        var made = GitBookImport(
            text: "root: ./docs/\nstructure:\n  summary: SUMMARY.md\nredirects:\n"
                + "  old/start: getting-started/quick-start.md\n  older: ./README.md\n  stale: nowhere.md\n"
                + "  guides/: README.md\n  getting-started/quick-start: README.md\n",
            file: "space/.gitbook.yaml")
        #expect(made.rootFolder == "docs")
        made.read(summary: Self.summary, files: Self.files, hasAssets: true)
        #expect(
            made.diagnostics.map(\.description) == [
                "space/docs/SUMMARY.md:10:1: warning: chapter 'Gone' names 'guides/gone.md', which does not exist; it "
                    + "is left out of the nav; create the file, or correct the path"
            ])
        // Left out: one to no page, one from a folder's URL and one from a page's.
        #expect(made.chapterCount == 5 && made.redirectsLeftOut == 3)
        #expect(
            made.siteYAML.contains(
                """
                include:
                  - .gitbook/assets  # the space's images and files (a hidden folder)
                ignore:
                  - SUMMARY.md  # the book's table of contents: the nav below
                  - notes.md  # not in SUMMARY.md: no page in GitBook
                redirects:  # .gitbook.yaml's redirects: old URLs, and where they send readers
                  /old/start/: getting-started/quick-start.md
                  /older/: README.md
                menu: []  # no menu bar, as a GitBook space has none: the nav beside the page leads on
                nav:  # SUMMARY.md
                - Introduction: README.md
                - Quick start: getting-started/quick-start.md
                - Guides:  # part
                    - Install:
                        - Install: guides/install/README.md
                        - On Linux: guides/install/linux.md
                    # Gone: no file guides/gone.md
                    - GitHub: https://github.com/example/space
                - Reference:  # part
                    - API: reference/api.md

                """), "\(made.siteYAML)")
        let log = DiagnosticLog()
        let root = try #require(YAMLReader.parse(made.siteYAML, file: "site.yaml", log: log))
        #expect(log.all == [])
        #expect(root["title"]?.text == "docs" && root["language"]?.text == "en")
        #expect(root["markdown"]?["gitbook"]?.text == "true" && root["markdown"]?["headingIDs"]?.text == "gitbook")
        #expect(root["links"]?["htmlToMarkdown"]?.text == "true" && root["markdown"]?["unsafeHTML"]?.text == "true")
    }

    /// Without `.gitbook.yaml` (`kretslopp import SUMMARY.md`) GitBook's defaults hold; a space
    /// without assets gets no `include:`; a first page other than README.md is the front page.
    @Test func defaultsHoldWithoutGitBookYAML() {
        var made = GitBookImport(text: nil, file: "handbook/SUMMARY.md")
        #expect(made.rootFolder == "." && made.summaryPath == "SUMMARY.md")
        made.read(summary: "* [A](README.md)\n", files: ["README.md", "SUMMARY.md"], hasAssets: false)
        #expect(made.diagnostics.isEmpty)
        #expect(made.siteYAML.contains("title: handbook  #") && !made.siteYAML.contains("include:"))
        var other = GitBookImport(text: "structure:\n  readme: intro.md\n", file: ".gitbook.yaml")
        other.read(summary: "* [A](intro.md)\n", files: ["intro.md"], hasAssets: false)
        #expect(other.diagnostics.isEmpty)
        #expect(other.siteYAML.contains("\nhome: intro.md  # the space's first page (structure.readme)\n"))
        var none = GitBookImport(text: nil, file: "SUMMARY.md")
        none.read(summary: nil, files: [], hasAssets: false)
        #expect(none.siteYAML.isEmpty && none.diagnostics.first?.severity == .error)
    }

    /// The space builds as GitBook shows it: a hint, tabs, an image in `.gitbook/assets`, links
    /// to a folder's page and to headings by GitBook's ids, and GitBook's broken-link mark said
    /// as what it is.
    @Test func theImportedSpaceBuilds() throws {
        var made = GitBookImport(text: "root: ./\n", file: ".gitbook.yaml")
        made.read(
            summary: "# Table of contents\n\n* [Start](README.md)\n* [Guide](guide/README.md)\n"
                + "  * [Setup](guide/setup.md)\n",
            files: ["README.md", "guide/README.md", "guide/setup.md", "SUMMARY.md"], hasAssets: true)
        // The fixture's theme speaks Swedish only, and has none of the page words the import names.
        let settings = String(made.siteYAML.prefix { $0 != "\u{0}" }).components(separatedBy: "\nstrings:")[0]
        let result = try Fixture(content: [
            "site.yaml": settings.replacingOccurrences(of: "language: en ", with: "language: sv ")
                + "\nbaseURL: https://example.com/\n",
            "SUMMARY.md": "# Table of contents\n",
            "README.md": "# Start\n",
            "getting-started/README.md": "# Getting started\n",
            "guide/README.md": "# Guide\n",
            "guide/setup.md":
                "# Setup\n\nSee [the guide](../guide/), [start](../) and [install](setup.md#id-1.-install-v2.0),\n"
                + "[too far](../../../getting-started/) [up](../../../README.md).\n\n"
                + "## 1. Install (v2.0)\n\n{% hint style=\"warning\" %}\nCareful.\n{% endhint %}\n\n"
                + "{% tabs %}\n{% tab title=\"npm\" %}\nnpm i\n{% endtab %}\n{% endtabs %}\n\n"
                + "<figure><img src=\"../.gitbook/assets/shot (1).png\" alt=\"A shot\"></figure>\n\n"
                + "[Lost](broken-reference)\n\n{% include \"../.gitbook/includes/help.md\" %}\n\n"
                + "{% content-ref url=\"../getting-started/\" %}\n[getting-started](../getting-started/)\n"
                + "{% endcontent-ref %}\n\n<table data-view=\"cards\"><thead><tr><th></th>"
                + "<th data-hidden data-card-target data-type=\"content-ref\"></th></tr></thead><tbody><tr>"
                + "<td>Begin here</td><td><a href=\"../README.md\">README.md</a></td></tr></tbody></table>\n",
            ".gitbook/assets/shot (1).png": "png",
            ".gitbook/includes/help.md":
                "---\ntitle: Help\n---\n\n{% hint style=\"info\" %}\nAsk in the forum.\n{% endhint %}\n\n"
                + "[The guide](../../guide/) <img src=\"../assets/shot (1).png\" alt=\"Shot\">\n",
        ]).build()
        #expect(
            result.messages == [
                "Content/guide/setup.md:20:1: warning: link 'broken-reference' is GitBook's mark for a link whose "
                    + "page was deleted or moved; link to the page's .md file, relative to this file, or make the "
                    + "text plain"
            ])
        let setup = try #require(result.file("guide/setup/index.html"))
        // Read from the file, as GitBook writes them: `../` from guide/setup.md is the space's root.
        #expect(
            setup.contains("<a href=\"../../guide/\">the guide</a>") && setup.contains("<a href=\"../../\">start</a>"))
        #expect(setup.contains("<a href=\"../../guide/setup/#id-1.-install-v2.0\">install</a>"))
        // `../` past the root stops there, as a browser stops.
        #expect(setup.contains("<a href=\"../../getting-started/\">too far</a> <a href=\"../../\">up</a>"))
        #expect(setup.contains("<h2 id=\"id-1.-install-v2.0\">") && setup.contains("admonition warning"))
        #expect(setup.contains("<div class=\"tabs\">"))
        // Reusable content is put in, and read as the page is: its hint is a box too.
        #expect(setup.contains("admonition info") && setup.contains("<p>Ask in the forum.</p>"))
        // Its links are from its own folder; its front matter is not shown.
        #expect(
            setup.contains("<a href=\"../../guide/\">The guide</a> <img src=\"../../.gitbook/assets/shot%20(1).png\""))
        #expect(!setup.contains("title: Help"))
        // A link whose text is its file's name shows the page's title; a table of cards is cards.
        #expect(setup.contains("<a href=\"../../getting-started/\">Getting started</a>"))
        #expect(setup.contains("<p class=\"card__title\"><a href=\"../../\">Begin here</a></p>"))
        #expect(!result.files.contains { $0.path.hasPrefix(".gitbook/includes") })
        #expect(Set(result.files.map(\.path)).contains(".gitbook/assets/shot (1).png"))
        #expect(!result.files.contains { $0.path.hasPrefix("SUMMARY") })
    }

    /// A reusable content block whose file is missing is said once, by the include, at its tag.
    @Test func aMissingIncludeIsSaidOnce() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\nmarkdown: {gitbook: true, includes: .}\n"
        content["guide/sida.md"] = "# Sida\n\n{% include \"../.gitbook/includes/saknas.md\" %}\n"
        let result = try Fixture(content: content).build()
        #expect(
            result.messages == [
                "Content/guide/sida.md:3:1: error: the file '../.gitbook/includes/saknas.md' to include does not "
                    + "exist; the path is relative to this file: ../.gitbook/includes/saknas.md"
            ])
    }
}
