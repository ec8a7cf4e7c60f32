import CCmark

/// A code fence's info string as MkDocs trees write it: `{ .sh .no-copy }` (an attribute list,
/// pymdownx's superfences) or `title="main.py" linenums="1"` (options first). libcmark takes the
/// first word for the language (`language-{`, `language-title="main.py"`); the language is the
/// list's first class, and options alone name none. A `title` is shown above the code, as
/// Material for MkDocs shows it; VitePress writes it as a label, `js [vite.config.js]`, and
/// lines to highlight after the language, `js{4}` (its language is `js`); rustdoc and mdBook
/// write attributes after a comma, `rust,ignore` (its language is `rust`).
enum CodeInfo {
    /// The info string to give the fence instead of `info` (nil when it is fine as written), and
    /// the title it asks for.
    static func read(_ info: String) -> (cleaned: String?, title: String?) {
        let trimmed = info.drop { $0 == " " || $0 == "\t" }
        var title = option("title", in: trimmed)
        if trimmed.hasPrefix("{") {
            let inside = trimmed.dropFirst().prefix { $0 != "}" }
            let classes = inside.split(whereSeparator: { $0 == " " || $0 == "\t" }).filter { $0.hasPrefix(".") }
            return (classes.first.map { String($0.dropFirst()) } ?? "", title)
        }
        let first = trimmed.prefix { $0 != " " && $0 != "\t" }
        let rest = trimmed.dropFirst(first.count).drop { $0 == " " || $0 == "\t" }
        if title == nil, rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            let label = rest[rest.index(after: rest.startIndex)..<close]
            if !label.isEmpty { title = String(label) }
        }
        if let brace = first.firstIndex(of: "{"), brace != first.startIndex { return (String(first[..<brace]), title) }
        // rustdoc's and mdBook's attributes after a comma (`rust,ignore`): no language has one.
        if let comma = first.firstIndex(of: ","), comma != first.startIndex { return (String(first[..<comma]), title) }
        return (first.contains("=") ? "" : nil, title)
    }

    /// The lines an info string asks to highlight, numbered from 1, in each generator's way:
    /// `hl_lines=` with its value quoted (Material for MkDocs, Hugo: `"1 3-5"`), as a list (Hugo:
    /// `[2,"4-5"]`) or bare up to the next comma (Zola: `rust,hl_lines=1 3-5`); otherwise braces
    /// holding only numbers and ranges (VitePress: `js{1,4-6}`, Docusaurus: `js {1,4-6}`).
    static func highlightedLines(_ info: Substring) -> [ClosedRange<Int>] {
        guard info.contains("{") || info.contains("hl_lines=") else { return [] }
        if let value = hlLinesValue(in: info) { return lineRanges(in: value) }
        var rest = info
        while let open = rest.firstIndex(of: "{") {
            let inside = rest[rest.index(after: open)...].prefix { $0 != "}" }
            rest = rest[rest.index(after: open)...]
            guard inside.contains(where: \.isNumber),
                inside.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == "-" || $0 == " ") })
            else { continue }
            return lineRanges(in: inside)
        }
        return []
    }

    /// The number of the first line when the info string asks for line numbers, in each
    /// generator's way: Material for MkDocs' `linenums="1"`, Docusaurus' `showLineNumbers` (or
    /// `showLineNumbers=5`), VitePress' `js:line-numbers` (or `=5`), Hugo's and Zola's `linenos`
    /// (`linenos=true`, `table`, `inline`; not `false`) with `linenostart=5`; nil when it does not.
    static func firstLineNumber(_ info: Substring) -> Int? {
        guard info.contains("line") || info.contains("linenos") || info.contains("LineNumbers") else { return nil }
        func number(after name: String) -> Int? {
            guard let range = info.range(of: name + "=") else { return nil }
            let digits = info[range.upperBound...].drop { $0 == "\"" || $0 == "'" }.prefix { $0.isASCII && $0.isNumber }
            return Int(digits)
        }
        if let start = number(after: "linenums") { return start }
        if info.range(of: "showLineNumbers") != nil { return number(after: "showLineNumbers") ?? 1 }
        if info.range(of: ":line-numbers") != nil { return number(after: ":line-numbers") ?? 1 }
        // `linenos` itself (not the start of `linenostart`), unless `=false`.
        var rest = info
        while let range = rest.range(of: "linenos") {
            rest = rest[range.upperBound...]
            guard !(rest.first?.isLetter ?? false) else { continue }
            return rest.hasPrefix("=false") ? nil : number(after: "linenostart") ?? 1
        }
        return nil
    }

    /// The value of `hl_lines=`: inside its quotes or brackets, or up to a comma or brace.
    private static func hlLinesValue(in info: Substring) -> Substring? {
        var rest = info
        while let range = rest.range(of: "hl_lines=") {
            let before = rest[..<range.lowerBound].last
            rest = rest[range.upperBound...]
            guard before == nil || " \t{,".contains(before!) else { continue }
            switch rest.first {
            case let quote? where quote == "\"" || quote == "'": return rest.dropFirst().prefix { $0 != quote }
            case "[": return rest.dropFirst().prefix { $0 != "]" }
            default: return rest.prefix { $0 != "," && $0 != "}" }
            }
        }
        return nil
    }

    /// The numbers (`4`) and ranges (`4-6`) in a list, whatever separates them; a range written
    /// backwards is read forwards.
    private static func lineRanges(in list: Substring) -> [ClosedRange<Int>] {
        list.split { !($0.isASCII && ($0.isNumber || $0 == "-")) }.compactMap { item in
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2, let first = Int(bounds[0]), let last = Int(bounds.last!) else { return nil }
            return min(first, last)...max(first, last)
        }
    }

    /// The value of `name="…"` (or `'…'`) in an info string.
    static func option(_ name: String, in info: Substring) -> String? {
        var rest = info
        while let range = rest.range(of: name + "=") {
            let before = rest[..<range.lowerBound].last
            rest = rest[range.upperBound...]
            guard before == nil || before == " " || before == "\t" || before == "{",
                let quote = rest.first, quote == "\"" || quote == "'"
            else { continue }
            let value = rest.dropFirst().prefix { $0 != quote }
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }

    /// Rewrites a fenced code node's info string, and puts it in a figure under its title.
    static func apply(to node: OpaquePointer) {
        guard let pointer = cmark_node_get_fence_info(node) else { return }
        let (cleaned, title) = read(String(cString: pointer))
        if let cleaned { cmark_node_set_fence_info(node, cleaned) }
        guard let title else { return }
        let figure = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        let caption = "<figcaption class=\"code-block__title\">\(escapeAttribute(title))</figcaption>"
        cmark_node_set_on_enter(figure, "<figure class=\"code-block\">" + caption)
        cmark_node_set_on_exit(figure, "</figure>")
        cmark_node_insert_before(node, figure)
        cmark_node_append_child(figure, node)
    }
}
