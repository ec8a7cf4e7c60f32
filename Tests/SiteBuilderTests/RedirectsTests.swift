import Testing

@testable import SiteBuilder

/// site.yaml's `redirects:`: old URLs that send readers on to a page or another site, as MkDocs'
/// redirects plugin and mdBook's `[output.html.redirect]` make them.
@Suite struct RedirectsTests {
    func build(_ redirects: String, links: String = "") throws -> BuildResult {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\n" + links + "redirects:\n" + redirects
        return try Fixture(content: content).build()
    }

    @Test func oldURLsSendReadersOn() throws {
        let result = try build(
            """
              /gammal/om.html: om.md
              arkiv: https://arkiv.example.se/
              /projekt/gammalt/: ./projekt/cirkulara-goteborg.md

            """)
        #expect(result.succeeded, "\(result.messages)")
        let om = try #require(result.file("gammal/om.html"))
        #expect(om.contains(#"<meta http-equiv="refresh" content="0; url=../om/">"#))
        #expect(om.contains(#"<link rel="canonical" href="https://example.se/om/">"#))
        #expect(om.contains(#"<meta name="robots" content="noindex">"#))
        let archive = try #require(result.file("arkiv/index.html"))
        #expect(archive.contains(#"url=https://arkiv.example.se/""#))
        #expect(result.file("projekt/gammalt/index.html")?.contains("url=../../projekt/cirkulara-goteborg/") == true)
        // An old URL is no page of the site map.
        #expect(result.file("sitemap.xml")?.contains("gammal") == false)
    }

    @Test func mistakesAreSaidWhereTheyAreWritten() throws {
        let result = try build(
            """
              /om/: om.md
              /x y/: om.md
              /a/: om.html
              /b/: saknas.md

            """)
        let said = result.messages.filter { $0.hasPrefix("Content/site.yaml") }.map {
            $0.split(separator: ":", maxSplits: 3).dropFirst().joined(separator: ":")
        }
        let line = Fixture.siteYAML.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        #expect(
            said == [
                "\(line):9: warning: redirect from '/om/' is left out: a page of the site has that URL; a redirect is "
                    + "for an old URL no page has any more: remove it",
                "\(line + 1):10: error: the old URL '/x y/' of a redirect is not a plain path; a path from the site's "
                    + "root of letters, digits, '-', '_', '.', '/' and a URL's other path characters "
                    + "(no spaces, no '*'): redirects: {/gammal/sida.html: om.md}",
                "\(line + 2):8: error: redirect from '/a/' to 'om.html': not a page's .md file; give the page's .md "
                    + "file below the content folder (om.md), or an https:// address",
                "\(line + 3):8: error: redirect from '/b/' to 'saknas.md': there is no such page; give the path of a "
                    + "page's .md file below the content folder",
            ], "\(result.messages)")
        // A redirect to nowhere is a broken link: a warning where site.yaml says so.
        let lenient = try build("  /b/: saknas.md\n", links: "links:\n  broken: warning\n")
        #expect(lenient.succeeded)
        let notAMapping = try build("  - /a/\n")
        #expect(notAMapping.messages.contains { $0.contains("error: redirects must map old URLs to pages") })
    }

    /// On a site in several languages the redirects are the site's: each old URL written once.
    @Test func aSiteInTwoLanguagesWritesEachOnce() throws {
        var content = try BilingualSiteTests.content()
        content["site.yaml"]! += "\nredirects:\n  /gammal/om.html: om.md\n"
        let fixture = try Fixture(content: content, theme: [:])
        let result = fixture.build { $0.theme = SiteLanguageTests.defaultTheme }
        #expect(result.succeeded && !result.messages.contains { $0.contains("redirect") }, "\(result.messages)")
        #expect(result.file("gammal/om.html")?.contains(#"url=../om/""#) == true)
    }
}
