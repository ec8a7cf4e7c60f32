import Markdown

/// An mdBook's `SUMMARY.md` read as mdBook reads it: its title (ignored), prefix chapters,
/// part titles (`# Part`), numbered chapters (`- [Title](path.md)`, nested by indentation),
/// draft chapters (`- [Title]()`), separators (`---`) and suffix chapters; GitBook's too, whose
/// groups are `## Group` headings.
struct MdBookSummary {
    struct Chapter: Equatable {
        /// The link's text, as plain text (mdBook's sidebar shows it so).
        var title: String
        /// The Markdown file below the source folder; nil for a draft chapter.
        var path: String?
        var line: Int
        var children: [Chapter] = []
        /// A list item (numbered), not a prefix or suffix chapter.
        var isNumbered = false
    }

    enum Item: Equatable {
        case chapter(Chapter)
        /// A part title: the chapters after it, up to the next part or suffix chapter, are its.
        case part(title: String, line: Int, chapters: [Chapter])
    }

    private(set) var items: [Item] = []
    /// Lines that are none of the above, which mdBook does not read either.
    private(set) var unread: [(line: Int, text: String)] = []

    /// Every chapter's file, in the order of the book.
    var paths: [String] {
        func walk(_ chapters: [Chapter]) -> [String] {
            chapters.flatMap { chapter in (chapter.path.map { [$0] } ?? []) + walk(chapter.children) }
        }
        return items.flatMap { item -> [String] in
            switch item {
            case .chapter(let chapter): walk([chapter])
            case .part(_, _, let chapters): walk(chapters)
            }
        }
    }

    /// `levelTwoParts`: a `##` heading is a part title too, as GitBook writes a group.
    init(text: String, levelTwoParts: Bool = false) {
        /// The numbered chapters open at each indentation, outermost first.
        var open: [(indent: Int, chapter: Chapter)] = []
        var seenAnything = false
        var inComment = false

        func closeAll() {
            while !open.isEmpty { closeInnermost() }
        }
        func closeInnermost() {
            let (_, chapter) = open.removeLast()
            if open.isEmpty {
                add(chapter)
            } else {
                open[open.count - 1].chapter.children.append(chapter)
            }
        }
        func add(_ chapter: Chapter) {
            // A numbered chapter after a part title is the part's.
            if case .part(let title, let line, var chapters) = items.last, chapter.isNumbered {
                chapters.append(chapter)
                items[items.count - 1] = .part(title: title, line: line, chapters: chapters)
            } else {
                items.append(.chapter(chapter))
            }
        }

        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            var line = Substring(raw.replacingOccurrences(of: "\t", with: "    "))
            while line.last == " " || line.last == "\r" { line.removeLast() }
            // HTML comments: chapters left out for now.
            if inComment {
                if line.contains("-->") { inComment = false }
                continue
            }
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("<!--") {
                inComment = !trimmed.contains("-->")
                continue
            }
            guard !trimmed.isEmpty else { continue }
            let indent = line.count - trimmed.count
            if trimmed.hasPrefix("#") {
                let marks = trimmed.prefix { $0 == "#" }.count
                let title = trimmed.dropFirst(marks).trimmingCharacters(in: .whitespaces)
                // The first heading is the summary's own title; later level-1 headings are parts.
                if marks == 1 && seenAnything || marks == 2 && levelTwoParts, !title.isEmpty {
                    closeAll()
                    items.append(.part(title: Self.plain(title), line: number, chapters: []))
                }
                seenAnything = true
                continue
            }
            seenAnything = true
            if trimmed.count >= 3, trimmed.allSatisfy({ $0 == "-" }) {
                closeAll()
                continue
            }
            var rest = trimmed
            let isItem = (rest.hasPrefix("- ") || rest.hasPrefix("* ")) && rest.count > 2
            if isItem { rest = rest.dropFirst(2).drop { $0 == " " } }
            guard let (title, destination) = Self.link(rest) else {
                unread.append((number, String(trimmed)))
                continue
            }
            var chapter = Chapter(
                title: Self.plain(title), path: destination.isEmpty ? nil : destination, line: number)
            chapter.isNumbered = isItem
            if isItem {
                while let last = open.last, last.indent >= indent { closeInnermost() }
                open.append((indent, chapter))
            } else {
                closeAll()
                add(chapter)
            }
        }
        closeAll()
    }

    /// `[text](destination)` at the start of `line`: the text as written and the destination
    /// (angle brackets and a title taken off); nil when the line is not one link.
    static func link(_ line: Substring) -> (String, String)? {
        guard line.first == "[" else { return nil }
        var depth = 0
        var index = line.startIndex
        var escaped = false
        var close: Substring.Index?
        while index < line.endIndex {
            let character = line[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "[" {
                depth += 1
            } else if character == "]" {
                depth -= 1
                if depth == 0 {
                    close = index
                    break
                }
            }
            index = line.index(after: index)
        }
        guard let close, line[line.index(after: close)...].hasPrefix("(") else { return nil }
        let text = String(line[line.index(after: line.startIndex)..<close])
        // To the `)` that closes the destination (parentheses inside it balanced); what follows
        // on the line is not the link's, as mdBook reads it.
        let open = line.index(close, offsetBy: 2)
        var end = open
        var parentheses = 0
        while end < line.endIndex {
            let character = line[end]
            if character == "\\" {
                end = line.index(after: end)
                if end == line.endIndex { break }
            } else if character == "(" {
                parentheses += 1
            } else if character == ")" {
                if parentheses == 0 { break }
                parentheses -= 1
            }
            end = line.index(after: end)
        }
        guard end < line.endIndex else { return nil }
        var destination = line[open..<end].trimmingCharacters(in: .whitespaces)
        if destination.hasPrefix("<"), let end = destination.firstIndex(of: ">") {
            destination = String(destination[destination.index(after: destination.startIndex)..<end])
        } else if let space = destination.firstIndex(of: " ") {
            destination = String(destination[..<space])
        }
        return (text, destination)
    }

    /// Inline Markdown (`` `SUMMARY.md` ``, `*x*`, `\[`) as the plain text mdBook shows; HTML tags
    /// show nothing (GitBook gives a group heading an anchor, `<a href="#x" id="x"></a>`).
    private static func plain(_ written: String) -> String {
        let text = written.replacing(/<\/?[A-Za-z][^<>]*>/, with: "")
        guard let html = InlineMarkdown.html(text) else { return text.trimmingCharacters(in: .whitespaces) }
        return HTML.plainText(html).trimmingCharacters(in: .whitespaces)
    }
}
