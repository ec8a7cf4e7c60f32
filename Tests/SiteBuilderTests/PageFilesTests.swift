import Foundation
import Testing

@testable import SiteBuilder

/// Files beside the pages (images, downloads, a MkDocs tree's `img/` and `css/`) are published in
/// their folder's URL, as MkDocs and Zola publish them, and links to them resolve from the page's
/// source file.
@Suite struct PageFilesTests {
    func fixture(_ changes: [String: String]) throws -> Fixture {
        var content = Fixture.basic
        for (path, text) in changes { content[path] = text }
        return try Fixture(content: content)
    }

    @Test func filesBesideThePagesArePublishedAndLinkedFromTheirSourceFile() throws {
        let result = try fixture([
            "docs/guide.md": """
            # Guide

            ![Skärmbild av menyn](img/meny.png)

            [Rapporten (PDF)](<../Min mapp/rapport 1.pdf>), [stilen](css/extra.css)
            """,
            "docs/img/meny.png": "png",
            "docs/css/extra.css": "body {}",
            "Min mapp/rapport 1.pdf": "pdf",
            "Min mapp/sida.md": "Text.\n",
            "docs/anteckning.txt": "published as it is, as MkDocs does",
        ]).build()
        #expect(result.messages == [])
        #expect(result.file("docs/img/meny.png") == "png")
        #expect(result.file("docs/css/extra.css") == "body {}")
        #expect(result.file("docs/anteckning.txt") != nil)
        // The folder is named as its pages' URL names it; the file keeps its name.
        #expect(result.file("min-mapp/rapport 1.pdf") == "pdf")
        #expect(result.file("min-mapp/sida/index.html") != nil)
        let page = try #require(result.file("docs/guide/index.html"))
        #expect(page.contains(#"<img src="../../docs/img/meny.png" alt="Skärmbild av menyn" />"#))
        #expect(page.contains(#"<a href="../../min-mapp/rapport%201.pdf">"#))
        #expect(page.contains(#"<a href="../../docs/css/extra.css">"#))
    }

    @Test func linksToFilesWorkFromFileURLsAndFromAnotherFolder() throws {
        let result = try fixture([
            "docs/img/meny.png": "png",
            "om-oss.md": "![Meny](docs/img/meny.png)\n",
        ]).build { $0.linkStyle = .files }
        #expect(result.messages == [])
        #expect(result.file("om-oss/index.html")?.contains(#"<img src="../docs/img/meny.png" alt="Meny" />"#) == true)
    }

    @Test func aMissingFileIsReportedWhereItIsLinked() throws {
        let result = try fixture([
            "docs/guide.md": "# Guide\n\nSe ![Meny](img/menu.png).\n",
            "docs/img/meny.png": "png",
        ]).build()
        #expect(
            result.messages == [
                "Content/docs/guide.md:3:4: error: image 'img/menu.png' points to no file; link to pages through "
                    + "their .md files and to images and other files by their path, relative to this file"
            ])
        #expect(!result.succeeded)
    }

    @Test func aFileWithThePathOfAGeneratedPageIsAnError() throws {
        let result = try fixture([
            "docs/guide.md": "# Guide\n",
            "docs/guide/index.html": "<p>old</p>",
        ]).build()
        #expect(
            result.messages.contains(
                "docs/guide/index.html:1:1: error: two sources write the output file docs/guide/index.html; a "
                    + "file in static/, beside the pages or in the theme's assets/ has the path of another file "
                    + "or a generated page"))
        #expect(!result.succeeded)
    }

    @Test func ignoredFilesBesideThePagesAreNeitherPublishedNorReported() throws {
        let result = try fixture([
            "site.yaml": Fixture.siteYAML + "\nignore: [\"docs/raw/\", \"**/*.psd\"]\n",
            "docs/raw/original.tiff": "tiff",
            "docs/img/meny.psd": "psd",
            "docs/img/meny.png": "png",
            "docs/sida.md": "Text.\n",
        ]).build()
        #expect(result.messages == [])
        let paths = Set(result.files.map(\.path))
        #expect(paths.contains("docs/img/meny.png"))
        #expect(!paths.contains { $0.hasSuffix(".psd") || $0.hasSuffix(".tiff") })
    }

    @Test func aFileWhereThePagesNeedAFolderStopsTheBuildBeforeAnythingIsWritten() throws {
        let fixture = try fixture(["docs/guide.md": "# Guide\n", "docs/guide": "a file named like the page's folder"])
        let (result, error) = fixture.buildToDisk()
        #expect(
            result.messages == [
                "Content/docs/guide:1:1: error: this file has the path of a folder the site needs (docs/guide/); "
                    + "rename the file or move it into another folder"
            ])
        #expect(error == nil)
        #expect(!FileManager.default.fileExists(atPath: fixture.output.path))
    }

    /// The shape of MkDocs' own docs/ (built once as a team would bring it): images in a shared
    /// img/ folder linked from nested pages, a stylesheet the MkDocs config names, and anchors set
    /// with attr_list on inline text that other pages link to.
    @Test func aMkDocsTreeBuildsWithItsImagesAndInlineAnchors() throws {
        let result = try fixture([
            "user-guide/choosing-your-theme.md": """
            # Choosing your Theme

            ![mkdocs](../img/mkdocs_theme_light_mode.png)

            *   **`locale`**{ #mkdocs-locale }: The locale used to build the theme.
            """,
            "user-guide/localizing-your-theme.md": """
            # Localizing Your Theme

            See [mkdocs](choosing-your-theme.md#mkdocs-locale) and ![search](../img/search.png).
            """,
            "img/mkdocs_theme_light_mode.png": "png",
            "img/search.png": "png",
            "css/extra.css": "pre { tab-size: 4 }",
        ]).build()
        #expect(result.messages == [])
        #expect(result.file("css/extra.css") == "pre { tab-size: 4 }")
        let theme = try #require(result.file("user-guide/choosing-your-theme/index.html"))
        #expect(theme.contains(#"<strong id="mkdocs-locale"><code>locale</code></strong>: The locale"#))
        #expect(theme.contains(#"<img src="../../img/mkdocs_theme_light_mode.png" alt="mkdocs" />"#))
        let localizing = try #require(result.file("user-guide/localizing-your-theme/index.html"))
        #expect(localizing.contains(#"href="../../user-guide/choosing-your-theme/#mkdocs-locale""#))
    }

    /// Zola's internal links, `@/path.md`, name files from the content folder.
    @Test func zolaInternalLinksStartAtTheContentFolder() throws {
        let files = ["docs/b.md": "# B\n\n## Del 2\n", "docs/img/i.png": "png"]
        let result = try fixture(
            files.merging(["docs/guide/a.md": "# A\n\n[B](@/docs/b.md#del-2) och ![Bild](@/docs/img/i.png)\n"]) { $1 }
        ).build()
        #expect(result.messages == [])
        let page = try #require(result.file("docs/guide/a/index.html"))
        #expect(page.contains(#"<a href="../../../docs/b/#del-2">B</a>"#))
        #expect(page.contains(#"<img src="../../../docs/img/i.png" alt="Bild" />"#))
        let broken = try fixture(files.merging(["docs/guide/a.md": "# A\n\n[C](@/docs/c.md)\n"]) { $1 }).build()
        #expect(
            broken.messages == [
                "Content/docs/guide/a.md:3:1: error: link to '@/docs/c.md' points to no page; links to pages are "
                    + "paths to their .md files relative to this file"
            ])
    }

    /// `static: public` (VitePress' folder) is the folder copied to the site's root, as `static/`
    /// is without it; a Markdown file in it is copied too, not built; the site's own robots.txt
    /// takes the place of the one made; a folder outside the content folder is an error at its value.
    @Test func theStaticFolderMayBeNamed() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\nstatic: ./public/\n"
        content["public/logo.svg"] = "<svg/>"
        content["public/_headers"] = "/*\n  X-Frame-Options: DENY\n"
        content["public/notes.md"] = "Not a page.\n"
        content["public/robots.txt"] = "User-agent: *\nDisallow: /drafts/\n"
        content["static/old.txt"] = "a folder like any other now"
        content["om.md"] = "---\ntitle: Om\n---\n## Bakgrund\n\n![Logo](/logo.svg)\n"
        let result = try Fixture(content: content).build()
        #expect(result.messages == [])
        #expect(result.file("logo.svg") == "<svg/>")
        #expect(result.file("_headers") != nil)
        #expect(result.file("notes.md") == "Not a page.\n")
        #expect(result.file("robots.txt") == "User-agent: *\nDisallow: /drafts/\n")
        #expect(result.file("static/old.txt") != nil)
        #expect(result.file("om/index.html")?.contains(#"<img src="../logo.svg" alt="Logo" />"#) == true)
        content["site.yaml"] = Fixture.siteYAML + "\nstatic: ../elsewhere\n"
        let lines = Fixture.siteYAML.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(
            try Fixture(content: content).build().messages.first
                == "Content/site.yaml:\(lines + 1):9: error: static: '../elsewhere' is not a folder below the content "
                + "folder; name the folder whose files are copied to the site's root, relative to site.yaml: "
                + "'static: public'")
    }
}
