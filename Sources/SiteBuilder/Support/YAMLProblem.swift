import Foundation

/// libyaml's problems in the words of someone who writes front matter by hand: for the mistakes
/// editors make most (a list or mapping never closed, `: ` or a quote inside a value, a tab, a
/// value starting with `@` or a backtick, a key without its colon), where the mistake is and how
/// to fix it, with the line's own text in the hint. Anything else keeps libyaml's description.
struct YAMLProblem {
    /// What libyaml says went wrong (`mapping values are not allowed in this context`).
    var problem: String
    /// What it was reading (`while parsing a flow sequence`), where that began, if it says.
    var context: String?
    var contextLine: Int
    var contextColumn: Int
    /// Where it gave up, 1-based, in the YAML text.
    var line: Int
    var column: Int
    /// The YAML text.
    var text: String
    /// Added to line numbers in messages: the text's first line in its file, less one.
    var lineOffset = 0

    /// Where the mistake is (1-based, in the YAML text), the message and the hint.
    var described: (line: Int, column: Int, message: String, hint: String) {
        if let unclosed = unclosedFlow { return unclosed }
        if problem == "mapping values are not allowed in this context", let (key, value) = keyAndValue(line) {
            guard let keyColon = firstColon(line), column > keyColon else {
                // The line's own key: the value of the line above goes on onto this one.
                return (
                    line, column, "this line goes on with the value above, where ': ' cannot start a key",
                    "put the value above in quotes, or indent this line as far as the keys around it"
                )
            }
            return (
                line, column, "': ' inside the value of '\(key)' would start another key",
                "put the value in quotes: \(key): \(Self.doubleQuoted(value))"
            )
        }
        if problem.hasPrefix("found a tab character") || character(line, column) == "\t" {
            let tab = Self.scalars(lineText(line)).firstIndex(of: "\t").map { $0 + 1 } ?? column
            return (line, tab, "a tab indents this line; YAML is indented with spaces", "replace the tab with spaces")
        }
        if problem == "found character that cannot start any token", let first = character(line, column),
            first == "@" || first == "`", let (key, value) = keyAndValue(line)
        {
            return (
                line, column, "a value cannot start with '\(first)'",
                "put the value in quotes: \(key): \(Self.doubleQuoted(value))"
            )
        }
        if problem == "could not find expected ':'", context == "while scanning a simple key" {
            return (
                contextLine, contextColumn, "this line has no ':' after its key",
                "write 'key: value', with a space after the colon; a line that goes on with the value "
                    + "above is indented more than its key"
            )
        }
        if let quoted = textAfterQuote { return quoted }
        let text =
            context.map {
                "\(problem) \($0) that starts at line \(contextLine + lineOffset), column \(contextColumn)"
            } ?? problem
        return (line, column, "invalid YAML: \(text)", "check the indentation and quoting on this line")
    }

    /// `[` or `{` opened at the start of a value and never closed.
    private var unclosedFlow: (line: Int, column: Int, message: String, hint: String)? {
        let kind: (open: String, close: String, what: String)
        switch (problem, context) {
        case ("did not find expected ',' or ']'", "while parsing a flow sequence"): kind = ("[", "]", "list")
        case ("did not find expected ',' or '}'", "while parsing a flow mapping"): kind = ("{", "}", "mapping")
        default: return nil
        }
        var hint = "end it with '\(kind.close)'"
        if let (key, value) = keyAndValue(contextLine), value.hasPrefix(kind.open) {
            hint +=
                "; if the '\(kind.open)' belongs to the text, put the value in quotes: "
                + "\(key): \(Self.doubleQuoted(value))"
        }
        return (contextLine, contextColumn, "the \(kind.what) that '\(kind.open)' opens here is never closed", hint)
    }

    /// Text after a quoted value's closing quote: a quote of the same kind inside it.
    private var textAfterQuote: (line: Int, column: Int, message: String, hint: String)? {
        guard problem == "did not find expected key", let (key, value) = keyAndValue(line),
            let quote = value.unicodeScalars.first, quote == "\"" || quote == "'"
        else { return nil }
        let before = Self.scalars(lineText(line)).prefix(column - 1)
        guard before.last(where: { $0 != " " }) == quote else { return nil }
        let inner = String(value.dropFirst().dropLast(value.hasSuffix(String(quote)) ? 1 : 0))
        // The value in single quotes, where a single quote is written twice.
        let singleQuoted = "\(key): '\(inner.replacingOccurrences(of: "'", with: "''"))'"
        let hint =
            quote == "\""
            ? "write a double quote inside double quotes as \\\", or quote the value with single quotes: "
                + singleQuoted
            : "write a single quote inside single quotes twice: \(singleQuoted)"
        return (line, column, "the value of '\(key)' goes on after its closing quote", hint)
    }

    /// The line's text (1-based), without its line break.
    private func lineText(_ number: Int) -> String {
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return String(line.hasSuffix("\r") ? line.dropLast() : line) }
            current += 1
        }
        return ""
    }

    private static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    /// The character at a 1-based line and column (libyaml counts characters).
    private func character(_ line: Int, _ column: Int) -> Unicode.Scalar? {
        let scalars = Self.scalars(lineText(line))
        return column >= 1 && column <= scalars.count ? scalars[column - 1] : nil
    }

    /// The 1-based column of the `:` of the first `: ` on a line.
    private func firstColon(_ number: Int) -> Int? {
        let scalars = Self.scalars(lineText(number))
        return scalars.indices.first { scalars[$0] == ":" && $0 + 1 < scalars.count && scalars[$0 + 1] == " " }
            .map { $0 + 1 }
    }

    /// `key` and the rest of a `key: value` line (a list item's `- key: value` too).
    private func keyAndValue(_ number: Int) -> (key: String, value: String)? {
        var line = Substring(lineText(number)).drop { $0 == " " }
        if line.hasPrefix("- ") { line = line.dropFirst(2).drop { $0 == " " } }
        guard let colon = line.range(of: ": ") else { return nil }
        let key = line[..<colon.lowerBound]
        guard !key.isEmpty, !key.contains(" ") || key.first == "\"" else { return nil }
        let value = line[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        return (String(key), value)
    }

    /// `text` as a YAML double-quoted scalar.
    static func doubleQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
