import Testing

@testable import SiteBuilder

/// VitePress' front page (`layout: home` with `hero:` and `features:`), drawn with
/// `markdown: {vue: true}` as Markdown before the page's text, whose lines keep their numbers.
@Suite struct HeroFrontPageTests {
    static let home = """
        ---
        layout: home
        title: Om
        hero:
          name: Kretslopp
          text: Upphandling som *håller*
          tagline: Klimatanpassad och cirkulär
          actions:
            - theme: brand
              text: Kom igång
              link: /projekt/cirkulara-goteborg
            - theme: alt
              text: ' '
              link: https://example.org/blank
            - text: Projekt
              link: projekt/cirkulara-goteborg
        features:
          - title: Återbruk
            details: Möbler och byggdelar
          - title: Klimat
            details: Skyfall och värme
            link: /om
        ---
        ## Bakgrund

        Se [saknas](saknas.md).
        """

    func build(vue: Bool) throws -> BuildResult {
        var content = Fixture.basic
        content["site.yaml"] =
            Fixture.siteYAML + "\nmarkdown:\n  vue: true\nlinks:\n  htmlToMarkdown: true\n  broken: warning\n"
        if !vue { content["site.yaml"] = Fixture.siteYAML + "\nlinks:\n  htmlToMarkdown: true\n  broken: warning\n" }
        content["om.md"] = Self.home
        return try Fixture(content: content).build()
    }

    /// The hero's text and tagline as written (no markup read in them), its actions as links (one
    /// without text left out), the features as a list of their own with their titles in bold; the
    /// body's broken link is said at its own line.
    @Test func theHeroAndFeaturesComeBeforeThePagesText() throws {
        let result = try build(vue: true)
        let page = try #require(result.file("om/index.html"))
        #expect(page.contains("<p>Upphandling som *håller*</p>\n<p>Klimatanpassad och cirkulär</p>\n<ul>\n"))
        #expect(page.contains(#"<li><a href="../projekt/cirkulara-goteborg/">Kom igång</a></li>"#))
        #expect(!page.contains("example.org/blank"))
        // A link without a `/` at its start is from the site's root, as VitePress' buttons read it.
        #expect(page.contains(#"<li><a href="../projekt/cirkulara-goteborg/">Projekt</a></li>"#))
        #expect(page.contains("<li><strong>Återbruk</strong>: Möbler och byggdelar</li>"))
        #expect(page.contains(#"<li><strong>Klimat</strong>: Skyfall och värme <a href="../om/">→</a></li>"#))
        #expect(page.range(of: "Klimatanpassad och cirkulär")!.lowerBound < page.range(of: "Bakgrund")!.lowerBound)
        #expect(result.messages.contains { $0.hasPrefix("Content/om.md:26:4: warning: link to 'saknas.md'") })
    }

    /// Without `vue`, the front matter is front matter only.
    @Test func withoutVueThereIsNoHero() throws {
        let result = try build(vue: false)
        #expect(result.file("om/index.html")?.contains("Klimatanpassad och cirkulär") == false)
        #expect(result.messages.contains { $0.hasPrefix("Content/om.md:26:4: warning: link to 'saknas.md'") })
    }
}
