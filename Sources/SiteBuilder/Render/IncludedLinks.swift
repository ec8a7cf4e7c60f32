import Markdown

/// The relative links of a file put into a page whole (GitBook's reusable content in
/// `.gitbook/includes/`), made to start at the content folder (`@/`, as Zola writes them): GitBook
/// writes them from the included file, and the page that includes it is elsewhere. Markdown links
/// and images (`](…)`, `](<…>)`), reference definitions (`[x]: …`) and raw HTML's `src` and `href`
/// are read; fenced code is left as it is.
enum IncludedLinks {
    /// `text`, from the file in `folder` (below the content folder; "" for the content folder
    /// itself), with each relative destination starting at the content folder.
    static func rebased(_ text: String, from folder: String) -> String {
        guard text.contains("](") || text.contains("]:") || text.contains("src=") || text.contains("href=") else {
            return text
        }
        var fence: String? = nil
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let marks = trimmed.prefix { $0 == "`" || $0 == "~" }
            if let open = fence {
                if marks.count >= open.count && marks.first == open.first { fence = nil }
                lines.append(String(line))
                continue
            }
            if marks.count >= 3 && Set(marks).count == 1 {
                fence = String(marks)
                lines.append(String(line))
                continue
            }
            lines.append(rebasedLine(String(line), from: folder))
        }
        return lines.joined(separator: "\n")
    }

    /// One line with its destinations rebased.
    private static func rebasedLine(_ line: String, from folder: String) -> String {
        var out = ""
        var rest = Substring(line)
        // A reference definition: `[label]: destination`.
        if let definition = rest.firstMatch(of: /^\s{0,3}\[[^\]]+\]:[ \t]*/) {
            out += definition.output
            rest = rest[definition.range.upperBound...]
            let (destination, after) = destinationEnd(rest)
            out += rebasedDestination(destination, from: folder) + after
            return out
        }
        while let found = rest.firstMatch(of: /\]\(|\b(?:src|href)=["']/) {
            out += rest[..<found.range.upperBound]
            rest = rest[found.range.upperBound...]
            if found.output.hasPrefix("]") {
                let (destination, after) = destinationEnd(rest)
                out += rebasedDestination(destination, from: folder)
                rest = after
            } else {
                let quote = found.output.last!
                let end = rest.firstIndex(of: quote) ?? rest.endIndex
                out += rebasedDestination(String(rest[..<end]), from: folder)
                rest = rest[end...]
            }
        }
        return out + rest
    }

    /// A Markdown destination at the start of `text` (`<…>` or up to a blank or an unbalanced
    /// `)`) and the text after it.
    private static func destinationEnd(_ text: Substring) -> (String, Substring) {
        if text.first == "<", let close = text.firstIndex(of: ">") {
            let inner = text[text.index(after: text.startIndex)..<close]
            return ("<" + inner + ">", text[text.index(after: close)...])
        }
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == " " || character == "\t" { break }
            if character == "(" { depth += 1 }
            if character == ")" {
                if depth == 0 { break }
                depth -= 1
            }
            index = text.index(after: index)
        }
        return (String(text[..<index]), text[index...])
    }

    /// `destination` from the content folder, when it is relative; as it is otherwise.
    static func rebasedDestination(_ destination: String, from folder: String) -> String {
        let angled = destination.hasPrefix("<") && destination.hasSuffix(">")
        let path = angled ? String(destination.dropFirst().dropLast()) : destination
        // GitBook's mark for a lost link stays one.
        guard let first = path.first, first != "/", first != "#", !path.hasPrefix("@/"), !PageHooks.hasScheme(path),
            path.split(separator: "/").last != "broken-reference"
        else { return destination }
        var parts = folder.split(separator: "/").map(String.init)
        var pieces = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        while let piece = pieces.first, piece == "." || piece == ".." {
            if piece == ".." && !parts.isEmpty { parts.removeLast() }
            pieces.removeFirst()
        }
        let joined = "@/" + (parts + pieces).joined(separator: "/")
        return angled ? "<" + joined + ">" : joined
    }
}
