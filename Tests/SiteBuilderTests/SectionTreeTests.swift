import Testing

@testable import SiteBuilder

/// Every folder of pages is a section with a listing page, breadcrumbs through every level, and
/// URLs that keep names as written where a URL allows them.
@Suite struct SectionTreeTests {
    static let theme = Fixture.theme.merging(templates) { $1 }

    static let templates: [String: String] = [
        "templates/section.mustache":
            "{{<base}}{{$main}}SECTION {{page.title}} [{{#breadcrumbs}}{{title}}@{{url}};{{/breadcrumbs}}] SUB "
            + "{{#section.children}}{{title}}@{{url}}({{pageCount}}/{{sectionCount}});{{/section.children}} UP "
            + "{{#section.parents}}{{title}}@{{url}};{{/section.parents}} LIST "
            + "{{#projects}}<{{title}}|{{url}}>{{/projects}}|{{{page.content}}}{{/main}}{{/base}}",
        "templates/page.mustache":
            "{{<base}}{{$main}}PAGE {{page.title}} [{{#breadcrumbs}}{{title}}@{{url}};{{/breadcrumbs}}] IN "
            + "{{section.title}}@{{section.url}} {{page.folder}}|{{{page.content}}}{{/main}}{{/base}}",
        "templates/home.mustache":
            "{{<base}}{{$main}}HOME SUB {{#section.children}}{{title}}@{{url}};{{/section.children}} LIST "
            + "{{#projects}}<{{title}}>{{/projects}}{{/main}}{{/base}}",
    ]

    static let docs: [String: String] = [
        "docs/v26.2/_index.md": "---\ntitle: Version 26.2\nsummary: Den aktuella.\n---\nOm versionen.\n",
        "docs/v26.2/intro.md":
            "Se [guiden](API_Guide/getting_started.md) och [alla guider](../API_Guide/) (länkar utan .md läses från "
            + "sidans URL).\n",
        "docs/v26.2/API_Guide/getting_started.md":
            "# Getting started\n\nTill [versionen](../_index.md), [inledningen](../intro.md), [docs](../../../) och "
            + "[referensen](reference.md#anrop).\n",
        "docs/v26.2/API_Guide/reference.md": "---\ntitle: Reference\nweight: -1\n---\n## Anrop\n",
        "docs/v1.0/getting_started.md": "Text.\n",
    ]

    /// The fixture with `changes`, and site.yaml's `links:` settings when given (`lowercase: true`).
    func build(
        _ changes: [String: String], links: [String] = [], theme: [String: String] = Self.theme
    ) throws -> BuildResult {
        var content = Fixture.basic
        for (path, text) in changes { content[path] = text }
        if !links.isEmpty {
            content["site.yaml"] = Fixture.siteYAML + "\nlinks:\n" + links.map { "  \($0)\n" }.joined()
        }
        return try Fixture(content: content, theme: theme).build()
    }

    @Test func everyFolderGetsAListingPage() throws {
        let result = try build(Self.docs)
        #expect(result.messages == [])
        let paths = Set(result.files.map(\.path))
        for path in [
            "docs/index.html", "docs/v26.2/index.html", "docs/v26.2/API_Guide/index.html", "docs/v1.0/index.html",
            "docs/v26.2/API_Guide/getting_started/index.html", "docs/v1.0/getting_started/index.html",
            "docs/v26.2/intro/index.html",
        ] {
            #expect(paths.contains(path), "missing \(path)")
        }
        // Without _index.md the title is made from the folder's name; sub-sections in title order.
        let docs = try #require(result.file("docs/index.html"))
        #expect(
            docs.contains(
                "SECTION Docs [Start@../;] SUB v1.0@../docs/v1.0/(1/0);Version 26.2@../docs/v26.2/(1/1); UP  LIST |"))
        let version = try #require(result.file("docs/v26.2/index.html"))
        #expect(
            version.contains(
                "SECTION Version 26.2 [Start@../../;Docs@../../docs/;] SUB API "
                    + "Guide@../../docs/v26.2/API_Guide/(2/0); UP Docs@../../docs/; LIST "
                    + "<Intro|../../docs/v26.2/intro/>|<p>Om versionen.</p>"
            ))
        // The listing shows its own pages (weight first), not those of its sub-sections.
        let guide = try #require(result.file("docs/v26.2/API_Guide/index.html"))
        #expect(
            guide.contains(
                "SECTION API Guide [Start@../../../;Docs@../../../docs/;Version 26.2@../../../docs/v26.2/;] SUB  UP "
                    + "Docs@../../../docs/;Version 26.2@../../../docs/v26.2/; LIST "
                    + "<Reference|../../../docs/v26.2/API_Guide/reference/><Getting "
                    + "started|../../../docs/v26.2/API_Guide/getting_started/>|"
            ))
        // The front page lists the top sections and every regular page, as before.
        #expect(result.file("index.html")?.contains("HOME SUB Docs@docs/;Projekt@projekt/; LIST ") == true)
    }

    /// A page links to the pages listed before and after it in its own section (weight, then
    /// title), not across sections; the first has no previous one, the last no next.
    @Test func previousAndNextInTheSection() throws {
        var theme = Self.theme
        theme["templates/page.mustache"] =
            "{{<base}}{{$main}}PAGE {{page.title}} {{#page.hasNeighbours}}NAV{{/page.hasNeighbours}} PREV "
            + "{{#page.previous}}{{title}}@{{url}}{{/page.previous}} NEXT {{#page.next}}{{title}}@{{url}}{{/page.next}}"
            + "{{/main}}{{/base}}"
        var content = Fixture.basic
        for (path, text) in Self.docs { content[path] = text }
        content["docs/v26.2/API_Guide/faq.md"] = "---\ntitle: FAQ\nweight: 5\n---\nText.\n"
        let result = try Fixture(content: content, theme: theme).build()
        #expect(result.messages == [])
        let page = { (path: String) in result.file("docs/v26.2/API_Guide/\(path)/index.html") ?? "" }
        // Listed as Hugo lists them: Reference (weight -1), FAQ (5), then Getting started (none).
        #expect(page("reference").contains("NAV PREV  NEXT FAQ@../../../../docs/v26.2/API_Guide/faq/"))
        #expect(
            page("faq").contains(
                "NAV PREV Reference@../../../../docs/v26.2/API_Guide/reference/ NEXT "
                    + "Getting started@../../../../docs/v26.2/API_Guide/getting_started/"))
        #expect(page("getting_started").contains("NAV PREV FAQ@../../../../docs/v26.2/API_Guide/faq/ NEXT "))
        // Alone in its section: no links, and not the pages of other sections.
        let intro = result.file("docs/v26.2/intro/index.html") ?? ""
        #expect(intro.contains("PAGE Intro  PREV  NEXT "), "\(intro)")
    }

    @Test func breadcrumbsAndLinksThroughEveryLevel() throws {
        let result = try build(Self.docs)
        let page = try #require(result.file("docs/v26.2/API_Guide/getting_started/index.html"))
        // Links go up to the top and down again (they depend only on the depth of the linking page).
        let top = "../../../../"
        #expect(
            page.contains(
                "PAGE Getting started [Start@\(top);Docs@\(top)docs/;Version 26.2@\(top)docs/v26.2/;API "
                    + "Guide@\(top)docs/v26.2/API_Guide/;] IN API Guide@\(top)docs/v26.2/API_Guide/ "
                    + "docs/v26.2/API_Guide|"
            ))
        #expect(page.contains(#"<a href="\#(top)docs/v26.2/">versionen</a>"#))
        #expect(page.contains(#"<a href="\#(top)docs/v26.2/intro/">inledningen</a>"#))
        #expect(page.contains(#"<a href="\#(top)docs/">docs</a>"#))
        #expect(page.contains(#"<a href="\#(top)docs/v26.2/API_Guide/reference/#anrop">referensen</a>"#))
        let intro = try #require(result.file("docs/v26.2/intro/index.html"))
        #expect(intro.contains(#"<a href="../../../docs/v26.2/API_Guide/getting_started/">guiden</a>"#))
        #expect(intro.contains(#"<a href="../../../docs/v26.2/API_Guide/">alla guider</a>"#))
        // A top-level section keeps its one crumb.
        #expect(
            result.file("projekt/cirkulara-goteborg/index.html")?.contains("[Start@../../;Projekt@../../projekt/;]")
                == true)
    }

    @Test func sectionNamesInSiteYAMLCoverTheFoldersBelow() throws {
        // `tags` is required in `projekt`, and so in its sub-folders; `docs` is not covered.
        let result = try build(["projekt/2024/ny.md": "---\ntitle: Ny\n---\n", "docs/a.md": "Text.\n"])
        #expect(
            result.messages == [
                "Content/projekt/2024/ny.md:2:1: error: missing 'tags': every page in 'projekt' needs at least one; "
                    + "add 'tags: [klimatanpassad]' (known: klimatanpassad, cirkulär)"
            ])
    }

    @Test func twoSourcesForOneURLAreErrors() throws {
        let result = try build([
            "docs/a.md": "---\ntitle: A\nurl: /om/\n---\n",
            "docs/api.md": "Text.\n",
            "docs/api/x.md": "Text.\n",
            "docs/api/index.md": "Text.\n",
            "docs/Ny sida.md": "Text.\n",
            "docs/ny-sida.md": "Text.\n",
        ])
        // Each is reported at the source files, once: not again as two sources of one output file.
        #expect(
            Set(result.messages)
                == Set([
                    "Content/om.md:1:1: error: this page and Content/docs/a.md both become /om/; rename one of "
                        + "the files",
                    "Content/docs/ny-sida.md:1:1: error: this page and Content/docs/Ny sida.md both become "
                        + "/docs/ny-sida/; rename one of the files",
                    // The folder has a page of its own: api.md is not its page (`aPageBesideItsFolder…`).
                    "Content/docs/api/index.md:1:1: error: this page and Content/docs/api.md both become /docs/api/; "
                        + "rename one of the files",
                ]), "\(result.messages)")
        #expect(result.files.isEmpty)
    }

    /// A page or a folder where the build makes a page from site.yaml (a theme's own search page,
    /// as Hugo's Docsy has one; `tags/_index.md`) is said at the page or folder, with what is there.
    @Test func aPageWhereTheBuildMakesOneIsAnErrorAtThePage() throws {
        let result = try build([
            "sok.md": "---\ntitle: Sökresultat\nlayout: search\n---\n",
            "taggar/cirkular.md": "# Om cirkulär\n",
            "organisationer/ivl.md": "# IVL\n",
        ])
        #expect(
            result.messages.sorted() == [
                "Content/organisationer/ivl.md:1:1: error: this page becomes /organisationer/ivl/, the page of record "
                    + "'ivl'; rename the file, or give collection 'organisationer' another 'path' in site.yaml",
                "Content/organisationer:1:1: error: the listing of this folder becomes /organisationer/, the list of "
                    + "collection 'organisationer'; rename the folder, or give collection 'organisationer' another "
                    + "'path' in site.yaml",
                "Content/sok.md:1:1: error: this page becomes /sok/, the site's search page; remove this page (the "
                    + "build makes the search page), or move the site's search page with 'search: {path: …}' in "
                    + "site.yaml",
                "Content/taggar/cirkular.md:1:1: error: this page becomes /taggar/cirkular/, the page of term "
                    + "'cirkulär'; rename the file, or give taxonomy 'tags' another 'path' in site.yaml",
                "Content/taggar:1:1: error: the listing of this folder becomes /taggar/, the page of taxonomy 'tags'; "
                    + "rename the folder, or give taxonomy 'tags' another 'path' in site.yaml",
            ], "\(result.messages)")
        #expect(result.files.isEmpty)
    }

    @Test func aPageCannotTakeTheFrontPagesPlace() throws {
        var content = Fixture.basic
        content["_index.md"] = nil
        content["start.md"] = "---\ntitle: Start\nurl: /\n---\n"
        let result = try Fixture(content: content, theme: Self.theme).build()
        #expect(
            result.messages == [
                "Content/start.md:1:1: error: this page and the listing of the folder Content/ both become /; move "
                    + "the page to Content/_index.md to make it the folder's page, or rename one of them"
            ])
    }

    @Test func twoFoldersForOneURLAreAnError() throws {
        let result = try build(["docs/Min mapp/a.md": "Text.\n", "docs/min-mapp/b.md": "Text.\n"])
        #expect(
            result.messages == [
                "Content/docs/min-mapp:1:1: error: this folder and Content/docs/Min mapp both become "
                    + "/docs/min-mapp/; rename one of the folders"
            ])
    }

    /// MkDocs, Hugo (a leaf bundle), Zola and Jekyll all publish `x/index.md` at `/x/`: the URLs a
    /// migrated tree has published stay.
    @Test func indexMDIsItsFoldersPage() throws {
        var content = Fixture.basic
        content["_index.md"] = nil
        let result = try Fixture(
            content: content.merging([
                "index.md": "# Welcome\n\nSee the [guide](guide/index.md) and the [post](blog/post/index.md).\n",
                "guide/index.md": "---\ntitle: Guide\n---\nThe guide.\n",
                "guide/install.md": "# Install\n",
                "blog/post/index.md": "# A post\n\n![Photo](photo.png)\n",
                "blog/post/photo.png": "png",
            ]) { $1 },
            theme: Self.theme
        ).build()
        #expect(result.messages == [])
        #expect(result.file("index.html")?.contains("HOME SUB ") == true)
        #expect(result.file("index/index.html") == nil)
        let guide = try #require(result.file("guide/index.html"))
        #expect(
            guide.contains("SECTION Guide [Start@../;] SUB  UP  LIST <Install|../guide/install/>|<p>The guide.</p>"))
        #expect(result.file("guide/index/index.html") == nil)
        // A folder with only its index.md (Hugo's and Zola's leaf bundle): a page of the section
        // above, listed there, at the folder's URL, its photo beside it.
        let post = try #require(result.file("blog/post/index.html"))
        #expect(post.contains(#"PAGE A post [Start@../../;Blog@../../blog/;] IN Blog@../../blog/ blog|"#), "\(post)")
        #expect(post.contains(#"<img src="../../blog/post/photo.png" alt="Photo" />"#))
        #expect(result.file("blog/post/photo.png") == "png")
        #expect(result.file("blog/index.html")?.contains("LIST <A post|../blog/post/>") == true)
    }

    @Test func indexMDAndUnderscoreIndexMDInOneFolderAreAnError() throws {
        let result = try build(["docs/x/_index.md": "# X\n", "docs/x/index.md": "# X too\n"])
        #expect(
            result.messages.contains(
                "Content/docs/x/index.md:1:1: error: this page and Content/docs/x/_index.md both become /docs/x/; "
                    + "rename one of the files"))
    }

    /// MkDocs and GitHub show a folder's README.md as its page when it has no index.md.
    @Test func readmeIsItsFoldersPageWhenTheFolderHasNoIndex() throws {
        let result = try build([
            "guide/README.md": "# Guiden\n\nSe [steget](steg.md).\n",
            "guide/steg.md": "# Steg\n\nTill [guiden](README.md).\n",
            "api/README.md": "# Om api-mappen\n",
            "api/index.md": "# API\n",
        ])
        #expect(result.messages == [])
        let guide = try #require(result.file("guide/index.html"))
        #expect(guide.contains("SECTION Guiden [Start@../;] SUB  UP  LIST <Steg|../guide/steg/>"))
        #expect(result.file("guide/steg/index.html")?.contains(#"<a href="../../guide/">guiden</a>"#) == true)
        #expect(result.file("guide/README/index.html") == nil)
        // With an index.md, README.md is a page of its own.
        #expect(result.file("api/index.html")?.contains("SECTION API ") == true)
        #expect(result.file("api/README/index.html")?.contains("PAGE Om api-mappen") == true)
    }

    /// mdBook and MkDocs trees keep a chapter beside the folder of its sub-chapters (`process.md`,
    /// `process/pipe.md`): the page is the folder's page, at the URL it had (`/process/`), unless
    /// the folder has a page of its own.
    @Test func aPageBesideItsFolderIsTheFoldersPage() throws {
        let result = try build([
            "std/process.md": "# Processer\n\nSe [rören](process/pipe.md).\n",
            "std/process/pipe.md": "# Rör\n\nTill [processer](../process.md).\n",
            "std/process/deep/wait.md": "# Vänta\n",
            "bilder.md": "# Bilder\n",
            "bilder/karta.png": "png",
        ])
        #expect(result.messages == [], "\(result.messages)")
        let process = try #require(result.file("std/process/index.html"))
        #expect(process.contains("SECTION Processer [Start@../../;Std@../../std/;] SUB Deep@../../std/process/deep/"))
        #expect(process.contains("LIST <Rör|../../std/process/pipe/>"))
        #expect(
            result.file("std/process/pipe/index.html")?.contains(#"<a href="../../../std/process/">processer</a>"#)
                == true)
        // A folder of no pages is no section: the page beside it is a page.
        let pictures = try #require(result.file("bilder/index.html"))
        #expect(pictures.contains("Bilder") && !pictures.contains("SECTION"))
        let found = PageLocation.folderPages([
            "std/process.md", "std/process/pipe.md", "a.md", "a/README.md", "b.md", "b/c/d.md", "README.md",
            "x/README.md", "x/index.md", "y/index.md", "z/index.md", "z/w/index.md",
        ])
        #expect(found.pages == ["std/process.md", "a/README.md", "b.md", "README.md"])
        // Folders of one page: their index.md or README.md, never the top's.
        #expect(found.leaves == ["a/README.md", "y/index.md", "z/w/index.md"])
    }
}
