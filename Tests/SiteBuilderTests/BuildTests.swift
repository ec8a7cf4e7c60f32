import Foundation
import Testing

@testable import SiteBuilder

@Suite struct BuildTests {
    @Test func buildsEveryPageTypeAtItsURL() throws {
        let result = try Fixture(content: Fixture.basic).build()
        #expect(result.messages == [])
        let paths = Set(result.files.map(\.path))
        for path in [
            "index.html", "om/index.html", "projekt/index.html", "projekt/cirkulara-goteborg/index.html",
            "taggar/index.html", "taggar/cirkular/index.html", "taggar/klimatanpassad/index.html",
            "organisationer/index.html", "organisationer/ivl/index.html", "404.html", "sitemap.xml",
            "feed.xml", "robots.txt", "assets/style.css",
        ] {
            #expect(paths.contains(path), "missing \(path)")
        }
    }

    @Test func pageShowsTermsWithIconsAndOrganisationsByRole() throws {
        let page = try #require(
            try Fixture(content: Fixture.basic).build().file("projekt/cirkulara-goteborg/index.html"))
        #expect(page.contains("PAGE Cirkulära Göteborg|Cirkulär|"))
        // Roles in site.yaml's order, organisations in alphabetical order, references without a role last.
        #expect(
            page.contains(
                "Koordinator:IVL Svenska Miljöinstitutet@../../organisationer/ivl/;Partner:ABB@../../organisationer/"
                    + "abb/;Örebro kommun@../../organisationer/orebro/;Organisationer:Åre "
                    + "kommun@../../organisationer/ale/;"
            ))
        #expect(page.contains(#"<a href="../../om/#bakgrund">om oss</a>"#))
        #expect(page.contains("[Start](../../)") == false) // no menu in the fixture
    }

    @Test func termIconsReferToTheSprite() throws {
        var content = Fixture.basic
        content["projekt/b.md"] = "---\ntitle: B\ntags: [klimatanpassad]\n---\n"
        let page = try #require(try Fixture(content: content).build().file("projekt/b/index.html"))
        #expect(
            page.contains(
                ##"Klimatanpassad<svg class="icon icon--fot" aria-hidden="true" focusable="false">"##
                    + ##"<use href="#kl-icon-fot"></use></svg>"##
            ))
    }

    /// The fixture with page B tagged klimatanpassad and cirkulär: each term page lists it once,
    /// and the terms page counts 1 and 2.
    func expectBInBothTerms(_ result: BuildResult) {
        #expect(
            result.file("taggar/cirkular/index.html")?.contains(
                "TERM Cirkulär: <B-projekt|../../projekt/b/><Cirkulära Göteborg|../../projekt/cirkulara-goteborg/>")
                == true)
        #expect(
            result.file("taggar/klimatanpassad/index.html")?.contains(
                "TERM Klimatanpassad: <B-projekt|../../projekt/b/>") == true)
        #expect(result.file("taggar/index.html")?.contains("TERMS Klimatanpassad(1) Cirkulär(2)") == true)
    }

    @Test func termPagesAndCountsListTheRightPages() throws {
        var content = Fixture.basic
        content["projekt/b.md"] = "---\ntitle: B-projekt\ntags: [klimatanpassad, cirkulär]\nweight: -1\n---\n"
        let result = try Fixture(content: content).build()
        expectBInBothTerms(result)
        #expect(result.file("index.html")?.contains("tags:klimatanpassad=1 cirkular=2") == true)
        #expect(result.file("index.html")?.contains("<B-projekt|projekt/b/|tagg:klimatanpassad tagg:cirkular>") == true)
    }

    /// A listing's filters offer only the terms some listed page has: one no page has would
    /// filter the list down to nothing (the term page still lists every page of the term).
    @Test func aListingsFiltersLeaveOutTermsNoListedPageHas() throws {
        let result = try Fixture(content: Fixture.basic).build()
        let home = try #require(result.file("index.html"))
        #expect(home.contains("tags:cirkular=1 ") && !home.contains("klimatanpassad="), "\(home)")
        #expect(result.file("taggar/index.html")?.contains("Klimatanpassad(0)") == true)
    }

    /// A term named twice by one page, once decomposed (`a` + combining diaeresis), is one term
    /// and lists the page once (`BuildSiteModel` finds terms by their place in the taxonomy).
    @Test func aTermNamedTwiceListsThePageOnce() throws {
        var content = Fixture.basic
        content["projekt/b.md"] =
            "---\ntitle: B-projekt\ntags: [cirkulär, \"cirkula\u{308}r\", klimatanpassad, klimatanpassad]\n"
            + "weight: -1\n---\n"
        let result = try Fixture(content: content).build()
        expectBInBothTerms(result)
    }

    /// A term's `spellings:` (as `kretslopp import` declares Hugo's and Zola's `Docs` beside
    /// `docs`) are the term wherever pages write them: its page, counts and filters; another
    /// spelling is still an unknown term.
    @Test func aTermsSpellingsAreTheTerm() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML.replacingOccurrences(
            of: "      - id: klimatanpassad\n",
            with: "      - id: klimatanpassad\n        spellings: [Klimatanpassad, klimat-anpassad]\n")
        content["projekt/b.md"] = "---\ntitle: B-projekt\ntags: [Klimatanpassad, cirkulär]\nweight: -1\n---\n"
        let result = try Fixture(content: content).build()
        #expect(result.messages == [])
        expectBInBothTerms(result)
        #expect(result.file("index.html")?.contains("<B-projekt|projekt/b/|tagg:klimatanpassad tagg:cirkular>") == true)
        content["projekt/b.md"] = "---\ntitle: B-projekt\ntags: [KLIMATANPASSAD]\n---\n"
        let wrong = try Fixture(content: content).build()
        #expect(
            wrong.messages.first?.hasPrefix(
                "Content/projekt/b.md:3:8: error: unknown term 'KLIMATANPASSAD' in 'tags'") == true,
            "\(wrong.messages)")
    }

    /// `spaceSeparated: true` (Jekyll's tags and categories): a value of one text is its words,
    /// each a term, each said where it is; a list's items are terms as written.
    @Test func aSpaceSeparatedTaxonomyReadsEachWord() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML.replacingOccurrences(
            of: "    sections: [projekt]\n", with: "    sections: [projekt]\n    spaceSeparated: true\n")
        content["projekt/b.md"] = "---\ntitle: B-projekt\ntags: klimatanpassad  cirkulär\nweight: -1\n---\n"
        let result = try Fixture(content: content).build()
        #expect(result.messages == [], "\(result.messages)")
        expectBInBothTerms(result)
        content["projekt/b.md"] = "---\ntitle: B-projekt\ntags: cirkulär okänd\n---\n"
        let wrong = try Fixture(content: content).build()
        #expect(
            wrong.messages.first?.hasPrefix("Content/projekt/b.md:3:16: error: unknown term 'okänd' in 'tags'") == true,
            "\(wrong.messages)")
        content["projekt/b.md"] = "---\ntitle: B-projekt\ntags: [cirkulär okänd]\n---\n"
        let listed = try Fixture(content: content).build()
        #expect(listed.messages.first?.contains("unknown term 'cirkulär okänd'") == true, "\(listed.messages)")
    }

    @Test func recordPagesListProjectsByRoleAndRecordsSortSwedish() throws {
        let result = try Fixture(content: Fixture.basic).build()
        #expect(
            result.file("organisationer/ivl/index.html")?.contains(
                "RECORD IVL Svenska Miljöinstitutet Koordinator: <Cirkulära Göteborg|../../projekt/cirkulara-goteborg/>"
            ) == true)
        // Swedish order: A…Z before Å, Ä, Ö; untyped records in the last group.
        #expect(
            result.file("organisationer/index.html")?.contains(
                "Myndighet: Åre kommun, Övriga: ABB, IVL Svenska Miljöinstitutet, Örebro kommun, ") == true)
    }

    @Test func relativeFileLinksForFileURLs() throws {
        let result = try Fixture(content: Fixture.basic).build { $0.linkStyle = .files }
        let page = try #require(result.file("projekt/cirkulara-goteborg/index.html"))
        #expect(page.contains(#"<a href="../../om/index.html#bakgrund">om oss</a>"#))
        #expect(
            result.file("index.html")?.contains("<Cirkulära Göteborg|projekt/cirkulara-goteborg/index.html|") == true)
    }

    @Test func notFoundPageUsesRootRelativeLinks() throws {
        let result = try Fixture(content: Fixture.basic).build()
        #expect(result.file("404.html")?.contains("404 /") == true)
    }

    @Test func dataTableBlockRendersAccessibleTable() throws {
        var content = Fixture.basic
        content["data/mal.csv"] = "Period,Minskning (procent)\n2020–2024,15\n\"2025, 2029\",30\n"
        content["projekt/t.md"] =
            "---\ntitle: T\ntags: [klimatanpassad]\n---\n```tabell data=mal rubrik=\"Klimatmål & utfall\"\n```\n"
        let page = try #require(try Fixture(content: content).build().file("projekt/t/index.html"))
        #expect(page.contains("<caption>Klimatmål &amp; utfall</caption>"))
        #expect(page.contains(#"<th scope="col">Period</th><th scope="col" class="num">Minskning (procent)</th>"#))
        #expect(page.contains(#"<tr><th scope="row">2025, 2029</th><td class="num">30</td></tr>"#))
        // A span of years does not break at its dash.
        #expect(page.contains(#"<tr><th scope="row" class="nowrap">2020–2024</th><td class="num">15</td></tr>"#))
    }

    @Test func jsonAndYAMLDataReachTemplates() throws {
        var content = Fixture.basic
        content["data/siffror.json"] = #"[{"namn": "Ett", "värde": 1}, {"namn": "Två", "värde": 2}]"#
        content["om.md"] = "---\ntitle: Om\n---\n## Bakgrund\n\n```tabell data=siffror\n```\n"
        let page = try #require(try Fixture(content: content).build().file("om/index.html"))
        #expect(page.contains(#"<th scope="col">namn</th><th scope="col" class="num">värde</th>"#))
        #expect(page.contains(#"<th scope="row">Två</th><td class="num">2</td>"#))
    }

    @Test func unknownFrontMatterKeysAreKeptForTemplates() throws {
        var content = Fixture.basic
        content["projekt/k.md"] = "---\ntitle: K\ntags: [cirkulär]\nkontakt:\n  namn: Lisbeth\n---\n"
        var theme = Fixture.theme
        theme["templates/page.mustache"] = "{{page.params.kontakt.namn}}"
        #expect(try Fixture(content: content, theme: theme).build().file("projekt/k/index.html") == "Lisbeth")
    }

    @Test func draftsAreBuiltOnlyWhenAsked() throws {
        var content = Fixture.basic
        content["projekt/utkast.md"] = "---\ntitle: Utkast\ntags: [cirkulär]\ndraft: true\n---\n"
        let fixture = try Fixture(content: content)
        #expect(fixture.build().file("projekt/utkast/index.html") == nil)
        #expect(fixture.build { $0.includeDrafts = true }.file("projekt/utkast/index.html") != nil)
    }

    @Test func tableOfContentsFromEnoughHeadings() throws {
        var content = Fixture.basic
        content["projekt/lang.md"] = "---\ntitle: Lång\ntags: [cirkulär]\n---\n## A\n## B\n### B1\n## C\n"
        let result = try Fixture(content: content).build()
        #expect(result.file("projekt/lang/index.html")?.contains("|TOC|") == true)
        #expect(result.file("projekt/cirkulara-goteborg/index.html")?.contains("|TOC|") == false)
    }

    @Test func feedAndSitemapUseTheBaseURL() throws {
        let result = try Fixture(content: Fixture.basic).build { $0.baseURL = "https://kretslopp.example.org/sub" }
        #expect(
            result.file("sitemap.xml")?.contains(
                "<loc>https://kretslopp.example.org/sub/projekt/cirkulara-goteborg/</loc>") == true)
        #expect(result.file("feed.xml")?.contains("<title>Cirkulära Göteborg</title>") == true)
        #expect(result.file("robots.txt")?.contains("Sitemap: https://kretslopp.example.org/sub/sitemap.xml") == true)
        #expect(result.file("404.html")?.contains("404 /sub/") == true)
    }

    @Test func staticFilesAreCopied() throws {
        var content = Fixture.basic
        content["static/bilder/karta.svg"] = "<svg/>"
        content["om.md"] = "---\ntitle: Om\n---\n## Bakgrund\n![Karta](static/bilder/karta.svg)\n"
        let result = try Fixture(content: content).build()
        #expect(result.file("bilder/karta.svg") == "<svg/>")
        #expect(result.file("om/index.html")?.contains(#"<img src="../bilder/karta.svg" alt="Karta" />"#) == true)
    }
}
