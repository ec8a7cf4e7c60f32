/// Jekyll's Liquid in a page, as far as it stands for Markdown (`markdown: {liquid: true}`):
///
///     [Knappar]({% link docs/knappar.md %})          a link to that page, from the site's root
///     [Nyheter]({% post_url 2024-01-05-nyheter %})    a link to a post (`_posts/…md`)
///     [Hem]({{ site.baseurl }}/)  {{ "/x/" | relative_url }}   the site's root: `/`, `/x/`
///     {{ site.repository }}                           a value of `_config.yml` (`liquid: {site: …}`)
///     {% highlight ruby %} … {% endhighlight %}       a fenced code block (alone on their lines)
///     {% raw %} {{ not Liquid }} {% endraw %}         the text between, as written
///     {% comment %} … {% endcomment %}                left out
///
/// Jekyll runs Liquid over the whole page before kramdown sees it, code blocks included, so
/// this pass does too, before any other. Every other tag (`{% include %}`, `{% if %}`,
/// `{{ site.title }}`) is a template, which Kretslopp does not run: it stays as written and the
/// page gets one warning. Lines keep their numbers; a replacement in a link's parentheses keeps
/// the columns after it (padded with spaces after the `(`), elsewhere they move.
struct JekyllLiquid {
    /// Tags left as written: (1-based line, character column, `{% include %}`).
    private(set) var leftAsWritten: [(line: Int, column: Int, name: String)] = []

    /// `site` values (`repository` for `{{ site.repository }}`, `github.owner` for
    /// `{{ site.github.owner }}`): those of `_config.yml` that `kretslopp import` carries over.
    init(source: inout [UInt8], site: [String: String] = [:]) {
        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        var index = 0
        var line = 1
        var lineStart = 0
        var inRaw = false
        var inComment = false
        // The fence a `{% highlight %}` opened, which `{% endhighlight %}` closes.
        var highlightFence = 0
        while index < source.count {
            let byte = source[index]
            if byte == 0x0A {
                output.append(byte)
                index += 1
                line += 1
                lineStart = index
                continue
            }
            guard byte == 0x7B, index + 1 < source.count, source[index + 1] == 0x25 || source[index + 1] == 0x7B,
                let tag = Tag(source, at: index)
            else {
                if !inComment { output.append(byte) }
                index += 1
                continue
            }
            let column = Self.column(of: index, from: lineStart, in: source)
            // A tag across lines keeps its line breaks, so the lines after it keep their numbers.
            let breaks = source[index..<tag.end].filter { $0 == 0x0A }.count
            defer {
                if breaks > 0 {
                    line += breaks
                    lineStart = source[..<tag.end].lastIndex(of: 0x0A)! + 1
                }
            }
            if inRaw {
                if tag.isBlock && tag.name == "endraw" {
                    inRaw = false
                    output += [UInt8](repeating: 0x0A, count: breaks)
                } else {
                    output += source[index..<tag.end]
                }
                index = tag.end
                continue
            }
            if inComment {
                if tag.isBlock && tag.name == "endcomment" { inComment = false }
                output += [UInt8](repeating: 0x0A, count: breaks)
                index = tag.end
                continue
            }
            let alone = Self.isAlone(source, start: index, end: tag.end, lineStart: lineStart)
            var replacement: [UInt8]? = nil
            switch (tag.isBlock, tag.name) {
            case (true, "raw"):
                inRaw = true
                replacement = []
            case (true, "comment"):
                inComment = true
                replacement = []
            case (true, "link"):
                replacement = tag.argument.map { Array(("@/" + $0.drop { $0 == "/" }).utf8) }
            case (true, "post_url"):
                replacement = tag.argument.map { Array(("@/_posts/" + $0.drop { $0 == "/" } + ".md").utf8) }
            case (true, "highlight") where alone:
                highlightFence = Self.fenceLength(source, from: tag.end)
                let language = tag.words.dropFirst().first ?? ""
                replacement = [UInt8](repeating: 0x60, count: highlightFence) + Array(language.utf8)
            case (true, "endhighlight") where alone && highlightFence > 0:
                replacement = [UInt8](repeating: 0x60, count: highlightFence)
                highlightFence = 0
            case (false, _):
                replacement = (tag.siteURL ?? tag.siteValue(in: site)).map { Array($0.utf8) }
            default:
                break
            }
            guard var replacement else {
                leftAsWritten.append((line, column, tag.isBlock ? "{% \(tag.name) %}" : "{{ \(tag.name) }}"))
                output += source[index..<tag.end]
                index = tag.end
                continue
            }
            if breaks > 0 { replacement += [UInt8](repeating: 0x0A, count: breaks) }
            // In a link's parentheses spaces may follow the `(`: what comes after keeps its column.
            let opensLink = output.last == 0x28 && (output.count < 2 || output[output.count - 2] == 0x5D)
            if opensLink && breaks == 0 && replacement.count < tag.end - index {
                output += [UInt8](repeating: 0x20, count: tag.end - index - replacement.count)
            }
            output += replacement
            index = tag.end
        }
        source = output
    }

    /// The 1-based character column of the byte at `index`, on the line starting at `lineStart`.
    private static func column(of index: Int, from lineStart: Int, in source: [UInt8]) -> Int {
        source[lineStart..<index].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// Whether only blanks stand beside the tag on its line.
    private static func isAlone(_ source: [UInt8], start: Int, end: Int, lineStart: Int) -> Bool {
        let after = source[end...].prefix { $0 != 0x0A }
        return source[lineStart..<start].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            && after.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// A backtick fence longer than any run of backticks up to the next `{% endhighlight %}`,
    /// so that nothing in the code closes it.
    private static func fenceLength(_ source: [UInt8], from start: Int) -> Int {
        var longest = 2
        var run = 0
        var index = start
        while index < source.count {
            if source[index] == 0x7B, let tag = Tag(source, at: index), tag.isBlock, tag.name == "endhighlight" {
                break
            }
            run = source[index] == 0x60 ? run + 1 : 0
            longest = max(longest, run)
            index += 1
        }
        return longest + 1
    }

    /// One Liquid tag (`{% name args %}`) or output (`{{ expression }}`), with `-` trims.
    struct Tag {
        var isBlock: Bool
        /// The tag's name, or an output's expression without its filters (`site.baseurl`).
        var name: String
        /// What stands inside, trimmed: `link docs/a.md`, `"/x/" | relative_url`.
        var inner: String
        /// The bytes after the tag.
        var end: Int

        init?(_ source: [UInt8], at index: Int) {
            guard index + 1 < source.count, source[index] == 0x7B else { return nil }
            let mark = source[index + 1]
            guard mark == 0x25 || mark == 0x7B else { return nil }
            // Hugo's shortcodes (`{{< x >}}`, `{{% x %}}`) are not Liquid.
            if mark == 0x7B, index + 2 < source.count, source[index + 2] == 0x3C || source[index + 2] == 0x25 {
                return nil
            }
            isBlock = mark == 0x25
            let closing: [UInt8] = isBlock ? [0x25, 0x7D] : [0x7D, 0x7D]
            var close = index + 2
            while close + 1 < source.count, !(source[close] == closing[0] && source[close + 1] == closing[1]) {
                close += 1
            }
            guard close + 1 < source.count else { return nil }
            end = close + 2
            var text = String(decoding: source[(index + 2)..<close], as: UTF8.self)
            if text.hasPrefix("-") { text.removeFirst() }
            if text.hasSuffix("-") { text.removeLast() }
            inner = text.trimmingCharacters(in: [" ", "\t", "\n", "\r"])
            let first = inner.prefix { $0 != " " && $0 != "\t" && $0 != "\n" && $0 != "|" }
            guard !first.isEmpty else { return nil }
            name = String(first)
        }

        /// The words after the tag's name.
        var words: [String] { inner.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init) }

        /// `{% link path %}`'s path (quotes taken off); nil when it is itself Liquid.
        var argument: String? {
            guard let path = words.dropFirst().first.map(Self.unquoted), !path.contains("{") else { return nil }
            return path
        }

        /// What an output that stands for a URL of the site is: `{{ site.baseurl }}` and
        /// `{{ site.url }}` nothing (links start at the site's root), `{{ "/x/" | relative_url }}`
        /// its path; nil for any other.
        var siteURL: String? {
            let parts = inner.split(separator: "|").map { $0.trimmingCharacters(in: [" ", "\t", "\n"]) }
            if parts.count == 1, parts[0] == "site.baseurl" || parts[0] == "site.url" { return "" }
            guard parts.count == 2, parts[1] == "relative_url" || parts[1] == "absolute_url",
                parts[0].count >= 2, let quote = parts[0].first, quote == "\"" || quote == "'", parts[0].last == quote
            else { return nil }
            return Self.unquoted(parts[0])
        }

        /// A `{{ site.name }}` output's value in `site` (without filters, or with `escape`,
        /// which its text needs in Markdown no more than as written); nil for any other.
        func siteValue(in site: [String: String]) -> String? {
            guard !site.isEmpty else { return nil }
            let parts = inner.split(separator: "|").map { $0.trimmingCharacters(in: [" ", "\t", "\n"]) }
            guard parts.count == 1 || (parts.count == 2 && parts[1] == "escape"), parts[0].hasPrefix("site.") else {
                return nil
            }
            return site[String(parts[0].dropFirst("site.".count))]
        }

        private static func unquoted(_ text: String) -> String {
            guard text.count >= 2, let quote = text.first, quote == "\"" || quote == "'", text.last == quote else {
                return text
            }
            return String(text.dropFirst().dropLast())
        }
    }
}
