/// Hugo's shortcodes (and Zola's), as a Hugo or Zola site's pages have them.
///
///     [Installation]({{< ref "docs/install.md" >}})    a link to that page (`relref` too)
///     {{< figure src="karta.png" alt="Karta" >}}        an image
///     {{< highlight go >}} … {{< /highlight >}}         a fenced code block
///     {{< youtube ZJthWmvUzzc >}}                       a link to the video (vimeo, gist, x,
///                                                       tweet, instagram: to theirs)
///     {{< param "version" >}}                           the page's or the site's value (`params:`)
///     {{</* ref "x.md" */>}}                            the shortcode as text (Hugo's escape)
///
/// They are rewritten in the source before parsing, each as long as the shortcode (padded with
/// spaces where a destination in parentheses may end with them), so the positions of what
/// follows on its line stay right. Any other shortcode, Hugo's or Zola's
/// (`{{ youtube(id="…") }}`, `{% note() %}`), is a theme's template, which a Kretslopp site does
/// not run: a pair whose tags stand on lines of their own around Markdown (`{{% tabpane %}}` …
/// `{{% /tabpane %}}`, Zola's `{% note() %}` … `{% end %}`) loses its tags and keeps its content
/// (`ShortcodePairs`; Docsy's `{{% alert title="…" color="warning" %}}` and `{{% pageinfo %}}`
/// become the box of that kind), any other stays as written; the page gets one warning for each kind. In fenced code
/// and code spans only Hugo's escape is read (Hugo reads shortcodes there too, which is why it
/// has one); the rest is code.
struct Shortcodes {
    /// Where a shortcode left as written is, and what it is called: (1-based line, character
    /// column, `{{< youtube >}}`).
    private(set) var leftAsWritten: [(line: Int, column: Int, name: String)] = []
    /// The opening tags of pairs left out around their content, likewise.
    private(set) var unwrapped: [(line: Int, column: Int, name: String)] = []

    /// `param`: the value Hugo's `{{< param "name" >}}` shows (the page's, else the site's); nil
    /// leaves the shortcode as written.
    init(source: inout [UInt8], param: (String) -> String? = { _ in nil }) {
        var lines = source.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        var fence: CodeFence? = nil
        // A fence `{{< highlight >}}` opened, which `{{< /highlight >}}` closes.
        var highlighting = false
        var changed = false
        // Lines outside code, rewritten once the pairs of tags among them are known.
        var text: [Int] = []
        for number in lines.indices {
            let line = lines[number]
            let content = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x3E } // in quotes and lists too
            if let open = fence {
                if highlighting ? Self.isHighlightEnd(content) : open.isClosed(by: content) {
                    fence = nil
                    if highlighting {
                        highlighting = false
                        lines[number] =
                            Array(line[..<content.startIndex]) + [UInt8](repeating: 0x60, count: open.length)
                        changed = true
                    }
                    continue
                }
                if let unescaped = Self.rewrite(
                    line, number: number + 1, inCode: true, found: &leftAsWritten, param: param)
                {
                    lines[number] = unescaped
                    changed = true
                }
                continue
            }
            if let open = CodeFence(opening: content) {
                fence = open
                continue
            }
            if let language = Self.highlightStart(content) {
                // Longer than any fence in the code, so that none of them closes it.
                var length = 3
                for later in lines[(number + 1)...] {
                    let code = later.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x3E }
                    if Self.isHighlightEnd(code) { break }
                    if let inner = CodeFence(opening: code), inner.byte == 0x60 {
                        length = max(length, inner.length + 1)
                    }
                }
                fence = CodeFence(byte: 0x60, length: length)
                lines[number] =
                    Array(line[..<content.startIndex]) + [UInt8](repeating: 0x60, count: length) + Array(language.utf8)
                highlighting = true
                changed = true
                continue
            }
            text.append(number)
        }
        let pairs = ShortcodePairs(lines, text: text)
        for number in text {
            let line = lines[number]
            if let tag = pairs.tags[number] {
                // Spaces where the tag was: the line is blank, and what is on the others keeps its
                // place; or the container line a box of Docsy's is read as.
                let content = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x3E }
                lines[number] =
                    Array(line[..<content.startIndex])
                    + (tag.container.map { Array($0.utf8) } ?? [UInt8](repeating: 0x20, count: content.count))
                if tag.counts {
                    unwrapped.append((number + 1, Self.column(of: content.startIndex, in: line), tag.name))
                }
                changed = true
            } else if let rewritten = Self.rewrite(
                line, number: number + 1, inCode: false, found: &leftAsWritten, param: param)
            {
                lines[number] = rewritten
                changed = true
            }
        }
        if changed { source = Array(lines.joined(separator: [0x0A])) }
    }

    /// The line with its shortcodes rewritten (outside code spans, unless `inCode`: then only
    /// Hugo's escapes); nil when nothing changed. Those left as written are added to `found`.
    private static func rewrite(
        _ line: [UInt8], number: Int, inCode: Bool, found: inout [(line: Int, column: Int, name: String)],
        param: (String) -> String?
    ) -> [UInt8]? {
        guard line.contains(0x7B) else { return nil } // {
        var output: [UInt8] = []
        var index = 0
        var changed = false
        while index < line.count {
            let byte = line[index]
            if byte == 0x60 && !inCode {
                let end = CodeSpan.end(in: line, at: index)
                let span = Array(line[index..<end])
                if let unescaped = rewrite(span, number: number, inCode: true, found: &found, param: param) {
                    output += unescaped
                    changed = true
                } else {
                    output += span
                }
                index = end
                continue
            }
            guard byte == 0x7B, index + 2 < line.count, line[index + 1] == 0x7B || line[index + 1] == 0x25 else {
                output.append(byte)
                index += 1
                continue
            }
            let start = index
            if let hugo = HugoShortcode(line, at: index) {
                index = hugo.end
                if hugo.isEscaped {
                    output += hugo.unescaped
                    changed = true
                } else if inCode {
                    output += line[start..<index]
                } else if hugo.name == "param", let name = hugo.positional.first ?? hugo.named["name"],
                    let value = param(name)
                {
                    // A value's text, as long as it is: the columns after it on the line move.
                    output += Array(value.utf8)
                    changed = true
                } else if var replacement = hugo.replacement {
                    // As long as the shortcode, so that what follows keeps its column: a link's target
                    // ends with the spaces, an image has them before its `)` (nothing shows them).
                    if replacement.count < index - start {
                        let padding = [UInt8](repeating: 0x20, count: index - start - replacement.count)
                        replacement.insert(
                            contentsOf: padding, at: hugo.isLinkTarget ? replacement.count : replacement.count - 1)
                    }
                    output += replacement
                    changed = true
                } else {
                    output += line[start..<index]
                    if !hugo.isClosing {
                        found.append((number, column(of: start, in: line), "{{< \(hugo.name) >}}"))
                    }
                }
                continue
            }
            if !inCode, let name = zolaShortcode(line, at: index) {
                found.append((number, column(of: start, in: line), name))
            }
            output.append(byte)
            index += 1
        }
        return changed ? output : nil
    }

    /// `{{ name(` or `{% name(`: the start of a Zola shortcode, by its name.
    static func zolaShortcode(_ line: [UInt8], at index: Int) -> String? {
        guard line[index + 1] == 0x7B || line[index + 1] == 0x25 else { return nil }
        let isBlock = line[index + 1] == 0x25
        let rest = line[(index + 2)...].drop { $0 == 0x20 }
        let name = rest.prefix {
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x5F || ($0 >= 0x30 && $0 <= 0x39)
        }
        guard !name.isEmpty, !(name.first! >= 0x30 && name.first! <= 0x39), rest.dropFirst(name.count).first == 0x28
        else { return nil }
        let text = String(decoding: name, as: UTF8.self)
        return isBlock ? "{% \(text)() %}" : "{{ \(text)() }}"
    }

    /// The 1-based character column of the byte at `index`.
    static func column(of index: Int, in line: [UInt8]) -> Int {
        line[..<index].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// `{{< highlight go >}}` alone on its line: the language.
    private static func highlightStart(_ content: ArraySlice<UInt8>) -> String? {
        guard let shortcode = HugoShortcode(Array(content), at: 0), shortcode.name == "highlight", !shortcode.isClosing,
            Array(content)[shortcode.end...].isBlankLine
        else { return nil }
        return shortcode.positional.first ?? ""
    }

    private static func isHighlightEnd(_ content: ArraySlice<UInt8>) -> Bool {
        guard let shortcode = HugoShortcode(Array(content), at: 0) else { return false }
        return shortcode.name == "highlight" && shortcode.isClosing
            && Array(content)[shortcode.end...].isBlankLine
    }
}

/// One Hugo shortcode on a line: `{{< name "positional" key="value" >}}`, `{{% … %}}`, a closing
/// `{{< /name >}}`, or Hugo's escape `{{</* … */>}}`.
struct HugoShortcode {
    var name = ""
    var positional: [String] = []
    var named: [String: String] = [:]
    var isClosing = false
    var isEscaped = false
    /// The bytes after the shortcode.
    var end: Int
    /// The escape's shortcode as text (`{{< ref "x.md" >}}`).
    var unescaped: [UInt8] = []

    init?(_ line: [UInt8], at index: Int) {
        guard index + 2 < line.count, line[index] == 0x7B, line[index + 1] == 0x7B,
            line[index + 2] == 0x3C || line[index + 2] == 0x25
        else { return nil }
        let mark = line[index + 2] // < or %
        let closing: [UInt8] = [mark == 0x3C ? 0x3E : 0x25, 0x7D, 0x7D]
        var close = index + 3
        while close + 3 <= line.count, !line[close..<(close + 3)].elementsEqual(closing) { close += 1 }
        guard close + 3 <= line.count else { return nil }
        end = close + 3
        var inner = String(decoding: line[(index + 3)..<close], as: UTF8.self)
        let trimmed = inner.trimmingBlanks
        if trimmed.hasPrefix("/*") && trimmed.hasSuffix("*/") && trimmed.count >= 4 {
            isEscaped = true
            let opening = mark == 0x3C ? "{{<" : "{{%"
            let ending = mark == 0x3C ? ">}}" : "%}}"
            unescaped = Array("\(opening)\(trimmed.dropFirst(2).dropLast(2))\(ending)".utf8)
            return
        }
        inner = trimmed
        if inner.hasPrefix("/") {
            isClosing = true
            inner.removeFirst()
        }
        let words = Self.words(inner)
        guard let first = words.first, !first.isEmpty,
            first.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "/" })
        else { return nil }
        name = first
        for word in words.dropFirst() {
            if let equals = word.firstIndex(of: "="), !word.hasPrefix("\"") {
                named[String(word[..<equals])] = Self.unquoted(String(word[word.index(after: equals)...]))
            } else {
                positional.append(Self.unquoted(word))
            }
        }
    }

    /// `ref` and `relref`, which stand for a page's URL.
    var isLinkTarget: Bool { name == "ref" || name == "relref" }

    /// What the shortcode stands for in Markdown, where Kretslopp knows it; nil for the others.
    var replacement: [UInt8]? {
        switch name {
        case "ref", "relref":
            guard let target = positional.first ?? named["path"], !target.isEmpty else { return nil }
            // Hugo's `/docs/x.md` starts at the content folder, as Zola's `@/docs/x.md` does.
            return Array((target.hasPrefix("/") ? "@" + target : target).utf8)
        case "figure":
            guard let source = named["src"] else { return nil }
            let alt = named["alt"] ?? named["caption"] ?? named["title"] ?? ""
            let title = named["title"].map { " \"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"" } ?? ""
            let escapedAlt = alt.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
            return Array("![\(escapedAlt)](<\(source)>\(title))".utf8)
        default:
            return embedLink.map { text, url in
                let shown = text.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
                return Array("[\(shown)](<\(url)>)".utf8)
            }
        }
    }

    /// Hugo's shortcodes that embed another site's player or post (`youtube`, `vimeo`, `gist`,
    /// `x`, `tweet`, `instagram`, and the `_simple` ones): a link to it, the text and the URL. A
    /// site here makes no request to another (it works offline, and tells no one who reads it).
    private var embedLink: (text: String, url: String)? {
        func id(_ key: String = "id", at place: Int = 0) -> String? {
            let value = named[key] ?? (place < positional.count ? positional[place] : nil)
            return value.flatMap {
                !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
                    ? $0 : nil
            }
        }
        switch name {
        case "youtube", "youtube_simple":
            return id().map { (named["title"] ?? "YouTube: \($0)", "https://www.youtube.com/watch?v=\($0)") }
        case "vimeo", "vimeo_simple":
            return id().map { (named["title"] ?? "Vimeo: \($0)", "https://vimeo.com/\($0)") }
        case "instagram", "instagram_simple":
            return id().map { ("Instagram: \($0)", "https://www.instagram.com/p/\($0)/") }
        case "gist":
            guard let user = id("user"), let gist = id("id", at: 1) else { return nil }
            return ("Gist: \(user)/\(gist)", "https://gist.github.com/\(user)/\(gist)")
        case "x", "tweet", "twitter", "twitter_simple":
            // Hugo's old `tweet` took the post's number alone.
            if named["user"] == nil, positional.count == 1, let post = id(at: 0) {
                return ("X: \(post)", "https://x.com/i/status/\(post)")
            }
            guard let user = id("user"), let post = id("id", at: 1) else { return nil }
            return ("X: @\(user)", "https://x.com/\(user)/status/\(post)")
        default:
            return nil
        }
    }

    /// Words split on spaces, a quoted part (`"two words"`, `key="two words"`) kept whole.
    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func unquoted(_ text: String) -> String {
        text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") ? String(text.dropFirst().dropLast()) : text
    }
}
