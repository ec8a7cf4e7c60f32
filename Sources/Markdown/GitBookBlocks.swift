/// GitBook's blocks, as a space synced to Git writes them (`markdown: {gitbook: true}`), each tag
/// alone on its line:
///
///     {% hint style="warning" %} … {% endhint %}         an admonition of that type (info,
///                                                         success, warning, danger)
///     {% tabs %} {% tab title="npm" %} … {% endtab %} … {% endtabs %}    content tabs
///     {% code title="app.js" %} ```js … ``` {% endcode %}   the code block, with that title
///     {% embed url="https://…" %}                          a link to the address (nothing is
///                                                         loaded from another site)
///     {% file src=".gitbook/assets/x.pdf" %}               a link to the file
///     {% content-ref url="x.md" %} [x](x.md) {% endcontent-ref %}   the link inside
///     {% stepper %} {% step %} … / {% columns %} {% column %} …      their content, in order
///     <table data-view="cards"> … </table>               the cards (`GitBookCards`)
///
/// The tags are rewritten before anything else reads the page into pymdownx's fenced blocks
/// (`/// warning`, `/// tab | npm`; an outer block's fence is longer than those inside), which
/// `MkDocsAdmonitions` reads as it reads an MkDocs tree's, or into blank lines: every line keeps
/// its number. `{% openapi %}` and `{% swagger %}` (an API's operations, which GitBook draws
/// from a spec) and any other tag (`{% include %}`, an integration's `{% @github-files/… %}`)
/// are not drawn: the first keep their text (most often the spec's link), the others stay as
/// written, and the page gets a warning naming them. Inside fenced code nothing is read.
/// (`{% include %}`, reusable content, is put in before the page is read, with the site's
/// includes: `BodyIncludes`.)
struct GitBookBlocks {
    /// Tags left as written, or whose block is not drawn: (1-based line, character column, `{% openapi %}`).
    private(set) var notDrawn: [(line: Int, column: Int, name: String)] = []
    /// Hints and tabs never closed, left as written: (1-based line, character column, `hint`).
    private(set) var unclosed: [(line: Int, column: Int, name: String)] = []

    /// Whether a page may have GitBook's blocks or cards: a cheap look before the pass.
    static func mayApply(to source: [UInt8]) -> Bool {
        source.withUnsafeBufferPointer { bytes in
            guard bytes.count > 1 else { return false }
            for index in 0..<bytes.count - 1 where bytes[index] == 0x7B && bytes[index + 1] == 0x25 { return true }
            return false
        } || source.firstRange(of: Array("data-view=\"cards\"".utf8)) != nil
            || source.firstRange(of: Array("<a href=\"#".utf8)) != nil
    }

    init(source: inout [UInt8]) {
        var lines = source.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        // What is read and rewritten below is never a fence, so the lines of code stay where they are.
        let (text, fenceOpenings) = Self.outsideCode(lines)
        let cards = Self.readCards(&lines, text: text)
        let anchors = Self.unlinkAnchors(&lines, text: text)
        let changed = cards || anchors
        let tags = Self.tags(in: lines, text: text)
        guard !tags.isEmpty else {
            if changed { source = Array(lines.joined(separator: [0x0A])) }
            return
        }
        let pairs = Self.pair(tags)
        let fences = Self.fenceLengths(tags, pairs: pairs)
        // The title a `{% code %}` gives the next fence, until its `{% endcode %}`.
        var codeTitle: String? = nil
        var tagAt: [Int: Int] = [:]
        for (n, tag) in tags.enumerated() { tagAt[tag.line] = n }
        // A `{% tabs %}` whose first tab has not come yet: the line it stands on.
        var tabsLine: Int? = nil
        // Inside a `{% content-ref %}`, whose link GitBook shows with its page's title.
        var inContentRef = false
        for number in (text + fenceOpenings).sorted() {
            if fenceOpenings.contains(number) {
                if let title = codeTitle {
                    lines[number] += Array(" title=\"\(title.replacingOccurrences(of: "\"", with: "'"))\"".utf8)
                    codeTitle = nil
                }
                continue
            }
            guard let n = tagAt[number] else {
                if inContentRef { lines[number] = Self.withoutLinkText(lines[number]) }
                continue
            }
            let tag = tags[n]
            if tag.name == "content-ref" || tag.name == "endcontent-ref" { inContentRef = tag.name == "content-ref" }
            let indent = Array(lines[number].prefix { $0 == 0x20 || $0 == 0x09 })
            let slashes = [UInt8](repeating: 0x2F, count: fences[n] ?? 3)
            // A block never closed would take all that follows: it stays as written, and is said.
            if (tag.name == "hint" || tag.name == "tab") && pairs[n] == nil {
                unclosed.append((number + 1, tag.column, tag.name))
                continue
            }
            switch tag.name {
            case "hint":
                let style = tag.attributes["style"].map(Self.admonitionType) ?? "info"
                lines[number] = indent + slashes + Array(" \(style)".utf8)
            case "tab":
                let title = tag.attributes["title"].flatMap { $0.isEmpty ? nil : $0 } ?? "Tab"
                let opening = indent + slashes + Array(" tab | \(title)".utf8)
                // The first tab of a set says so on the line under its own (pymdownx's `new:`); its
                // opening takes the line before, the `{% tabs %}` line or a blank one.
                if let tabs = tabsLine, tabs == number - 1 || lines[number - 1][...].isBlankLine {
                    lines[number - 1] = opening
                    lines[number] = indent + Array("    new: true".utf8)
                } else {
                    lines[number] = opening
                }
                tabsLine = nil
            case "endhint", "endtab":
                lines[number] = pairs[n] == nil ? lines[number] : indent + slashes
                if pairs[n] == nil { notDrawn.append((number + 1, tag.column, "{% \(tag.name) %}")) }
            case "tabs":
                lines[number] = []
                tabsLine = number
            case "code":
                codeTitle = tag.attributes["title"].flatMap { $0.isEmpty ? nil : $0 }
                lines[number] = []
            case "endcode":
                codeTitle = nil
                lines[number] = []
            case "embed":
                let url = tag.attributes["url"] ?? ""
                lines[number] = url.isEmpty || url.contains(">") ? [] : indent + Array("<\(url)>".utf8)
            case "file":
                let src = tag.attributes["src"] ?? ""
                let name = src.split(separator: "/").last.map(String.init) ?? src
                lines[number] =
                    src.isEmpty || src.contains(">")
                    ? [] : indent + Array("[\(Self.escaped(name))](<\(src)>)".utf8)
            case _ where Self.apiTags.contains(tag.name):
                notDrawn.append((number + 1, tag.column, "{% \(tag.name) %}"))
                lines[number] = []
            case _ where Self.leftOut.contains(tag.name):
                lines[number] = []
            default:
                notDrawn.append((number + 1, tag.column, "{% \(tag.name) %}"))
            }
        }
        source = Array(lines.joined(separator: [0x0A]))
    }

    /// The tags of an API's operations, which GitBook draws from an OpenAPI spec.
    static let apiTags: Set<String> = ["openapi", "swagger", "openapi-operation", "openapi-schemas", "openapi-webhook"]

    /// GitBook marks a heading's place with an empty link to itself, `<a href="#x" id="x"></a>`,
    /// which a screen reader names as a link with no text (WCAG 2.4.4): it becomes the anchor
    /// alone, `<a id="x"></a>`, on the `text` lines (outside fenced code). Whether there was one.
    static func unlinkAnchors(_ lines: inout [[UInt8]], text: [Int]) -> Bool {
        var found = false
        for number in text {
            guard lines[number].firstRange(of: Array("<a href=\"#".utf8)) != nil else { continue }
            let line = String(decoding: lines[number], as: UTF8.self)
            // Between backticks it is code: every other piece split at them is left alone.
            let pieces = line.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { n, piece in
                n % 2 == 1 ? String(piece) : Self.unlinked(piece)
            }
            let unlinked = pieces.joined(separator: "`")
            if unlinked != line {
                lines[number] = Array(unlinked.utf8)
                found = true
            }
        }
        return found
    }

    /// `text` with each `<a href="#x" id="x"></a>` as `<a id="x"></a>`.
    private static func unlinked(_ text: Substring) -> String {
        String(text).replacing(/<a href="#([^"<>]*)" id="([^"<>]*)"><\/a>/) { match -> String in
            let (whole, target, id) = (match.output.0, match.output.1, match.output.2)
            return target == id ? "<a id=\"" + id + "\"></a>" : String(whole)
        }
    }

    /// Rewrites each table of cards (`GitBookCards`) on the `text` lines (outside fenced code) as
    /// the cards, on its first line (the table's other lines left blank); whether there was one.
    static func readCards(_ lines: inout [[UInt8]], text: [Int]) -> Bool {
        var found = false
        // The lines a table took, which are blank now.
        var passed = -1
        for number in text where number > passed {
            let content = lines[number].drop { $0 == 0x20 || $0 == 0x09 }
            guard GitBookCards.opens(content) else { continue }
            var end = number
            while end < lines.count - 1, !String(decoding: lines[end], as: UTF8.self).contains("</table>") { end += 1 }
            let table = lines[number...end].map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
            guard let cards = GitBookCards.html(table) else { continue }
            lines[number] = Array(lines[number].prefix(lines[number].count - content.count)) + Array(cards.utf8)
            for blank in (number + 1)..<(end + 1) { lines[blank] = [] }
            passed = end
            found = true
        }
        return found
    }

    /// A content-ref's link line, `[setup.md](setup.md)`, with no text: the page's title is then
    /// shown (`MarkdownHooks.title(of:)`), as GitBook shows it. Other lines stay.
    static func withoutLinkText(_ line: [UInt8]) -> [UInt8] {
        let text = String(decoding: line, as: UTF8.self)
        guard let match = text.firstMatch(of: /^(\s*)\[([^\]]*)\]\(([^)\s]*)\)\s*$/),
            MarkdownRenderer.isFileName(String(match.output.2), of: String(match.output.3))
        else { return line }
        return Array("\(match.output.1)[](\(match.output.3))".utf8)
    }

    /// Tags whose line becomes blank: ends, and the wrappers whose content reads well alone.
    private static let leftOut: Set<String> = [
        "endtabs", "endembed", "endfile", "content-ref", "endcontent-ref", "endopenapi", "endswagger",
        "endopenapi-operation", "endopenapi-schemas", "endopenapi-webhook",
        "swagger-description", "endswagger-description", "swagger-parameter", "endswagger-parameter",
        "swagger-response", "endswagger-response", "stepper", "endstepper", "step", "endstep",
        "columns", "endcolumns", "column", "endcolumn", "updates", "endupdates", "update", "endupdate",
    ]

    /// The admonition type of a hint's style (GitBook's four, and an unknown one as info).
    private static func admonitionType(_ style: String) -> String {
        switch style.lowercased() {
        case "success": "success"
        case "warning": "warning"
        case "danger": "danger"
        default: "info"
        }
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }

    /// A tag alone on its line: `{% hint style="info" %}`.
    struct Tag {
        /// 0-based line.
        var line: Int
        /// 1-based column of `{%`, in characters.
        var column: Int
        var name: String
        var attributes: [String: String]
    }

    /// The numbers of the lines outside fenced code (`text`), and of the lines that open a fence.
    static func outsideCode(_ lines: [[UInt8]]) -> (text: [Int], fenceOpenings: Set<Int>) {
        var text: [Int] = []
        var openings = Set<Int>()
        var fence: CodeFence? = nil
        for (number, line) in lines.enumerated() {
            let content = line.drop { $0 == 0x20 || $0 == 0x09 }
            if let open = fence {
                if open.isClosed(by: content) { fence = nil }
            } else if let opening = CodeFence(opening: content) {
                fence = opening
                openings.insert(number)
            } else {
                text.append(number)
            }
        }
        return (text, openings)
    }

    /// The tags standing alone on lines outside fenced code (`text`, all when nil).
    static func tags(in lines: [[UInt8]], text: [Int]? = nil) -> [Tag] {
        var found: [Tag] = []
        for number in text ?? outsideCode(lines).text {
            let line = lines[number]
            let content = line.drop { $0 == 0x20 || $0 == 0x09 }
            guard content.starts(with: [0x7B, 0x25]), let tag = tag(content) else { continue }
            found.append(
                Tag(line: number, column: line.count - content.count + 1, name: tag.name, attributes: tag.attributes))
        }
        return found
    }

    /// The name and attributes of `{% name a="x" b='y' %}` filling `text` (blanks after it allowed).
    static func tag(_ text: ArraySlice<UInt8>) -> (name: String, attributes: [String: String])? {
        let line = String(decoding: text, as: UTF8.self)
        var rest = line.dropFirst(2)
        while rest.last == " " || rest.last == "\t" || rest.last == "\r" { rest.removeLast() }
        guard rest.hasSuffix("%}") else { return nil }
        rest = rest.dropLast(2)
        rest = rest.drop { $0 == " " || $0 == "-" }
        while rest.last == " " || rest.last == "-" { rest.removeLast() }
        let name = rest.prefix { !$0.isWhitespace }
        guard !name.isEmpty, !name.contains("%}") else { return nil }
        var attributes: [String: String] = [:]
        var tail = rest.dropFirst(name.count)
        while true {
            tail = tail.drop(while: \.isWhitespace)
            guard let equals = tail.firstIndex(of: "=") else { break }
            let key = tail[..<equals].trimmingCharacters(in: .whitespaces)
            var value = tail[tail.index(after: equals)...].drop(while: \.isWhitespace)
            guard let quote = value.first, quote == "\"" || quote == "'" else { break }
            value = value.dropFirst()
            guard let close = value.firstIndex(of: quote) else { break }
            attributes[key] = String(value[..<close])
            tail = value[value.index(after: close)...]
        }
        return (String(name), attributes)
    }

    /// For each tag, the index of the tag that closes it (for an opening) or opens it (for an
    /// end); nil when it has none. Pairs nest: an end closes the nearest open tag of its name.
    static func pair(_ tags: [Tag]) -> [Int?] {
        var partner = [Int?](repeating: nil, count: tags.count)
        var open: [Int] = []
        for (n, tag) in tags.enumerated() {
            if tag.name.hasPrefix("end") {
                let name = String(tag.name.dropFirst(3))
                guard let at = open.lastIndex(where: { tags[$0].name == name }) else { continue }
                partner[n] = open[at]
                partner[open[at]] = n
                open.removeSubrange(at...)
            } else {
                open.append(n)
            }
        }
        return partner
    }

    /// The fence length of each hint and tab (and of its end): three for one with no such block
    /// inside, one more for each level nested inside it, as pymdownx reads an outer fence.
    static func fenceLengths(_ tags: [Tag], pairs: [Int?]) -> [Int: Int] {
        var lengths: [Int: Int] = [:]
        // Blocks whose end has come, innermost first, so each height is known before its parent's.
        var heights: [Int: Int] = [:]
        var open: [Int] = []
        for (n, tag) in tags.enumerated() where pairs[n] != nil {
            switch tag.name {
            case "hint", "tab":
                open.append(n)
                heights[n] = 1
                continue
            case "endhint", "endtab": break
            default: continue
            }
            guard let start = pairs[n], let at = open.lastIndex(of: start) else { continue }
            open.removeSubrange(at...)
            let height = heights[start] ?? 1
            lengths[start] = height + 2
            lengths[n] = height + 2
            if let parent = open.last { heights[parent] = max(heights[parent] ?? 1, height + 1) }
        }
        return lengths
    }
}
