import Foundation

/// HTML in MDX is JSX: its attributes are written as React takes them, which is no HTML
/// (`className="x"`, `style={{borderRadius: '4px'}}`, `width={500}`, `allowFullScreen={true}`).
/// On the lines of text (`markdown: {mdx: true}`), a tag with such attributes is written as HTML:
///
///     className, htmlFor          class, for
///     tabIndex, frameBorder, …    in lower case, as HTML names them
///     ={'x'} ={500} ={true}       ="x" ="500", the name alone; ={false} left out
///     style={{width: '100%', borderRadius: 4}}    style="width: 100%; border-radius: 4px"
///     class="x"src="y"            class="x" src="y" (JSX reads attributes run together)
///     src={logo}  (after import logo from './logo.png')   src="./logo.png"
///     src={require('./a.png').default}  src={useBaseUrl('/img/a.png')}   the path
///
/// An attribute whose value is any other expression (`src={logo}`) has no value Kretslopp can
/// know: it is left out, and said. A tag over several lines is put on its first line; the lines it
/// took come back as blank lines where its block ends, so the lines after the block keep their
/// numbers.
enum MDXAttributes {
    /// Rewrites the tags with JSX's attributes on the `text` lines that are not in `taken`; returns
    /// the attributes left out: (1-based line, character column, `src={…}`).
    static func rewrite(
        _ lines: inout [[UInt8]], text: [Int], skipping taken: Set<Int>, imports: [String: String] = [:]
    ) -> [(
        line: Int, column: Int, name: String
    )] {
        var leftOut: [(line: Int, column: Int, name: String)] = []
        let isText = Set(text).subtracting(taken)
        // From the bottom up: a tag joined onto its first line moves only lines below it.
        for number in text.reversed() where isText.contains(number) && lines[number].contains(UInt8(ascii: "<")) {
            var start = 0
            var inCode = false
            while start < lines[number].count {
                let line = lines[number]
                if line[start] == UInt8(ascii: "`") { inCode.toggle() }
                guard !inCode, line[start] == UInt8(ascii: "<"), start + 1 < line.count, isLower(line[start + 1]) else {
                    start += 1
                    continue
                }
                // The tag, over the next lines of text too, to its `>`.
                var written = Array(line[start...])
                var end = number
                var close = MDXSyntax.tagEnd(written)
                while close == nil, end + 1 < lines.count, isText.contains(end + 1), end - number < 40 {
                    end += 1
                    written += [0x0A] + lines[end]
                    close = MDXSyntax.tagEnd(written)
                }
                guard let close, let tag = Tag(Array(written[...close])), tag.isJSX else {
                    start += 1
                    continue
                }
                let html = tag.html(leftOut: &leftOut, line: number + 1, column: start + 1, imports: imports)
                lines[number] = Array(line[..<start]) + html + Array(written[(close + 1)...])
                if end > number {
                    lines.removeSubrange((number + 1)...end)
                    let blank = lines[(number + 1)...].firstIndex { $0[...].isBlankLine } ?? lines.count
                    lines.insert(contentsOf: [[UInt8]](repeating: [], count: end - number), at: blank)
                }
                start += html.count
            }
        }
        return leftOut
    }

    private static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }

    /// An HTML tag as written in MDX: its name and attributes (a value in quotes, an expression
    /// in braces, or none), in order.
    struct Tag {
        enum Value {
            case none
            case quoted(String)
            case expression(String)
        }

        var name: String
        var attributes: [(name: String, value: Value)] = []
        var selfClosing = false
        /// Whether an attribute follows a quoted value with no space between, which JSX reads and
        /// HTML does not (`class="x"src="y"`).
        var runTogether = false

        /// Reads `<name attr="x" other={…}>`; nil for a closing tag or anything else.
        init?(_ bytes: [UInt8]) {
            var i = 1
            while i < bytes.count, Self.isNameByte(bytes[i]) { i += 1 }
            guard i > 1 else { return nil }
            name = String(decoding: bytes[1..<i], as: UTF8.self)
            let end = bytes.count - 1
            selfClosing = end > 0 && bytes[end - 1] == UInt8(ascii: "/")
            let last = selfClosing ? end - 1 : end
            while i < last {
                while i < last, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
                let nameStart = i
                while i < last, Self.isNameByte(bytes[i]) || bytes[i] == UInt8(ascii: ":") { i += 1 }
                guard i > nameStart else {
                    i += 1
                    continue
                }
                let attribute = String(decoding: bytes[nameStart..<i], as: UTF8.self)
                guard i < last, bytes[i] == UInt8(ascii: "=") else {
                    attributes.append((attribute, .none))
                    continue
                }
                i += 1
                guard i < last else { break }
                if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let quote = bytes[i]
                    let valueStart = i + 1
                    i = bytes[valueStart..<last].firstIndex(of: quote) ?? last
                    attributes.append((attribute, .quoted(String(decoding: bytes[valueStart..<i], as: UTF8.self))))
                    i += 1
                    if i < last, Self.isNameByte(bytes[i]) { runTogether = true }
                } else if bytes[i] == UInt8(ascii: "{") {
                    var depth = 0
                    let valueStart = i
                    repeat {
                        if bytes[i] == UInt8(ascii: "{") { depth += 1 }
                        if bytes[i] == UInt8(ascii: "}") { depth -= 1 }
                        i += 1
                    } while i < last && depth > 0
                    let inner = bytes[(valueStart + 1)..<max(valueStart + 1, i - 1)]
                    attributes.append((attribute, .expression(String(decoding: inner, as: UTF8.self))))
                } else {
                    let valueStart = i
                    while i < last, bytes[i] != 0x20 && bytes[i] != 0x0A && bytes[i] != 0x09 { i += 1 }
                    attributes.append((attribute, .quoted(String(decoding: bytes[valueStart..<i], as: UTF8.self))))
                }
            }
        }

        private static func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }

        /// Whether any attribute is JSX's, not HTML's.
        var isJSX: Bool {
            runTogether
                || attributes.contains { attribute in
                    if case .expression = attribute.value { return true }
                    return attribute.name.contains { $0.isUppercase }
                }
        }

        /// The tag in HTML; the attributes left out are added to `leftOut`.
        func html(
            leftOut: inout [(line: Int, column: Int, name: String)], line: Int, column: Int, imports: [String: String]
        ) -> [UInt8] {
            var out = "<" + name
            for (written, value) in attributes {
                let attribute = written == "className" ? "class" : written == "htmlFor" ? "for" : written.lowercased()
                switch value {
                case .none:
                    out += " " + attribute
                case .quoted(let text):
                    // As written: JSX reads entities in quoted values as HTML does.
                    out += text.contains("\"") ? " \(attribute)='\(text)'" : " \(attribute)=\"\(text)\""
                case .expression(let expression):
                    let trimmed = Self.trimmed(expression)
                    if attribute == "style", trimmed.hasPrefix("{"),
                        let css = Self.css(String(trimmed.dropFirst().dropLast()))
                    {
                        out += " style=\"\(Self.escaped(css))\""
                    } else if let path = imports[String(trimmed)] ?? Self.path(trimmed) {
                        out += " \(attribute)=\"\(Self.escaped(path))\""
                    } else if let literal = Self.literal(trimmed) {
                        switch literal {
                        case "true": out += " " + attribute
                        case "false": continue
                        default: out += " \(attribute)=\"\(Self.escaped(literal))\""
                        }
                    } else {
                        leftOut.append((line, column, "<\(name) \(written)={…}>"))
                    }
                }
            }
            return Array((out + (selfClosing ? " />" : ">")).utf8)
        }

        private static func trimmed(_ text: String) -> Substring {
            let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
            let end = text.lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
            return text[start..<end]
        }

        /// The path in `require('./a.png')` (`.default` or not) and `useBaseUrl('/img/a.png')`.
        private static func path(_ expression: Substring) -> String? {
            guard
                let match = expression.wholeMatch(
                    of: /(?:require|useBaseUrl)\(\s*['"]([^'"]+)['"]\s*\)(?:\.default)?/)
            else { return nil }
            return String(match.output.1)
        }

        /// A string, number or boolean literal's text (spaces around it allowed); nil for any
        /// other expression.
        static func literal<Text: StringProtocol>(_ written: Text) -> String? {
            let expression = trimmed(String(written))
            guard let first = expression.first else { return nil }
            if "'\"`".contains(first), expression.count >= 2, expression.last == first {
                let inner = expression.dropFirst().dropLast()
                return inner.contains(first) || (first == "`" && inner.contains("${")) ? nil : String(inner)
            }
            if expression == "true" || expression == "false" || Double(expression) != nil { return String(expression) }
            return nil
        }

        /// React's style object (`width: '100%', borderRadius: 4`) as CSS; nil when a value is no literal.
        static func css(_ object: String) -> String? {
            var declarations: [String] = []
            for pair in splitAtCommas(object) {
                let parts = pair.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else {
                    if trimmed(String(pair)).isEmpty { continue }
                    return nil
                }
                var key = String(trimmed(String(parts[0])))
                if let first = key.first, "'\"".contains(first) { key = String(key.dropFirst().dropLast()) }
                guard let value = literal(trimmed(String(parts[1]))) else { return nil }
                let property = key.reduce(into: "") { out, c in
                    if c.isUppercase { out += "-" + c.lowercased() } else { out.append(c) }
                }
                let unitless: Set<String> = [
                    "flex", "flex-grow", "flex-shrink", "font-weight", "line-height", "opacity", "order", "z-index",
                    "zoom",
                ]
                let isNumber = Double(value) != nil
                declarations.append(
                    "\(property): \(value)\(isNumber && value != "0" && !unitless.contains(property) ? "px" : "")")
            }
            return declarations.joined(separator: "; ")
        }

        /// `text` split at the commas outside quotes and brackets.
        private static func splitAtCommas(_ text: String) -> [Substring] {
            var pieces: [Substring] = []
            var depth = 0
            var quote: Character? = nil
            var start = text.startIndex
            for index in text.indices {
                let c = text[index]
                if let open = quote {
                    if c == open { quote = nil }
                } else if "'\"`".contains(c) {
                    quote = c
                } else if "([{".contains(c) {
                    depth += 1
                } else if ")]}".contains(c) {
                    depth -= 1
                } else if c == "," && depth == 0 {
                    pieces.append(text[start..<index])
                    start = text.index(after: index)
                }
            }
            pieces.append(text[start...])
            return pieces
        }

        private static func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "<", with: "&lt;")
        }
    }
}
