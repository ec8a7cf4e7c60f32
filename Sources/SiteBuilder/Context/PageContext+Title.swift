import Markdown

extension PageContext {
    /// The body's HTML and how the page's title relates to it. A page that starts with its own
    /// `# Title` (MkDocs, GitHub) and is named by it shows that heading once, where the theme puts
    /// the title: it is cut from the content, and `titleID` keeps its id for links to it. A
    /// level-1 heading that stays in the content sets `titleInContent`, so the theme leaves out
    /// its own.
    func content(_ index: Int) -> (html: [UInt8], titleID: String?, titleInContent: Bool) {
        let body = bodies[index]
        let html = body.html
        let levelOne = body.headings.filter { $0.level == 1 }
        guard let first = levelOne.first else { return (html, nil, false) }
        let open = Array("<h1".utf8)
        let close = Array("</h1>".utf8)
        guard first.text == site.pages[index].title, html.starts(with: open),
            let end = Self.firstRange(of: close, in: html)
        else {
            return (html, nil, true)
        }
        var rest = html[end...]
        if rest.first == UInt8(ascii: "\n") { rest = rest.dropFirst() }
        return (Array(rest), first.id, levelOne.count > 1)
    }

    /// Where the first `needle` in `bytes` ends.
    private static func firstRange(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<start + needle.count].elementsEqual(needle) { return start + needle.count }
        }
        return nil
    }
}
