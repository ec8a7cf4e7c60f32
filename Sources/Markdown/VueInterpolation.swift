import Foundation

/// Vue's text interpolation in a VitePress page (`markdown: {vue: true}`), read where it stands
/// for the page's own words:
///
///     {{ $frontmatter.title }}         the page's front matter value (`{{ $frontmatter.hero.name }}`
///                                      for a nested one), as `{{< param >}}` finds it; nothing
///                                      where there is none, as VitePress shows `undefined`
///     {{ 1 + 1 }}  {{ members[0] }}    any other expression: shown as written, said once a page
///
/// VitePress compiles a page into a Vue component, so `{{ … }}` in its text is JavaScript that
/// runs in the reader's browser. In code (fenced, or a code span), in an element marked `v-pre`
/// (`<span v-pre>{{ x }}</span>`) and in a `::: v-pre` container, VitePress shows it as written,
/// and so does this pass. A value goes in as text: `&`, `<` and `>` as entities, the marks
/// Markdown reads escaped. Lines keep their numbers; columns after a value move.
struct VueInterpolation {
    /// Expressions left as written: (1-based line, character column, `{{ count }}`).
    private(set) var leftAsWritten: [(line: Int, column: Int, name: String)] = []

    private static let open = Array("{{".utf8)
    private static let close = Array("}}".utf8)
    private static let frontMatter = "$frontmatter."

    /// Whether a page may have an interpolation or a `::: v-pre` container.
    static func mayApply(to source: [UInt8]) -> Bool {
        source.firstRange(of: open) != nil || source.firstRange(of: Array("::: v-pre".utf8)) != nil
    }

    /// `value` gives the page's value of a dotted front matter key (`hero.name`).
    init(source: inout [UInt8], value: (String) -> String?) {
        var lines = source.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        var left: [(line: Int, column: Int, name: String)] = []
        let (interpolated, containerFences) = Self.interpolatedLines(lines)
        // A `::: v-pre` container is a `<div v-pre>`: its text is shown, its fences are not.
        for number in containerFences { lines[number] = [] }
        for number in interpolated where lines[number].firstRange(of: Self.open) != nil {
            lines[number] = ComponentTags.replacing(in: lines[number], opening: "{{") { line, start in
                // `{{<` and `{{%` are Hugo's shortcodes, read by their own pass.
                guard start + 2 < line.count, line[start + 2] != UInt8(ascii: "<"),
                    line[start + 2] != UInt8(ascii: "%"),
                    let end = line[(start + 2)...].firstRange(of: Self.close), !Self.isInVPre(line, at: start)
                else { return nil }
                let expression = String(decoding: line[(start + 2)..<end.lowerBound], as: UTF8.self)
                    .trimmingCharacters(in: .whitespaces)
                guard let key = Self.frontMatterKey(expression) else {
                    left.append((number + 1, Shortcodes.column(of: start, in: line), "{{ \(expression) }}"))
                    return nil
                }
                return (Self.markdownText(value(key) ?? ""), end.upperBound)
            }
        }
        leftAsWritten = left
        source = Array(lines.joined(separator: [0x0A]))
    }

    /// The numbers of the lines outside fenced code and outside `::: v-pre` containers, and of
    /// the lines that open and close those containers.
    private static func interpolatedLines(_ lines: [[UInt8]]) -> (text: [Int], containerFences: [Int]) {
        var numbers: [Int] = []
        var fences: [Int] = []
        // Containers opened inside the `::: v-pre` (nil: outside one), so that its own `:::` is found.
        var depth: Int? = nil
        for number in GitBookBlocks.outsideCode(lines).text {
            let line = String(decoding: lines[number], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let isFence = line.hasPrefix(":::")
            if let open = depth {
                if isFence { depth = line == ":::" ? (open == 0 ? nil : open - 1) : open + 1 }
                if depth == nil { fences.append(number) }
                continue
            }
            if isFence && line.dropFirst(3).trimmingCharacters(in: .whitespaces) == "v-pre" {
                depth = 0
                fences.append(number)
                continue
            }
            numbers.append(number)
        }
        // A container never closed runs to the page's end, as markdown-it's containers do.
        return (numbers, fences)
    }

    /// Whether the byte at `index` is inside an element marked `v-pre` that opens earlier on the
    /// line (`<span v-pre>`) and does not close before it.
    private static func isInVPre(_ line: [UInt8], at index: Int) -> Bool {
        let before = String(decoding: line[..<index], as: UTF8.self)
        guard let mark = before.range(of: " v-pre", options: .backwards),
            let tagStart = before[..<mark.lowerBound].lastIndex(of: "<")
        else { return false }
        let name = before[before.index(after: tagStart)...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
        guard !name.isEmpty else { return false }
        return before[mark.upperBound...].range(of: "</\(name)>") == nil
    }

    /// `hero.name` for `$frontmatter.hero.name`; nil for any other expression.
    private static func frontMatterKey(_ expression: String) -> String? {
        guard expression.hasPrefix(frontMatter) else { return nil }
        let key = expression.dropFirst(frontMatter.count)
        let isName = { (part: Substring) in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$") }
        }
        return key.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(isName) ? String(key) : nil
    }

    /// `value` as Markdown text that reads as `value`.
    private static func markdownText(_ value: String) -> String {
        var text = ""
        for character in value {
            switch character {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "~", "|", "#", "{", "}": text += "\\" + String(character)
            case "\n", "\r\n": text += " "
            default: text.append(character)
            }
        }
        return text
    }
}
