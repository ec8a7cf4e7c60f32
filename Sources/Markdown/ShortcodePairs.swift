/// Shortcodes that a theme wraps around Markdown, each tag alone on its line:
///
///     {{% alert title="Obs" %}}          {% note(kind="info") %}
///     Text in **Markdown**.              Text in **Markdown**.
///     {{% /alert %}}                     {% end %}
///
/// Kretslopp does not run a theme's templates, but the text between the tags is the page's own:
/// those tags are left out and the text is shown, where a tag shown as written would be noise in
/// the middle of it (Docsy's `pageinfo` and `blocks/…`). A Hugo tag may run over several lines, as
/// Docsy's `{{% blocks/cover` does with its arguments. A tag without its other half, or one that
/// shares its line with text, is not a pair and stays as written.
struct ShortcodePairs {
    /// A line of a pair's tag, by the line (0-based) it stands on.
    struct Tag {
        /// As the warning names it: `{{% alert %}}`, `{% note() %}`.
        var name: String
        /// Whether the warning counts it: the first line of an opening tag.
        var counts: Bool
        /// What the line becomes, where the pair is one Kretslopp reads (Docsy's `alert` and
        /// `pageinfo`: a container, `::: warning Title` … `:::`); nil: a blank line.
        var container: String? = nil
    }

    /// Docsy's boxes, read as containers of the kind their colour looks like.
    static let boxes: Set<String> = ["alert", "pageinfo"]

    /// The container line that opens `shortcode` (`{{% alert title="Note" color="warning" %}}`).
    static func opening(_ shortcode: HugoShortcode) -> String {
        let color = shortcode.named["color"] ?? "primary"
        let kinds = ["success": "success", "info": "info", "warning": "warning", "danger": "danger"]
        let title = shortcode.named["title"].map { " " + $0 } ?? ""
        return "::: " + (kinds[color.lowercased()] ?? "note") + title
    }

    private(set) var tags: [Int: Tag] = [:]

    /// The longest tag read over several lines.
    private static let tagLines = 20

    /// The pairs among `text`, the lines (0-based, in order) outside code.
    init(_ lines: [[UInt8]], text: [Int]) {
        var open: [(lines: ClosedRange<Int>, key: String, name: String, content: [UInt8])] = []
        var k = 0
        while k < text.count {
            let number = text[k]
            k += 1
            let start = lines[number].drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x3E }
            // Most lines start with anything but `{`: they are not copied.
            guard start.first == 0x7B else { continue }
            var content = Array(start)
            var last = number
            // `{{% name` with its arguments on the lines after it, up to the line that ends the tag.
            if content.starts(with: [0x7B, 0x7B]), HugoShortcode(content, at: 0) == nil {
                var next = k
                var whole = false
                while !whole, next < text.count, text[next] == last + 1, last - number < Self.tagLines {
                    last += 1
                    next += 1
                    content += [0x20] + lines[last].drop { $0 == 0x20 || $0 == 0x09 }
                    whole = HugoShortcode(content, at: 0) != nil
                }
                guard whole else { continue }
                k = next
            }
            guard let (key, name, isClosing) = Self.loneTag(content) else { continue }
            guard isClosing else {
                open.append((number...last, key, name, content))
                continue
            }
            // The nearest opening of its name; those opened after it and never closed are no pairs.
            guard let match = open.lastIndex(where: { $0.key == key }) else { continue }
            let opening = open[match]
            if let box = HugoShortcode(opening.content, at: 0), Self.boxes.contains(box.name) {
                for line in opening.lines {
                    tags[line] = Tag(
                        name: opening.name, counts: false,
                        container: line == opening.lines.lowerBound ? Self.opening(box) : nil)
                }
                for line in number...last {
                    tags[line] = Tag(name: name, counts: false, container: line == number ? ":::" : nil)
                }
                open.removeSubrange(match...)
                continue
            }
            for line in opening.lines { tags[line] = Tag(name: opening.name, counts: line == opening.lines.lowerBound) }
            for line in number...last { tags[line] = Tag(name: name, counts: false) }
            open.removeSubrange(match...)
        }
    }

    /// A shortcode's tag that is all of `content`, with the key that pairs it (Hugo's: its name;
    /// Zola's: any `{% … %}` body shortcode, which `{% end %}` closes).
    private static func loneTag(_ content: [UInt8]) -> (key: String, name: String, isClosing: Bool)? {
        guard content.count > 4, content[0] == 0x7B else { return nil }
        if let hugo = HugoShortcode(content, at: 0), !hugo.isEscaped, content[hugo.end...].isBlankLine {
            // Those Kretslopp reads (a link, an image, code) are not wrapped around text, nor is
            // one that closes itself (`{{< new-in 0.158 />}}`).
            guard hugo.replacement == nil, hugo.name != "highlight", hugo.positional.last != "/" else { return nil }
            let mark = content[2] == 0x25 ? "%" : "<"
            let name = "{{\(mark) \(hugo.name) \(mark == "<" ? ">" : "%")}}"
            return ("hugo:" + hugo.name, name, hugo.isClosing)
        }
        // Zola's body shortcodes: `{% name(…) %}` and `{% end %}`.
        guard content[1] == 0x25 else { return nil }
        let end = content.lastIndex { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D } ?? 0
        guard end >= 3, content[end] == 0x7D, content[end - 1] == 0x25 else { return nil }
        let inner = content[2..<(end - 1)].drop { $0 == 0x20 }
        if Array(inner.reversed().drop { $0 == 0x20 }.reversed()) == Array("end".utf8) {
            return ("zola", "{% end %}", true)
        }
        guard let name = Shortcodes.zolaShortcode(content, at: 0) else { return nil }
        return ("zola", name, false)
    }
}
