import Foundation

/// Where a path the file watcher names stands in a folder of the site (content or theme), both
/// with `.`, `..` and symbolic links resolved.
enum FolderPath {
    /// `path` relative to the folder `root` (`projekt/x.md`; empty for the folder itself), or nil
    /// when it is outside.
    static func relative(_ path: String, to root: URL) -> String? {
        let prefix = root.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let full = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        if full + "/" == prefix { return "" }
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : nil
    }
}
