import Testing

@testable import SiteBuilder

/// The paths in the commands Kretslopp tells its users to run can be pasted into a shell.
@Suite struct ShellWordTests {
    @Test func plainPathsStayAndOthersAreQuoted() {
        #expect(ShellWord.quoted("docs") == "docs")
        #expect(ShellWord.quoted("book/src") == "book/src")
        #expect(ShellWord.quoted("./Innehåll/v2.1") == "./Innehåll/v2.1")
        #expect(ShellWord.quoted("My docs") == "\"My docs\"")
        #expect(ShellWord.quoted("a\"b$c`d\\e") == "\"a\\\"b\\$c\\`d\\\\e\"")
        #expect(ShellWord.quoted("it's") == "\"it's\"")
        #expect(ShellWord.quoted("*.md") == "\"*.md\"")
        #expect(ShellWord.quoted("") == "\"\"")
    }
}
