/// A fenced code block that is never closed runs to the end of the page (CommonMark and GitHub
/// let it): everything after its fence is shown as code, headings and all. An editor who forgot
/// the closing fence gets a warning at the opening one.
enum UnclosedFence {
    /// The warning for `block`, the page's last code block outside lists and quotes (the only
    /// one that can reach the end of the page), when it is fenced and the line where it ends is
    /// not a fence that closes it. Its lines are the text's own (cmark's), without the offset of
    /// the front matter.
    static func warning(
        _ block: (position: SourcePosition, startLine: Int, endLine: Int)?, lines: SourceLines
    ) -> [MarkdownProblem] {
        guard let block, block.startLine >= 1, block.endLine > block.startLine, block.endLine <= lines.lineCount,
            let (mark, length) = opening(lines.source[lines.range(ofLine: block.startLine)]),
            !closes(lines.source[lines.range(ofLine: block.endLine)], mark: mark, length: length)
        else { return [] }
        let marks = String(repeating: Character(Unicode.Scalar(mark)), count: length)
        let shown = block.endLine - block.startLine
        return [
            MarkdownProblem(
                position: block.position,
                message: "this code block is never closed: the \(shown == 1 ? "line" : "\(shown) lines") after it "
                    + "to the end of the page \(shown == 1 ? "is" : "are") shown as code",
                hint: "add a line with only \(marks) where the code ends", isWarning: true)
        ]
    }

    /// The mark (`` ` `` or `~`) and length of an opening fence: up to three spaces, then three
    /// or more of one mark. Nil for another line (an indented code block's).
    static func opening(_ line: ArraySlice<UInt8>) -> (mark: UInt8, length: Int)? {
        let rest = line.drop { $0 == 0x20 }
        guard line.count - rest.count <= 3, let mark = rest.first, mark == 0x60 || mark == 0x7E else { return nil }
        let length = rest.prefix { $0 == mark }.count
        return length >= 3 ? (mark, length) : nil
    }

    /// Whether a line is a closing fence for an opening of `length` marks: up to three spaces,
    /// at least as many of the same mark, then only spaces or tabs (CommonMark 4.5).
    static func closes(_ line: ArraySlice<UInt8>, mark: UInt8, length: Int) -> Bool {
        var rest = line.drop { $0 == 0x20 }
        guard line.count - rest.count <= 3 else { return false }
        let marks = rest.prefix { $0 == mark }.count
        guard marks >= length else { return false }
        rest = rest.dropFirst(marks)
        return rest.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
