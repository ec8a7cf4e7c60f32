import Foundation
import Testing

@testable import SiteBuilder

@Suite struct OutputTests {
    func tree(_ url: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: url.path)!
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: url.appendingPathComponent(path)) }
        }
        return files
    }

    @Test func failedBuildLeavesPreviousOutputUntouched() throws {
        let fixture = try Fixture(content: Fixture.basic)
        let (first, error) = fixture.buildToDisk()
        #expect(first.succeeded && error == nil)
        let before = try tree(fixture.output)
        #expect(before["projekt/cirkulara-goteborg/index.html"] != nil)

        try Fixture.write(
            "---\ntitle: Trasig\ntags: [okänd]\n---\n",
            to: fixture.root.appendingPathComponent("Content/projekt/trasig.md"))
        let (second, _) = fixture.buildToDisk()
        #expect(!second.succeeded)
        #expect(try tree(fixture.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).filter {
            $0.contains("staging")
        }
        #expect(leftovers.isEmpty)
    }

    /// Pages are written while the build goes on; an error found after that (a static file with
    /// a page's path) still leaves the previous output as it was and no staging folder behind.
    @Test func errorFoundAfterPagesWereWrittenLeavesOutputUntouched() throws {
        let fixture = try Fixture(content: Fixture.basic)
        fixture.buildToDisk()
        let before = try tree(fixture.output)
        try Fixture.write(
            "<p>kopia</p>",
            to: fixture.root.appendingPathComponent("Content/static/projekt/cirkulara-goteborg/index.html"))
        let (result, error) = fixture.buildToDisk()
        #expect(error == nil)
        #expect(
            result.messages.contains {
                $0.contains("two sources write the output file projekt/cirkulara-goteborg/index.html")
            }, "\(result.messages)")
        #expect(try tree(fixture.output) == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).filter { $0.contains("staging") }
                .isEmpty)
    }

    /// What a build writes to disk, pages handed over in batches from each thread while it runs,
    /// is exactly what the same build holds in memory (more pages than a batch and than the
    /// threshold for per-thread templates).
    @Test func diskHoldsWhatTheBuildRendered() throws {
        var content = Fixture.basic
        for i in 0..<150 {
            content["projekt/p\(i).md"] = "---\ntitle: Projekt \(i)\ntags: [cirkulär]\n---\nText \(i).\n"
        }
        let fixture = try Fixture(content: content)
        let (written, error) = fixture.buildToDisk()
        #expect(error == nil && written.succeeded)
        #expect(written.streamedFileCount > 150 && written.fileCount == written.streamedFileCount + written.files.count)
        let inMemory = fixture.build()
        var expected = Dictionary(uniqueKeysWithValues: inMemory.files.map { ($0.path, $0.data) })
        expected[WriteOutput.marker] = Data()
        #expect(try tree(fixture.output) == expected)
        #expect(written.fileCount == inMemory.files.count)
    }

    /// A build to disk lets the pages' Markdown go once their bodies are rendered: the report
    /// (which renders its pages and finds its glossary again) and search (which counts what a
    /// related-pages list says about each page) still get what a build in memory gets.
    @Test func diskHoldsTheReportAndSearchOfABuildThatKeepsTheMarkdown() throws {
        var content = SearchDocumentsTests.content
        content["site.yaml"]! += "\nreport:\n  title: Rapport\n  sections: [projekt]\n  glossary: ordlista\n"
        content["projekt/moblerna.md"]! +=
            "\n\n- [Börja här](../guide/borja.md) – om kemikalieregler.\n\nSe [ordlistan](../ordlista.md).\n"
        let fixture = try Fixture(content: content)
        let (written, error) = fixture.buildToDisk { $0.theme = SiteLanguageTests.defaultTheme }
        #expect(error == nil && written.succeeded)
        let inMemory = fixture.build { $0.theme = SiteLanguageTests.defaultTheme }
        let report = try #require(inMemory.file("rapport/index.html"))
        #expect(report.contains("Stolarna lagades.") && report.contains("href=\"#ordlista\""))
        #expect(report.contains("Lagen som styr hur myndigheter köper in."))
        var expected = Dictionary(uniqueKeysWithValues: inMemory.files.map { ($0.path, $0.data) })
        expected[WriteOutput.marker] = Data()
        #expect(try tree(fixture.output) == expected)
    }

    @Test func aPageThatCannotBeWrittenIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kretslopp-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stream = try PageStream(into: folder.path)
        stream.write([
            OutputFile(path: "a", data: Data("fil".utf8)), OutputFile(path: "b/index.html", data: Data("ok".utf8)),
        ])
        stream.write([
            OutputFile(path: "a/index.html", data: Data("går inte".utf8)),
            OutputFile(path: "c/index.html", data: Data()),
        ])
        // The writing thread fails on a/index.html, or leaves it to the caller when it has not got
        // that far (then the caller's write fails on it).
        var failed = false
        do {
            let rest = try stream.finish()
            #expect(rest.map(\.path).contains("a/index.html"))
            #expect(throws: FileSystemError.self) { try FileTreeWriter.write(rest, into: folder.path) }
        } catch is FileSystemError {
            failed = true
        }
        #expect(stream.paths == ["a", "b/index.html", "a/index.html", "c/index.html"])
        if failed {
            #expect(try String(contentsOf: folder.appendingPathComponent("b/index.html"), encoding: .utf8) == "ok")
        }
    }

    @Test func successfulBuildReplacesOutputWhole() throws {
        var content = Fixture.basic
        content["projekt/borttagen.md"] = "---\ntitle: Borttagen\ntags: [cirkulär]\n---\n"
        let fixture = try Fixture(content: content)
        fixture.buildToDisk()
        #expect(try tree(fixture.output)["projekt/borttagen/index.html"] != nil)
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Content/projekt/borttagen.md"))
        try Fixture.write(
            "---\ntitle: Om\n---\n## Bakgrund\nNy text.\n", to: fixture.root.appendingPathComponent("Content/om.md"))
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Content/_index.md"))
        let (result, error) = fixture.buildToDisk()
        #expect(result.succeeded && error == nil)
        let files = try tree(fixture.output)
        #expect(files["projekt/borttagen/index.html"] == nil)
        #expect(String(decoding: files["index.html"]!, as: UTF8.self).contains("HOME"))
        #expect(String(decoding: files["om/index.html"]!, as: UTF8.self).contains("<p>Ny text.</p>"))
    }

    @Test func refusesToReplaceAFolderOfOtherFiles() throws {
        let fixture = try Fixture(content: Fixture.basic)
        try Fixture.write("mina anteckningar", to: fixture.output.appendingPathComponent("anteckningar.txt"))
        let (_, error) = fixture.buildToDisk()
        #expect(error?.message.contains("refusing to replace it") == true)
        #expect(try tree(fixture.output).keys.sorted() == ["anteckningar.txt"])
    }

    @Test func twoBuildsAreByteIdentical() throws {
        var content = Fixture.basic
        for i in 0..<40 {
            content["projekt/p\(i).md"] =
                "---\ntitle: Projekt \(i)\ntags: [\(i % 2 == 0 ? "cirkulär" : "klimatanpassad")]\norganisationer: "
                + "[abb, ivl]\n---\n## Del \(i)\nText.\n"
        }
        let fixture = try Fixture(content: content)
        fixture.buildToDisk()
        let first = try tree(fixture.output)
        fixture.buildToDisk()
        #expect(try tree(fixture.output) == first)
        #expect(first.count > 50)
    }
}

@Suite struct SiteURLTests {
    @Test(arguments: [
        ("/projekt/x/", "/om/", LinkStyle.pretty, "../../om/"),
        ("/projekt/x/", "/projekt/y/", .pretty, "../../projekt/y/"),
        ("/projekt/x/", "/", .pretty, "../../"),
        ("/", "/", .pretty, "./"),
        ("/", "/", .files, "index.html"),
        ("/projekt/x/", "/", .files, "../../index.html"),
        ("/om/", "/assets/style.css", .files, "../assets/style.css"),
        ("/om/", "/om/#a", .pretty, "../om/#a"),
        ("/404.html", "/om/", .pretty, "om/"),
    ])
    func relativeLinks(from: String, to: String, style: LinkStyle, expected: String) {
        #expect(SiteURL(from: from, style: style).to(to) == expected)
    }

    @Test func frontMatterSplitting() {
        #expect(FrontMatterSplitter.split("---\na: 1\n---\nText").yaml == "a: 1")
        #expect(FrontMatterSplitter.split("---\na: 1\n---\nText").bodyLineOffset == 3)
        #expect(FrontMatterSplitter.split("Text").yaml == nil)
        #expect(FrontMatterSplitter.split("---\na: 1\n").unterminated)
    }
}
