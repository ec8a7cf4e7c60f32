import Foundation
import Markdown

/// What of the content folder is content and which page is the front page: site.yaml's
/// `ignore:`, `include:`, `static:` and `home:`.
extension LoadSiteConfig {
    /// `static: public`: the folder below the content folder copied as it is to the site's root
    /// (`static` when not given); anything but one such folder is an error at its value.
    func staticFolder(_ map: DataValue, _ read: FieldReader) -> String {
        guard let written = read.string(map, "static"), let position = map["static"]?.position else { return "static" }
        var folder = written[...]
        while folder.hasPrefix("./") { folder = folder.dropFirst(2) }
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        let parts = folder.split(separator: "/", omittingEmptySubsequences: false)
        guard !folder.isEmpty, !folder.hasPrefix("/"), !parts.contains(".."), !parts.contains(""), folder != "data"
        else {
            log.error(
                read.file, position, "static: '\(written)' is not a folder below the content folder",
                hint:
                    "name the folder whose files are copied to the site's root, relative to site.yaml: 'static: public'"
            )
            return "static"
        }
        return String(folder)
    }

    /// `ignore:` globs; each invalid one is an error at its place in site.yaml.
    func ignorePatterns(_ map: DataValue, _ read: FieldReader) -> [ContentGlob] {
        (read.strings(map, "ignore") ?? []).compactMap { (pattern, position) -> ContentGlob? in
            do throws(ContentGlob.Problem) {
                return try ContentGlob(pattern)
            } catch {
                log.error(read.file, position, error.message, hint: error.hint)
                return nil
            }
        }
    }

    /// `home: welcome.md`: a Markdown file below the content folder, there (an error otherwise);
    /// with `mdx`, an `.mdx` file too, named as the page it is (`intro.mdx` is `intro.md`).
    func home(_ map: DataValue, _ read: FieldReader, mdx: Bool = false) -> (path: String, position: SourcePosition)? {
        guard let written = read.string(map, "home"), let position = map["home"]?.position else { return nil }
        var path = written[...]
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard SourceFile.pageExtension(of: String(path), mdx: mdx) != nil, !path.hasPrefix("/"), !parts.contains(".."),
            !parts.contains("")
        else {
            log.error(
                read.file, position, "home: '\(written)' is not a Markdown file below the content folder",
                hint: "name the page that is the front page, relative to site.yaml's folder: 'home: welcome.md'")
            return nil
        }
        guard FileManager.default.fileExists(atPath: root.path + "/" + path) else {
            log.error(
                read.file, position, "home: '\(written)' does not exist",
                hint:
                    "correct the path, relative to site.yaml's folder, or remove home: to make README.md the front page"
            )
            return nil
        }
        return (SourceFile.pagePath(String(path), mdx: mdx), position)
    }

    /// `include:` paths, as paths below the content folder; a pattern or a path leaving the
    /// folder is an error at its place in site.yaml.
    func includedPaths(_ map: DataValue, _ read: FieldReader) -> [String] {
        (read.strings(map, "include") ?? []).compactMap { (written, position) -> String? in
            var path = written[...]
            while path.hasPrefix("./") { path = path.dropFirst(2) }
            while path.hasSuffix("/") { path = path.dropLast() }
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if path.isEmpty || path.hasPrefix("/") || parts.contains("..") || parts.contains("") {
                log.error(
                    read.file, position, "include: '\(written)' is not a path below the content folder",
                    hint: "name a file or folder relative to site.yaml's folder, such as '.gitbook/assets'")
                return nil
            }
            if path.contains(where: { "*?[".contains($0) }) {
                log.error(
                    read.file, position, "include: '\(written)' is a pattern; include: takes paths",
                    hint: "name the folder ('.gitbook/assets'): all below it is content")
                return nil
            }
            if !FileManager.default.fileExists(atPath: root.path + "/" + path) {
                log.warning(
                    read.file, position, "include: '\(written)' names nothing in the content folder",
                    hint: "correct the path, relative to site.yaml's folder, or remove it")
            }
            return String(path)
        }
    }
}
