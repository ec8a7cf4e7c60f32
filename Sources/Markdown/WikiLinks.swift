/// GitHub's (Gollum's) wiki links, as a wiki's pages have them, rewritten into Markdown before
/// the page is parsed:
///
///     [[Getting Started]]                    a link to the page Getting-Started, named so
///     [[the setup|Getting Started#setup]]    its own text, to a heading of that page
///     [[Text|https://example.org]]           a link to another site
///     [[images/logo.png|alt=The logo]]       an image (by its extension), alt text from `alt=`
///     [[_TOC_]]                              the page's contents (`ContentsMarker`)
///
/// A page's name is its file's name with hyphens for spaces (`Getting-Started.md`): the site
/// finds it wherever it is in the wiki (`links: {wiki: true}`), as GitHub does. Code spans and
/// fenced code are code.
public enum WikiLinks {
    static func mayApply(to source: [UInt8]) -> Bool {
        zip(source, source.dropFirst()).contains { $0 == 0x5B && $1 == 0x5B }
    }

    /// `source` with its wiki links rewritten; unchanged when it has none.
    static func rewrite(_ source: inout [UInt8]) {
        var lines = source.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        var fence: CodeFence? = nil
        var changed = false
        for number in lines.indices {
            let content = lines[number].drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x3E }
            if let open = fence {
                if open.isClosed(by: content) { fence = nil }
                continue
            }
            if let open = CodeFence(opening: content) {
                fence = open
                continue
            }
            if let rewritten = rewrite(line: lines[number]) {
                lines[number] = rewritten
                changed = true
            }
        }
        if changed { source = Array(lines.joined(separator: [0x0A])) }
    }

    /// The line with its wiki links as Markdown links and images, outside code spans; nil when
    /// it has none.
    public static func rewrite(line: [UInt8]) -> [UInt8]? {
        guard mayApply(to: line) else { return nil }
        var output: [UInt8] = []
        var index = 0
        var changed = false
        while index < line.count {
            if line[index] == 0x60 {
                let end = CodeSpan.end(in: line, at: index)
                output += line[index..<end]
                index = end
                continue
            }
            if line[index] == 0x5B, index + 1 < line.count, line[index + 1] == 0x5B,
                let close = closing(line, from: index + 2),
                let markdown = markdown(String(decoding: line[(index + 2)..<close], as: UTF8.self))
            {
                output += markdown.utf8
                index = close + 2
                changed = true
                continue
            }
            output.append(line[index])
            index += 1
        }
        return changed ? output : nil
    }

    /// Where the `]]` that closes a link starting at `start` is; nil when the line has none, or a
    /// `[` comes first (`[[x] y]`, which is no wiki link).
    private static func closing(_ line: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < line.count {
            if line[index] == 0x5B { return nil }
            if line[index] == 0x5D { return line[index + 1] == 0x5D && index > start ? index : nil }
            index += 1
        }
        return nil
    }

    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp"]

    /// The Markdown for a wiki link's inside (`Text|Target`); nil for an empty one.
    static func markdown(_ inside: String) -> String? {
        let parts = inside.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let first = parts.first, !first.isEmpty else { return nil }
        // Gollum's table of contents: Python-Markdown's marker lists the same headings.
        if first == "_TOC_" { return "[TOC]" }
        let (path, _) = split(first)
        if let dot = path.lastIndex(of: "."), imageExtensions.contains(path[path.index(after: dot)...].lowercased()) {
            let alt = parts.dropFirst().first { $0.hasPrefix("alt=") }.map { String($0.dropFirst(4)) } ?? ""
            return "![\(escaped(alt))](<\(first)>)"
        }
        let (text, target) = parts.count > 1 ? (first, parts[1]) : (first, first)
        guard !target.isEmpty else { return nil }
        if target.contains("://") || target.hasPrefix("mailto:") { return "[\(escaped(text))](<\(target)>)" }
        let (page, fragment) = split(target)
        // `./`: a name with a colon (`Cluster management: tips`) is no URL scheme.
        let name = (page.contains(":") ? "./" : "") + page.replacingOccurrences(of: " ", with: "-")
        return "[\(escaped(text))](<\(name)\(fragment)>)"
    }

    /// A target's page and its `#fragment`.
    private static func split(_ target: String) -> (page: String, fragment: String) {
        guard let hash = target.firstIndex(of: "#") else { return (target, "") }
        return (String(target[..<hash]), String(target[hash...]))
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }
}
