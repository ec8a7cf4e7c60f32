import Foundation
import Testing

@testable import Search

/// Measures the index build on a generated corpus, when `KRETSLOPP_SEARCH_BENCH` names its
/// content folder (`python3 gen_corpus.py --pages 10000 --seed 1 --out /tmp/corpus10k` ->
/// `/tmp/corpus10k/content`); without it, one quiet round on the fixture documents, so the
/// benchmark's code runs on every test run. Numbers mean something in release builds only
/// (`swift test -c release --filter benchmarkIndexBuild`). With `KRETSLOPP_SEARCH_BENCH_OUT` it
/// also writes the index, the engine and two pages there, to search it in a browser.
@Suite struct BenchmarkTests {
    static let corpus = ProcessInfo.processInfo.environment["KRETSLOPP_SEARCH_BENCH"]

    @Test func benchmarkIndexBuild() throws {
        let documents =
            try Self.corpus.map {
                try SiteFiles.markdownDocuments(in: URL(fileURLWithPath: $0)) { "/projekt/\($0)/" }
            } ?? FixtureDocuments.all
        let clock = ContinuousClock()
        var files: [SearchIndexFile] = []
        var times: [Duration] = []
        for _ in 0..<(Self.corpus == nil ? 1 : 3) {
            times.append(
                clock.measure {
                    files = SearchIndexBuilder.build(documents, options: SearchIndexOptions(language: "sv"))
                })
        }
        let shards = files.filter { $0.path.hasPrefix("assets/search/t/") }.map(\.data.count).sorted()
        let documentFiles = files.filter { $0.path.hasPrefix("assets/search/d/") }.map(\.data.count)
        #expect(files.first?.path == "assets/search/meta.js" && !shards.isEmpty)
        #expect(
            documentFiles.count == (documents.count + IndexLayout.documentsPerFile - 1) / IndexLayout.documentsPerFile)
        guard Self.corpus != nil else { return }
        print(
            """
            search index of \(documents.count) documents (\(documents.reduce(0) { $0 + $1.body.utf8.count }) body bytes)
              build: \(times.map { $0.formatted(.units(allowed: [.seconds, .milliseconds])) }.joined(separator: ", "))
              files: \(files.count), \(files.reduce(0) { $0 + $1.data.count }) bytes
              meta.js: \(files[0].data.count) bytes
              term shards: \(shards.count), \(shards.reduce(0, +)) bytes, median \
            \(shards.isEmpty ? 0 : shards[shards.count / 2]), largest \(shards.last ?? 0)
              document files: \(documentFiles.count), \(documentFiles.reduce(0, +)) bytes
            """)
        if let output = ProcessInfo.processInfo.environment["KRETSLOPP_SEARCH_BENCH_OUT"] {
            try SiteFiles.write(
                files,
                pages: [
                    "index.html": SiteFiles.page(title: "Start", root: ""),
                    "projekt/sok/index.html": SiteFiles.page(title: "Sök", root: "../../"),
                ],
                to: URL(fileURLWithPath: output))
        }
    }
}
