import Foundation

@testable import SiteBuilder

/// A new empty folder for one test (in `TestFolders`), removed with this object.
final class ScratchFolder {
    let url: URL

    init(_ prefix: String) throws {
        url = TestFolders.new(prefix)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A file to write, with `text` as its bytes.
    static func file(_ path: String, _ text: String) -> OutputFile { OutputFile(path: path, data: Data(text.utf8)) }
}
