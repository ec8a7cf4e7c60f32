/// MDX as Docusaurus pages write it (`markdown: {mdx: true}`; Docusaurus reads `.md` files as MDX
/// too), read as the Markdown it stands for:
///
///     import Tabs from '@theme/Tabs';           ESM at the top level: left out, to the next
///     export const year = 2024;                 blank line (as MDX reads an ESM block)
///     {/* a comment */}                         left out
///     <Tabs> <TabItem value="npm" label="npm"> … </TabItem> … </Tabs>   content tabs
///     <Admonition type="tip" title="Tip"> … </Admonition>                an admonition
///     <Highlight color="#25c2a0">text</Highlight>    the text; the component's tags left out
///     <BrowserWindow /> <DocCardList />         left out
///     <TOCInline toc={toc} />                   left out: the theme lists the page's contents
///
/// The components are React's, which Kretslopp does not run: the tabs and admonitions become
/// pymdownx's fenced blocks (`/// tab | npm`), read as an MkDocs tree's are, and every other
/// component's tags are left out, its content shown, and named in one warning per page. HTML
/// (`<details>`, lower case) stays as it is. MDX has no indented code, so the lines inside a
/// component's tags lose the indentation they share (`<TabItem>`'s content is most often
/// indented). Inside fenced code nothing is read, and every line keeps its number.
struct MDXSyntax {
    /// Components whose tags were left out: (1-based line, character column, `<Highlight>`).
    private(set) var leftOut: [(line: Int, column: Int, name: String)] = []
    /// HTML attributes whose values are JavaScript expressions, left out (`MDXAttributes`).
    private(set) var expressionsLeftOut: [(line: Int, column: Int, name: String)] = []

    /// Whether a page may have MDX's syntax: a cheap look before the pass.
    static func mayApply(to source: [UInt8]) -> Bool {
        source.withUnsafeBufferPointer { bytes in
            guard bytes.count > 1 else { return false }
            for index in 0..<bytes.count - 1 {
                let (byte, next) = (bytes[index], bytes[index + 1])
                if byte == UInt8(ascii: "<") && (isUpper(next) || next == UInt8(ascii: "/")) { return true }
                if byte == UInt8(ascii: "{") && next == UInt8(ascii: "/") { return true }
                if (byte == UInt8(ascii: "i") || byte == UInt8(ascii: "e")) && (index == 0 || bytes[index - 1] == 0x0A)
                    && (startsESM(bytes[index...]))
                {
                    return true
                }
            }
            return false
        }
    }

    init(source: inout [UInt8]) {
        var lines = source.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let text = GitBookBlocks.outsideCode(lines).text
        let isText = Set(text)
        let imports = Self.removeESM(&lines, text: text)
        Self.removeComments(&lines, text: text, isText: isText)
        let tags = Self.tagLines(lines, text: text)
        let pairs = Self.pair(tags)
        Self.dedent(&lines, tags: tags, pairs: pairs)
        var depth = 0
        var depths: [Int] = []
        for (n, tag) in tags.enumerated() {
            if tag.isClosing { depth -= pairs[n] != nil && tag.isBlock ? 1 : 0 }
            depths.append(depth)
            if !tag.isClosing && pairs[n] != nil && tag.isBlock { depth += 1 }
        }
        let deepest = depths.max() ?? 0
        // A `<Tabs>` whose first tab has not come yet: the line it stands on.
        var tabsLine: Int? = nil
        for (n, tag) in tags.enumerated() {
            let slashes = [UInt8](repeating: UInt8(ascii: "/"), count: 3 + deepest - depths[n])
            let paired = pairs[n] != nil
            switch (tag.name, tag.isClosing) {
            case ("Tabs", false) where paired:
                tabsLine = tag.line
                lines[tag.line] = []
            case ("Tabs", true) where paired:
                lines[tag.line] = []
            case ("TabItem", false) where paired:
                let title = tag.attributes["label"] ?? tag.attributes["value"] ?? "Tab"
                let opening = slashes + Array(" tab | \(Self.oneLine(title))".utf8)
                // The first tab of a set says so on the line under its own (pymdownx's `new:`); its
                // opening takes the line before: the `<Tabs>` line or a blank one.
                if let tabs = tabsLine, tag.line > 0, tabs == tag.line - 1 || lines[tag.line - 1][...].isBlankLine {
                    lines[tag.line - 1] = opening
                    lines[tag.line] = Array("    new: true".utf8)
                } else {
                    lines[tag.line] = opening
                }
                tabsLine = nil
            case ("Admonition", false) where paired, ("Aside", false) where paired:
                let type = tag.attributes["type"].map { $0.lowercased() } ?? "note"
                let title = tag.attributes["title"].map { " | " + Self.oneLine($0) } ?? ""
                lines[tag.line] = slashes + Array(" \(type)\(title)".utf8)
            case ("LinkCard", false) where tag.isSelfClosing:
                lines[tag.line] = Array(Self.linkItem(tag.attributes).utf8)
            case ("LinkButton", false) where paired && tags[pairs[n]!].line == tag.endLine + 2:
                // Around one line of text: that line is the link.
                let text = String(decoding: lines[tag.endLine + 1], as: UTF8.self)
                lines[tag.endLine + 1] = Array(MDXLinkButtons.link(text: text, attributes: tag.attributes).utf8)
                lines[tag.line] = []
            case ("Card", false) where paired && tag.attributes["title"] != nil:
                // Starlight's card: its title in bold over its text, the tags left out and said.
                leftOut.append((tag.line + 1, tag.column, "<Card>"))
                lines[tag.line] = Array("**\(Self.oneLine(tag.attributes["title"]!))**".utf8)
            case ("TabItem", true) where paired, ("Admonition", true) where paired, ("Aside", true) where paired:
                lines[tag.line] = slashes
            default:
                if !tag.isClosing && !Self.shownByTheTheme.contains(tag.name) {
                    leftOut.append((tag.line + 1, tag.column, "<\(tag.name)>"))
                }
                lines[tag.line] = []
            }
            for continued in tag.line + 1..<tag.endLine + 1 { lines[continued] = [] }
        }
        let taken = Set(tags.flatMap { $0.line...$0.endLine })
        for number in text where !taken.contains(number) {
            guard lines[number].contains(UInt8(ascii: "<")) else { continue }
            lines[number] = MDXLinkButtons.inLine(VueSyntax.withBadges(lines[number]))
            let (kept, names) = Self.withoutInlineComponents(lines[number])
            guard !names.isEmpty else { continue }
            lines[number] = kept
            leftOut += names.filter { !Self.shownByTheTheme.contains($0.name) }.map {
                (number + 1, $0.column, "<\($0.name)>")
            }
        }
        leftOut.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        expressionsLeftOut = MDXAttributes.rewrite(&lines, text: text, skipping: taken, imports: imports).reversed()
        source = Array(lines.joined(separator: [0x0A]))
    }

    /// Starlight's `<LinkCard title="…" href="…" description="…" />` as a list item: its link, then
    /// its description (cards in a row make one list).
    static func linkItem(_ attributes: [String: String]) -> String {
        let title = oneLine(attributes["title"] ?? attributes["href"] ?? "")
        let escaped = title.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
        let description = attributes["description"].map { ": " + oneLine($0) } ?? ""
        return "- [\(escaped)](<\(attributes["href"] ?? "")>)" + description
    }

    /// Components whose content the theme shows anyway, left out without a word: `<TOCInline>`,
    /// the page's contents, which the theme lists beside the page ("On this page").
    static let shownByTheTheme: Set<String> = ["TOCInline"]

    // MARK: ESM and comments

    /// Whether `bytes` starts an `import` or `export` statement as MDX reads one at the top level.
    private static func startsESM<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        let line = bytes.prefix { $0 != 0x0A }
        for keyword in ["import ", "import{", "export "] where line.starts(with: keyword.utf8) {
            let rest = String(decoding: line.dropFirst(keyword.count), as: UTF8.self)
            if keyword.hasPrefix("import") {
                // `import x from '…'`, `import {a, b} from "…"`, `import '…'`, or an import across lines.
                return rest.contains(" from ") || rest.first == "'" || rest.first == "\"" || rest.hasSuffix("{")
                    || keyword == "import{"
            }
            return ["const ", "let ", "var ", "function ", "default ", "{", "*", "class ", "async "].contains {
                rest.hasPrefix($0)
            }
        }
        return false
    }

    /// Blanks the `import`/`export` statements that start a paragraph on the `text` lines, to the
    /// next blank line.
    /// Returns the files the statements import by a name (`import logo from './logo.png'`: `logo`
    /// is `./logo.png`), for the attributes that name them.
    private static func removeESM(_ lines: inout [[UInt8]], text: [Int]) -> [String: String] {
        var imports: [String: String] = [:]
        var inStatement = false
        var previous = -1
        for number in text {
            let follows = number == previous + 1
            previous = number
            if inStatement && follows && !lines[number][...].isBlankLine {
                lines[number] = []
                continue
            }
            inStatement = false
            let opensParagraph = number == 0 || lines[number - 1][...].isBlankLine
            if opensParagraph && startsESM(lines[number][...]) {
                let line = String(decoding: lines[number], as: UTF8.self)
                if let match = line.wholeMatch(of: /import\s+([A-Za-z_$][A-Za-z0-9_$]*)\s+from\s+['"]([^'"]+)['"];?\s*/)
                {
                    imports[String(match.output.1)] = String(match.output.2)
                }
                lines[number] = []
                inStatement = true
            }
        }
        return imports
    }

    /// Blanks each `{/* … */}` on the `text` lines; one across lines takes its lines with it.
    private static func removeComments(_ lines: inout [[UInt8]], text: [Int], isText: Set<Int>) {
        let open = Array("{/*".utf8)
        let close = Array("*/}".utf8)
        for number in text {
            while let start = lines[number].firstRange(of: open) {
                if let end = lines[number][start.upperBound...].firstRange(of: close) {
                    lines[number].removeSubrange(start.lowerBound..<end.upperBound)
                    continue
                }
                // Across lines: to the line that closes it, all text; else it stays as written.
                var last = number + 1
                while last < lines.count, isText.contains(last), lines[last].firstRange(of: close) == nil { last += 1 }
                guard last < lines.count, isText.contains(last), let end = lines[last].firstRange(of: close) else {
                    break
                }
                lines[number].removeSubrange(start.lowerBound...)
                for between in number + 1..<last { lines[between] = [] }
                lines[last].removeSubrange(..<end.upperBound)
                if lines[number][...].isBlankLine && lines[last][...].isBlankLine { lines[last] = [] }
            }
        }
    }

    // MARK: Components on lines of their own

    struct Tag {
        /// 0-based line the tag starts on, and the one it ends on (attributes may take several).
        var line: Int
        var endLine: Int
        var column: Int
        var name: String
        var isClosing: Bool
        /// `<X />`: no content, so no block.
        var isSelfClosing: Bool
        var attributes: [String: String]
        var isBlock: Bool { !isSelfClosing }
    }

    /// The component tags that stand alone on `text` lines (`<TabItem value="a">`, `</Tabs>`,
    /// `<DocCardList />`), those whose attributes go on over the next lines too.
    static func tagLines(_ lines: [[UInt8]], text: [Int]) -> [Tag] {
        var found: [Tag] = []
        var skipTo = -1
        let isText = Set(text)
        for number in text where number > skipTo {
            let line = lines[number]
            let content = line.drop { $0 == 0x20 || $0 == 0x09 }
            guard content.count > 2, content.first == UInt8(ascii: "<"),
                isUpper(content[content.startIndex + 1])
                    || (content[content.startIndex + 1] == UInt8(ascii: "/") && content.count > 3
                        && isUpper(content[content.startIndex + 2]))
            else { continue }
            // The tag may go on over the next lines (one attribute on each), to its `>`.
            var written = Array(content)
            var end = number
            var scanned = tagEnd(written)
            while scanned == nil, end + 1 < lines.count, isText.contains(end + 1), end - number < 40 {
                end += 1
                written += [0x20] + lines[end]
                scanned = tagEnd(written)
            }
            guard let close = scanned,
                written[close...].dropFirst().allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
            else { continue }
            guard var tag = parse(Array(written[...close])) else { continue }
            tag.line = number
            tag.endLine = end
            tag.column = line.count - content.count + 1
            found.append(tag)
            skipTo = end
        }
        return found
    }

    /// The index of the `>` that ends the tag starting `bytes`, outside quotes and braces.
    static func tagEnd(_ bytes: [UInt8]) -> Int? {
        var quote: UInt8? = nil
        var braces = 0
        for (index, byte) in bytes.enumerated() {
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "{") {
                braces += 1
            } else if byte == UInt8(ascii: "}") {
                braces -= 1
            } else if byte == UInt8(ascii: ">") && braces == 0 {
                return index
            }
        }
        return nil
    }

    /// `<Name a="x" b='y' c={…} d>`, `</Name>` or `<Name />` read (an attribute's value is a
    /// string's, also one written as an expression, `label={'npm'}`); nil for anything else.
    static func parse(_ tag: [UInt8]) -> Tag? {
        if tag.count > 2, tag[1] == UInt8(ascii: "/") {
            let name = tag[2...].prefix { isNameByte($0) }
            guard !name.isEmpty else { return nil }
            return Tag(
                line: 0, endLine: 0, column: 0, name: String(decoding: name, as: UTF8.self), isClosing: true,
                isSelfClosing: false, attributes: [:])
        }
        guard let read = MDXAttributes.Tag(tag) else { return nil }
        var attributes: [String: String] = [:]
        for (name, value) in read.attributes {
            switch value {
            case .none: attributes[name] = ""
            case .quoted(let text): attributes[name] = text
            case .expression(let expression): attributes[name] = MDXAttributes.Tag.literal(expression)
            }
        }
        return Tag(
            line: 0, endLine: 0, column: 0, name: read.name, isClosing: false, isSelfClosing: read.selfClosing,
            attributes: attributes)
    }

    /// For each tag, the index of its other half (nil when it has none).
    private static func pair(_ tags: [Tag]) -> [Int?] {
        var pairs = [Int?](repeating: nil, count: tags.count)
        var open: [Int] = []
        for (n, tag) in tags.enumerated() where tag.isBlock {
            if !tag.isClosing {
                open.append(n)
            } else if let match = open.lastIndex(where: { tags[$0].name == tag.name }) {
                pairs[n] = open[match]
                pairs[open[match]] = n
                open.removeSubrange(match...)
            }
        }
        return pairs
    }

    /// Takes from each line between a pair of tags the indentation the lines of that pair share
    /// (the innermost pair's): MDX reads no indented code, Markdown does.
    private static func dedent(_ lines: inout [[UInt8]], tags: [Tag], pairs: [Int?]) {
        var innermost = [Int?](repeating: nil, count: lines.count)
        var ranges: [(from: Int, to: Int)] = []
        for (n, tag) in tags.enumerated() where !tag.isClosing {
            guard let other = pairs[n] else { continue }
            ranges.append((tag.endLine + 1, tags[other].line))
        }
        // Outer pairs first, so inner ones win.
        for (r, range) in ranges.enumerated().sorted(by: { $0.element.from < $1.element.from }) {
            for number in range.from..<max(range.from, range.to) { innermost[number] = r }
        }
        // Spaces or tabs (Starlight's pages indent with tabs), each one character.
        func indentation(_ line: [UInt8]) -> Int { line.prefix { $0 == 0x20 || $0 == 0x09 }.count }
        var shared = [Int](repeating: Int.max, count: ranges.count)
        for (number, r) in innermost.enumerated() {
            guard let r, !lines[number][...].isBlankLine else { continue }
            shared[r] = min(shared[r], indentation(lines[number]))
        }
        for (number, r) in innermost.enumerated() {
            guard let r, shared[r] != Int.max, shared[r] > 0 else { continue }
            lines[number].removeFirst(min(shared[r], indentation(lines[number])))
        }
    }

    // MARK: Components inside a line

    /// `line` without the component tags in it (outside code spans), and those tags' names and
    /// 1-based columns.
    static func withoutInlineComponents(_ line: [UInt8]) -> (line: [UInt8], names: [(column: Int, name: String)]) {
        var kept: [UInt8] = []
        kept.reserveCapacity(line.count)
        var names: [(column: Int, name: String)] = []
        var index = 0
        var inCode = false
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "`") { inCode.toggle() }
            if !inCode, byte == UInt8(ascii: "<"), index + 1 < line.count,
                isUpper(line[index + 1])
                    || (line[index + 1] == UInt8(ascii: "/") && index + 2 < line.count
                        && isUpper(line[index + 2])),
                let end = tagEnd(Array(line[index...])), let tag = parse(Array(line[index...(index + end)]))
            {
                if !tag.isClosing { names.append((index + 1, tag.name)) }
                index += end + 1
                continue
            }
            kept.append(byte)
            index += 1
        }
        return (kept, names)
    }

    static func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "_")
    }

    /// A title on one line, as a block's first line holds it.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
