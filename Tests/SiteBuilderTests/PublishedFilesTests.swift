import Testing

@testable import SiteBuilder

/// A swap of the preview's files, worked out before the session's lock is taken, applies as
/// worked out only when nothing was published since; else it is worked out again.
@Suite struct PublishedFilesTests {
    func file(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, bytes: Array(text.utf8))
    }

    func published(_ files: [String: String]) -> PublishedFiles {
        var published = PublishedFiles()
        _ = published.apply(published.replacement(by: files.map { file($0.key, $0.value) }))
        return published
    }

    func texts(_ published: PublishedFiles) -> [String: String] {
        published.files.mapValues { String(decoding: $0.bytes, as: UTF8.self) }
    }

    @Test func aReplacementChangesWhatDiffersByteForByte() {
        var site = published(["a/index.html": "a", "b/index.html": "b", "gone/index.html": "g"])
        let swap = site.replacement(by: [file("a/index.html", "a"), file("b/index.html", "B"), file("new.js", "n")])
        #expect(swap.changed == ["b/index.html", "gone/index.html", "new.js"])
        let swapped = site.apply(swap)
        #expect(swapped.changed == ["b/index.html", "gone/index.html", "new.js"])
        #expect(swapped.before.count == 3)
        #expect(texts(site) == ["a/index.html": "a", "b/index.html": "B", "new.js": "n"])
    }

    /// A page rendered on request between working out and applying (`file(_:)` publishes it):
    /// the changes are worked out again, against the files as they are then.
    @Test func aChangeInBetweenIsTakenIntoAccount() {
        var site = published(["a/index.html": "a", "b/index.html": "b"])
        let swap = site.replacement(by: [file("a/index.html", "A"), file("b/index.html", "B")])
        #expect(swap.changed == ["a/index.html", "b/index.html"])
        site["a/index.html"] = file("a/index.html", "A")
        #expect(site.apply(swap).changed == ["b/index.html"])
        #expect(texts(site) == ["a/index.html": "A", "b/index.html": "B"])
    }

    /// A re-index replaces the index files and removes those the new index has no more of;
    /// pages stay.
    @Test func anUpdateDropsOnlyWhatItOwns() {
        let isIndex: @Sendable (String) -> Bool = { $0.hasPrefix("assets/search/") }
        var site = published([
            "a/index.html": "a", "assets/search/t/1.js": "1", "assets/search/t/2.js": "2",
        ])
        let swap = site.update([file("assets/search/t/1.js", "one")], dropping: isIndex)
        #expect(swap.changed == ["assets/search/t/1.js", "assets/search/t/2.js"])
        site["assets/search/t/2.js"] = nil
        #expect(site.apply(swap).changed == ["assets/search/t/1.js"])
        #expect(texts(site) == ["a/index.html": "a", "assets/search/t/1.js": "one"])
    }
}
