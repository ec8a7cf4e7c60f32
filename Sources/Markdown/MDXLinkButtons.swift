/// Starlight's `<LinkButton href="/start/">Get started</LinkButton>` as a link drawn as a button:
/// `[Get started](</start/>){ .md-button .md-button--primary }`, the classes of Material for
/// MkDocs' buttons (`variant="secondary"` and `"minimal"` without `--primary`), in a line or as a
/// block around one line of text. Without it the link was lost and only its text shown.
enum MDXLinkButtons {
    /// The link, with its text as written (Markdown) and the button's classes.
    static func link(text: String, attributes: [String: String]) -> String {
        let primary = (attributes["variant"] ?? "primary") == "primary"
        let target = attributes["href"] ?? ""
        return "[\(text.trimmingCharacters(in: .whitespaces))](<\(target)>){ .md-button"
            + (primary ? " .md-button--primary }" : " }")
    }

    /// `line` with each `<LinkButton …>text</LinkButton>` in it (outside code spans) made a link.
    static func inLine(_ line: [UInt8]) -> [UInt8] {
        ComponentTags.replacing(in: line, opening: "<LinkButton", button)
    }

    /// The button whose opening tag starts at `start`, as a link, and the index after its closing
    /// tag; nil when it does not close on this line.
    private static func button(in line: [UInt8], at start: Int) -> (html: String, end: Int)? {
        let rest = Array(line[start...])
        guard let close = MDXSyntax.tagEnd(rest), let tag = MDXSyntax.parse(Array(rest[...close])),
            tag.name == "LinkButton", !tag.isClosing, !tag.isSelfClosing
        else { return nil }
        let contentStart = start + close + 1
        guard let closing = line[contentStart...].firstRange(of: Array("</LinkButton>".utf8)) else { return nil }
        let text = String(decoding: line[contentStart..<closing.lowerBound], as: UTF8.self)
        return (link(text: text, attributes: tag.attributes), closing.upperBound)
    }
}
