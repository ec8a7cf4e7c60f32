import Foundation
import Testing
import ZIPFoundation

@testable import OfflineBundle
@testable import SiteBuilder

@Suite struct OfflineBundleTests {
    func files() -> [OutputFile] {
        [
            OutputFile(path: "index.html", data: Data("<a href=\"projekt/x/index.html\">x</a>".utf8)),
            OutputFile(path: "projekt/x/index.html", data: Data("<a href=\"../../index.html\">start</a>".utf8)),
            OutputFile(path: "assets/style.css", data: Data("body{}".utf8)),
            OutputFile(path: ".kretslopp-output", data: Data()),
        ]
    }

    @Test func zipIsDeterministicSortedAndInOneFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.zip")
        let b = dir.appendingPathComponent("b.zip")
        let date = try #require(OfflineBundle.date("2026-11-29"))
        try OfflineBundle.zip(files(), folder: "site", date: date, to: a)
        try OfflineBundle.zip(files().reversed(), folder: "site", date: date, to: b)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))

        let archive = try Archive(url: a, accessMode: .read)
        let paths = archive.map(\.path)
        #expect(
            paths == [
                "site/", "site/assets/", "site/assets/style.css", "site/index.html", "site/projekt/", "site/projekt/x/",
                "site/projekt/x/index.html",
            ])
        #expect(archive.allSatisfy { $0.fileAttributes[.modificationDate] as? Date == date })
    }

    /// The bilingual fixture's bundle carries both languages, each with its own search index,
    /// linked with relative file links (so it works from file://).
    @Test func bundleOfABilingualSiteCarriesBothLanguages() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let options = BuildOptions(
            content: repository.appendingPathComponent("Tests/browser/bilingual/Content").path,
            theme: repository.appendingPathComponent("Themes/default").path)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (result, zip) = try OfflineBundle.write(options, to: dir.appendingPathComponent("site.zip"))
        #expect(result.succeeded)
        let archive = try Archive(url: zip, accessMode: .read)
        let paths = Set(archive.map(\.path))
        for path in [
            "site/index.html", "site/en/index.html", "site/en/projects/kriterier/index.html",
            "site/en/assets/search/meta.js", "site/assets/search/meta.js", "site/en/rapport/index.html",
        ] {
            #expect(paths.contains(path), "\(path)")
        }
        let page = try #require(archive["site/en/projects/kriterier/index.html"])
        var html = Data()
        _ = try archive.extract(page) { html.append($0) }
        let text = String(decoding: html, as: UTF8.self)
        #expect(text.contains("href=\"../../../projekt/kriterier/index.html\" hreflang=\"sv\""))
        #expect(text.contains("src=\"../../../en/assets/search/engine.js\""))
    }

    @Test func defaultNameUsesSiteAndContentDate() {
        #expect(
            OfflineBundle.defaultName(siteTitle: "Klimatanpassad och cirkulär upphandling", contentDate: "2026-11-29")
                == "kretslopp-klimatanpassad-och-cirkular-upphandling-2026-11-29.zip")
    }
}
