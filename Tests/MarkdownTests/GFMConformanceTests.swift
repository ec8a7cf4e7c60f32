import Foundation
import Testing

@testable import Markdown

/// The examples of the GitHub Flavored Markdown spec and of cmark-gfm's extension tests, read at
/// test time from `../shared/reference` beside the repository (see its README for the format).
///
/// Rendered as the spec assumes: raw HTML on, no smart punctuation, no heading anchors. The
/// renderer always gives headings an id; the normaliser drops `id` from `<h1>`…`<h6>` on both
/// sides (the spec's expected HTML has none) instead of the renderer growing a test-only option.
@Suite struct GFMConformanceTests {
    static let referenceFolder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/reference")

    struct Example {
        var number: Int
        var section: String
        var kind: String
        var markdown: String
        var html: String
    }

    static func examples(_ name: String, kindFromSection: Bool) throws -> [Example] {
        let url = referenceFolder.appendingPathComponent(name)
        // A missing file fails the test (it throws), never skips it.
        let text = try String(contentsOf: url, encoding: .utf8)
        let fence = String(repeating: "`", count: 32)
        var result: [Example] = []
        var section = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            // Sections are the level-2 headings (`## Tables`); `###` headings sub-divide them.
            if line.hasPrefix("## ") || line.hasPrefix("# ") {
                section = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard line.hasPrefix(fence + " example") else { continue }
            let marker = line.dropFirst(fence.count + " example".count).trimmingCharacters(in: .whitespaces)
            var markdown: [Substring] = []
            while let next = lines.popFirst(), next != "." { markdown.append(next) }
            var html: [Substring] = []
            while let next = lines.popFirst(), next != Substring(fence) { html.append(next) }
            let tab = { (s: [Substring]) in s.map { $0.replacingOccurrences(of: "→", with: "\t") + "\n" }.joined() }
            let kind = kindFromSection ? extensionKind(section) : marker
            result.append(
                Example(
                    number: result.count + 1, section: section, kind: kind,
                    markdown: tab(markdown), html: tab(html)))
        }
        return result
    }

    /// The extension a section of gfm-extensions.txt tests.
    static func extensionKind(_ section: String) -> String {
        switch section.lowercased() {
        case let s where s.contains("table"): "table"
        case let s where s.hasPrefix("strikethrough"): "strikethrough"
        case let s where s.hasPrefix("autolink"): "autolink"
        case let s where s.contains("tag filter"): "tagfilter"
        case let s where s.hasPrefix("footnote"): "footnotes"
        case let s where s.hasPrefix("interop"): "interop"
        case let s where s.hasPrefix("task"): "tasklist"
        default: section
        }
    }

    /// The tag filter is an option of its own (off by default): only its examples turn it on,
    /// as cmark-gfm's spec runner turns on only the extension an example names.
    static func render(_ example: Example, gfm: Bool) -> String {
        MarkdownRenderer(
            options: MarkdownOptions(
                unsafeHTML: true, smartPunctuation: false, headingAnchorLabel: nil,
                gfm: gfm, tagFilter: example.kind == "tagfilter")
        )
        .render(example.markdown).html
    }

    static func passes(_ example: Example, gfm: Bool) -> Bool {
        let html = render(example, gfm: gfm)
        // cmark-gfm's own marker for "must not crash; output irrelevant".
        if example.html.hasPrefix("<IGNORE>") { return true }
        return HTMLNormaliser.normalise(html) == HTMLNormaliser.normalise(example.html)
    }

    /// Counts passes per kind and prints them.
    static func tally(_ examples: [Example], gfm: Bool, file: String) -> [String: (passed: [Int], failed: [Int])] {
        var counts: [String: (passed: [Int], failed: [Int])] = [:]
        for example in examples {
            let key = example.kind.isEmpty ? "commonmark" : example.kind
            var entry = counts[key] ?? ([], [])
            if passes(example, gfm: gfm) {
                entry.passed.append(example.number)
            } else {
                entry.failed.append(example.number)
            }
            counts[key] = entry
        }
        for key in counts.keys.sorted() {
            let entry = counts[key]!
            print(
                "\(file) gfm=\(gfm) \(key): \(entry.passed.count)/\(entry.passed.count + entry.failed.count) pass; "
                    + "failing: \(entry.failed)"
            )
        }
        return counts
    }

    @Test func gfmSpecExamples() throws {
        let examples = try Self.examples("gfm-spec.txt", kindFromSection: false)
        #expect(examples.count > 600)
        let baseline = Self.tally(examples, gfm: false, file: "gfm-spec.txt")
        let extended = Self.tally(examples, gfm: true, file: "gfm-spec.txt")
        // The spec's task list examples are marked `disabled` (cmark-gfm's runner skips them).
        for kind in ["table", "strikethrough", "autolink", "disabled", "tagfilter"] {
            let failed = extended[kind]?.failed ?? []
            #expect(extended[kind] != nil, "no \(kind) examples found")
            #expect(failed.isEmpty, "\(kind) examples failing: \(failed)")
        }
        // The CommonMark examples: GFM on loses none that plain libcmark passes, except where the
        // only difference is an extended autolink (cmark-gfm's runner renders these examples
        // without extensions; with its autolink extension on, `<http://a.b c>` links too).
        let lost = Set(baseline["commonmark"]?.passed ?? []).subtracting(extended["commonmark"]?.passed ?? [])
        var unexplained: [Int] = []
        var byAutolinks: [Int] = []
        for number in lost.sorted() {
            let example = examples[number - 1]
            let plain = HTMLNormaliser.normalise(Self.render(example, gfm: false))
            let extendedHTML = HTMLNormaliser.normalise(Self.render(example, gfm: true))
            if HTMLNormaliser.removingExtendedAutolinks(extendedHTML) == plain {
                byAutolinks.append(number)
            } else {
                unexplained.append(number)
            }
        }
        print("gfm-spec.txt CommonMark examples that differ only by an extended autolink: \(byAutolinks)")
        #expect(unexplained.isEmpty, "CommonMark examples passing without GFM but failing with it: \(unexplained)")
    }

    @Test func cmarkGFMExtensionExamples() throws {
        let examples = try Self.examples("gfm-extensions.txt", kindFromSection: true)
        #expect(examples.count > 20)
        let extended = Self.tally(examples, gfm: true, file: "gfm-extensions.txt")
        for kind in ["table", "strikethrough", "autolink", "footnotes", "interop", "tasklist", "tagfilter"] {
            let failed = extended[kind]?.failed ?? []
            #expect(extended[kind] != nil, "no \(kind) examples found")
            #expect(failed.isEmpty, "\(kind) examples failing: \(failed)")
        }
    }
}

/// Normalises HTML the way cmark's spec_tests normaliser does: whitespace around block tags
/// dropped and elsewhere collapsed (except in `<pre>`), attributes sorted, `<br />` the same as
/// `<br>`. Also drops `id` from headings (see GFMConformanceTests).
enum HTMLNormaliser {
    static let blockTags: Set<String> = [
        "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map", "button",
        "object", "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd", "progress", "div",
        "section", "dl", "table", "td", "dt", "tbody", "embed", "textarea", "fieldset", "tfoot", "figcaption",
        "th", "figure", "thead", "footer", "tr", "form", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "video",
        "script", "style",
    ]
    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    private enum Last { case startTag, endTag, other }

    static func normalise(_ html: String) -> String {
        var output = ""
        var last = Last.startTag
        var lastTag = ""
        var inPre = false
        let scalars = Array(html.unicodeScalars)
        var index = 0
        var text = ""

        func flushText() {
            guard !text.isEmpty else { return }
            var data = text
            text = ""
            let afterTag = last == .startTag || last == .endTag
            let afterBlockTag = afterTag && blockTags.contains(lastTag)
            if afterTag && lastTag == "br" { data = String(data.drop(while: { $0 == "\n" })) }
            if !inPre { data = collapse(data) }
            if afterBlockTag && !inPre {
                if last == .startTag {
                    data = String(data.drop(while: \.isWhitespace))
                } else {
                    data = data.trimmingCharacters(in: .whitespacesAndNewlines)
                }
            }
            output += data
            last = .other
        }

        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "<", let (tag, end) = readTag(scalars, index) else {
                text.unicodeScalars.append(scalar)
                index += 1
                continue
            }
            flushText()
            index = end
            switch tag {
            case .raw(let raw):
                output += raw
                last = .other
            case .end(let name):
                if name == "pre" { inPre = false } else if blockTags.contains(name) { output = trimmedEnd(output) }
                output += "</\(name)>"
                lastTag = name
                last = .endTag
            case .start(let name, var attributes, let selfClosing):
                if name == "pre" { inPre = true }
                if blockTags.contains(name) { output = trimmedEnd(output) }
                if headingTags.contains(name) { attributes.removeAll { $0.name == "id" } }
                output += "<" + name
                for attribute in attributes.sorted(by: { $0.name < $1.name }) {
                    output += " " + attribute.name
                    if let value = attribute.value { output += "=\"\(value)\"" }
                }
                output += ">"
                lastTag = name
                last = selfClosing ? .endTag : .startTag
            }
        }
        flushText()
        return output
    }

    /// Normalised HTML with every extended autolink (`<a href="X">T</a>` where X is T,
    /// `http://` + T or `mailto:` + T) replaced by its text.
    static func removingExtendedAutolinks(_ html: String) -> String {
        var result = html
        while let open = result.range(of: "<a href=\""), let quote = result[open.upperBound...].firstIndex(of: "\""),
            result[quote...].hasPrefix("\">"), let close = result[quote...].range(of: "</a>")
        {
            let href = String(result[open.upperBound..<quote])
            let text = String(result[result.index(quote, offsetBy: 2)..<close.lowerBound])
            let escaped = text.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? text
            guard [text, escaped, "http://" + text, "mailto:" + text].contains(href) else { break }
            result.replaceSubrange(open.lowerBound..<close.upperBound, with: text)
        }
        return result
    }

    private static func collapse(_ text: String) -> String {
        var result = ""
        var inSpace = false
        for character in text {
            if character == " " || character == "\n" || character == "\t" || character == "\r" {
                if !inSpace { result.append(" ") }
                inSpace = true
            } else {
                result.append(character)
                inSpace = false
            }
        }
        return result
    }

    private static func trimmedEnd(_ text: String) -> String {
        var text = text
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }

    private enum Tag {
        case start(String, [(name: String, value: String?)], selfClosing: Bool)
        case end(String)
        case raw(String)
    }

    /// Reads a tag, comment, declaration or processing instruction at `start`; nil when `<`
    /// starts none (it is text then).
    private static func readTag(_ s: [Unicode.Scalar], _ start: Int) -> (Tag, Int)? {
        func find(_ needle: String, from: Int) -> Int? {
            let n = Array(needle.unicodeScalars)
            var i = from
            while i + n.count <= s.count {
                if Array(s[i..<(i + n.count)]) == n { return i }
                i += 1
            }
            return nil
        }
        func string(_ range: Range<Int>) -> String {
            var r = ""
            r.unicodeScalars.append(contentsOf: s[range])
            return r
        }
        var i = start + 1
        guard i < s.count else { return nil }
        if s[i] == "!" {
            if i + 2 < s.count && s[i + 1] == "-" && s[i + 2] == "-" {
                guard let end = find("-->", from: i + 3) else { return nil }
                return (.raw(string(start..<(end + 3))), end + 3)
            }
            guard let end = find(">", from: i) else { return nil }
            return (.raw(string(start..<(end + 1))), end + 1)
        }
        if s[i] == "?" {
            guard let end = find(">", from: i) else { return nil }
            return (.raw(string(start..<(end + 1))), end + 1)
        }
        var closing = false
        if s[i] == "/" {
            closing = true
            i += 1
        }
        let nameStart = i
        guard i < s.count, s[i].isASCII, s[i].properties.isAlphabetic else { return nil }
        while i < s.count
            && (s[i].isASCII && (s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) || s[i] == "-"))
        { i += 1 }
        let name = string(nameStart..<i).lowercased()
        if closing {
            while i < s.count && s[i].properties.isWhitespace { i += 1 }
            guard i < s.count && s[i] == ">" else { return nil }
            return (.end(name), i + 1)
        }
        var attributes: [(name: String, value: String?)] = []
        while true {
            while i < s.count && s[i].properties.isWhitespace { i += 1 }
            guard i < s.count else { return nil }
            if s[i] == ">" { return (.start(name, attributes, selfClosing: false), i + 1) }
            if s[i] == "/" && i + 1 < s.count && s[i + 1] == ">" {
                return (.start(name, attributes, selfClosing: true), i + 2)
            }
            let attributeStart = i
            while i < s.count && !s[i].properties.isWhitespace && s[i] != "=" && s[i] != ">" && s[i] != "/" { i += 1 }
            guard i > attributeStart else { return nil }
            let attributeName = string(attributeStart..<i).lowercased()
            while i < s.count && s[i].properties.isWhitespace { i += 1 }
            var value: String?
            if i < s.count && s[i] == "=" {
                i += 1
                while i < s.count && s[i].properties.isWhitespace { i += 1 }
                guard i < s.count else { return nil }
                if s[i] == "\"" || s[i] == "'" {
                    let quote = s[i]
                    guard let end = s[(i + 1)...].firstIndex(of: quote) else { return nil }
                    value = string((i + 1)..<end)
                    i = end + 1
                } else {
                    let valueStart = i
                    while i < s.count && !s[i].properties.isWhitespace && s[i] != ">" { i += 1 }
                    value = string(valueStart..<i)
                }
            }
            attributes.append((attributeName, value))
        }
    }
}
