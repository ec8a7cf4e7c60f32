import Foundation
import Testing

@testable import SiteBuilder

/// Jekyll's posts: `kretslopp import _config.yml` reads `_posts/` and keeps each post's URL as
/// Jekyll's `permalink:` makes it; the build dates and names posts by their files' names, reads
/// Jekyll's timestamps and `.markdown` files, and lists the posts at `/posts/`.
@Suite struct JekyllPostsTests {
    /// The site.yaml the import writes for a site with `permalink:` as given (none: Jekyll's `date`).
    func imported(_ permalink: String?, posts: [String] = ["2024-01-15-hello.md"]) -> JekyllImport {
        var made = JekyllImport(
            text: "title: Blog\n" + (permalink.map { "permalink: \($0)\n" } ?? ""), file: "_config.yml")
        made.read(pages: [("about.md", "---\ntitle: About\n---\nText.\n")], templatePages: [], posts: posts)
        return made
    }

    @Test(arguments: [
        (nil, "/:categories/:year/:month/:day/:filename.html"),
        ("pretty", "/:categories/:year/:month/:day/:filename/"),
        ("none", "/:categories/:filename.html"),
        ("/blog/:year/:title/", "/blog/:year/:filename/"),
        ("/:categories/:title:output_ext", "/:categories/:filename.html"),
        ("/notes/:year/:slug", "/notes/:year/:filename.html"), // Jekyll writes it as a page of that name
    ])
    func jekyllsPermalinkIsThePostsPattern(permalink: String?, pattern: String) {
        let made = imported(permalink)
        #expect(made.siteYAML.contains("include:\n  - _posts  # Jekyll's 1 post,"), "\(made.siteYAML)")
        #expect(made.siteYAML.contains("permalinks:\n  _posts: \(pattern)  #"), "\(made.siteYAML)")
        #expect(made.siteYAML.contains("\n  datedNames: true "))
        #expect(made.siteYAML.contains("\nnewestFirst: [_posts]  #"))
        #expect(made.diagnostics.isEmpty)
        #expect(made.postCount == 1)
    }

    /// A token Kretslopp's patterns do not have is said, and the posts are at Jekyll's default URLs.
    @Test func anUnknownTokenIsSaid() {
        let made = imported("ordinal")
        #expect(made.siteYAML.contains("  _posts: /:categories/:year/:month/:day/:filename.html"))
        #expect(
            made.diagnostics.map(\.description) == [
                "_config.yml:2:12: warning: permalink 'ordinal' has :y_day, which Kretslopp's permalinks do not "
                    + "have; the posts are at Jekyll's default URLs (permalink: date); write the posts' URLs with "
                    + ":categories, :year, :month, :day and :title in site.yaml's permalinks:, or give each post its "
                    + "permalink:"
            ])
        // Without posts, nothing of it.
        let none = imported(nil, posts: [])
        #expect(!none.siteYAML.contains("_posts") && !none.siteYAML.contains("datedNames"))
    }

    /// The posts, as Jekyll's own starter site writes them (`.markdown`, a timestamp with its zone,
    /// categories as words), at Jekyll's URLs; `{% post_url %}` links to one; `_posts/` lists them
    /// at `/posts/`.
    @Test func postsAreBuiltAtJekyllsURLs() throws {
        let made = imported(nil)
        let content = [
            "site.yaml": made.siteYAML,
            "index.md": "---\nlayout: home\n---\nHello.\n",
            "about.markdown": "---\ntitle: About\npermalink: /about/\n---\nAbout.\n",
            "_posts/2024-01-15-welcome-to-jekyll.markdown":
                "---\ntitle: \"Welcome to Jekyll!\"\ndate: 2024-01-15 10:00:00 +0100\ncategories: Jekyll update\n---\n"
                + "See [the second]({% post_url 2024-02-01-second %}).\n",
            "_posts/2024-02-01-second.md": "---\ntitle: Second\ncategories: [notes]\n---\nSecond.\n",
            "_posts/2024-03-01-third.md": "---\ntitle: Third\npermalink: /own/place/\n---\nThird.\n",
            "_drafts/idea.md": "---\ntitle: Idea\n---\nNot yet.\n",
        ]
        let result = try Fixture(content: content, theme: [:]).build { $0.theme = SiteLanguageTests.defaultTheme }
        #expect(result.messages.filter { $0.contains("error") } == [], "\(result.messages)")
        let paths = Set(result.files.map(\.path))
        #expect(
            paths.isSuperset(of: [
                "jekyll/update/2024/01/15/welcome-to-jekyll.html", "notes/2024/02/01/second.html",
                "own/place/index.html", "about/index.html", "posts/index.html",
            ]), "\(paths.sorted())")
        #expect(!paths.contains { $0.contains("_posts") || $0.contains("idea") })
        let welcome = try #require(result.file("jekyll/update/2024/01/15/welcome-to-jekyll.html"))
        #expect(welcome.contains("<a href=\"../../../../../notes/2024/02/01/second.html\">the second</a>"))
        #expect(welcome.contains("<time datetime=\"2024-01-15\">"), "\(welcome)")
        let posts = try #require(result.file("posts/index.html"))
        #expect(posts.contains("<title>Posts – Blog</title>"))
        // Newest first (newestFirst: [_posts]), not by title.
        let order = ["Third", "Second", "Welcome to Jekyll!"].compactMap { posts.range(of: ">\($0)</a>")?.lowerBound }
        #expect(order.count == 3 && order == order.sorted(), "\(posts)")
    }

    /// `newestFirst:` names top folders.
    @Test func newestFirstNamesTopFolders() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\nnewestFirst: [projekt, a/b]\n"
        let result = try Fixture(content: content).build()
        #expect(
            result.messages.contains {
                $0.hasSuffix(
                    "error: newestFirst: lists top folders, not 'a/b'; name the folder below the content "
                        + "folder: posts")
            }, "\(result.messages)")
    }

    /// Collections written out (`output: true`) at `/:collection/:path/` or Jekyll's default are
    /// read from their folders, at `/name/path/`; the posts collection's `permalink:` is the
    /// posts'; `name:` titles a site without `title:`.
    @Test func collectionsAreReadAsFolders() throws {
        let config = """
            name: Jekyll docs
            collections:
              docs:
                permalink: /:collection/:path/
                output: true
              recipes:
                output: true
              drafts:
                output: false
              talks:
                permalink: /:collection/:name/
                output: true
              posts:
                permalink: /news/:year/:month/:day/:title/
            """
        var made = JekyllImport(text: config, file: "_config.yml")
        made.read(
            pages: [], templatePages: [], posts: ["2024-01-15-hello.md"],
            folders: ["_docs", "_recipes", "_drafts", "_talks", "_posts"])
        #expect(made.siteYAML.contains("title: Jekyll docs\n"))
        #expect(
            made.siteYAML.contains(
                "include:\n  - _posts  # Jekyll's 1 post, read although the folder starts with _\n"
                    + "  - _docs  # a collection of Jekyll's, at /docs/\n"
                    + "  - _recipes  # a collection of Jekyll's, at /recipes/\n"), "\(made.siteYAML)")
        #expect(made.siteYAML.contains("  _posts: /news/:year/:month/:day/:filename/  #"))
        // The posts' permalink ends in `/`; the pages' style is still the site's `date`: x.html kept.
        #expect(made.siteYAML.contains("\n  keepHTML: true "))
        #expect(made.builtCollections == ["_docs", "_recipes"] && made.collections == ["talks"])
        // Built: a collection's pages at /name/path/; a page whose URL is its folder's is that folder's page.
        var content = [
            "site.yaml": made.siteYAML,
            "index.md": "---\ntitle: Home\n---\nHello.\n",
            "_docs/installation.md": "---\ntitle: Installation\n---\nInstall.\n",
            "_docs/community/community.md": "---\ntitle: Community\npermalink: /docs/community/\n---\nJoin.\n",
            "_docs/community/bug.md": "---\ntitle: Bugs\n---\nReport.\n",
            "_posts/2024-01-15-hello.md": "---\ntitle: Hello\n---\nHi.\n",
        ]
        func build() throws -> BuildResult {
            try Fixture(content: content, theme: [:]).build { $0.theme = SiteLanguageTests.defaultTheme }
        }
        let result = try build()
        #expect(result.messages.filter { $0.contains("error") } == [], "\(result.messages)")
        let paths = Set(result.files.map(\.path))
        #expect(
            paths.isSuperset(of: [
                "docs/installation/index.html", "docs/community/index.html", "docs/community/bug/index.html",
                "news/2024/01/15/hello/index.html",
            ]), "\(paths.sorted())")
        #expect(result.file("docs/community/index.html")?.contains("Join.") == true)
        // A wrong date is said; the day in the file's name still places the post (no second error).
        content["_posts/2024-01-15-hello.md"] = "---\ntitle: Hello\ndate: 2024-01-15 10:00:00 2024 -0800\n---\nHi.\n"
        let errors = try build().messages.filter { $0.contains("error") }
        #expect(
            errors.count == 1 && errors.first?.hasPrefix("Content/_posts/2024-01-15-hello.md:3:7: error: date") == true,
            "\(errors)")
    }

    /// The values of `_config.yml` and `_data/` that the pages show through `{{ site.x }}` are
    /// written to site.yaml's `liquid: {site: …}`, and the build shows them.
    @Test func siteValuesThePagesShowAreCarriedOver() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jekyll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("_data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "min_version: 2.7.0\nlist: [a]\n".write(
            to: folder.appendingPathComponent("_data/ruby.yml"), atomically: true, encoding: .utf8)
        var made = JekyllImport(
            text: "title: Docs\nrepository: https://github.com/x/y\ngithub: {owner: x}\nunused: 1\n",
            file: "_config.yml")
        made.read(
            pages: [("a.md", "---\ntitle: A\n---\n{{ site.repository }} {{- site.github.owner -}} {{ site.nope }}\n")],
            templatePages: [], otherTexts: ["Ruby {{ site.data.ruby.min_version }} {{ site.data.ruby.list }}"],
            source: folder)
        #expect(
            made.siteYAML.contains(
                "  liquid:\n    site:  # _config.yml's values the pages show ({{ site.x }})\n"
                    + "      data.ruby.min_version: 2.7.0\n      github.owner: x\n"
                    + "      repository: https://github.com/x/y\n    # and Jekyll's"), "\(made.siteYAML)")
        #expect(!made.siteYAML.contains("unused"))
        let result = try Fixture(
            content: ["site.yaml": made.siteYAML, "a.md": "---\ntitle: A\n---\nCode: {{ site.repository }}.\n"],
            theme: [:]
        ).build { $0.theme = SiteLanguageTests.defaultTheme }
        #expect(
            result.file("a/index.html")?.contains("Code: <a href=\"https://github.com/x/y\">") == true,
            "\(result.messages)")
    }

    /// Jekyll's timestamps: a space before the zone, the zone's minutes with or without a colon.
    @Test(arguments: [
        ("2024-01-15 10:00:00 +0100", "2024-01-15"), ("2024-01-15 10:00:00 -05:00", "2024-01-15"),
        ("2024-01-15 10:00 +01", "2024-01-15"), ("2024-01-15T10:00:00Z", "2024-01-15"),
        ("2024-01-15 10:00:00 +1", nil), ("2024-01-15 10:00:00 +01000", nil), ("2024-02-30 10:00:00 +0100", nil),
    ])
    func jekyllsTimestampsAreDays(text: String, day: String?) {
        #expect(CalendarDate.dateOfTimestamp(text) == day, "\(text)")
    }

    /// A `.markdown` file is a page as its `.md` name would be; both at once are one page twice.
    @Test func markdownFilesArePages() throws {
        var content = Fixture.basic
        content["sida.markdown"] = "---\ntitle: Sida\n---\nText.\n"
        let result = try Fixture(content: content).build()
        #expect(result.file("sida/index.html")?.contains("Sida") == true)
        content["sida.md"] = "---\ntitle: Sida igen\n---\n"
        let twice = try Fixture(content: content).build()
        #expect(
            twice.messages.contains { $0.contains("sida.markdown:1:1: error: sida.md and this file would be one page") }
        )
        #expect(PageTitle.fromName("_posts") == "Posts" && PageTitle.fromName("_") == " ")
    }
}
