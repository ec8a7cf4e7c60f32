import Foundation
import Testing

@testable import SiteBuilder

/// site.yaml's `strings:`: the theme's UI strings in the site's own words (Hugo's i18n files of a
/// project over its theme's), checked against the theme's keys and placeholders.
@Suite struct SiteStringsTests {
    func build(_ strings: String, language: String = "en") throws -> BuildResult {
        var content = SiteLanguageTests.content(language: language)
        content["site.yaml"]! += "\nstrings:\n" + strings
        let fixture = try Fixture(content: content, theme: [:])
        return fixture.build { $0.theme = SiteLanguageTests.defaultTheme }
    }

    @Test func theSitesWordsReplaceTheThemes() throws {
        let result = try build("  projectsHeading: Activities\n  search.kind.project: Activity\n")
        #expect(result.succeeded && result.diagnostics.allSatisfy { $0.severity != .warning }, "\(result.messages)")
        let listing = try #require(result.file("projects/index.html"))
        #expect(listing.contains("<h2 id=\"kl_projects_heading\">Activities"), "\(listing)")
        #expect(!listing.contains(">Projects <span"))
        // Words the site does not give stay the theme's.
        #expect(listing.contains("Filter projects"))
    }

    @Test func aKeyTheThemeDoesNotHaveAndLostPlaceholdersAreSaid() throws {
        let result = try build(
            "  projectHeading: Activities\n  pagerShowing: \"Activities {first}–{last}\"\n  filterReset: [x]\n")
        let base = SiteLanguageTests.siteYAML(language: "en").split(separator: "\n", omittingEmptySubsequences: false)
        let line = base.count + 2
        #expect(
            result.messages.contains(
                "Content/site.yaml:\(line + 1):17: warning: UI string 'pagerShowing' leaves out {count}, which the "
                    + "theme's has; keep the placeholders in braces: they are filled in with numbers and words"),
            "\(result.messages)")
        #expect(
            result.messages.contains {
                $0.hasPrefix(
                    "Content/site.yaml:\(line):19: warning: the theme has no UI string 'projectHeading'; it is left "
                        + "out; did you mean 'projectsHeading'?")
            }, "\(result.messages)")
        #expect(
            result.messages.contains {
                $0.hasPrefix("Content/site.yaml:\(line + 2):16: error: UI string 'filterReset' must be text")
            }, "\(result.messages)")
    }

    /// On a site in several languages, `key.LANG` gives a language its own words.
    @Test func eachLanguageHasItsOwnWords() throws {
        var content = try BilingualSiteTests.content()
        content["site.yaml"]! += "\nstrings:\n  projectsHeading: Aktiviteter\n  projectsHeading.en: Activities\n"
        let result = try Fixture(content: content, theme: [:]).build { $0.theme = SiteLanguageTests.defaultTheme }
        #expect(result.succeeded, "\(result.messages)")
        #expect(try #require(result.file("projekt/index.html")).contains("<h2 id=\"kl_projects_heading\">Aktiviteter"))
        #expect(
            try #require(result.file("en/projects/index.html")).contains("<h2 id=\"kl_projects_heading\">Activities"))
    }

    @Test func placeholdersAreTheNamesInBraces() {
        #expect(LoadTheme.placeholders("Projects {first}–{last} of {count}") == ["{first}", "{last}", "{count}"])
        #expect(LoadTheme.placeholders("{n} {} {a b} {q}") == ["{n}", "{q}"])
    }
}
