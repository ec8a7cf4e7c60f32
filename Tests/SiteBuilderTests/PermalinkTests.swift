import Testing

@testable import SiteBuilder

/// `permalinks:` in site.yaml, as Hugo's: a top folder's pages at the URLs its pattern makes.
@Suite struct PermalinkTests {
    func build(_ permalinks: String, _ pages: [String: String], links: String = "") throws -> BuildResult {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\npermalinks: \(permalinks)\n" + links
        for (path, text) in pages { content[path] = text }
        return try Fixture(content: content).build()
    }

    /// Dates, titles, slugs, file names (a leaf bundle's folder's) and folders make the URLs; a
    /// page's `url:` wins; a folder's own page and other folders keep theirs.
    @Test func patternsMakeThePagesURLs() throws {
        let result = try build(
            "{nyheter: '/:year/:month/:day/:slug/', arkiv: '/gammalt/:sections/:filename.html', "
                + "blogg: '/b/:title/'}",
            [
                "nyheter/_index.md": "---\ntitle: Nyheter\n---\n",
                "nyheter/forsta.md": "---\ntitle: Första nyheten\ndate: 2024-05-31T10:00:00Z\n---\nText.\n",
                "nyheter/andra.md": "---\ntitle: Andra\ndate: 2024-06-02\nslug: two\n---\nText.\n",
                "nyheter/flyttad.md": "---\ntitle: Flyttad\ndate: 2024-06-03\nurl: /egen/\n---\nText.\n",
                "arkiv/2019/rapport/index.md": "---\ntitle: Rapport\n---\nText.\n",
                "blogg/x.md": "# Hej, världen!\n",
                "sida.md": "---\ntitle: Sida\n---\nText.\n",
            ])
        #expect(result.messages.filter { $0.contains("error") } == [])
        let paths = Set(result.files.map(\.path))
        #expect(
            paths.isSuperset(of: [
                "2024/05/31/forsta-nyheten/index.html", "2024/06/02/two/index.html", "egen/index.html",
                "gammalt/arkiv/2019/rapport.html", "b/hej-varlden/index.html", "nyheter/index.html",
                "sida/index.html",
            ]))
    }

    /// A pattern that needs a date makes one without a date an error at the page; a wrong pattern
    /// is an error at its place in site.yaml.
    @Test func mistakesAreSaidWhereTheyAre() throws {
        let result = try build("{nyheter: '/:year/:slug/'}", ["nyheter/x.md": "---\ntitle: X\n---\nText.\n"])
        #expect(
            result.messages.contains(
                "Content/nyheter/x.md:2:1: error: the permalink /:year/:slug/ of nyheter/ needs the page's date for "
                    + "':year'; add 'date: 2024-05-31' to its front matter"))
        let wrong = try build("{nyheter: ':year/x', blogg: '/:monthname/:slug/', a/b: '/x/'}", [:])
        let errors = wrong.messages.filter { $0.contains("error") }
        #expect(errors.count == 3)
        #expect(errors.contains { $0.contains("a permalink is a path from the site's root ending in '/' or '.html'") })
        #expect(
            errors.contains {
                $0.contains("unknown ':monthname' in permalink '/:monthname/:slug/'; known: :year, :month, :day")
            })
        #expect(errors.contains { $0.contains("permalinks are given for a top folder, not 'a/b'") })
    }

    /// Hugo's `permalinks`, plain or under `page`, are carried over (a pattern without an ending
    /// gets the `/` of the folder Hugo makes of it; Hugo's newer `:contentbasename` tokens are
    /// read); one with tokens Kretslopp does not read is left out with a warning.
    @Test func hugosPermalinksAreImported() throws {
        let made = HugoImport(
            text: """
                title = "Blogg"
                [permalinks]
                  posts = '/:year/:month/:title/'
                  notes = '/:monthname/:slug/'
                  blog = '/:section/:year/:month/:day/:slugorcontentbasename'
                [permalinks.page]
                  docs = '/handbok/:sections/:slug/'
                """, file: "hugo.toml")
        #expect(
            made.siteYAML.contains(
                "permalinks:  # Hugo's: each section's URLs\n  docs: /handbok/:sections/:slug/\n"
                    + "  posts: /:year/:month/:title/\n  blog: /:section/:year/:month/:day/:slugorcontentbasename/\n"),
            "\(made.siteYAML)")
        let result = try build(
            "{blogg: '/:section/:year/:slugorcontentbasename/', arkiv: '/a/:contentbasename/'}",
            [
                "blogg/inlagg.md": "---\ntitle: Ett inlägg\ndate: 2024-05-31\n---\nText.\n",
                "blogg/annat.md": "---\ntitle: Annat\ndate: 2024-06-01\nslug: eget\n---\nText.\n",
                "arkiv/rapport.md": "---\ntitle: Rapport\nslug: x\n---\nText.\n",
            ])
        let paths = Set(result.files.map(\.path))
        #expect(
            paths.isSuperset(of: [
                "blogg/2024/inlagg/index.html", "blogg/2024/eget/index.html", "a/rapport/index.html",
            ]), "\(paths.sorted())")
        #expect(
            made.diagnostics.map(\.message) == [
                "the permalink of notes/ is left out: unknown ':monthname' in "
                    + "permalink '/:monthname/:slug/'"
            ])
    }
}
