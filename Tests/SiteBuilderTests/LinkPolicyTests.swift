import Testing

@testable import SiteBuilder

/// Links and anchors as people write them: GitHub's heading ids, `{#id}`, raw HTML's anchors,
/// dropped raw HTML, `links: {broken, htmlToMarkdown}` in site.yaml.
@Suite struct LinkPolicyTests {
    /// The basic fixture with `yaml` added to site.yaml and `changes` to the content.
    func build(siteYAML yaml: String = "", _ changes: [String: String]) throws -> BuildResult {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\n" + yaml
        for (path, text) in changes { content[path] = text }
        return try Fixture(content: content).build()
    }

    /// The messages about pages: tests that replace the fixture's project leave its
    /// organisations unused, which is warned about in data/.
    func pageMessages(_ result: BuildResult) -> [String] {
        result.messages.filter { !$0.hasPrefix("Content/data/") }
    }

    static let brokenLinks = [
        "om.md":
            "---\ntitle: Om\n---\n## Bakgrund\n\nSe [x](finns-inte.md),\n  "
            + "[y](projekt/cirkulara-goteborg.md#saknas) och [z](#inget).\n"
    ]

    @Test func brokenLinksAreErrorsByDefault() throws {
        let result = try build(Self.brokenLinks)
        #expect(!result.succeeded)
        #expect(
            result.messages == [
                "Content/om.md:6:4: error: link to 'finns-inte.md' points to no page; links to pages are paths to "
                    + "their .md files relative to this file",
                "Content/om.md:7:3: error: 'projekt/cirkulara-goteborg.md' has no heading or anchor '#saknas'; "
                    + "heading ids are the heading's text in lower case, punctuation dropped and spaces as hyphens "
                    + "(GitHub's rule), or set with {#id}",
                "Content/om.md:7:49: error: this page has no heading or anchor '#inget'",
            ])
    }

    @Test func brokenLinksAreWarningsWhenSiteYAMLSaysSo() throws {
        let result = try build(siteYAML: "links:\n  broken: warning\n", Self.brokenLinks)
        #expect(result.succeeded)
        #expect(result.file("om/index.html") != nil)
        #expect(result.diagnostics.map(\.severity) == [.warning, .warning, .warning])
        #expect(
            result.messages[0]
                == "Content/om.md:6:4: warning: link to 'finns-inte.md' points to no page; links to pages are paths "
                + "to their .md files relative to this file"
        )
    }

    @Test func unknownSettingsAreRejectedWhereTheyAreWritten() throws {
        let lines = Fixture.siteYAML.split(separator: "\n", omittingEmptySubsequences: false).count
        let result = try build(
            siteYAML: "markdown:\n  headingIDs: gitlab\nlinks:\n  broken: fatal\n  htmlTomarkdown: true\n"
                + "  relativeTo: page\n", [:])
        #expect(
            result.messages == [
                "Content/site.yaml:\(lines + 2):15: error: 'headingIDs' must be one of github, ascii, anchorjs, "
                    + "gitbook, zola, zola-safe, vitepress, mkdocs, not 'gitlab'; write headingIDs: github",
                "Content/site.yaml:\(lines + 4):11: error: 'broken' must be one of error, warning, not 'fatal'; "
                    + "write broken: error",
                "Content/site.yaml:\(lines + 5):19: error: unknown key 'htmlTomarkdown' in 'links'; did you mean "
                    + "'htmlToMarkdown'? known: broken, datedNames, docIDs, htmlToMarkdown, keepHTML, lowercase, "
                    + "relativeTo, slugify, wiki",
                "Content/site.yaml:\(lines + 6):15: error: 'relativeTo' must be one of url, file, not 'page'; "
                    + "write relativeTo: url",
            ])
    }

    @Test func headingIdsAreGitHubsUnlessSiteYAMLSaysASCII() throws {
        let page = [
            "om.md": "---\ntitle: Om\n---\n## Mål & resultat\n\n## Bakgrund {#bakgrund}\n\n## closed_timestamp\n"
        ]
        let github = try #require(try build(page).file("om/index.html"))
        #expect(github.contains(#"<h2 id="mål--resultat">"#))
        #expect(github.contains("<h2 id=\"bakgrund\">\nBakgrund\n"))
        #expect(github.contains(#"<h2 id="closed_timestamp">"#))
        let ascii = try #require(try build(siteYAML: "markdown:\n  headingIDs: ascii\n", page).file("om/index.html"))
        #expect(ascii.contains(#"<h2 id="mal-resultat">"#))
        #expect(ascii.contains(#"<h2 id="closed-timestamp">"#))
    }

    @Test func invalidHeadingIdIsAnErrorAtItsBrace() throws {
        let result = try build(["om.md": "---\ntitle: Om\n---\n## Bakgrund {#två ord}\n"])
        #expect(
            result.messages == [
                "Content/om.md:4:13: error: heading id 'två ord' is not a valid id: it contains a space; use "
                    + "hyphens instead: {#två-ord}"
            ])
    }

    @Test func rawHTMLAnchorsSatisfyLinks() throws {
        let changes = [
            "om.md":
                "---\ntitle: Om\n---\n## Bakgrund\n\n<div id=\"ruta\">\n\nText med <a "
                + "name=\"punkt\"></a>ankare.\n\n</div>\n",
            "projekt/cirkulara-goteborg.md":
                "---\ntitle: C\ntags: [cirkulär]\n---\nSe [ruta](../om.md#ruta) och [punkt](../om.md#punkt).\n",
        ]
        let kept = try build(siteYAML: "markdown:\n  unsafeHTML: true\n", changes)
        #expect(pageMessages(kept) == [])
        #expect(kept.file("om/index.html")?.contains(#"<a name="punkt"></a>"#) == true)
        // With raw HTML off the anchors are gone, and the page says its HTML was dropped.
        let dropped = try build(changes)
        #expect(
            pageMessages(dropped) == [
                "Content/om.md:6:1: warning: 4 pieces of raw HTML are dropped (first here); set "
                    + "markdown.unsafeHTML: true to keep them, or write Markdown instead",
                "Content/projekt/cirkulara-goteborg.md:5:4: error: 'om.md' has no heading or anchor '#ruta'; "
                    + "heading ids are the heading's text in lower case, punctuation dropped and spaces as hyphens "
                    + "(GitHub's rule), or set with {#id}",
                "Content/projekt/cirkulara-goteborg.md:5:30: error: 'om.md' has no heading or anchor '#punkt'; "
                    + "heading ids are the heading's text in lower case, punctuation dropped and spaces as hyphens "
                    + "(GitHub's rule), or set with {#id}",
            ])
    }

    @Test func droppedHTMLIsOneWarningPerPageAndCommentsNone() throws {
        let result = try build([
            "om.md": "---\ntitle: Om\n---\n## Bakgrund\n\n<!-- en kommentar -->\n\nEn rad\n   med <b>fet</b> text.\n",
            "projekt/cirkulara-goteborg.md": "---\ntitle: C\ntags: [cirkulär]\n---\n<br>\n",
            "kontakt.md": "---\ntitle: Kontakt\n---\nBara <!-- en kommentar --> här.\n",
        ])
        #expect(result.succeeded)
        #expect(
            pageMessages(result) == [
                "Content/om.md:9:8: warning: 2 pieces of raw HTML are dropped (first here); set "
                    + "markdown.unsafeHTML: true to keep them, or write Markdown instead",
                "Content/projekt/cirkulara-goteborg.md:5:1: warning: 1 piece of raw HTML is dropped (here); set "
                    + "markdown.unsafeHTML: true to keep them, or write Markdown instead",
            ])
    }

    static let jekyllLinks = [
        "om.md": "---\ntitle: Om\n---\n## Bakgrund\n",
        "projekt/andra.md": "---\ntitle: Andra\ntags: [cirkulär]\n---\nText.\n",
        "projekt/cirkulara-goteborg.md": """
        ---
        title: C
        tags: [cirkulär]
        ---
        [a](../om.html) [b](/om.html#bakgrund) [c](andra.html) [d](../om/) [e](andra.html#saknas)
        """,
    ]

    @Test func linksWrittenForJekyllResolveWhenAsked() throws {
        let result = try build(siteYAML: "links:\n  htmlToMarkdown: true\n", Self.jekyllLinks)
        #expect(
            pageMessages(result) == [
                "Content/projekt/cirkulara-goteborg.md:5:68: error: 'projekt/andra.md' has no heading or anchor "
                    + "'#saknas'; heading ids are the heading's text in lower case, punctuation dropped and spaces as "
                    + "hyphens (GitHub's rule), or set with {#id}"
            ])
        let page = try #require(
            try build(
                siteYAML: "links:\n  htmlToMarkdown: true\n",
                Self.jekyllLinks.merging(
                    [
                        "projekt/cirkulara-goteborg.md":
                            "---\ntitle: C\ntags: [cirkulär]\n---\n[a](../om.html) [b](/om.html#bakgrund) "
                            + "[c](andra.html) [d](../om/)\n"
                    ]) { $1 }
            )
            .file("projekt/cirkulara-goteborg/index.html"))
        #expect(
            page.contains(
                #"<a href="../../om/">a</a> <a href="../../om/#bakgrund">b</a> "#
                    + #"<a href="../../projekt/andra/">c</a> <a href="../../om/">d</a>"#
            ))
    }

    /// mdBook and GitBook make a folder's README.md its `index.html`, and books link to it so.
    @Test func linksToAFoldersIndexHTMLFindItsReadme() throws {
        let changes = [
            "guide/README.md": "# Guide\n\nText.\n",
            "guide/install.md": "# Install\n\n[back](index.html) [top](../guide/index.html#guide)\n",
            "projekt/cirkulara-goteborg.md": "---\ntitle: C\ntags: [cirkulär]\n---\nText.\n",
        ]
        let asked = try build(siteYAML: "links:\n  htmlToMarkdown: true\n", Self.jekyllLinks.merging(changes) { $1 })
        #expect(pageMessages(asked) == [])
        let page = try #require(asked.file("guide/install/index.html"))
        #expect(
            page.contains(#"<a href="../../guide/">back</a> <a href="../../guide/#guide">top</a>"#))
        // Without the setting, the message names the page to link to.
        let byDefault = try build(Self.jekyllLinks.merging(changes) { $1 })
        #expect(
            pageMessages(byDefault).first?.hasPrefix(
                "Content/guide/install.md:3:1: error: link 'index.html' points to no page or file; 'guide/README.md' "
                    + "is a page") == true)
    }

    /// A link or image above the content folder is said to be so, with the path as written (not
    /// as GitBook's way of stopping at the root reads it), where a file there would be found.
    @Test func aPathOutOfTheContentFolderIsSaidToBe() throws {
        let changes = [
            "om.md": "---\ntitle: Om\n---\n## Bakgrund\n\n[kod](../pkg/README.md) ![Logga](../../assets/logga.png)\n"
        ]
        for yaml in ["links:\n  broken: warning\n", "links:\n  broken: warning\n  relativeTo: file\n"] {
            let result = try build(siteYAML: yaml, changes)
            #expect(
                pageMessages(result) == [
                    "Content/om.md:6:1: warning: link '../pkg/README.md' leads out of the content folder, and only its "
                        + "files are published; link to it where it is published (its address on GitHub, say), or move "
                        + "it into the content folder",
                    "Content/om.md:6:25: warning: image '../../assets/logga.png' leads out of the content folder, and "
                        + "only its files are published; copy the image into the content folder (beside the page, or "
                        + "into static/) and link to it there",
                ])
        }
        // Stopped at the root as GitBook stops it, a file there is the image.
        var found = changes
        found["assets/logga.png"] = "PNG"
        let stopped = try build(siteYAML: "links:\n  broken: warning\n  relativeTo: file\n", found)
        #expect(pageMessages(stopped).count == 1)
    }

    /// A page's URL relative to the page's own, without its last `/` (`../advanced/transports` from
    /// `/async/`, as MkDocs' docs write them), is that page, whichever way links are read: a
    /// server would send the browser there, and the link says so for file:// too. The page's
    /// anchors are checked, as those of a link to its .md file are.
    @Test func aPagesURLWithoutItsLastSlashIsThePage() throws {
        let changes = [
            "om.md": "---\ntitle: Om\n---\n## Bakgrund\n\n[a](../projekt/cirkulara-goteborg#x) [b](../projekt)\n"
        ]
        let result = try build(changes)
        // The page's anchors are checked, as a link to its .md file's are.
        #expect(
            pageMessages(result) == [
                "Content/om.md:6:1: error: 'projekt/cirkulara-goteborg.md' has no heading or anchor '#x'; heading "
                    + "ids are the heading's text in lower case, punctuation dropped and spaces as hyphens (GitHub's "
                    + "rule), or set with {#id}"
            ], "\(pageMessages(result))")
        let warned = try build(siteYAML: "links:\n  broken: warning\n", changes)
        #expect(
            warned.file("om/index.html")?.contains(
                #"<a href="../projekt/cirkulara-goteborg/#x">a</a> <a href="../projekt/">b</a>"#) == true)
        // A file name is not a folder's page.
        let file = try build(
            siteYAML: "links:\n  broken: warning\n", ["om.md": "---\ntitle: Om\n---\n[a](../projekt.png)\n"])
        #expect(pageMessages(file).first?.contains("leads out of the content folder") == true, "\(pageMessages(file))")
    }

    /// A folder with no page of its own is its listing, as GitHub shows a folder's files; without
    /// `htmlToMarkdown` such a link is broken, as before.
    @Test func aLinkToAFolderWithoutAPageIsItsListing() throws {
        let changes = [
            "om.md": "---\ntitle: Om\n---\n## Bakgrund\n\n[r](./rapporter) [s](rapporter/) [t](/rapporter)\n",
            "rapporter/a.md": "---\ntitle: A\n---\nText.\n",
        ]
        let asked = try build(siteYAML: "links:\n  htmlToMarkdown: true\n", changes)
        #expect(pageMessages(asked) == [])
        let page = try #require(asked.file("om/index.html"))
        #expect(
            page.contains(
                #"<a href="../rapporter/">r</a> <a href="../rapporter/">s</a> <a href="../rapporter/">t</a>"#))
        let relativeToFile = try build(siteYAML: "links:\n  htmlToMarkdown: true\n  relativeTo: file\n", changes)
        #expect(relativeToFile.file("om/index.html")?.contains(#"<a href="../rapporter/">r</a>"#) == true)
        let unasked = try build(changes)
        #expect(pageMessages(unasked).contains { $0.contains("link './rapporter' points to no page or file") })
    }

    /// VitePress and Docusaurus write `x` for `x.md`, relative or from `/`; a name with a dot is a
    /// file, and a file there is still one.
    @Test func linksWrittenForVitePressResolveWhenAsked() throws {
        let changes = [
            "projekt/cirkulara-goteborg.md":
                "---\ntitle: C\ntags: [cirkulär]\n---\n[a](./andra) [b](../om#bakgrund) [c](/om) [e](./LICENSE)\n",
            "projekt/LICENSE": "Fri att använda.\n",
        ]
        let asked = try build(siteYAML: "links:\n  htmlToMarkdown: true\n", Self.jekyllLinks.merging(changes) { $1 })
        #expect(pageMessages(asked) == [])
        let page = try #require(asked.file("projekt/cirkulara-goteborg/index.html"))
        #expect(
            page.contains(
                #"<a href="../../projekt/andra/">a</a> <a href="../../om/#bakgrund">b</a> <a href="../../om/">c</a>"#
            ))
        #expect(page.contains(#"<a href="../../projekt/LICENSE">e</a>"#))
        // Its fragment is checked as any link's.
        let anchored = try build(
            siteYAML: "links:\n  htmlToMarkdown: true\n",
            Self.jekyllLinks.merging([
                "projekt/cirkulara-goteborg.md": "---\ntitle: C\ntags: [cirkulär]\n---\n[d](andra#saknas)\n"
            ]) { $1 })
        #expect(
            pageMessages(anchored) == [
                "Content/projekt/cirkulara-goteborg.md:5:1: error: 'projekt/andra.md' has no heading or anchor "
                    + "'#saknas'; heading ids are the heading's text in lower case, punctuation dropped and spaces as "
                    + "hyphens (GitHub's rule), or set with {#id}"
            ])
        let byDefault = try build(Self.jekyllLinks.merging(changes) { $1 })
        #expect(
            byDefault.messages.contains(
                "Content/projekt/cirkulara-goteborg.md:5:1: error: link './andra' points to no page or file; "
                    + "'projekt/andra.md' is a page: link to its .md file, or set 'links: {htmlToMarkdown: true}' in "
                    + "site.yaml for links written for Jekyll or VitePress"
            ))
    }

    @Test func linksWrittenForJekyllAreBrokenByDefaultWithAHint() throws {
        let result = try build(Self.jekyllLinks)
        #expect(
            result.messages.contains(
                "Content/projekt/cirkulara-goteborg.md:5:1: error: link '../om.html' points to no page or file; "
                    + "'om.md' is a page: link to its .md file, or set 'links: {htmlToMarkdown: true}' in site.yaml "
                    + "for links written for Jekyll or VitePress"
            ))
        #expect(
            result.messages.contains(
                "Content/projekt/cirkulara-goteborg.md:5:40: error: link 'andra.html' points to no page or file; "
                    + "'projekt/andra.md' is a page: link to its .md file, or set 'links: {htmlToMarkdown: true}' in "
                    + "site.yaml for links written for Jekyll or VitePress"
            ))
    }
}
