/// A code fence's info string as MkDocs trees write it: `{ .sh .no-copy }` (an attribute list,
/// pymdownx's superfences) or `title="main.py" linenums="1"` (options first). libcmark takes the
/// first word for the language (`language-{`, `language-title="main.py"`); the language is the
/// list's first class, and options alone name none.
enum CodeInfo {
    /// The info string to give the fence instead of `info`; nil when `info` is fine as written.
    static func cleaned(_ info: String) -> String? {
        let trimmed = info.drop { $0 == " " || $0 == "\t" }
        if trimmed.hasPrefix("{") {
            let inside = trimmed.dropFirst().prefix { $0 != "}" }
            let classes = inside.split(whereSeparator: { $0 == " " || $0 == "\t" }).filter { $0.hasPrefix(".") }
            return classes.first.map { String($0.dropFirst()) } ?? ""
        }
        let first = trimmed.prefix { $0 != " " && $0 != "\t" }
        return first.contains("=") ? "" : nil
    }
}
