import Foundation
import PropertyBased
import Testing

@testable import Markdown

/// Random Markdown made of the characters that matter to parsers (GitHub-flavoured ones too) never
/// crashes the bridge, and safe mode never lets a tag through.
@Suite struct MarkdownPropertyTests {
    static let pieces = [
        "#", "## ", "*", "_", "`", "```", "```tabell data=x\n", ">", "> ", "- ", "1. ", "[", "]", "(", ")",
        "![", "<", ">", "<script>", "</script>", "<img src=x onerror=alert(1)>", "javascript:", "&", "\"",
        "'", "\n", "\n\n", "\r\n", "\t", " ", "    ", "å", "ä", "ö", "é", "\u{0}", "\u{FEFF}", "\u{202E}",
        "a", "Göteborg", "1", "|", "\\", "---", "~~~", "<!--", "-->", "http://x", "[x]: /y", "&#0;", "&lt;",
        // GitHub-flavoured Markdown
        "|---|", "| :-: |", "\\|", "~", "~~", "[^1]", "[^1]: ", "www.a.se", "a@b.se", "[ ] ", "[x] ", "===",
        // Other generators' Markdown: admonitions, tabs, fenced blocks, definitions, attribute lists
        "!!! note ", "??? tip \"T\"\n", "=== \"A\"\n", "/// tip | T\n", "///\n", "////", "/// details\n",
        "    type: warning\n", "\n: ", "1.  ", "{ #a .b }", "{: #c }", "{id=\"d\"}", "\n{.e--f}", "\n{: #g }\n",
        // Hugo's shortcodes
        "{{< ref \"a.md\" >}}", "{{< figure src=\"x.png\" >}}", "{{< highlight go >}}", "{{< /highlight >}}",
        "{{</* x */>}}", "{{% note %}}", "{{% /note %}}", "\n{{% alert\n", "%}}\n", "{% tip() %}\n", "{% end %}\n",
        // Emoji names (the `_` in a name splits libcmark's text)
        ":tada:", ":man_raising_hand:", ":", "_hand:",
    ]
    static let markdown = Gen.element(of: pieces).map { $0 ?? "" }.array(of: 0...120).map { $0.joined() }

    struct Hooks: MarkdownHooks {
        func resolve(_ link: MarkdownLink) -> String? { link.destination.hasSuffix(".md") ? "../x/" : nil }
        func render(_ directive: FencedDirective) -> String? { directive.name == "tabell" ? "<table></table>" : nil }
    }

    @Test func rendersAnythingSafely() async {
        let renderer = MarkdownRenderer(options: MarkdownOptions(headingAnchorLabel: "Länk"))
        await propertyCheck(count: 1500, input: Self.markdown) { text in
            let doc = renderer.render(text, lineOffset: 3, hooks: Hooks())
            // No tag the input wrote gets through: only escaped text (&lt;script&gt;) may remain.
            #expect(!doc.html.contains("<script"))
            #expect(!Self.attributeNames(in: doc.html).contains("onerror"))
            #expect(!doc.html.contains("href=\"javascript:"))
            #expect(Set(doc.headings.map(\.id)).count == doc.headings.count)
            #expect(doc.headings.allSatisfy { $0.position.line > 3 })
            #expect(doc.links.allSatisfy { $0.position.column >= 1 })
        }
    }

    /// Every position the renderer reports (links, dropped HTML, `{#id}` problems) is a place in
    /// the text: a line it has, a column at most one past that line's last character.
    @Test func positionsStayInsideTheText() async {
        let pieces = Self.pieces + ["{#", "}", "{#a b}", "\n   ", "](x.md)", "<b>", "</b>", "<span id=x>"]
        let text = Gen.element(of: pieces).map { $0 ?? "" }.array(of: 0...120).map { $0.joined() }
        let renderer = MarkdownRenderer()
        await propertyCheck(count: 1500, input: text) { text in
            let doc = renderer.render(text, lineOffset: 2)
            // cmark reads \r, \n and \r\n as line ends; lines here are split the same way.
            let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
                separator: "\n", omittingEmptySubsequences: false
            )
            .flatMap { $0.split(separator: "\r", omittingEmptySubsequences: false) }
            let positions = doc.links.map(\.position) + doc.droppedHTML + doc.problems.map(\.position)
            for position in positions {
                #expect(
                    position.line >= 3 && position.line <= lines.count + 2, "\(position) in \(text.debugDescription)")
                guard position.line >= 3 && position.line <= lines.count + 2 else { continue }
                #expect(
                    position.column >= 1 && position.column <= lines[position.line - 3].count + 1,
                    "\(position) in \(text.debugDescription)")
            }
        }
    }

    /// Names of every attribute of every tag in `html` (quoted values skipped).
    static func attributeNames(in html: String) -> Set<String> {
        var names = Set<String>()
        var inTag = false
        var quote: Character? = nil
        var name = ""
        var readingName = false
        for ch in html {
            if let q = quote {
                if ch == q { quote = nil }
                continue
            }
            if !inTag {
                if ch == "<" {
                    inTag = true
                    readingName = false
                    name = ""
                }
                continue
            }
            switch ch {
            case ">": inTag = false
            case "\"", "'": quote = ch
            case " ", "\t", "\n":
                if !name.isEmpty { names.insert(name.lowercased()) }
                name = ""
                readingName = true
            case "=":
                if !name.isEmpty { names.insert(name.lowercased()) }
                name = ""
                readingName = false
            default: if readingName { name.append(ch) }
            }
        }
        return names
    }

    @Test func slugsAreAlwaysASCII() async {
        await propertyCheck(count: 1500, input: Self.markdown) { text in
            let slug = Slug.make(text)
            #expect(slug.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 })
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"))
        }
    }
}
