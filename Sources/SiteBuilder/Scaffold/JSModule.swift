import Foundation

/// A JavaScript settings module read without running it (VitePress' `.vitepress/config.ts`): the
/// literal values of its top-level `const`, `let` and `var` (exported or not), and of the names
/// it imports from files beside it (`import { enConfig } from './en'`, `import pkg from
/// '../package.json'`), so that a setting written as a name (`title: vitestName`), a spread
/// (`...sharedConfig`), a call around an object (`defineConfig({…})`, `withPwa(defineConfig({…}))`),
/// a member (`meta.title`) or a template (`` `${ogUrl}og.jpg` ``) is read as the value it names.
/// What stays code (a function's result, `process.env.X`) is left `.code`, for the reader to say.
struct JSModule {
    /// The module's own names and those it imports, with their values as written.
    private(set) var names: [String: JSLiteral] = [:]
    /// What the module's functions without parameters return, when they return a literal at once
    /// (`function nav() { return [...] }`, as VitePress' own settings write their sidebars).
    private(set) var functions: [String: JSLiteral] = [:]
    /// The module's `export default` value as written, when it has one.
    private(set) var defaultExport: JSLiteral?
    /// The object the first settings-making call wraps (`defineConfig({…})`), when there is one.
    private(set) var firstDefinedConfig: JSLiteral?

    /// A call that makes a settings object of its argument, looked for where the default export
    /// is a function (`export default ({mode}) => withPwa(defineConfig({…}))`); TypeScript's type
    /// arguments too (`defineConfigWithTheme<ThemeConfig>({…})`).
    private static var configCall: Regex<(Substring, Substring)> {
        /\b(defineConfig|defineConfigWithTheme|defineUserConfig)\s*(?:<[^()]*>)?\s*\(/
    }

    /// Reads `text`, the module at `file`; `read` gives another file's text (nil when there is
    /// none). Imports are followed `depth` files deep at most.
    init(text: String, file: URL, read: (URL) -> String?, depth: Int = 3) {
        let scalars = Array(text.unicodeScalars)
        if file.pathExtension == "json" {
            defaultExport = JSLiteral.value(in: scalars, at: 0)
            return
        }
        var lineStart = 0
        for (index, scalar) in scalars.enumerated() where index == lineStart || scalar == "\n" {
            if scalar == "\n" {
                lineStart = index + 1
                continue
            }
            readDeclaration(at: index, in: scalars)
        }
        if depth > 0 {
            for found in text.matches(of: Self.importPattern) {
                let names = String(found.output.names)
                let from = String(found.output.from)
                guard let module = Self.module(from, besides: file, read: read, depth: depth - 1) else { continue }
                for (local, exported) in Self.importedNames(names) {
                    if let value = exported == "default" ? module.defaultExport : module.names[exported] {
                        self.names[local] = module.resolved(value)
                    }
                    if let value = module.functions[exported] { functions[local] = module.resolved(value) }
                }
            }
        }
        for call in text.matches(of: Self.configCall) {
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: call.range.upperBound)
            if case .object = JSLiteral.value(in: scalars, at: start) {
                firstDefinedConfig = JSLiteral.value(in: scalars, at: start)
                break
            }
        }
    }

    /// `import x from './y'`, `import { a, b as c } from "./y"`, `import x, { a } from './y.ts'`:
    /// only files (a path starting with `.`), not packages.
    private static var importPattern: Regex<(Substring, names: Substring, from: Substring)> {
        #/
          import\s+(?:type\s+)?(?<names>[A-Za-z_$][\w$]*(?:\s*,\s*\{[^}]*\})?|\{[^}]*\})
          \s+from\s+['"](?<from>\.[^'"]+)['"]
        /#
    }

    /// The local names an import's clause makes, each with the name it has in its module.
    private static func importedNames(_ clause: String) -> [(local: String, exported: String)] {
        var found: [(String, String)] = []
        var rest = Substring(clause)
        if let first = rest.first, first != "{" {
            let name = rest.prefix { $0 != "," && !$0.isWhitespace }
            found.append((String(name), "default"))
            rest = rest.dropFirst(name.count)
        }
        if let open = rest.firstIndex(of: "{"), let close = rest.firstIndex(of: "}") {
            for item in rest[rest.index(after: open)..<close].split(separator: ",") {
                let words = item.split(whereSeparator: \.isWhitespace).filter { $0 != "type" }
                if words.count == 3, words[1] == "as" {
                    found.append((String(words[2]), String(words[0])))
                } else if let name = words.first {
                    found.append((String(name), String(name)))
                }
            }
        }
        return found
    }

    /// The module a relative import names, tried as written and with the endings TypeScript and
    /// Node add (`./en` is `./en.ts`, `./en.js`, `./en/index.ts` …).
    private static func module(_ path: String, besides file: URL, read: (URL) -> String?, depth: Int) -> JSModule? {
        let base = file.deletingLastPathComponent().appendingPathComponent(path).standardized
        let endings = ["", ".ts", ".mts", ".js", ".mjs", ".cjs", ".json", "/index.ts", "/index.js"]
        for ending in endings {
            let candidate = URL(fileURLWithPath: base.path + ending)
            guard !(ending.isEmpty && candidate.pathExtension.isEmpty), let text = read(candidate) else { continue }
            return JSModule(text: text, file: candidate, read: read, depth: depth)
        }
        return nil
    }

    /// Reads a top-level declaration starting at `index` (the start of a line), if one does.
    private mutating func readDeclaration(at index: Int, in scalars: [Unicode.Scalar]) {
        var i = index
        func word() -> String {
            let start = i
            while i < scalars.count, Self.isNameScalar(scalars[i]) { i += 1 }
            return String(String.UnicodeScalarView(scalars[start..<i]))
        }
        func space() { while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 } }
        var keyword = word()
        if keyword == "export" || keyword == "async" {
            space()
            keyword = word()
            if keyword == "default" {
                space()
                // A function (`({ mode }) => defineConfig({…})`) is no value: its parameters are
                // no settings, and the object it makes is found by its call.
                if !Self.isArrowFunction(scalars, at: i) { defaultExport = JSLiteral.value(in: scalars, at: i) }
                return
            }
        }
        if keyword == "function" {
            space()
            let name = word()
            space()
            guard !name.isEmpty, i + 1 < scalars.count, scalars[i] == "(", scalars[i + 1] == ")",
                let value = Self.returnedValue(scalars, from: i + 2)
            else { return }
            functions[name] = value
            return
        }
        guard ["const", "let", "var"].contains(keyword) else { return }
        space()
        let name = word()
        guard !name.isEmpty else { return }
        // `: Type` to the `=` (`const en: LocaleSpecificConfig<DefaultTheme.Config> = {`).
        while i < scalars.count, scalars[i] != "=", scalars[i] != "\n", scalars[i] != ";" { i += 1 }
        guard i + 1 < scalars.count, scalars[i] == "=", scalars[i + 1] != ">" else { return }
        names[name] = JSLiteral.value(in: scalars, at: i + 1)
    }

    /// What a function's body returns when it starts by returning a value, its body's `{` the
    /// first after `index` (past a return type: `(): DefaultTheme.NavItem[] { return [...] }`).
    private static func returnedValue(_ scalars: [Unicode.Scalar], from index: Int) -> JSLiteral? {
        var i = index
        while i < scalars.count, scalars[i] != "{" { i += 1 }
        i += 1
        while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 }
        let keyword = Array("return".unicodeScalars)
        guard i + keyword.count < scalars.count, Array(scalars[i..<(i + keyword.count)]) == keyword else { return nil }
        return JSLiteral.value(in: scalars, at: i + keyword.count)
    }

    /// Whether `(…) =>` starts at `index`.
    private static func isArrowFunction(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index < scalars.count, scalars[index] == "(" else { return false }
        var depth = 0
        var i = index
        while i < scalars.count {
            if scalars[i] == "(" { depth += 1 }
            if scalars[i] == ")" {
                depth -= 1
                if depth == 0 { break }
            }
            i += 1
        }
        i += 1
        while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
        return i + 1 < scalars.count && scalars[i] == "=" && scalars[i + 1] == ">"
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar == "_" || scalar == "$" || ("0"..."9").contains(scalar)
    }

    /// `value` with the names, spreads, members, templates and wrapping calls in it read.
    func resolved(_ value: JSLiteral, depth: Int = 0) -> JSLiteral {
        guard depth < 16 else { return value }
        switch value {
        case .object(let keys, let values):
            var outKeys: [String] = []
            var outValues: [JSLiteral] = []
            // As in JavaScript: a later key's value wins, in the place the key first took.
            func set(_ key: String, _ value: JSLiteral) {
                if let at = outKeys.firstIndex(of: key) {
                    outValues[at] = value
                } else {
                    outKeys.append(key)
                    outValues.append(value)
                }
            }
            for (key, value) in zip(keys, values) {
                guard key == JSLiteral.spreadKey else {
                    set(key, resolved(value, depth: depth + 1))
                    continue
                }
                guard case .object(let spreadKeys, let spreadValues) = resolved(value, depth: depth + 1) else {
                    continue
                }
                for (spreadKey, spreadValue) in zip(spreadKeys, spreadValues) { set(spreadKey, spreadValue) }
            }
            return .object(keys: outKeys, values: outValues)
        case .array(let items):
            var out: [JSLiteral] = []
            for item in items {
                if case .code(let written) = item, written.hasPrefix("...") {
                    if case .array(let spread) = resolved(.code(String(written.dropFirst(3))), depth: depth + 1) {
                        out += spread
                    }
                    continue
                }
                out.append(resolved(item, depth: depth + 1))
            }
            return .array(out)
        case .code(let written):
            return resolved(code: written.trimmingCharacters(in: .whitespacesAndNewlines), depth: depth)
        default:
            return value
        }
    }

    private func resolved(code text: String, depth: Int) -> JSLiteral {
        // A call of one of the module's functions that returns a literal: `sidebarGuide()`.
        if text.hasSuffix("()"), let value = functions[String(text.dropLast(2)).trimmingCharacters(in: .whitespaces)] {
            return resolved(value, depth: depth + 1)
        }
        // A name or a member of one: `vitestName`, `meta.title`, `packageJson.version`.
        if text.wholeMatch(of: /[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*/) != nil {
            let parts = text.split(separator: ".").map(String.init)
            guard let named = names[parts[0]] else { return .code(text) }
            var current = resolved(named, depth: depth + 1)
            for key in parts.dropFirst() {
                guard let next = current[key] else { return .code(text) }
                current = resolved(next, depth: depth + 1)
            }
            return current
        }
        if text.count > 1, text.first == "`", text.last == "`" {
            let (written, leftOut) = template(text, depth: depth)
            return leftOut.isEmpty ? .string(written) : .code(text)
        }
        // A call around an object: `defineConfig({…})`, `withPwa(extendConfig(defineConfig({…})))`.
        if let call = text.prefixMatch(of: /[A-Za-z_$][\w$.]*\s*(?:<[^()]*>)?\s*\(/) {
            let argument = resolved(JSLiteral.value(in: String(text[call.range.upperBound...])), depth: depth + 1)
            if case .object = argument { return argument }
        }
        return .code(text)
    }

    /// A template literal's text, each `${…}` that names a string or number put in, and the
    /// expressions that do not, left out of the text.
    func template(_ text: String, depth: Int = 0) -> (text: String, leftOut: [String]) {
        var out = ""
        var leftOut: [String] = []
        var rest = text.dropFirst().dropLast()[...]
        while let open = rest.range(of: "${") {
            out += rest[..<open.lowerBound]
            var level = 1
            var index = open.upperBound
            while index < rest.endIndex {
                if rest[index] == "{" { level += 1 }
                if rest[index] == "}" {
                    level -= 1
                    if level == 0 { break }
                }
                index = rest.index(after: index)
            }
            let expression = String(rest[open.upperBound..<index]).trimmingCharacters(in: .whitespaces)
            switch resolved(code: expression, depth: depth + 1) {
            case .string(let value): out += value
            case .number(let value): out += value == value.rounded() ? String(Int(value)) : String(value)
            default: leftOut.append(expression)
            }
            rest = index < rest.endIndex ? rest[rest.index(after: index)...] : rest[rest.endIndex...]
        }
        return (out + rest, leftOut)
    }

    /// The text a setting gives (a string, or a template with the parts that are code left out),
    /// and the parts left out; nil for anything else.
    func text(of value: JSLiteral?) -> (text: String, leftOut: [String])? {
        switch value.map({ resolved($0) }) {
        case .string(let text)?: return (text, [])
        case .code(let written)? where written.count > 1 && written.first == "`" && written.last == "`":
            return template(written)
        default: return nil
        }
    }

    /// The settings object: the default export's (followed through names and calls), else the
    /// first object a settings-making call wraps.
    var settings: JSLiteral? {
        if let exported = defaultExport, case .object = resolved(exported) { return resolved(exported) }
        return firstDefinedConfig.map { resolved($0) }
    }
}
