import Foundation
import PropertyBased
import Testing

@testable import SiteBuilder

/// Broken and hostile input gets a clear diagnostic or renders correctly; nothing crashes.
@Suite struct HostileInputTests {
    func build(_ changes: [String: String]) throws -> BuildResult {
        var content = Fixture.basic
        for (path, text) in changes { content[path] = text }
        return try Fixture(content: content).build()
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let result = try build(["om.md": "\u{FEFF}---\r\ntitle: Om\r\n---\r\n## Bakgrund\r\nText.\r\n"])
        #expect(result.messages == [])
        #expect(result.file("om/index.html")?.contains("<p>Text.</p>") == true)
    }

    @Test func emptyFileAndOnlyFrontMatter() throws {
        let result = try build(["projekt/tom.md": "", "projekt/bara.md": "---\ntitle: Bara\ntags: [cirkulär]\n---"])
        // An empty file is a page without front matter: only what the site requires of its section is missing.
        #expect(
            result.messages == [
                "Content/projekt/tom.md:1:1: error: missing 'tags': every page in 'projekt' needs at least one; add "
                    + "'tags: [klimatanpassad]' (known: klimatanpassad, cirkulär)"
            ])
        let ok = try build(["projekt/bara.md": "---\ntitle: Bara\ntags: [cirkulär]\n---"])
        #expect(ok.succeeded && ok.file("projekt/bara/index.html") != nil)
    }

    @Test func deepNestingAndLongLines() throws {
        let deep =
            String(repeating: "> ", count: 20_000) + "x\n\n"
            + (0..<2_000).map { String(repeating: "  ", count: $0) + "- a\n" }.joined()
            + String(repeating: "*", count: 30_000) + "x" + String(repeating: "*", count: 30_000) + "\n"
            + String(repeating: "å", count: 200_000) + "\n"
        let result = try build([
            "projekt/djup.md": "---\ntitle: Djup\ntags: [cirkulär]\n---\n" + deep,
            "projekt/yaml.md": "---\ntitle: Y\ntags: " + String(repeating: "[", count: 50_000) + "\n---\n",
        ])
        #expect(result.messages.count == 1)
        #expect(result.messages.first?.hasPrefix("Content/projekt/yaml.md:3:") == true)
    }

    @Test func yamlAliasBombInFrontMatter() throws {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            let name = Character(UnicodeScalar(97 + i)!)
            let previous = Character(UnicodeScalar(96 + i)!)
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let result = try build(["projekt/bomb.md": "---\ntitle: B\ntags: [cirkulär]\n" + yaml + "---\n"])
        #expect(result.messages.first?.contains("expands to more than") == true)
    }

    @Test func namesWithSpacesAndSwedishLetters() throws {
        let result = try build(["projekt/Åtgärder för Östersund.md": "---\ntitle: Å\ntags: [cirkulär]\n---\n"])
        #expect(result.succeeded)
        #expect(result.file("projekt/atgarder-for-ostersund/index.html") != nil)
    }

    @Test func symlinkLoopAndSpecialFiles() throws {
        let fixture = try Fixture(content: Fixture.basic)
        let content = fixture.root.appendingPathComponent("Content")
        try FileManager.default.createSymbolicLink(
            atPath: content.appendingPathComponent("projekt/loop").path, withDestinationPath: content.path)
        try FileManager.default.createSymbolicLink(
            atPath: content.appendingPathComponent("projekt/borta.md").path, withDestinationPath: "/finns/inte")
        mkfifo(content.appendingPathComponent("projekt/ror.md").path, 0o644)
        let result = fixture.build()
        #expect(
            result.messages.contains(
                "Content/projekt/loop:1:1: error: symbolic link loop: this folder is already part of the content; "
                    + "remove the link or point it outside the content folder"
            ))
        #expect(
            result.messages.contains(
                "Content/projekt/borta.md:1:1: error: broken symbolic link; remove it or fix its target"))
        #expect(
            result.messages.contains(
                "Content/projekt/ror.md:1:1: error: not a regular file; remove it from the content folder"))
    }

    static let pieces = [
        "---\n", "title: ", "tags: ", "[cirkulär]", "[", "]", "{", "}", ":", " ", "\n", "- ", "&a ", "*a", "\"", "'",
        "å", "#", "<script>", "javascript:x", "](", ")", "<", "\u{0}", "\t", "\r", "2024-13-40", "true", "no", "~", "|",
        ">",
    ]
    static let page = Gen.element(of: pieces).map { $0 ?? "" }.array(of: 0...60).map { $0.joined() }
    /// A page that starts like a valid one, so that most runs get to render a hostile body.
    static let validStart = "---\ntitle: Slump\ntags: [cirkulär]\n---\n"

    /// The HTML files of a build that carry a script element or a script URL. The fixture theme
    /// writes neither and raw HTML is off, so any there came from the page's text unescaped.
    static func scriptsIn(_ result: BuildResult) -> [String] {
        result.files.filter { $0.path.hasSuffix(".html") }.compactMap { file in
            let html = String(decoding: file.data, as: UTF8.self).lowercased()
            return html.contains("<script") || html.contains("href=\"javascript:") || html.contains("src=\"javascript:")
                ? file.path : nil
        }
    }

    @Test func randomPagesNeverCrashTheBuild() async throws {
        let fixture = try Fixture(content: Fixture.basic)
        let path = fixture.root.appendingPathComponent("Content/projekt/slump.md")
        let input = zip(Gen.bool, Self.page).map { (pair: (Bool, String)) in pair.0 ? Self.validStart + pair.1 : pair.1
        }
        await propertyCheck(count: 80, input: input) { text in
            try? Data(text.utf8).write(to: path)
            let result = fixture.build()
            // Either a site with the page in it, or diagnostics that say where: never a silent failure.
            if result.succeeded {
                #expect(result.file("projekt/slump/index.html") != nil, "\(text.debugDescription)")
            } else {
                #expect(result.diagnostics.contains { $0.severity == .error && !$0.file.isEmpty && $0.line >= 1 })
            }
            #expect(Self.scriptsIn(result) == [], "\(text.debugDescription)")
        }
    }

    /// The check above can fail: a script in a body is dropped, a script link loses its URL, and
    /// with raw HTML allowed (the site's choice) the same script is written as it is.
    @Test func scriptsInABodyAreDroppedUnlessTheSiteAllowsRawHTML() throws {
        let page = Self.validStart + "<script>alert(1)</script>\n\nText [x](javascript:alert(1)) och <script>.\n"
        let safe = try build(["projekt/slump.md": page])
        #expect(safe.succeeded, "\(safe.messages)")
        #expect(Self.scriptsIn(safe) == [])
        #expect(safe.file("projekt/slump/index.html")?.contains("<a href=\"\">x</a>") == true)
        let unsafe = try build([
            "projekt/slump.md": page,
            "site.yaml": Fixture.siteYAML + "\nmarkdown:\n  unsafeHTML: true\n",
        ])
        #expect(unsafe.file("projekt/slump/index.html")?.contains("<script>alert(1)</script>") == true)
        #expect(Self.scriptsIn(unsafe) == ["projekt/slump/index.html"])
    }

    @Test func frontMatterSplitterKeepsEveryLine() async {
        await propertyCheck(count: 400, input: Self.page) { text in
            let split = FrontMatterSplitter.split(text)
            if let yaml = split.yaml {
                // Lines by LF bytes, as the splitter counts them ("\r\n" is one Character, so
                // splitting Characters would not see its line break).
                let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
                // A file that ends on its closing fence, without a line break, has no body line.
                let bodyLines =
                    split.body.isEmpty && text.utf8.last != 0x0A
                    ? 0 : split.body.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).count
                #expect(lines.count == split.bodyLineOffset + bodyLines)
                // Blank lines above the opening fence are passed over (as Hugo and Zola do).
                let above = lines.prefix(split.yamlLineOffset - 1)
                #expect(above.allSatisfy { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } })
                let rest = String(
                    decoding: Array(lines.dropFirst(split.yamlLineOffset - 1).joined(separator: [0x0A])), as: UTF8.self)
                #expect(rest.hasPrefix("---\n" + yaml) || rest.hasPrefix("--- \n") || rest.hasPrefix("---\t"))
            } else if !split.unterminated {
                #expect(split.body == text)
            }
        }
    }
}
