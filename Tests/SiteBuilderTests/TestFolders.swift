import Foundation

/// Where this test process writes its folders: one folder under the temporary directory, removed
/// when the process exits, so that no test leaves its files behind (a fixture is a value copied
/// from test to test, so no one copy can tell when the folder is no longer used).
enum TestFolders {
    static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kretslopp-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestFolders.root) }
        return root
    }()

    /// A new folder's URL (not yet made) named after `prefix`.
    static func new(_ prefix: String) -> URL {
        root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }
}
