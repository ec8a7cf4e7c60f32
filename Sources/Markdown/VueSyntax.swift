/// Vue in Markdown as VitePress (and VuePress) pages write it (`markdown: {vue: true}`), read as
/// the Markdown it stands for:
///
///     <script setup>                            a Vue block at the top level: left out, to its
///     import Teams from './Teams.vue'           closing tag (VitePress hoists `<script>` and
///     </script>                                 `<style>` out of the page into its component)
///     <Badge type="warning" text="beta" />      a badge: <span class="badge badge--warning">beta</span>
///     <Badge type="tip">new</Badge>             the same, its text between the tags
///     <Teams />  <Comp>text</Comp>              left out, the text inside shown
///
/// The components are Vue's, which Kretslopp does not run: `<Badge>` is VitePress' own and is
/// drawn as it draws it; every other component's tags are left out, its content shown, and
/// named in one warning per page (`MDXSyntax.leftOut`'s shape, said by `MarkdownWarnings`). HTML
/// (`<details>`, lower case) stays as it is. Inside fenced code nothing is read, and every line
/// keeps its number. A badge's text is not its heading's (`plainText(of:)`): VitePress leaves
/// badges out of heading ids and the page's outline.
struct VueSyntax {
    /// Components whose tags were left out: (1-based line, character column, `<Teams>`).
    private(set) var leftOut: [(line: Int, column: Int, name: String)] = []

    /// How a badge's HTML starts: `plainText(of:)` knows its text by it.
    static let badgeOpening = "<span class=\"badge badge--"

    /// Whether a page may have Vue's syntax: a `<` before a capital or an `s` (`<script>`, `<style>`).
    static func mayApply(to source: [UInt8]) -> Bool {
        source.withUnsafeBufferPointer { bytes in
            guard bytes.count > 1 else { return false }
            for index in 0..<bytes.count - 1 where bytes[index] == UInt8(ascii: "<") {
                let next = bytes[index + 1]
                if MDXSyntax.isUpper(next) || next == UInt8(ascii: "s") || next == UInt8(ascii: "/") { return true }
            }
            return false
        }
    }

    init(source: inout [UInt8]) {
        var lines = source.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let text = GitBookBlocks.outsideCode(lines).text
        Self.removeBlocks(&lines, text: text)
        var taken = Set<Int>()
        for tag in MDXSyntax.tagLines(lines, text: text) where tag.name != "Badge" {
            if !tag.isClosing { leftOut.append((tag.line + 1, tag.column, "<\(tag.name)>")) }
            for number in tag.line...tag.endLine {
                lines[number] = []
                taken.insert(number)
            }
        }
        for number in text where !taken.contains(number) && lines[number].contains(UInt8(ascii: "<")) {
            lines[number] = Self.withBadges(lines[number])
            let (kept, names) = MDXSyntax.withoutInlineComponents(lines[number])
            guard !names.isEmpty else { continue }
            lines[number] = kept
            leftOut += names.map { (number + 1, $0.column, "<\($0.name)>") }
        }
        leftOut.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        source = Array(lines.joined(separator: [0x0A]))
    }

    /// Blanks each `<script …>` and `<style …>` that starts a `text` line, through the line that
    /// closes it (an unclosed one stays as written).
    private static func removeBlocks(_ lines: inout [[UInt8]], text: [Int]) {
        let isText = Set(text)
        var number = 0
        while number < lines.count {
            defer { number += 1 }
            guard isText.contains(number), let name = blockName(lines[number]) else { continue }
            let closing = Array("</\(name)>".utf8)
            var last = number
            while last < lines.count, isText.contains(last), lines[last].firstRange(of: closing) == nil { last += 1 }
            guard last < lines.count, isText.contains(last) else { continue }
            for blank in number...last { lines[blank] = [] }
            number = last
        }
    }

    /// `script` or `style` when `line` opens one at its start (`<script setup lang="ts">`).
    private static func blockName(_ line: [UInt8]) -> String? {
        for name in ["script", "style"] {
            let open = Array("<\(name)".utf8)
            guard line.starts(with: open) else { continue }
            let after = line.dropFirst(open.count).first
            if after == nil || after == UInt8(ascii: ">") || after == 0x20 || after == 0x09 { return name }
        }
        return nil
    }

    /// `line` with each `<Badge … />` and `<Badge …>text</Badge>` outside code spans as the HTML
    /// VitePress' Badge draws (`type` tip by default; info, tip, warning or danger), Starlight's
    /// too (MDX, its `variant`).
    static func withBadges(_ line: [UInt8]) -> [UInt8] {
        ComponentTags.replacing(in: line, opening: "<Badge", badge)
    }

    /// The badge whose tag starts at `start`: its HTML and the index after it; nil when the tag
    /// is not a badge's or its content goes past the line.
    private static func badge(in line: [UInt8], at start: Int) -> (html: String, end: Int)? {
        let rest = Array(line[start...])
        guard let close = MDXSyntax.tagEnd(rest), let tag = MDXSyntax.parse(Array(rest[...close])),
            tag.name == "Badge", !tag.isClosing
        else { return nil }
        var end = start + close + 1
        var text = tag.attributes["text"].map(escapeText) ?? ""
        if !tag.isSelfClosing {
            // The content to `</Badge>` on this line is Markdown text, kept as written.
            let closing = Array("</Badge>".utf8)
            guard let found = line[end...].firstRange(of: closing) else { return nil }
            if text.isEmpty { text = String(decoding: line[end..<found.lowerBound], as: UTF8.self) }
            end = found.upperBound
        }
        let kinds: Set<String> = ["info", "tip", "warning", "danger"]
        // Starlight's (MDX) `variant`: note, tip, caution, danger, success, default.
        let variants = ["note": "info", "tip": "tip", "caution": "warning", "danger": "danger", "success": "tip"]
        let kind =
            tag.attributes["type"].flatMap { kinds.contains($0) ? $0 : nil }
            ?? tag.attributes["variant"].flatMap { variants[$0] ?? "info" } ?? "tip"
        return (badgeOpening + kind + "\">" + text + "</span>", end)
    }

    private static func escapeText(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
