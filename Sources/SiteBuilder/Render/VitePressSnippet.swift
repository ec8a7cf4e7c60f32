/// VitePress' code snippet import, a line of its own (`markdown: {vue: true}` with includes):
///
///     <<< @/snippets/snippet.js                        the file as a code block (its language
///     <<< ./snippets/output.ansi                       from its name; ANSI colours left out)
///     <<< @/snippets/region.js#snippet{1,2 ts} [Title] the lines of `// #region snippet`, its
///                                                      language `ts`, titled `Title`
///
/// `@/` is the content folder; the lines to highlight in `{…}` are not shown (as elsewhere).
struct VitePressSnippet {
    /// The file to read, as an include reads it.
    let directive: Directive
    /// The `#region` to take, when one is named.
    let region: String?
    /// The code block's language and title.
    let language: String
    let title: String?

    /// The snippet line starting at `start` (the start of a line); nil for anything else.
    init?(_ bytes: [UInt8], at start: Int) {
        guard bytes[start...].starts(with: "<<< ".utf8) else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        var rest = Substring(String(decoding: bytes[(start + 4)..<end], as: UTF8.self))
            .trimmingCharacters(in: .whitespaces)[...]
        var title: String? = nil
        if rest.hasSuffix("]"), let open = rest.lastIndex(of: "[") {
            title = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
            rest = rest[..<open]
            while rest.last == " " { rest.removeLast() }
        }
        var options = ""
        if rest.hasSuffix("}"), let open = rest.lastIndex(of: "{") {
            options = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
            rest = rest[..<open]
        }
        var region: String? = nil
        if let hash = rest.firstIndex(of: "#") {
            region = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        let path = rest.trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty, !path.contains(" ") else { return nil }
        // `{1,2 ts:line-numbers}`: the lines to highlight, then a language.
        let named = options.split(separator: " ").dropFirst().first.map {
            String($0.prefix { $0 != ":" })
        }
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let ending = fileName.contains(".") ? String(fileName.split(separator: ".").last!) : ""
        language = named ?? (options.first?.isNumber == false ? String(options.prefix { $0 != ":" }) : nil) ?? ending
        self.title = title
        self.region = region.flatMap { $0.isEmpty ? nil : $0 }
        var bytes = Array("<!--@include: \(path.hasPrefix("@/") || path.hasPrefix(".") ? path : "./" + path)-->".utf8)
        bytes.append(0x0A)
        guard var directive = Directive(vitePressInclude: bytes, at: 0) else { return nil }
        directive.end = end
        self.directive = directive
    }

    /// `text`, the file's, as the fenced code block the snippet stands for; nil when the region
    /// is not in it.
    func code(_ text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if let region {
            guard let open = lines.firstIndex(where: { Self.marks($0, "#region", region) }) else { return nil }
            let close = lines[(open + 1)...].firstIndex { Self.marks($0, "#endregion", region) } ?? lines.count
            lines = Array(lines[(open + 1)..<close])
        }
        var code = lines.joined(separator: "\n")
        if language == "ansi" { code = code.replacing(/\u{1B}\[[0-9;]*[A-Za-z]/, with: "") }
        var fence = "```"
        while code.contains(fence) { fence += "`" }
        let info = (language == "ansi" ? "text" : language) + (title.map { " [\($0)]" } ?? "")
        return fence + info + "\n" + code + "\n" + fence
    }

    /// Whether `line` is a region's marker (`// #region snippet`, `<!-- #endregion snippet -->`).
    private static func marks(_ line: String, _ marker: String, _ name: String) -> Bool {
        guard let found = line.range(of: marker) else { return false }
        let after = line[found.upperBound...].trimmingCharacters(in: .whitespaces)
        return after == name || after.hasPrefix(name + " ") || after == name + " -->" || after.hasPrefix(name + "*/")
    }
}
