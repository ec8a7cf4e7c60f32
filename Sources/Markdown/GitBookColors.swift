import CCmark
import Foundation

/// GitBook's coloured text, as a space synced to Git writes it (`markdown: {gitbook: true}`):
/// `<mark style="color:red;">` for red text, `<mark style="background-color:green;">` for a
/// green highlight, with GitBook's colour names (`red`, `orange`, `yellow`, `green`, `blue`,
/// `purple`) or its tokens (`$primary`, `$info`, `$success`, `$warning`, `$danger`).
///
/// Left as written, the browser draws pure red text on the theme's yellow `<mark>` (3:1) or
/// dark text on pure purple (2.2:1): below the 4.5:1 WCAG AA asks of text. GitBook itself draws
/// its own shades, not the CSS colours, so the tag keeps the meaning and loses the style:
/// `<mark class="gitbook-text-red">`, `<mark class="gitbook-highlight-green">`, which the theme
/// draws in shades that meet AA (the default theme's `style.css`). A style with anything else
/// (a colour GitBook does not write, another property) stays as written.
enum GitBookColors {
    /// GitBook's colour names and tokens, as the class names' last word.
    private static let names: [String: String] = [
        "red": "red", "orange": "orange", "yellow": "yellow", "green": "green", "blue": "blue",
        "purple": "purple", "$primary": "primary", "$info": "blue", "$success": "green",
        "$warning": "orange", "$danger": "red",
    ]

    /// Rewrites the `<mark>` tags with GitBook's colour style in the HTML node `node` (one inline
    /// tag, or a block such as GitBook's `<table>`, whose cells have them).
    static func apply(to node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let html = Array(String(cString: literal).utf8)
        var out: [UInt8] = []
        var copied = 0
        RawHTML.forEachTag(in: html) { tag, range, attributes in
            guard let written = rewritten(tag, attributes, in: html) else { return }
            out += html[copied..<range.lowerBound]
            out += Array(written.utf8)
            copied = range.upperBound
        }
        guard copied > 0 else { return }
        out += html[copied...]
        cmark_node_set_literal(node, String(decoding: out, as: UTF8.self))
    }

    /// `<mark class="gitbook-text-red">` for the tag `<mark style="color:red;">`; nil for any other.
    static func rewritten(_ tag: String) -> String? {
        let html = Array(tag.utf8)
        var found: String? = nil
        var tags = 0
        RawHTML.forEachTag(in: html) { name, _, attributes in
            tags += 1
            found = rewritten(name, attributes, in: html)
        }
        return tags == 1 && html.last == UInt8(ascii: ">") ? found : nil
    }

    /// The tag for a `<mark>` whose only attribute is a style of GitBook's colours.
    private static func rewritten(_ tag: String, _ attributes: [(name: String, value: Range<Int>?)], in html: [UInt8])
        -> String?
    {
        guard tag == "mark", attributes.count == 1, attributes[0].name == "style", let value = attributes[0].value,
            let classes = classes(for: String(decoding: html[value], as: UTF8.self))
        else { return nil }
        return "<mark class=\"\(classes)\">"
    }

    /// `gitbook-text-red gitbook-highlight-green` for `color:red;background-color:green;`; nil when
    /// a declaration is not one of GitBook's colours.
    static func classes(for style: String) -> String? {
        var classes: [String] = []
        for declaration in style.split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else {
                if declaration.allSatisfy(\.isWhitespace) { continue }
                return nil
            }
            let property = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
            guard let name = names[parts[1].trimmingCharacters(in: .whitespaces).lowercased()] else { return nil }
            switch property {
            case "color": classes.append("gitbook-text-" + name)
            case "background-color", "background": classes.append("gitbook-highlight-" + name)
            default: return nil
            }
        }
        return classes.isEmpty ? nil : classes.joined(separator: " ")
    }
}
