import CCmark

/// The relative addresses in a page's raw HTML (`<img src>`, `<a href>`, `<source src>`), read
/// as its Markdown links are read (`MarkdownOptions.htmlLinks`): GitBook writes every image as
/// `<figure><img src="../.gitbook/assets/x.png">` from the page's file, and its card tables link
/// `<a href="x.md">`; left as written, a page one folder down would show none of them. Each is
/// given to the hooks as a link (checked, its page's URL written in its place); addresses with
/// a scheme, from the root (`/x`), protocol-relative or a fragment alone stay as they are.
enum RawHTMLLinks {
    /// Attributes that hold an address, by tag.
    private static let addressAttributes: [String: String] = [
        "img": "src", "source": "src", "video": "src", "audio": "src", "a": "href", "area": "href",
    ]

    /// Rewrites the relative addresses of the HTML node `node` (at `position`) with what `hooks`
    /// resolve them to; returns them as links. With `titles`, a link whose text is only the
    /// file's name (GitBook's `<a href="setup.md">setup.md</a>`) shows the page's title.
    static func resolve(
        _ node: OpaquePointer, at position: SourcePosition, hooks: some MarkdownHooks, titles: Bool = false
    ) -> [MarkdownLink] {
        guard let literal = cmark_node_get_literal(node) else { return [] }
        let html = Array(String(cString: literal).utf8)
        var found: [(range: Range<Int>, link: MarkdownLink)] = []
        RawHTML.forEachAttribute(in: html) { tag, attribute, value in
            guard addressAttributes[tag] == attribute, isRelative(html[value]) else { return }
            let destination = decodedEntities(String(decoding: html[value], as: UTF8.self))
            // Alt text is HTML's to check here (`alt=""` is a decorative image), not a Markdown image's.
            var link = MarkdownLink(
                destination: destination, isImage: tag != "a" && tag != "area", text: "",
                position: RawHTML.position(of: value.lowerBound, in: html, from: position))
            link.inHTML = true
            found.append((value, link))
        }
        guard !found.isEmpty else { return [] }
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        for (range, link) in found {
            if titles, !link.isImage, let text = linkText(after: range, in: html),
                MarkdownRenderer.isFileName(String(decoding: html[text], as: UTF8.self), of: link.destination),
                let title = hooks.title(of: link)
            {
                edits.append((text, Array(escapeAttribute(title).utf8)))
            }
            guard let target = hooks.resolve(link) else { continue }
            edits.append((range, Array(escapeAttribute(urlEscaped(target)).utf8)))
        }
        var rewritten: [UInt8] = []
        var copied = 0
        for (range, bytes) in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            rewritten += html[copied..<range.lowerBound]
            rewritten += bytes
            copied = range.upperBound
        }
        if copied > 0 {
            rewritten += html[copied...]
            cmark_node_set_literal(node, String(decoding: rewritten, as: UTF8.self))
        }
        return found.map(\.link)
    }

    /// `url` with what may not stand in one written as `%XX` (a space, quotes, non-ASCII bytes),
    /// as cmark writes a Markdown link's; `%` and the URL's own delimiters stay.
    static func urlEscaped(_ url: String) -> String {
        let safe = Set("-_.!~*'();/?:@&=+$,#%[]".utf8)
        var out: [UInt8] = []
        for byte in url.utf8 {
            let isAlphanumeric =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if isAlphanumeric || safe.contains(byte) {
                out.append(byte)
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text of the `<a>` whose `href` value is at `value`, when it is plain text up to `</a>`.
    private static func linkText(after value: Range<Int>, in html: [UInt8]) -> Range<Int>? {
        guard let close = html[value.upperBound...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let start = close + 1
        guard let end = html[start...].firstIndex(of: UInt8(ascii: "<")),
            html[end...].starts(with: Array("</a>".utf8)), end > start
        else { return nil }
        return start..<end
    }

    /// A relative address: no scheme, not from the root, not a fragment alone, not empty.
    static func isRelative(_ value: ArraySlice<UInt8>) -> Bool {
        guard let first = value.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "#") else { return false }
        // A scheme is letters (and + - .) before a colon, ahead of any / ? #.
        for byte in value {
            if byte == UInt8(ascii: ":") { return false }
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return true }
        }
        return true
    }

    /// `&amp;` and the numeric references GitBook writes (`&#x26;`) as their characters.
    static func decodedEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            guard let semicolon = after.firstIndex(of: ";"), after.distance(from: amp, to: semicolon) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let name = after[after.index(after: amp)..<semicolon]
            let scalar: Unicode.Scalar? =
                switch name {
                case "amp": "&"
                case "quot": "\""
                case "apos": "'"
                case "lt": "<"
                case "gt": ">"
                case _ where name.hasPrefix("#x") || name.hasPrefix("#X"):
                    UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                case _ where name.hasPrefix("#"): UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
                default: nil
                }
            if let scalar {
                out.unicodeScalars.append(scalar)
            } else {
                out += after[...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }
}
