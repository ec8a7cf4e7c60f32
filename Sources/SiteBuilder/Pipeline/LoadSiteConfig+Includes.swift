import Foundation
import Markdown

extension LoadSiteConfig {
    /// `markdown: {includes: <folder>}`: the folder below which mdBook's includes may read files,
    /// relative to the content folder (`.` for it, `..` for a book's folder); it must exist.
    func includes(_ markdown: DataValue, _ read: FieldReader) -> IncludeSettings? {
        guard let written = read.string(markdown, "includes") else { return nil }
        // Absolute first: `src/..` standardized as a relative URL is `/`.
        let content = root.absoluteURL.standardized.resolvingSymlinksInPath()
        let folder = content.appendingPathComponent(written).standardized.resolvingSymlinksInPath()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            log.error(
                read.file, markdown["includes"]!.position, "markdown includes: '\(written)' is not a folder",
                hint: "name the folder, relative to the content folder, that files may be included from: "
                    + "'.' for the content folder, '..' for the folder around it")
            return nil
        }
        return IncludeSettings(
            root: folder, content: content,
            written: "markdown: {includes: \(written)}")
    }
}
