import Testing

@testable import SiteBuilder

/// A page's old URLs (`aliases:`, as Hugo and Zola write them) send the reader on to the page.
@Suite struct AliasesTests {
    func build(_ changes: [String: String], style: LinkStyle = .pretty) throws -> BuildResult {
        var content = Fixture.basic
        for (path, text) in changes { content[path] = text }
        return try Fixture(content: content).build { $0.linkStyle = style }
    }

    static let moved = """
        ---
        title: Flyttad & ny
        tags: [cirkulär]
        aliases: [/gammal/sida/, gammal.html, /2019/05/x.html]
        ---
        Text.
        """

    @Test func eachAliasIsAPageThatSendsTheReaderOn() throws {
        let result = try build(["projekt/flyttad.md": Self.moved])
        #expect(result.messages == [])
        let page = try #require(result.file("gammal/sida/index.html"))
        #expect(page.contains("<html lang=\"sv\">"))
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../projekt/flyttad/\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.se/projekt/flyttad/\">"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("<a href=\"../../projekt/flyttad/\">Flyttad &amp; ny</a>"))
        #expect(result.file("gammal.html")?.contains("url=projekt/flyttad/\"") == true)
        #expect(result.file("2019/05/x.html")?.contains("url=../../projekt/flyttad/\"") == true)
        // An old URL is no page of the site: not in the sitemap, not searched.
        #expect(result.file("sitemap.xml")?.contains("gammal") == false)
        #expect(result.file("sitemap.xml")?.contains("projekt/flyttad/") == true)
    }

    @Test func offlineTheRefreshGoesToTheFile() throws {
        let result = try build(["projekt/flyttad.md": Self.moved], style: .files)
        #expect(
            result.file("gammal/sida/index.html")?.contains("content=\"0; url=../../projekt/flyttad/index.html\"")
                == true)
    }

    /// A hosted build opened from disk: the refresh to a folder would show its listing, so a
    /// script goes to the folder's index.html first; a file or another site needs none.
    @Test func fromDiskAFolderRefreshGoesToItsIndexFile() throws {
        let result = try build(["projekt/flyttad.md": Self.moved])
        let page = try #require(result.file("gammal/sida/index.html"))
        let script =
            #"<script>if (location.protocol === "file:") "#
            + #"location.replace("../../projekt/flyttad/index.html");</script>"#
        #expect(page.contains(script + "\n<meta http-equiv=\"refresh\""))
        #expect(
            RenderAliases.fromDisk("../a/#del?x") == #"<script>if (location.protocol === "file:") "#
                + #"location.replace("../a/index.html#del?x");</script>"# + "\n")
        #expect(RenderAliases.fromDisk("../a/index.html") == "")
        #expect(RenderAliases.fromDisk("https://example.org/a/") == "")
        #expect(RenderAliases.fromDisk("a.html#x/") == "")
    }

    /// One that is no path is an error; one that a page has as its URL, or that an earlier page
    /// gives too, is left out with a warning: the page, or the first, keeps the URL.
    @Test func anAliasThatIsNoPathIsAnErrorOneTakenIsLeftOut() throws {
        let result = try build([
            "projekt/flyttad.md": "---\ntitle: F\ntags: [cirkulär]\naliases:\n  - /om/\n  - /gammal/\n---\n",
            "projekt/annan.md": "---\ntitle: A\ntags: [cirkulär]\naliases: [gammal]\n---\n",
        ])
        let messages = result.messages
        #expect(messages.count == 2)
        #expect(
            messages.contains(
                "Content/projekt/flyttad.md:5:5: warning: alias '/om/' is left out: it is the URL of a page the site "
                    + "has; an alias is an old URL no page has any more: remove it"))
        let twice = messages.filter { $0.contains("has it too") }
        #expect(twice.count == 1)
        let keeper = try #require(twice.first?.contains("annan.md:4:11") == true ? "flyttad" : "annan")
        #expect(result.file("gammal/index.html")?.contains("url=../projekt/\(keeper)/\"") == true)
        #expect(result.file("om/index.html")?.contains("<meta http-equiv=\"refresh\"") == false)

        let wrong = try build(["projekt/flyttad.md": "---\ntitle: F\ntags: [cirkulär]\naliases: [a//b]\n---\n"])
        #expect(
            wrong.messages == [
                "Content/projekt/flyttad.md:4:11: error: alias 'a//b' must be a path such as /gammal/sida/; use "
                    + "letters A–Z and a–z, digits, '-', '.', '_', '~' and a URL's other path characters between "
                    + "single '/'; end it with '/' or '.html'"
            ])
        #expect(wrong.files.isEmpty)

        // A host's redirect rule (Docsy writes aliases into Netlify's _redirects) is no page's URL.
        let wildcard = try build([
            "projekt/flyttad.md": "---\ntitle: F\ntags: [cirkulär]\naliases: [/blogg/2018/*, /gammal/]\n---\n"
        ])
        #expect(
            wildcard.messages == [
                "Content/projekt/flyttad.md:4:11: warning: alias '/blogg/2018/*' has a wildcard, which only a host's "
                    + "redirect rules can answer for: it is left out; write the old URLs it stands for one by one, "
                    + "or set the rule on the host"
            ], "\(wildcard.messages)")
        #expect(wildcard.file("gammal/index.html")?.contains("url=../projekt/flyttad/\"") == true)
        #expect(!wildcard.files.contains { $0.path.contains("*") })
    }
}

/// `links: {keepHTML: true}`: a tree whose pages were `x.html` (MkDocs' `use_directory_urls:
/// false`, Jekyll) keeps those URLs: each sends the reader on to the page.
@Suite struct KeepHTMLTests {
    @Test func everyPageAnswersAtItsOldHTMLURL() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\nlinks:\n  keepHTML: true\n"
        content["projekt/flyttad.md"] = AliasesTests.moved
        let result = try Fixture(content: content).build()
        #expect(result.messages == [])
        #expect(result.file("projekt/flyttad.html")?.contains("url=../projekt/flyttad/\"") == true)
        #expect(result.file("om.html")?.contains("url=om/\"") == true)
        // A section's page was `x/index.html` already, the front page `index.html`; an alias the
        // page gives keeps its own.
        #expect(result.file("projekt.html") == nil)
        #expect(result.file("index.html")?.contains("http-equiv=\"refresh\"") == false)
        #expect(result.file("gammal.html")?.contains("url=projekt/flyttad/\"") == true)
        // Without it, none.
        content["site.yaml"] = Fixture.siteYAML
        #expect(try Fixture(content: content).build().file("projekt/flyttad.html") == nil)
    }
}
