import Testing

@testable import SiteBuilder

/// An editor's one mistake gives one message: a page whose front matter cannot be read is
/// reported at the mistake, and what only its absence breaks (links to it, the nav entry that
/// names it, the records and data files only it uses) is not reported again as broken; a
/// mistyped id is not also its record "referenced by no page"; a data file that cannot be read
/// is not also missing, nor is every reference to its records unknown.
@Suite struct OneMessagePerMistakeTests {
    /// The project page with its list of tags left open.
    static let brokenProject = """
        ---
        title: Cirkulära Göteborg
        tags: [cirkulär
        organisationer:
          - id: ivl
        ---
        Text.
        """

    static let linkingPage = "---\ntitle: Länkar\n---\nSe [projektet](projekt/cirkulara-goteborg.md).\n"

    @Test func aBrokenPageIsReportedOnceNotAtEachLinkToIt() throws {
        let result = try Fixture(
            content: Fixture.basic.merging([
                "projekt/cirkulara-goteborg.md": Self.brokenProject, "lankar.md": Self.linkingPage,
            ]) { $1 }
        ).build()
        #expect(!result.succeeded)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(result.messages)")
        #expect(errors.first?.file == "Content/projekt/cirkulara-goteborg.md", "\(result.messages)")
        #expect(errors.first?.line == 3, "\(result.messages)")
        // Its organisations are referenced by no other page: not a warning while it cannot be read.
        #expect(!result.messages.contains { $0.contains("is not referenced by any page") }, "\(result.messages)")
        #expect(!result.messages.contains { $0.contains("points to no page") }, "\(result.messages)")
    }

    /// The same site with the page mended: every organisation it references is used again, and
    /// a link to a page that is not there is still an error.
    @Test func aLinkToNoFileIsStillBroken() throws {
        let result = try Fixture(
            content: Fixture.basic.merging([
                "projekt/cirkulara-goteborg.md": Self.brokenProject,
                "lankar.md": "---\ntitle: Länkar\n---\nSe [saknad](projekt/saknad.md).\n",
            ]) { $1 }
        ).build()
        #expect(
            result.messages.contains {
                $0.hasPrefix("Content/lankar.md:4:4: error: link to 'projekt/saknad.md' points to no page")
            }, "\(result.messages)")
    }

    /// Without the broken page, its organisations would be unreferenced: the warning is there.
    @Test func aRecordNoPageReferencesIsStillReported() throws {
        var content = Fixture.basic
        content["projekt/cirkulara-goteborg.md"] = "---\ntitle: Cirkulära Göteborg\ntags: [cirkulär]\n---\nText.\n"
        let result = try Fixture(content: content).build()
        #expect(result.messages.contains { $0.contains("'ivl' is not referenced by any page") }, "\(result.messages)")
    }

    @Test func theNavEntryNamingABrokenPageIsNoSecondMessage() throws {
        let result = try Fixture(
            content: Fixture.basic.merging([
                "projekt/cirkulara-goteborg.md": Self.brokenProject,
                "site.yaml": Fixture.siteYAML + "\nnav:\n  - om.md\n  - projekt/cirkulara-goteborg.md\n",
            ]) { $1 }
        ).build()
        #expect(result.diagnostics.filter { $0.severity == .error }.count == 1, "\(result.messages)")
        #expect(!result.messages.contains { $0.contains("site.yaml") }, "\(result.messages)")
    }

    /// A draft left out is no mistake: links to it are reported as before.
    @Test func aDraftIsNotUnreadable() throws {
        let result = try Fixture(
            content: Fixture.basic.merging([
                "projekt/cirkulara-goteborg.md": "---\ntitle: C\ntags: [cirkulär]\ndraft: true\n---\n",
                "lankar.md": Self.linkingPage,
            ]) { $1 }
        ).build()
        #expect(result.messages.contains { $0.contains("points to no page") }, "\(result.messages)")
    }

    @Test func aMistypedIdIsNotAlsoAnUnusedRecord() throws {
        var content = Fixture.basic
        content["projekt/cirkulara-goteborg.md"] =
            "---\ntitle: C\ntags: [cirkulär]\norganisationer:\n  - id: ivll\n  - id: orebro\n---\n"
        let result = try Fixture(content: content).build()
        #expect(result.messages.contains { $0.contains("unknown organisation 'ivll'") }, "\(result.messages)")
        #expect(!result.messages.contains { $0.contains("'ivl' is not referenced") }, "\(result.messages)")
        // Another record no page names is still said to be unused.
        #expect(result.messages.contains { $0.contains("'abb' is not referenced") }, "\(result.messages)")
    }

    @Test func aBrokenDataFileIsOneErrorNotOnePerReference() throws {
        var content = Fixture.basic
        content["data/organisationer.yaml"] = Fixture.basic["data/organisationer.yaml"]! + "x: [\n"
        content["data/utslapp.csv"] = "År,Ton\n2020,\"12\n"
        content["om.md"] = "---\ntitle: Om\n---\n## Bakgrund\n\n```tabell data=utslapp\n```\n"
        let result = try Fixture(content: content).build()
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(
            errors.map(\.file) == ["Content/data/organisationer.yaml", "Content/data/utslapp.csv"], "\(result.messages)"
        )
        // A data file that is not there at all is still said to be missing, where it is named.
        content["data/organisationer.yaml"] = nil
        content["om.md"] = "---\ntitle: Om\n---\n```tabell data=saknas\n```\n"
        let missing = try Fixture(content: content).build().messages
        #expect(missing.contains { $0.contains("needs the data file data/organisationer.yaml") }, "\(missing)")
        #expect(missing.contains { $0.contains("no data file named 'saknas'") }, "\(missing)")
    }
}
