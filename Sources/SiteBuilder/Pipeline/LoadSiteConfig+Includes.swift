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

extension LoadSiteConfig {
    /// `markdown: {kramdown: true}`, or `{kramdown: {tocLevels: 2..3}}` with the heading levels of
    /// kramdown's `{:toc}` as Jekyll's `kramdown: {toc_levels:}` writes them (`2..3`, `1,2,3`, a
    /// list); nil when kramdown's blocks are not read.
    func kramdown(_ markdown: DataValue, _ read: FieldReader) -> Set<Int>? {
        guard let value = markdown["kramdown"], !value.isNull else { return nil }
        guard case .map = value.kind else { return read.bool(markdown, "kramdown") == true ? Set(1...6) : nil }
        guard let levels = value["tocLevels"] else { return Set(1...6) }
        if let parsed = Self.headingLevels(levels) { return parsed }
        log.error(
            read.file, levels.position, "tocLevels must name heading levels from 1 to 6",
            hint: "write a range such as 2..3, levels such as 1,2,3, or a list [2, 3]")
        return Set(1...6)
    }

    /// `markdown: {liquid: true}`, or `{liquid: {site: {repository: https://…}}}` with the values
    /// `{{ site.repository }}` stands for (a nested mapping's keys joined by dots: `github.owner`).
    func liquid(_ markdown: DataValue, _ read: FieldReader) -> (Bool, [String: String]) {
        guard let value = markdown["liquid"], !value.isNull else { return (false, [:]) }
        guard case .map = value.kind else { return (read.bool(markdown, "liquid") == true, [:]) }
        var site: [String: String] = [:]
        func add(_ value: DataValue, _ name: String) {
            if let pairs = value.pairs {
                for (key, inner) in pairs { add(inner, name.isEmpty ? key : name + "." + key) }
            } else if let text = value.text, !name.isEmpty {
                site[name] = text
            } else {
                log.error(
                    read.file, value.position, "liquid's site value '\(name)' must be text, not \(value.typeName)",
                    hint: "write what {{ site.\(name) }} stands for: 'site: {repository: https://github.com/x/y}'")
            }
        }
        if let values = value["site"] { add(values, "") }
        return (true, site)
    }

    /// `2..3`, `1,2,3` or `[2, 3]` as heading levels; nil for anything else.
    static func headingLevels(_ value: DataValue) -> Set<Int>? {
        let written = value.list?.compactMap(\.text) ?? value.text.map { [$0] } ?? []
        var levels = Set<Int>()
        for part in written.flatMap({ $0.split(separator: ",") }) {
            let bounds = part.components(separatedBy: "..").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard bounds.count <= 2, let low = bounds.first ?? nil, let high = bounds.last ?? nil, low <= high,
                (1...6).contains(low), (1...6).contains(high)
            else { return nil }
            levels.formUnion(low...high)
        }
        return levels.isEmpty ? nil : levels
    }
}
