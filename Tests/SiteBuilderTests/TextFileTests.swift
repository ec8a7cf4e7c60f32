import Foundation
import Testing

@testable import SiteBuilder

/// A build reads its pages as text straight into a String (`TextFile`); every file that needs
/// more than that is read as bytes, so what is wrong is still said at its line and column.
@Suite struct TextFileTests {
    func file(_ bytes: [UInt8]) throws -> String {
        let url = TestFolders.new("text").appendingPathComponent("x.md")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func validTextIsReadAsItIs() throws {
        let text = "---\ntitle: Återbruk\n---\nMöbler 😀 e\u{301}\n"
        #expect(TextFile.read(try file(Array(text.utf8))) == text)
    }

    @Test func whatNeedsTheBytesIsNotReadAsText() throws {
        // Invalid UTF-8 of each kind the String initializer repairs, one at the same length (a
        // truncated 4-byte sequence of 3 bytes becomes one U+FFFD of 3 bytes).
        for bad: [UInt8] in [[0xE5], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xFF]] {
            #expect(TextFile.read(try file(Array("a: ".utf8) + bad + Array(" b\n".utf8))) == nil, "\(bad)")
        }
        // A byte order mark, a NUL, a U+FFFD written in the file, an empty file: the bytes' way.
        #expect(TextFile.read(try file([0xEF, 0xBB, 0xBF] + Array("x\n".utf8))) == nil)
        #expect(TextFile.read(try file(Array("x\0y\n".utf8))) == nil)
        #expect(TextFile.read(try file(Array("x \u{FFFD}\n".utf8))) == nil)
        #expect(TextFile.read(try file([])) == nil)
        #expect(TextFile.read("/no/such/file.md") == nil)
    }

    @Test func aTruncatedSequenceOfRepairLengthIsReportedAtItsPlace() throws {
        var content = Fixture.basic
        content["projekt/x.md"] = "placeholder"
        let fixture = try Fixture(content: content)
        // `---`, `t: a`, then F0 9F 98 (a 4-byte sequence cut short) and `b`.
        try Data(Array("---\nt: a".utf8) + [0xF0, 0x9F, 0x98] + Array("b\n---\n".utf8)).write(
            to: fixture.root.appendingPathComponent("Content/projekt/x.md"))
        #expect(
            fixture.build().messages == [
                "Content/projekt/x.md:2:5: error: file is not valid UTF-8 text; save the file as UTF-8 in your editor"
            ])
    }

    @Test func pagesReadEitherWayBuildAlike() throws {
        var content = Fixture.basic
        // A byte order mark and a U+FFFD take the bytes' way; CR LF line ends either way.
        content["projekt/bom.md"] = "\u{FEFF}---\ntitle: Med BOM\ntags: [cirkulär]\n---\nText \u{FFFD} här.\n"
        content["projekt/crlf.md"] = "---\r\ntitle: Med CR LF\r\ntags: [cirkulär]\r\n---\r\nRad ett\r\nrad två.\r\n"
        let result = try Fixture(content: content).build()
        #expect(result.messages == [])
        let bom = try #require(result.file("projekt/bom/index.html"))
        #expect(bom.contains("Med BOM") && bom.contains("Text \u{FFFD} här."))
        let crlf = try #require(result.file("projekt/crlf/index.html"))
        #expect(crlf.contains("Med CR LF") && crlf.contains("Rad ett\nrad två.") && !crlf.contains("\r"))
    }

    @Test func aPageReadAsTextIsHandedOverOnce() throws {
        let source = SourceFile(relativePath: "x.md", displayPath: "x.md", text: TextOnce("---\ntitle: X\n---\n"))
        #expect(source.data == Data("---\ntitle: X\n---\n".utf8))
        #expect(source.text(log: DiagnosticLog()) == "---\ntitle: X\n---\n")
        // The parser has it now; the file keeps nothing of it.
        #expect(source.data.isEmpty)
    }
}
