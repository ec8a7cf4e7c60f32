/// One file of the built index, to be written at `path` under the site root.
public struct SearchIndexFile: Sendable, Equatable {
    /// Path relative to the site root, `assets/search/meta.js`.
    public var path: String
    /// The file's bytes (UTF-8 JavaScript).
    public var data: [UInt8]

    public init(path: String, data: [UInt8]) {
        self.path = path
        self.data = data
    }
}
