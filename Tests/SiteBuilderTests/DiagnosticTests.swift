import Foundation
import Testing

@testable import SiteBuilder

/// Each mistake an editor can make gives path:line:col, a message and, where possible, a hint.
@Suite struct DiagnosticTests {
    func errors(_ changes: [String: String], theme: [String: String] = Fixture.theme) throws -> [String] {
        var content = Fixture.basic
        for (path, text) in changes { content[path] = text }
        let result = try Fixture(content: content, theme: theme).build()
        #expect(!result.succeeded)
        #expect(result.files.isEmpty)
        return result.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func malformedYAML() throws {
        let e = try errors(["projekt/x.md": "---\ntitle: X\ntags: [cirkulär\n---\n"])
        #expect(
            e == [
                "Content/projekt/x.md:3:7: error: the list that '[' opens here is never closed; end it with ']'; "
                    + "if the '[' belongs to the text, put the value in quotes: tags: \"[cirkulär\""
            ])
    }

    /// The front matter mistakes editors make most, each where it is, in plain words, with the line's
    /// own text fixed in the hint; libyaml's words only for the rest.
    @Test(arguments: [
        (
            "title: Kretslopp: en rapport", "2:17",
            "': ' inside the value of 'title' would start another key; put the value in quotes: "
                + "title: \"Kretslopp: en rapport\""
        ),
        (
            "title: {Återbruk", "2:8",
            "the mapping that '{' opens here is never closed; end it with '}'; if the '{' belongs to the text, "
                + "put the value in quotes: title: \"{Återbruk\""
        ),
        (
            "title: X\n\tsummary: Y", "3:1",
            "a tab indents this line; YAML is indented with spaces; replace the tab with spaces"
        ),
        ("title: @kretslopp", "2:8", "a value cannot start with '@'; put the value in quotes: title: \"@kretslopp\""),
        (
            "title: `kod` och text", "2:8",
            "a value cannot start with '`'; put the value in quotes: title: \"`kod` och text\""
        ),
        (
            "title: X\nsummary Y\ndate: 2026-01-01", "3:1",
            "this line has no ':' after its key; write 'key: value', with a space after the colon; a line that goes "
                + "on with the value above is indented more than its key"
        ),
        (
            "title: \"Citat \"inne\" i text\"", "2:16",
            "the value of 'title' goes on after its closing quote; write a double quote inside double quotes as "
                + "\\\", or quote the value with single quotes: title: 'Citat \"inne\" i text'"
        ),
        (
            "title: 'Don't stop'", "2:13",
            "the value of 'title' goes on after its closing quote; write a single quote inside single quotes "
                + "twice: title: 'Don''t stop'"
        ),
        (
            "title: X\nsummary: Ett\n  Två: tre", "4:6",
            "this line goes on with the value above, where ': ' cannot start a key; put the value above in quotes, "
                + "or indent this line as far as the keys around it"
        ),
        (
            "title: X\n- a", "3:1",
            "invalid YAML: did not find expected key while parsing a block mapping that starts at line 2, column 1; "
                + "check the indentation and quoting on this line"
        ),
    ])
    func frontMatterMistakes(yaml: String, location: String, message: String) throws {
        let e = try errors(["projekt/x.md": "---\n\(yaml)\n---\nText\n"])
        #expect(e == ["Content/projekt/x.md:\(location): error: \(message)"])
    }

    /// A site.yaml key that is no setting (a typo, another generator's) changes nothing: it is
    /// said at its line, with the setting it was likely meant to be; a language's own value is not.
    @Test func unknownSettingsAreSaid() throws {
        var content = Fixture.basic
        content["site.yaml"] =
            Fixture.siteYAML
            + "\ntitle.en: Test site\nnewestFrist: [projekt]\noutputs:\n  x: 1\nmarkdown: {unsafeHtml: true}\n"
        let result = try Fixture(content: content).build()
        #expect(result.succeeded)
        let lines = Fixture.siteYAML.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(
            result.messages == [
                "Content/site.yaml:\(lines + 2):1: warning: unknown setting 'newestFrist' in site.yaml; it changes "
                    + "nothing; did you mean 'newestFirst'? docs/content-model.md lists the settings",
                "Content/site.yaml:\(lines + 3):1: warning: unknown setting 'outputs' in site.yaml; it changes "
                    + "nothing; docs/content-model.md lists the settings",
                "Content/site.yaml:\(lines + 5):24: warning: unknown setting 'unsafeHtml' in 'markdown'; it changes "
                    + "nothing; did you mean 'unsafeHTML'? docs/content-model.md lists the settings",
            ], "\(result.messages)")
    }

    /// Without `title:` a page is named by its file (as MkDocs does); only a schema that requires it makes it an error.
    @Test func missingTitle() throws {
        var content = Fixture.basic
        content["projekt/x.md"] = "---\ntags: [cirkulär]\n---\nText\n"
        let named = try Fixture(content: content).build()
        #expect(named.messages == [])
        #expect(named.file("projekt/x/index.html")?.contains("PAGE X|") == true)
        #expect(
            try errors([
                "projekt/x.md": "---\ntags: [cirkulär]\n---\nText\n",
                "site.yaml": Fixture.siteYAML + "\nschema:\n  projekt:\n    title: {type: text, required: true}\n",
            ])
                == [
                    "Content/projekt/x.md:2:1: error: missing required field 'title'; site.yaml's schema requires "
                        + "it on these pages"
                ])
    }

    @Test func unknownTagWithSuggestion() throws {
        #expect(
            try errors(["projekt/x.md": "---\ntitle: X\ntags: [cirkular]\n---\n"])
                == [
                    "Content/projekt/x.md:3:8: error: unknown term 'cirkular' in 'tags'; did you mean 'cirkulär'? "
                        + "(known: klimatanpassad, cirkulär; new terms are added in site.yaml)"
                ])
    }

    @Test func missingRequiredTaxonomy() throws {
        let e = try errors(["projekt/x.md": "---\ntitle: X\n---\n"])
        #expect(
            e == [
                "Content/projekt/x.md:2:1: error: missing 'tags': every page in 'projekt' needs at least one; add "
                    + "'tags: [klimatanpassad]' (known: klimatanpassad, cirkulär)"
            ])
    }

    @Test func unknownOrganisationAndRole() throws {
        let e = try errors([
            "projekt/x.md":
                "---\ntitle: X\ntags: [cirkulär]\norganisationer:\n  - id: ivll\n    roll: partner\n  - id: abb\n   "
                + " roll: chef\n---\n"
        ])
        #expect(
            e == [
                "Content/projekt/x.md:5:9: error: unknown organisation 'ivll'; add it to data/organisationer.yaml "
                    + "or fix the id; did you mean 'ivl'?",
                "Content/projekt/x.md:7:9: error: unknown role 'chef' for 'abb'; known roles: koordinator, partner",
            ])
    }

    @Test func brokenInternalLink() throws {
        #expect(
            try errors(["om.md": "---\ntitle: Om\n---\n## Bakgrund\n\nSe [x](projekt/finns-inte.md).\n"])
                == [
                    "Content/om.md:6:4: error: link to 'projekt/finns-inte.md' points to no page; links to pages "
                        + "are paths to their .md files relative to this file"
                ])
    }

    @Test func nonUTF8File() throws {
        var content = Fixture.basic
        content["projekt/x.md"] = "placeholder"
        let fixture = try Fixture(content: content)
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x3A, 0x20, 0xE5, 0x0A]).write(
            to: fixture.root.appendingPathComponent("Content/projekt/x.md"))
        let result = fixture.build()
        #expect(
            result.messages == [
                "Content/projekt/x.md:2:4: error: file is not valid UTF-8 text; save the file as UTF-8 in your editor"
            ])
    }

    @Test func unreadableFile() throws {
        guard getuid() != 0 else { return } // root reads everything
        let fixture = try Fixture(content: Fixture.basic)
        let path = fixture.root.appendingPathComponent("Content/om.md").path
        chmod(path, 0)
        #expect(fixture.build().messages.contains { $0.hasPrefix("Content/om.md:1:1: error: cannot read file") })
    }

    @Test func missingPartialAndTemplate() throws {
        var theme = Fixture.theme
        theme["templates/page.mustache"] = "x\n{{>partials/saknas}}"
        theme["templates/term.mustache"] = nil
        let e = try errors([:], theme: theme)
        #expect(
            e == [
                "Theme/templates/page.mustache:2:1: error: template 'partials/saknas' does not exist; add "
                    + "partials/saknas.mustache to the theme's templates folder or fix the name"
            ])
        theme["templates/page.mustache"] = "ok"
        #expect(
            try errors([:], theme: theme) == [
                "Theme/templates/term.mustache:1:1: error: the theme has no 'term' template; every theme needs: "
                    + "home, section, page, single, terms, term, records, record, search, 404"
            ])
    }

    @Test func missingUIString() throws {
        var theme = Fixture.theme
        theme["templates/single.mustache"] = "{{page.title}}\n  {{i18n.saknas}}"
        #expect(
            try errors([:], theme: theme) == [
                "Theme/templates/single.mustache:2:5: error: UI string 'saknas' is not in i18n/sv.yaml; add it "
                    + "there or fix the key"
            ])
    }

    @Test func unterminatedFrontMatterAndDuplicateURL() throws {
        let e = try errors([
            "projekt/x.md": "---\ntitle: X\n",
            "projekt/Cirkulära Göteborg.md": "---\ntitle: Y\ntags: [cirkulär]\n---\n",
        ])
        #expect(
            e.contains(
                "Content/projekt/x.md:1:1: error: front matter starts with '---' but is never closed; add a line "
                    + "with only '---' after the last front matter field"
            ))
        #expect(e.contains { $0.contains("both become /projekt/cirkulara-goteborg/") })
    }

    @Test func allProblemsOfARunAreListed() throws {
        let e = try errors([
            "projekt/a.md": "---\ntitle: A\ntags: [x]\n---\n",
            "projekt/b.md": "---\ntitle: B\ntags: [cirkulär]\ndate: 2024-13-01\n---\n",
        ])
        #expect(e.count == 2)
    }

    @Test func unknownDataFileInBlock() throws {
        #expect(
            try errors(["om.md": "---\ntitle: Om\n---\n## Bakgrund\n```tabell data=trafikverket\n```\n"])
                == [
                    "Content/om.md:5:1: error: no data file named 'trafikverket'; data files live in data/ as "
                        + "<name>.yaml, .json or .csv"
                ])
    }

    @Test func yamlAliasBombIsRefused() throws {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            bomb +=
                "\(Character(UnicodeScalar(97 + i)!)): &\(Character(UnicodeScalar(97 + i)!)) ["
                + Array(repeating: "*\(Character(UnicodeScalar(96 + i)!))", count: 10).joined(separator: ", ") + "]\n"
        }
        let e = try errors(["data/bomb.yaml": bomb])
        #expect(e.first?.contains("expands to more than") == true)
    }
}

/// Checks that need the whole site: anchors, images, data use, schema, script URLs.
@Suite struct SiteCheckTests {
    func diagnostics(_ changes: [String: String]) throws -> [String] {
        var content = Fixture.basic
        for (path, text) in changes { content[path] = text }
        return try Fixture(content: content).build().messages
    }

    @Test func linkToMissingHeadingAnchor() throws {
        let d = try diagnostics([
            "projekt/cirkulara-goteborg.md":
                "---\ntitle: C\ntags: [cirkulär]\n---\nLäs [om](../om.md#bakgrunden) och [här](#saknas).\n"
        ])
        #expect(
            d.contains(
                "Content/projekt/cirkulara-goteborg.md:5:5: error: 'om.md' has no heading or anchor '#bakgrunden'; "
                    + "did you mean '#bakgrund'? heading ids are the heading's text in lower case, punctuation "
                    + "dropped and spaces as hyphens (GitHub's rule), or set with {#id}"
            ))
        #expect(
            d.contains(
                "Content/projekt/cirkulara-goteborg.md:5:35: error: this page has no heading or anchor '#saknas'"))
    }

    @Test func glossaryEntriesAreAnchors() throws {
        let d = try diagnostics([
            "data/ordlista.yaml": "- id: lca\n  term: LCA\n  definition: Livscykelanalys.\n",
            "ordlista.md": "---\ntitle: Ordlista\n---\n```ordlista data=ordlista\n```\n",
            "om.md": "---\ntitle: Om\n---\n## Bakgrund\nSe [LCA](ordlista.md#lca).\n",
        ])
        #expect(d == [])
    }

    @Test func missingImageAndEmptyAltText() throws {
        var content = Fixture.basic
        content["static/karta.png"] = "png"
        content["om.md"] = "---\ntitle: Om\n---\n## Bakgrund\n![](static/karta.png)\n\n![Karta](static/saknas.png)\n"
        let d = try Fixture(content: content).build().messages
        #expect(
            d == [
                "Content/om.md:5:1: error: image 'static/karta.png' has no alt text; describe the image: ![what it "
                    + "shows](static/karta.png)",
                "Content/om.md:7:1: error: image 'static/saknas.png' points to no file; link to pages through their "
                    + ".md files and to images and other files by their path, relative to this file",
            ])
    }

    @Test func unusedDataFileIsAWarning() throws {
        let result = try Fixture(content: Fixture.basic.merging(["data/gammal.csv": "a,b\n1,2\n"]) { $1 }).build()
        #expect(result.succeeded)
        #expect(
            result.messages == [
                "Content/data/gammal.csv:1:1: warning: data file 'gammal' is not used by any page or template; show "
                    + "it with a block such as ```tabell data=gammal or remove the file"
            ])
    }

    @Test func statusLabelsShowOnPagesAndCards() throws {
        var content = Fixture.basic
        content["site.yaml"] =
            Fixture.siteYAML
            + "\nschema:\n  projekt:\n    status:\n      values: [pågående, avslutad]\n"
            + "      labels: {pågående: Pågår nu}\n"
        content["projekt/x.md"] = "---\ntitle: X\ntags: [cirkulär]\nstatus: pågående\n---\n"
        content["projekt/y.md"] = "---\ntitle: Y\ntags: [cirkulär]\nstatus: avslutad\n---\n"
        var theme = Fixture.theme
        theme["templates/page.mustache"] =
            "{{<base}}{{$main}}STATUS {{#page.status}}{{id}}={{title}}{{/page.status}}{{/main}}{{/base}}"
        theme["templates/section.mustache"] =
            "{{<base}}{{$main}}SECTION {{#projects}}<{{title}}:{{#status}}{{title}}{{/status}}>{{/projects}}"
            + "{{/main}}{{/base}}"
        let result = try Fixture(content: content, theme: theme).build()
        #expect(result.messages == [])
        #expect(result.file("projekt/x/index.html")?.contains("STATUS pågående=Pågår nu") == true)
        // A value without a label is shown as written, capitalised.
        #expect(result.file("projekt/y/index.html")?.contains("STATUS avslutad=Avslutad") == true)
        #expect(result.file("projekt/index.html")?.contains("<X:Pågår nu>") == true)
    }

    @Test func aLabelForAValueTheFieldDoesNotHaveIsAnError() throws {
        #expect(
            try DiagnosticTests().errors([
                "site.yaml": Fixture.siteYAML
                    + "\nschema:\n  projekt:\n    status:\n      values: [pågående]\n"
                    + "      labels: {klar: Klar, pågående: [x]}\n"
            ])
                == [
                    "Content/site.yaml:37:22: error: 'klar' has a label but is not one of the values of 'status'; the "
                        + "values are: pågående; label those, or add 'klar' to 'values'",
                    "Content/site.yaml:37:38: error: the label of 'pågående' must be text; write it as "
                        + "'pågående: Text'",
                ])
    }

    @Test func schemaRules() throws {
        var content = Fixture.basic
        content["site.yaml"] =
            Fixture.siteYAML
            + "\nschema:\n  projekt:\n    summary: {type: text, required: true}\n    status: {values: [pågående, "
            + "avslutad]}\n    kontakt: {type: mapping}\n    webb: {type: url}\n"
        content["projekt/x.md"] = "---\ntitle: X\ntags: [cirkulär]\nstatus: klar\nkontakt: Anna\nwebb: ftp://x\n---\n"
        let d = try Fixture(content: content).build().messages
        #expect(
            d == [
                "Content/projekt/x.md:2:1: error: missing required field 'summary'; site.yaml's schema requires it "
                    + "on these pages",
                "Content/projekt/x.md:4:9: error: 'status' is 'klar', which is not allowed (allowed: pågående, "
                    + "avslutad)",
                "Content/projekt/x.md:5:10: error: 'kontakt' must be a mapping of 'key: value' lines, not 'Anna'",
                "Content/projekt/x.md:6:7: error: 'webb' must be an http(s), mailto: or relative link, not 'ftp://x'",
            ])
    }

    @Test(arguments: [
        "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>", "vbscript:x",
    ])
    func scriptURLsAreRefused(value: String) throws {
        let yaml = value.replacingOccurrences(of: "\t", with: "\\t")
        let d = try diagnostics(["projekt/x.md": "---\ntitle: X\ntags: [cirkulär]\nlänk: \"\(yaml)\"\n---\n"])
        #expect(d.count == 1)
        #expect(d.first?.hasPrefix("Content/projekt/x.md:4:7: error: ") == true)
        #expect(d.first?.contains("is a script URL, which is never allowed in content") == true)
    }
}

@Suite struct IconDiagnosticTests {
    @Test func anIconTheThemeLacksIsAnErrorAtItsLine() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML.replacingOccurrences(of: "icon: fot", with: "icon: fott")
        let result = try Fixture(content: content).build()
        #expect(!result.succeeded)
        #expect(
            result.messages.contains {
                $0.hasPrefix("Content/site.yaml:15:15: error: ")
                    && $0.contains(
                        "icon 'fott' of term 'klimatanpassad' is not in the theme's icons/ folder; use one of: fot")
            },
            "\(result.messages)")
    }
}
