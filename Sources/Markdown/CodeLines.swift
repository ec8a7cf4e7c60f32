import CCmark

#if canImport(Glibc)
    import Glibc
#endif

/// A code block's lines, each marked or not, as the generators a tree comes from mark them, and
/// the HTML inside `<code>` that shows them: each marked line a
/// `<span class="code-line code-line--KIND">` (`add`, `remove`, `highlight`, `warning`, `error`),
/// its sign drawn by the theme beside its colour.
///
/// The marks come from the fence's info string (`CodeInfo.highlightedLines`: VitePress' and
/// Docusaurus' `js{1,4-6}`, Material for MkDocs' `hl_lines="2 3"`, Hugo's `{hl_lines=[2,"4-5"]}`,
/// Zola's `rust,hl_lines=1 3-5`), Docusaurus' magic comments (`// highlight-next-line`,
/// `// highlight-start` … `// highlight-end`, with `mdx`) and Shiki's notation (`// [!code ++]`,
/// with `vue`: `CodeNotation`). The page's search text is the code as shown.
struct CodeLines {
    /// Each line as shown, without its newline.
    private(set) var lines: [String]
    /// Each line's mark; nil for none.
    private(set) var kinds: [String?]
    /// Whether the code shown differs from the code written (a comment or notation left out).
    private(set) var edited = false
    /// The number of the first line when the lines are numbered (`linenums="1"`); nil otherwise.
    var firstLineNumber: Int? = nil

    init(_ code: String) {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        kinds = Array(repeating: nil, count: lines.count)
    }

    /// The code's lines marked as its info string and comments ask; nil when nothing is marked or
    /// left out (most code).
    static func marked(
        _ code: @autoclosure () -> String, info: String, ranges: Bool, magicComments: Bool, notation: Bool
    ) -> CodeLines? {
        let highlighted = ranges ? CodeInfo.highlightedLines(info[...]) : []
        let numbered = ranges ? CodeInfo.firstLineNumber(info[...]) : nil
        // Most code has no marks: its text is read only when it could have one.
        guard !highlighted.isEmpty || numbered != nil || magicComments || notation else { return nil }
        let code = code()
        let hasMagic = magicComments && code.utf8.firstRange(of: "highlight-".utf8) != nil
        let hasNotation = notation && code.utf8.firstRange(of: "[!code ".utf8) != nil
        guard !highlighted.isEmpty || numbered != nil || hasMagic || hasNotation else { return nil }
        var lines = CodeLines(code)
        lines.firstLineNumber = numbered
        if hasNotation { CodeNotation.apply(to: &lines) }
        // As Docusaurus: lines named in the info string win, and its comments are then code.
        if !highlighted.isEmpty {
            lines.mark(highlighted, as: "highlight")
        } else if hasMagic {
            lines.applyMagicComments()
        }
        return lines.edited || numbered != nil || lines.kinds.contains { $0 != nil } ? lines : nil
    }

    /// The code as shown, each line ending in a newline.
    var shown: String { lines.map { $0 + "\n" }.joined() }

    /// The HTML inside `<code>`: each line escaped, marked lines in their span (every line when
    /// they are numbered: the theme counts the spans).
    var html: String {
        var html = ""
        for (text, kind) in zip(lines, kinds) {
            if let kind {
                html += "<span class=\"code-line code-line--\(kind)\">" + escapeAttribute(text) + "</span>\n"
            } else if firstLineNumber != nil {
                html += "<span class=\"code-line\">" + escapeAttribute(text) + "</span>\n"
            } else {
                html += escapeAttribute(text) + "\n"
            }
        }
        return html
    }

    /// What the `<code>` tag gets for numbered lines: a class, and where the count starts when
    /// not at 1 (`counter-reset`, read by the theme).
    var codeAttributes: (className: String, style: String?)? {
        guard let first = firstLineNumber else { return nil }
        return ("code--numbered", first == 1 ? nil : "counter-reset: code-line \(first - 1)")
    }

    /// The `<pre><code class="language-js">` cmark writes for the code block `node` (its lines are
    /// then marked ones), with `attributes` added to the `<code>`.
    static func opening(
        of node: OpaquePointer, flags: Int32, with attributes: (className: String, style: String?)?
    ) -> String {
        cmark_node_set_literal(node, "")
        let pointer = cmark_render_html(node, flags & ~CMARK_OPT_SOURCEPOS)!
        let empty = String(cString: pointer)
        free(pointer)
        let open = empty.hasSuffix("</code></pre>\n") ? String(empty.dropLast("</code></pre>\n".count)) : empty
        return attributes.map { opening(open, with: $0) } ?? open
    }

    /// cmark's `<pre><code class="language-js">` with a class and style added to the `<code>`.
    static func opening(_ open: String, with attributes: (className: String, style: String?)) -> String {
        let style = attributes.style.map { " style=\"\($0)\"" } ?? ""
        if let range = open.range(of: "<code class=\"") {
            let withClass = open.replacingCharacters(in: range, with: "<code class=\"\(attributes.className) ")
            return style.isEmpty ? withClass : withClass.replacingOccurrences(of: "\">", with: "\"\(style)>")
        }
        return open.replacingOccurrences(of: "<code>", with: "<code class=\"\(attributes.className)\"\(style)>")
    }

    /// Sets line `index`'s text (a notation left out of it) and mark.
    mutating func set(_ index: Int, text: String, kind: String) {
        if text != lines[index] { edited = true }
        lines[index] = text
        kinds[index] = kind
    }

    /// Marks the lines numbered (from 1) in `ranges` that have no mark yet; numbers past the last
    /// line mark nothing.
    mutating func mark(_ ranges: [ClosedRange<Int>], as kind: String) {
        for range in ranges {
            let lower = max(range.lowerBound, 1)
            let upper = min(range.upperBound, lines.count)
            guard lower <= upper else { continue }
            for index in (lower - 1)...(upper - 1) where kinds[index] == nil { kinds[index] = kind }
        }
    }

    /// Docusaurus' magic comments: a line that is only `highlight-next-line` in a comment marks the
    /// line after it, `highlight-start` and `highlight-end` the lines between them; the comments'
    /// lines are left out.
    private mutating func applyMagicComments() {
        var kept: [String] = []
        var keptKinds: [String?] = []
        var nextLine = false
        var inRange = false
        for (text, kind) in zip(lines, kinds) {
            switch Self.magicComment(text) {
            case "highlight-next-line": nextLine = true
            case "highlight-start": inRange = true
            case "highlight-end": inRange = false
            default:
                kept.append(text)
                keptKinds.append(kind ?? (nextLine || inRange ? "highlight" : nil))
                nextLine = false
                continue
            }
            edited = true
        }
        lines = kept
        kinds = keptKinds
    }

    /// The magic word of a line that is nothing but a comment holding it, in the comment forms
    /// Docusaurus reads (JavaScript's, JSX's, HTML's, the shells', SQL's and Lua's, TeX's, WebAssembly's).
    static func magicComment(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard
            trimmed.hasSuffix("line") || trimmed.hasSuffix("start") || trimmed.hasSuffix("end")
                || trimmed.hasSuffix("/") || trimmed.hasSuffix("}") || trimmed.hasSuffix(">")
        else { return nil }
        for (open, close) in commentForms where trimmed.hasPrefix(open) && trimmed.hasSuffix(close) {
            guard trimmed.count >= open.count + close.count else { continue }
            let inner = trimmed.dropFirst(open.count).dropLast(close.count).trimmingCharacters(in: .whitespaces)
            if magicWords.contains(inner) { return inner }
        }
        return nil
    }

    private static let magicWords: Set<String> = ["highlight-next-line", "highlight-start", "highlight-end"]
    private static let commentForms = [
        ("{/*", "*/}"), ("/*", "*/"), ("<!--", "-->"), ("//", ""), ("#", ""), ("--", ""), (";;", ""), ("%", ""),
    ]
}

/// Which of `CodeLines`' marks a document reads.
struct CodeLineMarks {
    /// Lines named in the info string (with `gfm`).
    var ranges = false
    /// Docusaurus' magic comments (with `mdx`).
    var magicComments = false
    /// Shiki's notation (with `vue`).
    var notation = false

    var any: Bool { ranges || magicComments || notation }
}
