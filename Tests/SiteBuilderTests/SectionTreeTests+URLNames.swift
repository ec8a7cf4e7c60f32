import Testing

@testable import SiteBuilder

/// A page's URL from its file's name: names kept as written where a URL allows them, in lower
/// case or slugified as Hugo and Zola make them, dated names, and `slug:` and `url:` in front matter.
extension SectionTreeTests {
    @Test func namesKeepTheirCharactersWhereAURLAllowsThem() throws {
        let result = try build([
            "docs/v26.2/API_Guide/Read.Me~1.md": "Text.\n",
            "docs/Min mapp/Åtgärder för Östersund.md": "Text.\n",
            "docs/C++/x.md": "Text.\n",
        ])
        #expect(result.messages == [])
        let paths = Set(result.files.map(\.path))
        #expect(paths.contains("docs/v26.2/API_Guide/Read.Me~1/index.html"))
        #expect(paths.contains("docs/min-mapp/atgarder-for-ostersund/index.html"))
        #expect(paths.contains("docs/min-mapp/index.html"))
        // `+` stays, as Hugo and MkDocs keep it (`clang++` beside `clang`).
        #expect(paths.contains("docs/C++/x/index.html"))
        #expect(result.file("docs/min-mapp/index.html")?.contains("SECTION Min mapp [") == true)
    }

    /// `links: {lowercase: true}`: names in URLs in lower case, as Hugo makes them (its docs have
    /// `functions/strings/Chomp.md` at `/functions/strings/chomp/`); the links to the pages and to
    /// the files beside them follow, a `url:` stays as written.
    @Test func lowercaseURLsAsHugoMakesThem() throws {
        let result = try build(
            [
                "docs/Strings/Chomp.md": "---\ntitle: Chomp\nslug: Trim_Right\n---\n![Bild](Bild.PNG)\n",
                "docs/Strings/Bild.PNG": "png",
                "docs/Strings/Count.md": "# Count\n\n[Chomp](Chomp.md) och [Fler](/Om-Oss/)\n",
                "docs/Ut.md": "---\ntitle: Ut\nurl: /Om-Oss/\n---\n",
            ], links: ["lowercase: true"])
        #expect(result.messages == [])
        let paths = Set(result.files.map(\.path))
        #expect(
            paths.isSuperset(of: ["docs/strings/trim_right/index.html", "docs/strings/index.html", "Om-Oss/index.html"])
        )
        #expect(result.file("docs/strings/Bild.PNG") == "png")
        let count = try #require(result.file("docs/strings/count/index.html"))
        #expect(count.contains(#"<a href="../../../docs/strings/trim_right/">Chomp</a>"#), "\(count)")
        #expect(
            result.file("docs/strings/trim_right/index.html")?.contains(#"src="../../../docs/strings/Bild.PNG""#)
                == true)
    }

    /// `links: {slugify: true}`: every name in a URL a slug, as Zola's `slugify.paths = "on"` makes
    /// them (its docs' `themes/zola_easydocs_theme/` is at `/themes/zola-easydocs-theme/`): `_`
    /// and `.` hyphens, other scripts transliterated; files beside a page keep their own names in
    /// its folder's URL, as Zola copies them, and links to pages and files follow.
    @Test func slugifiedURLsAsZolaMakesThem() throws {
        let result = try build(
            [
                "docs/zola_easydocs_theme/index.md": "---\ntitle: Easy\n---\n![Bild](Screen_Shot.PNG)\n",
                "docs/zola_easydocs_theme/Screen_Shot.PNG": "png",
                "docs/v0.17/Getting_Started.md": "# Start\n\n[Easy](../zola_easydocs_theme/index.md)\n",
                "docs/v0.17/日本.md": "---\ntitle: Japan\nslug: My Slug_2\n---\n",
                "docs/v0.17/Привет.md": "# Privet\n",
                "docs/Ut.md": "---\ntitle: Ut\nurl: /Om_Oss/\n---\n",
            ], links: ["slugify: true"])
        #expect(result.messages == [])
        let paths = Set(result.files.map(\.path))
        let expected: Set = [
            "docs/zola-easydocs-theme/index.html", "docs/v0-17/getting-started/index.html",
            "docs/v0-17/my-slug-2/index.html", "docs/v0-17/privet/index.html", "Om_Oss/index.html",
        ]
        #expect(paths.isSuperset(of: expected), "\(paths.filter { $0.hasPrefix("docs/") }.sorted())")
        #expect(result.file("docs/zola-easydocs-theme/Screen_Shot.PNG") == "png")
        let start = try #require(result.file("docs/v0-17/getting-started/index.html"))
        #expect(start.contains(#"<a href="../../../docs/zola-easydocs-theme/">Easy</a>"#), "\(start)")
        #expect(
            result.file("docs/zola-easydocs-theme/index.html")?.contains(
                #"src="../../docs/zola-easydocs-theme/Screen_Shot.PNG""#) == true)
    }

    /// `links: {datedNames: true}`: a file name that starts with a day gives the page its date and
    /// the rest of the name, as Zola reads `2018-10-10-hello-world.md` (at `/hello-world/`); front
    /// matter's date wins, and a name without a real day stays as it is.
    @Test func datedFileNamesAsZolaReadsThem() throws {
        let pages = [
            "blogg/2018-10-10-hello-world.md": "# Hello\n\n[Nästa](2019-01-02_Next_One.md)\n",
            "blogg/2019-01-02_Next_One.md": "---\ntitle: Next\ndate: 2020-05-05\n---\n",
            "blogg/2021-03-04.md": "# Only a day\n",
            "blogg/2021-13-04-not-a-day.md": "# Not a day\n",
            "blogg/2022-06-07T10:00:00Z-timed.md": "# Timed\n",
        ]
        var theme = Self.theme
        theme["templates/page.mustache"] = "{{page.dateISO}}|{{{page.content}}}"
        let result = try build(pages, links: ["datedNames: true", "slugify: true"], theme: theme)
        #expect(result.messages == [])
        #expect(result.file("blogg/hello-world/index.html")?.hasPrefix("2018-10-10|") == true)
        #expect(result.file("blogg/hello-world/index.html")?.contains(#"<a href="../../blogg/next-one/">"#) == true)
        #expect(result.file("blogg/next-one/index.html")?.hasPrefix("2020-05-05|") == true)
        #expect(result.file("blogg/2021-03-04/index.html")?.hasPrefix("2021-03-04|") == true)
        #expect(result.file("blogg/2021-13-04-not-a-day/index.html")?.hasPrefix("|") == true)
        #expect(result.file("blogg/timed/index.html")?.hasPrefix("2022-06-07|") == true)
        // Without the setting, names stay whole and give no date.
        let plain = try build(pages, theme: theme)
        #expect(plain.file("blogg/2018-10-10-hello-world/index.html")?.hasPrefix("|") == true)
    }

    @Test(
        arguments: [
            ("2018-10-10-hello-world", "2018-10-10", "hello-world"),
            ("2018-10-10_hello", "2018-10-10", "hello"),
            ("2018-10-10", "2018-10-10", nil),
            ("2018-10-10-", "2018-10-10", nil),
            ("2022-06-07T10:00:00Z-timed", "2022-06-07", "timed"),
            ("2022-06-07T10:00:00+02:00_timed-x", "2022-06-07", "timed-x"),
        ] as [(String, String, String?)])
    func datedNames(name: String, day: String, rest: String?) {
        let found = PageLocation.dated(name)
        #expect(found?.day == day && found?.rest == rest)
    }

    @Test(arguments: ["2018-10-1-x", "2018-02-30-x", "2018-10-10x", "hello-2018-10-10", "2018-10-10T", "2018"])
    func namesWithoutADayAreNotDated(name: String) {
        #expect(PageLocation.dated(name) == nil)
    }

    /// tldr's pages are named by their commands: `clang++.md` beside `clang.md`, `,.md` beside
    /// `comma.md`, `[.md`, `[[.md`, `%.md`. `+` and `,` are kept (as Hugo and MkDocs keep them), a
    /// name of no letter or digit otherwise is spelt out by its characters' names: each page its
    /// own URL, and links reach them.
    @Test func commandNamesKeepTheirOwnPages() throws {
        let result = try build([
            "cmd/clang.md": "# clang\n", "cmd/clang++.md": "# clang++\n\n[Test](%5B.md) och [dubbel]([[.md)\n",
            "cmd/[.md": "# [\n", "cmd/[[.md": "# [[\n", "cmd/%.md": "# %\n", "cmd/C++.md": "# C++\n",
            "cmd/,.md": "# ,\n", "cmd/comma.md": "# comma\n", "cmd/!.md": "# !\n",
        ])
        #expect(result.messages == [])
        let paths = Set(result.files.map(\.path))
        let expected: Set = [
            "cmd/clang/index.html", "cmd/clang++/index.html", "cmd/left-square-bracket/index.html",
            "cmd/left-square-bracket-left-square-bracket/index.html", "cmd/percent-sign/index.html",
            "cmd/C++/index.html", "cmd/,/index.html", "cmd/comma/index.html", "cmd/!/index.html",
        ]
        #expect(paths.isSuperset(of: expected), "\(paths.filter { $0.hasPrefix("cmd/") }.sorted())")
        let page = try #require(result.file("cmd/clang++/index.html"))
        #expect(page.contains(#"<a href="../../cmd/left-square-bracket/">Test</a>"#), "\(page)")
        #expect(page.contains(#"<a href="../../cmd/left-square-bracket-left-square-bracket/">dubbel</a>"#))
        #expect(URLSegment.make("C++", names: .lowercase) == "c++" && URLSegment.make("Frågor & svar") == "fragor-svar")
        #expect(URLSegment.make("&") == "ampersand" && URLSegment.make("\u{7}") == "sida")
    }

    @Test func slugAndURLInFrontMatterWin() throws {
        let result = try build([
            "docs/v1/long-name.md": "---\ntitle: A\nslug: kort\n---\n[B](../../om.md)\n",
            "docs/v1/b.md": "---\ntitle: B\nurl: /b-sidan/\n---\n[A](long-name.md)\n",
            "docs/v1/c.md": "---\ntitle: C\nurl: arkiv/c.html\n---\n",
            "docs/v1/d.md": "---\ntitle: D\nslug: Åtgärd nu\n---\n",
        ])
        #expect(result.messages == [])
        let paths = Set(result.files.map(\.path))
        #expect(paths.contains("docs/v1/kort/index.html"))
        #expect(paths.contains("b-sidan/index.html"))
        #expect(paths.contains("arkiv/c.html"))
        #expect(paths.contains("docs/v1/atgard-nu/index.html"))
        #expect(result.file("b-sidan/index.html")?.contains(#"<a href="../docs/v1/kort/">A</a>"#) == true)
    }

    @Test func badSlugsAndURLsAreErrorsAtTheirPlace() throws {
        let result = try build([
            "docs/a.md": "---\ntitle: A\nurl: /med mellanslag/\n---\n",
            "docs/b.md": "---\ntitle: B\nslug: x/y\n---\n",
            "docs/c/_index.md": "---\ntitle: C\nslug: annat\n---\n",
        ])
        #expect(
            result.messages.contains(
                "Content/docs/a.md:3:6: error: 'url' must be a path such as /om-oss/, not '/med mellanslag/'; use "
                    + "only A–Z, a–z, 0–9, '-', '.', '_', '~' between single '/'; end it with '/' or '.html'"
            ))
        #expect(
            result.messages.contains(
                "Content/docs/b.md:3:7: error: 'slug' is one part of the URL and cannot contain '/'; use 'url: "
                    + "/x/y' for a whole path"
            ))
        #expect(
            result.messages.contains(
                "Content/docs/c/_index.md:3:7: error: 'slug' cannot move a folder's page (_index.md); a section's "
                    + "URL is "
                    + "its folder's name: rename the folder, or remove 'slug'"
            ))
    }
}
