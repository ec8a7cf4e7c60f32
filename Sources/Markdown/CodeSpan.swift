/// A code span in a line of Markdown, as the passes that rewrite a line's text before it is
/// parsed find one (`Shortcodes`, `WikiLinks`): what is in it is code, left as written.
enum CodeSpan {
    /// Where the code span that starts with the run of backticks at `start` ends: after the next
    /// run as long; after the opening run alone when none closes it (then the backticks are text).
    static func end(in line: [UInt8], at start: Int) -> Int {
        let run = line[start...].prefix { $0 == 0x60 }.count
        var close = start + run
        while close < line.count {
            let length = line[close...].prefix { $0 == 0x60 }.count
            if length == run { break }
            close += max(1, length)
        }
        return close < line.count ? close + run : start + run
    }
}
