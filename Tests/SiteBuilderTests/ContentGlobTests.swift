import Testing

@testable import SiteBuilder

/// site.yaml's `ignore:` patterns: `*` and `?` within a name, `**` across folders, sets, escapes.
@Suite struct ContentGlobTests {
    func matches(_ pattern: String, _ path: String) throws -> Bool {
        try ContentGlob(pattern).matches(path)
    }

    @Test func starStaysWithinOneName() throws {
        #expect(try matches("*.tmp.md", "x.tmp.md"))
        #expect(try !matches("*.tmp.md", "docs/x.tmp.md"))
        #expect(try matches("docs/*.md", "docs/a.md"))
        #expect(try !matches("docs/*.md", "docs/v1/a.md"))
        #expect(try matches("*", "anything.md"))
        #expect(try matches("a*b*c", "abc") && matches("a*b*c", "a-x-b-y-c"))
        #expect(try !matches("a*b*c", "a-x-c"))
    }

    @Test func doubleStarCrossesFolders() throws {
        #expect(try matches("**/*.tmp.md", "x.tmp.md"))
        #expect(try matches("**/*.tmp.md", "a/b/c/x.tmp.md"))
        #expect(try !matches("**/*.tmp.md", "a/b/x.md"))
        #expect(try matches("drafts/**", "drafts"))
        #expect(try matches("drafts/**", "drafts/a/b.md"))
        #expect(try !matches("drafts/**", "docs/drafts/a.md"))
        #expect(try matches("docs/**/old", "docs/old") && matches("docs/**/old", "docs/v1/v2/old"))
        #expect(try matches("**", "a/b/c"))
        #expect(try matches("**/**/x", "a/x"))
    }

    @Test func questionMarkSetsAndEscapes() throws {
        #expect(try matches("v?.md", "v1.md"))
        #expect(try !matches("v?.md", "v10.md"))
        #expect(try !matches("a?b", "a/b"))
        #expect(try matches("v[0-9].md", "v7.md") && !matches("v[0-9].md", "vx.md"))
        #expect(try matches("[!_]*.md", "a.md") && matches("[!_]*.md", "b_.md") && !matches("[!_]*.md", "_a.md"))
        #expect(try !matches("[!a]*.md", "a.md"))
        #expect(try matches("[]x]", "]") && matches("[]x]", "x"))
        #expect(try matches("\\*.md", "*.md") && !matches("\\*.md", "a.md"))
        #expect(try matches("utkast/", "utkast"))
        #expect(try matches("Å*/ö?.md", "Åtgärder/öl.md"))
    }

    @Test func invalidPatternsSayWhatIsWrong() {
        for (pattern, message) in [
            ("", "empty ignore pattern"),
            ("/drafts", "ignore pattern '/drafts' starts with '/'"),
            ("a//b", "ignore pattern 'a//b' has an empty path segment ('//')"),
            ("a**/x", "'**' in ignore pattern 'a**/x' must be a whole path segment"),
            ("x/**b", "'**' in ignore pattern 'x/**b' must be a whole path segment"),
            ("v[0-9.md", "'[' in ignore pattern 'v[0-9.md' is never closed"),
            ("[z-a]", "range 'z-a' in ignore pattern '[z-a]' runs backwards"),
            ("x\\", "ignore pattern 'x\\' ends with a lone '\\'"),
        ] {
            #expect(throws: ContentGlob.Problem.self) { try ContentGlob(pattern) }
            do throws(ContentGlob.Problem) {
                _ = try ContentGlob(pattern)
            } catch {
                #expect(error.message == message)
            }
        }
    }
}
