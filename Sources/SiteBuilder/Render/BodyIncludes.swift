import Foundation
import Markdown

/// mdBook's includes, put into a page body before its Markdown is read, as mdBook's `links`
/// preprocessor puts them (site.yaml's `markdown: {includes: <folder>}`):
///
/// - `{{#include file.rs}}` the file; `file.rs:2` its line 2, `file.rs:2:10` lines 2 to 10,
///   `file.rs::10` up to 10, `file.rs:2:` from 2; `file.rs:name` the lines between
///   `ANCHOR: name` and `ANCHOR_END: name` (other anchors' lines left out);
/// - `{{#rustdoc_include file.rs:…}}` the whole file, the lines outside the range or anchor
///   hidden (`# ` before them, Rust's hidden lines);
/// - `{{#playground file.rs editable}}` the file as a Rust code block (`rust,editable`);
/// - `\{{#include …}}` is the text `{{#include …}}`;
/// - with GitBook's blocks read (`markdown: {gitbook: true}`), `{% include "../.gitbook/includes/x.md" %}`,
///   a space's reusable content, is the whole file, as `{{#include}}` puts one in;
/// - with Vue read (`markdown: {vue: true}`), VitePress' `<!--@include: ./part.md-->` is the file
///   (`{3,10}` after it: those lines), its front matter left out;
/// - with MDX read (`markdown: {mdx: true}`), a component imported from a Markdown file
///   (`import Note from './_note.md'`, then `<Note />` at the start of a line) is that file, its
///   front matter left out, as Docusaurus puts in a partial.
///
/// Paths are relative to the file that includes; every file read must be in the includes folder.
/// An included file's own includes are put in too, ten deep at most. The text after an include
/// on its line is kept; the included lines after the first start with what stood before the
/// directive on its line (its indentation in a list, `> ` in a quote), as in mdBook.
struct BodyIncludes {
    /// The folder files may be included from, and the content folder, as real paths.
    let settings: IncludeSettings

    /// A body with its includes in, and where each of its lines came from.
    struct Expansion {
        var text: String
        /// For each line of `text` (from 0), the line of the body it came from (from 1) and, for
        /// a line an include brought, the directive's column.
        var origins: [(line: Int, includedAt: Int?)] = []
        /// Each file read, with its bytes (nil: none), for the preview to check again.
        var reads: [SiteRead] = []
        var problems: [(position: SourcePosition, message: String, hint: String)] = []

        /// Where the text at `position` (lines counted after `lineOffset`) is in the page's file:
        /// its own line, or the directive that brought it.
        func position(of position: SourcePosition, lineOffset: Int) -> SourcePosition {
            let index = position.line - lineOffset - 1
            guard origins.indices.contains(index) else { return position }
            let origin = origins[index]
            return SourcePosition(
                line: origin.line + lineOffset, column: origin.includedAt ?? position.column)
        }
    }

    static let names: Set<String> = ["include", "rustdoc_include", "playground"]
    static let maximumDepth = 10

    /// The body of the page made from `file` (below the content folder) with its includes put in;
    /// nil when it has none (most pages: a byte search finds no `{{`).
    func expand(_ body: String, file: String, lineOffset: Int) -> Expansion? {
        let partials = settings.mdx && body.containsUTF8("import ") ? Directive.mdxPartials(in: body) : [:]
        guard
            body.containsUTF8("{{") || settings.gitbook && body.containsUTF8("{%")
                || settings.vue && (body.containsUTF8("<!--@include:") || body.containsUTF8("<<< "))
                || !partials.isEmpty
        else { return nil }
        let folder = settings.content.appendingPathComponent(file).deletingLastPathComponent()
        var reads: [SiteRead] = []
        var problems: [(position: SourcePosition, message: String, hint: String)] = []
        var origins: [(line: Int, includedAt: Int?)] = []
        var changed = false
        let text = replace(
            body, folder: folder, depth: 0, partials: partials, changed: &changed,
            note: { reads.append($0) },
            problem: { offset, message, hint in
                let position = Self.position(ofByte: offset, in: body)
                problems.append(
                    (SourcePosition(line: position.line + lineOffset, column: position.column), message, hint))
            },
            origins: &origins)
        // A directive that could not be read is a problem, and the body is as written.
        guard changed || !problems.isEmpty || !reads.isEmpty else { return nil }
        return Expansion(text: text, origins: origins, reads: reads, problems: problems)
    }

    /// `text` with its directives replaced; `origins` gets a line's origin for each line of the
    /// result when given at the top level (depth 0).
    private func replace(
        _ text: String, folder: URL, depth: Int, partials: [String: String] = [:], changed: inout Bool,
        note: (SiteRead) -> Void,
        problem: (Int, String, String) -> Void, origins: inout [(line: Int, includedAt: Int?)]
    ) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var line = 1
        var column = 1
        let top = depth == 0
        if top { origins = [(1, nil)] }
        /// Copies body bytes, noting where each new line comes from.
        func copy(_ slice: ArraySlice<UInt8>) {
            for byte in slice {
                out.append(byte)
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                    if top { origins.append((line, nil)) }
                } else {
                    column += 1
                }
            }
        }
        /// Puts in included text: its lines come from the directive at `at`.
        func insert(_ included: [UInt8], at directiveColumn: Int) {
            for byte in included {
                out.append(byte)
                if byte == UInt8(ascii: "\n"), top { origins.append((line, directiveColumn)) }
            }
        }
        var start = 0
        var i = 0
        // The fence the line at `i` is inside: a `<<<` there is code, not a snippet.
        var fence: CodeFence? = nil
        while i + 2 < bytes.count {
            if (settings.vue || !partials.isEmpty) && (i == 0 || bytes[i - 1] == 0x0A) {
                let line = bytes[i..<(bytes[i...].firstIndex(of: 0x0A) ?? bytes.count)]
                if let open = fence {
                    if open.isClosed(by: line) { fence = nil }
                } else {
                    fence = CodeFence(opening: line)
                }
            }
            let isLiquid = settings.gitbook && bytes[i] == UInt8(ascii: "{") && bytes[i + 1] == UInt8(ascii: "%")
            let isComment = settings.vue && bytes[i] == UInt8(ascii: "<") && bytes[i + 1] == UInt8(ascii: "!")
            // A partial's tag starts its line (up to three spaces in), outside code.
            let partial =
                !partials.isEmpty && fence == nil && bytes[i] == UInt8(ascii: "<") && Self.startsLine(bytes, at: i)
                ? Directive(mdxPartial: bytes, at: i, partials: partials) : nil
            let snippet =
                settings.vue && fence == nil && bytes[i] == UInt8(ascii: "<") && bytes[i + 1] == UInt8(ascii: "<")
                    && (i == 0 || bytes[i - 1] == 0x0A) ? VitePressSnippet(bytes, at: i) : nil
            guard
                bytes[i] == UInt8(ascii: "{") && (bytes[i + 1] == UInt8(ascii: "{") || isLiquid) || isComment
                    || snippet != nil || partial != nil
            else {
                i += 1
                continue
            }
            // `\{{#…}}`: the text without its backslash, up to the last `}}` on the line.
            if i > 0, bytes[i - 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "#"),
                let end = Self.lastClose(in: bytes, from: i + 3)
            {
                copy(bytes[start..<(i - 1)])
                copy(bytes[i..<end])
                changed = true
                start = end
                i = end
                continue
            }
            let found =
                partial != nil
                ? partial
                : snippet != nil
                    ? snippet?.directive
                    : isComment
                        ? Directive(vitePressInclude: bytes, at: i)
                        : isLiquid ? Directive(gitbookInclude: bytes, at: i) : Directive(bytes, at: i)
            guard let directive = found, Self.names.contains(directive.name)
            else {
                i += 2
                continue
            }
            copy(bytes[start..<i])
            let directiveColumn = column
            if let included = read(directive, folder: folder, at: i, note: note, problem: problem) {
                var content = included.text
                if let snippet {
                    guard let code = snippet.code(content) else {
                        problem(
                            i, "'\(directive.path)' has no region '\(snippet.region ?? "")'",
                            "mark its lines with comments: #region \(snippet.region ?? "") and #endregion "
                                + (snippet.region ?? ""))
                        copy(bytes[i..<directive.end])
                        start = directive.end
                        i = directive.end
                        continue
                    }
                    content = code
                }
                if isComment { content = Self.withoutFrontMatter(content) }
                if isLiquid || partial != nil {
                    // GitBook's reusable content and MDX's partials have front matter (a title),
                    // not shown, and links from their own file; the including page is elsewhere.
                    content = Self.withoutFrontMatter(content)
                    if let from = FolderPath.relative(included.folder.path, to: settings.content) {
                        content = IncludedLinks.rebased(content, from: from)
                    }
                }
                if snippet != nil {
                    // Code is shown as it is: nothing in it is an include.
                } else if depth + 1 < Self.maximumDepth {
                    var none: [(line: Int, includedAt: Int?)] = []
                    content = replace(
                        content, folder: included.folder, depth: depth + 1,
                        partials: settings.mdx ? Directive.mdxPartials(in: content) : [:], changed: &changed,
                        note: note,
                        problem: { _, message, hint in problem(i, message, hint) }, origins: &none)
                } else if content.containsUTF8("{{#") {
                    problem(i, "includes nest more than \(Self.maximumDepth) deep", "an included file includes itself?")
                }
                // The lines after the first start with what stood before the directive on its line.
                let lineStart = out.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                let prefix = Array(out[lineStart...])
                var lines = content.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
                // As Rust's `lines()`: no empty line after a final newline.
                if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
                var joined: [UInt8] = []
                for (n, piece) in lines.enumerated() {
                    if n > 0 { joined += [UInt8(ascii: "\n")] + prefix }
                    joined += piece.last == UInt8(ascii: "\r") ? piece.dropLast() : piece[...]
                }
                insert(joined, at: directiveColumn)
                changed = true
                start = directive.end
            } else {
                // As mdBook leaves it: the directive as written; a partial's tag goes (the error
                // said what is wrong with it, and a component left out would be said again).
                if partial == nil { copy(bytes[i..<directive.end]) }
                start = directive.end
            }
            i = directive.end
        }
        copy(bytes[start...])
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` without the front matter it starts with (`---` lines around it), if any.
    static func withoutFrontMatter(_ text: String) -> String {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "---\r" }) else { return text }
        lines.removeSubrange(...close)
        while lines.first?.allSatisfy({ $0 == " " || $0 == "\r" }) == true && lines.count > 1 { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }

    /// The text a directive stands for and the folder its own includes are relative to; nil
    /// (with a problem) when its file cannot be read.
    private func read(
        _ directive: Directive, folder: URL, at offset: Int, note: (SiteRead) -> Void,
        problem: (Int, String, String) -> Void
    ) -> (text: String, folder: URL)? {
        // VitePress' `@/` (here `/`) is the content folder.
        let base = directive.path.hasPrefix("/") ? settings.content : folder
        let target = base.appendingPathComponent(directive.path).standardized
        let real = target.resolvingSymlinksInPath()
        guard FolderPath.relative(real.path, to: settings.root) != nil else {
            problem(
                offset, "'\(directive.path)' is outside the folder includes may read (\(settings.written))",
                "move the file into it, or name a folder that holds it in site.yaml's markdown: {includes: …}")
            return nil
        }
        let data = FileManager.default.contents(atPath: real.path)
        note(.included(path: real.path, data: data))
        guard let data else {
            problem(
                offset, "the file '\(directive.path)' to include does not exist",
                "the path is relative to this file: \(directive.path)")
            return nil
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = IncludedLines(text)
        let taken: String
        switch directive.name {
        case "playground":
            let kind = directive.properties.isEmpty ? "rust" : "rust," + directive.properties.joined(separator: ",")
            taken = "```\(kind)\n\(text.hasSuffix("\n") ? text : text + "\n")```\n"
        case "rustdoc_include":
            taken = lines.rustdoc(directive.selection)
        default:
            guard let selected = lines.take(directive.selection) else {
                problem(
                    offset, "'\(directive.path)' has no anchor '\(directive.selection.anchor ?? "")'",
                    "mark the lines with comments: ANCHOR: \(directive.selection.anchor ?? "") and ANCHOR_END: "
                        + (directive.selection.anchor ?? ""))
                return nil
            }
            taken = selected
        }
        return (taken, real.deletingLastPathComponent())
    }

    /// Whether only up to three spaces stand before `index` on its line.
    private static func startsLine(_ bytes: [UInt8], at index: Int) -> Bool {
        var i = index
        while i > 0, bytes[i - 1] == 0x20, index - i < 3 { i -= 1 }
        return i == 0 || bytes[i - 1] == 0x0A
    }

    /// The index just after the last `}}` on the line from `start`, nil without one.
    private static func lastClose(in bytes: [UInt8], from start: Int) -> Int? {
        var end: Int? = nil
        var i = start
        while i + 1 < bytes.count, bytes[i] != UInt8(ascii: "\n") {
            if bytes[i] == UInt8(ascii: "}"), bytes[i + 1] == UInt8(ascii: "}") { end = i + 2 }
            i += 1
        }
        return end
    }

    /// Line and column (from 1, in bytes) of byte `offset` of `text`.
    static func position(ofByte offset: Int, in text: String) -> SourcePosition {
        var line = 1
        var lineStart = 0
        for (i, byte) in text.utf8.prefix(offset).enumerated() where byte == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        return SourcePosition(line: line, column: offset - lineStart + 1)
    }
}
