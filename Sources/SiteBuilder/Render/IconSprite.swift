import Foundation

/// The theme's icons as one SVG sprite: each icon is a `<symbol>` written once per page, and
/// every place that shows it refers to it with `<use>`. A listing of 10,000 projects repeats a
/// 100-byte reference instead of the icon's whole drawing.
struct IconSprite: Sendable {
    /// Icon name -> `<symbol>` markup.
    private(set) var symbols: [String: String] = [:]
    /// The sprite every page carries, hidden; empty when the theme has no icons. Made once: every
    /// page shows it.
    private(set) var sprite = ""

    init() {}

    /// A problem with one icon file, for a diagnostic.
    struct Problem: Error {
        var name: String
        var message: String
    }

    /// Reads each icon's `<svg>` root: its `viewBox` and presentation attributes move to the
    /// symbol, its drawing becomes the symbol's content.
    init(icons: [String: String]) throws(Problem) {
        for (name, svg) in icons {
            guard let open = svg.range(of: "<svg"), let openEnd = svg[open.upperBound...].firstIndex(of: ">"),
                let close = svg.range(of: "</svg>", options: .backwards), openEnd < close.lowerBound
            else {
                throw Problem(name: name, message: "is not an SVG file with one <svg>…</svg> root element")
            }
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw Problem(
                    name: name, message: "icon names may only have letters, digits, - and _ (the name is used as an id)"
                )
            }
            var attributes = String(svg[open.upperBound..<openEnd])
            if attributes.hasSuffix("/") { attributes.removeLast() }
            let kept = Self.attributes(attributes).filter {
                !["xmlns", "aria-hidden", "focusable", "width", "height", "class", "id", "role"].contains($0.name)
            }
            let drawing = svg[svg.index(after: openEnd)..<close.lowerBound]
            symbols[name] =
                "<symbol id=\"\(Self.id(name))\"" + kept.map { " \($0.name)=\"\($0.value)\"" }.joined()
                + ">\(drawing)</symbol>"
        }
        sprite = Self.sprite(symbols)
    }

    private static func sprite(_ symbols: [String: String]) -> String {
        guard !symbols.isEmpty else { return "" }
        return
            "<svg class=\"icon-sprite\" xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\">"
            + symbols.keys.sorted().map { symbols[$0]! }.joined() + "</svg>"
    }

    /// The markup that shows icon `name`, or "" when the theme has no such icon.
    func use(_ name: String) -> String {
        guard symbols[name] != nil else { return "" }
        return
            "<svg class=\"icon icon--\(name)\" aria-hidden=\"true\" focusable=\"false\"><use "
            + "href=\"#\(Self.id(name))\"></use></svg>"
    }

    /// The icon names, sorted.
    var names: [String] { symbols.keys.sorted() }

    static func id(_ name: String) -> String { "kl-icon-\(name)" }

    /// `name="value"` pairs of a start tag's attribute text.
    private static func attributes(_ text: String) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        var rest = Substring(text)
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].trimmingCharacters(in: .whitespacesAndNewlines)
            var after = rest[rest.index(after: equals)...].drop { $0 == " " }
            guard let quote = after.first, quote == "\"" || quote == "'" else { break }
            after = after.dropFirst()
            guard let end = after.firstIndex(of: quote) else { break }
            result.append((name, String(after[..<end])))
            rest = after[after.index(after: end)...]
        }
        return result
    }
}
