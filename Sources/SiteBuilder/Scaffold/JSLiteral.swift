/// The literal values a JavaScript settings file writes (Docusaurus' `docusaurus.config.js` and
/// `sidebars.js`), read without running it: objects, arrays, strings, numbers, `true`, `false`
/// and `null`, with comments, unquoted keys and trailing commas. Anything else (a call, a
/// variable, a spread, a template with `${}`) is `.code`, its text kept, so a reader can say what
/// it could not follow.
indirect enum JSLiteral {
    /// An object's keys and values, in the order written.
    case object(keys: [String], values: [JSLiteral])
    case array([JSLiteral])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    /// An expression that is no literal, as written (`require('./x')`, `process.env.URL`).
    case code(String)

    /// The value of `key` in an object.
    subscript(key: String) -> JSLiteral? {
        guard case .object(let keys, let values) = self, let index = keys.firstIndex(of: key) else { return nil }
        return values[index]
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var array: [JSLiteral]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// An object's keys and values, in the order written, its spreads left out.
    var pairs: [(key: String, value: JSLiteral)]? {
        guard case .object(let keys, let values) = self else { return nil }
        return zip(keys, values).filter { $0.0 != Self.spreadKey }.map { (key: $0.0, value: $0.1) }
    }

    /// The key an object's `...spread` is kept under, its value the spread expression.
    static let spreadKey = "..."

    /// The object a settings file exports: after `module.exports =`, `export default`, or a
    /// `const x =` / `const x: Config =` whose value is an object that `matches`, or a JSON file's
    /// object; nil when there is none.
    static func exported(from source: String, matching matches: (JSLiteral) -> Bool = { _ in true }) -> JSLiteral? {
        let text = Array(source.unicodeScalars)
        var reader = Reader(text: text)
        // A JSON file (`sidebars.json`) is the object itself.
        reader.skipSpace()
        if reader.index < text.count, text[reader.index] == "{" {
            let value = reader.value()
            if case .object(let keys, _) = value, !keys.isEmpty, matches(value) { return value }
        }
        for marker in ["module.exports", "export default", "const "] {
            var searchFrom = 0
            while let start = reader.find(marker, from: searchFrom) {
                searchFrom = start + 1
                reader.index = start + marker.unicodeScalars.count
                // `= {`, `: Config = {`, or `export default {`; a name is followed to its object.
                guard let brace = reader.nextObjectStart(named: marker == "export default"), text[brace] == "{"
                else { continue }
                reader.index = brace
                let value = reader.value()
                if case .object(let keys, _) = value, !keys.isEmpty, matches(value) { return value }
            }
        }
        return nil
    }

    /// The value written at the start of `source` (after space and comments).
    static func value(in source: String) -> JSLiteral {
        value(in: Array(source.unicodeScalars), at: 0)
    }

    /// The value written at `index` of `text`.
    static func value(in text: [Unicode.Scalar], at index: Int) -> JSLiteral {
        var reader = Reader(text: text)
        reader.index = index
        return reader.value()
    }

    private struct Reader {
        let text: [Unicode.Scalar]
        var index = 0

        func find(_ needle: String, from start: Int) -> Int? {
            let scalars = Array(needle.unicodeScalars)
            guard scalars.count <= text.count else { return nil }
            var i = start
            while i + scalars.count <= text.count {
                if text[i] == scalars[0] && Array(text[i..<(i + scalars.count)]) == scalars { return i }
                i += 1
            }
            return nil
        }

        /// The `{` the text at `index` assigns or exports: past a name, a type and `=`.
        mutating func nextObjectStart(named: Bool) -> Int? {
            var i = index
            var sawEquals = named
            while i < text.count, i - index < 200 {
                let c = text[i]
                if c == "{" && sawEquals { return i }
                if c == "=" { sawEquals = true }
                if c == ";" { return nil }
                i += 1
            }
            return nil
        }

        mutating func skipSpace() {
            while index < text.count {
                let c = text[index]
                if c == " " || c == "\t" || c == "\n" || c == "\r" {
                    index += 1
                } else if c == "/" && index + 1 < text.count && text[index + 1] == "/" {
                    while index < text.count && text[index] != "\n" { index += 1 }
                } else if c == "/" && index + 1 < text.count && text[index + 1] == "*" {
                    index += 2
                    while index + 1 < text.count && !(text[index] == "*" && text[index + 1] == "/") { index += 1 }
                    index += 2
                } else {
                    return
                }
            }
        }

        mutating func value() -> JSLiteral {
            skipSpace()
            guard index < text.count else { return .code("") }
            let c = text[index]
            switch c {
            case "(":
                // `/** @type {…} */ ({…})`, as configs write an object with its type.
                let start = index
                index += 1
                let inner = value()
                skipSpace()
                if index < text.count, text[index] == ")" {
                    index += 1
                    return inner
                }
                index = start
                return code()
            case "{": return object()
            case "[": return array()
            case "'", "\"", "`":
                let start = index
                if let string = string(), !(c == "`" && string.contains("${")) { return .string(string) }
                index = start
                return code()
            default:
                let word = code()
                if case .code(let written) = word {
                    if written == "true" || written == "false" { return .bool(written == "true") }
                    if written == "null" || written == "undefined" { return .null }
                    if let number = Double(written) { return .number(number) }
                }
                return word
            }
        }

        /// A quoted string at `index`, its escapes read; nil when it never ends.
        mutating func string() -> String? {
            let quote = text[index]
            index += 1
            var out = String.UnicodeScalarView()
            while index < text.count {
                let c = text[index]
                if c == quote {
                    index += 1
                    return String(out)
                }
                if c == "\\" && index + 1 < text.count {
                    let next = text[index + 1]
                    switch next {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    default: out.append(next)
                    }
                    index += 2
                    continue
                }
                out.append(c)
                index += 1
            }
            return nil
        }

        /// An expression that is no literal: to the `,`, `}` or `]` that ends it at its depth.
        mutating func code() -> JSLiteral {
            let start = index
            var depth = 0
            while index < text.count {
                let c = text[index]
                if c == "'" || c == "\"" || c == "`" {
                    _ = string()
                    continue
                }
                // A comment's words (`// doesn't`) are no quotes or brackets.
                if c == "/", index + 1 < text.count, text[index + 1] == "/" || text[index + 1] == "*" {
                    skipSpace()
                    continue
                }
                if c == "(" || c == "[" || c == "{" { depth += 1 }
                if c == ")" || c == "]" || c == "}" {
                    if depth == 0 { break }
                    depth -= 1
                }
                if (c == "," || c == ";") && depth == 0 { break }
                if c == "\n" && depth == 0 && endsStatement(from: start) { break }
                index += 1
            }
            var written = String(String.UnicodeScalarView(text[start..<index]))
            while written.last?.isWhitespace == true { written.removeLast() }
            return .code(written)
        }

        /// Whether the line break at `index` ends the expression that started at `start`, as
        /// JavaScript ends a statement there: unless the line before ends with an operator or the
        /// next starts with one (`mode === 'x'` then `? a : b`).
        func endsStatement(from start: Int) -> Bool {
            let operators: Set<Unicode.Scalar> = [".", "?", ":", "+", "-", "*", "/", "&", "|", "=", "(", ",", "<", ">"]
            var before = index - 1
            while before > start, text[before] == " " || text[before] == "\t" || text[before] == "\r" { before -= 1 }
            if before >= start, operators.contains(text[before]) { return false }
            var after = index + 1
            while after < text.count, text[after] == " " || text[after] == "\t" || text[after] == "\n" { after += 1 }
            return after >= text.count || !operators.contains(text[after])
        }

        mutating func object() -> JSLiteral {
            index += 1
            var keys: [String] = []
            var values: [JSLiteral] = []
            while true {
                skipSpace()
                guard index < text.count else { return .code("{") }
                if text[index] == "}" {
                    index += 1
                    return .object(keys: keys, values: values)
                }
                if text[index] == "," {
                    index += 1
                    continue
                }
                // `...spread` is kept under the key `...` for `JSModule` to follow; `pairs` skips it.
                if text[index] == ".", index + 3 < text.count, text[index + 1] == ".", text[index + 2] == "." {
                    index += 3
                    keys.append(JSLiteral.spreadKey)
                    values.append(code())
                    continue
                }
                var key: String
                if text[index] == "'" || text[index] == "\"" {
                    guard let quoted = string() else { return .code("{") }
                    key = quoted
                } else {
                    let start = index
                    while index < text.count,
                        text[index].properties.isAlphabetic || text[index] == "_"
                            || text[index] == "$" || ("0"..."9").contains(text[index])
                    {
                        index += 1
                    }
                    key = String(String.UnicodeScalarView(text[start..<index]))
                    if key.isEmpty {
                        _ = code()
                        continue
                    }
                }
                skipSpace()
                if index < text.count, text[index] == ":" {
                    index += 1
                    keys.append(key)
                    values.append(value())
                } else if index < text.count, text[index] == "(" {
                    // A method (`sidebarItemsGenerator(args) {…}`): code.
                    _ = code()
                    keys.append(key)
                    values.append(.code(key + "(…)"))
                } else {
                    // Shorthand `{ docs }`: a variable.
                    keys.append(key)
                    values.append(.code(key))
                }
            }
        }

        mutating func array() -> JSLiteral {
            index += 1
            var items: [JSLiteral] = []
            while true {
                skipSpace()
                guard index < text.count else { return .code("[") }
                if text[index] == "]" {
                    index += 1
                    return .array(items)
                }
                if text[index] == "," {
                    index += 1
                    continue
                }
                items.append(value())
            }
        }
    }
}
