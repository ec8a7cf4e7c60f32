/// Tag names: which bytes a name may have, and how `a.b`, `.`, `count(list)` are read.
extension TemplateParser {
    static let blockNameBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?".utf8)
    static let nameBytes = blockNameBytes.union("()".utf8)
    static let partialNameBytes = nameBytes.union("/".utf8)

    /// Reads `a.b`, `.`, `.a`, `count(list)`, `first()`, `lowercased(count(x))`.
    static func name(_ tag: Tag) throws(Failure) -> TemplateName {
        var inner = Substring(tag.name)
        var transforms: [String] = []
        while let paren = inner.firstIndex(of: "(") {
            guard inner.last == ")" else {
                throw Failure(
                    line: tag.line, column: tag.column,
                    message: "'\(tag.name)': a transform must be written like count(list)")
            }
            let transform = String(inner[..<paren])
            guard transformNames.contains(transform) else {
                throw Failure(
                    line: tag.line, column: tag.column,
                    message:
                        "unknown transform '\(transform)'; known: \(transformNames.sorted().joined(separator: ", "))")
            }
            transforms.insert(transform, at: 0)
            inner = inner[inner.index(after: paren)..<inner.index(before: inner.endIndex)]
        }
        guard !inner.contains(")") else {
            throw Failure(line: tag.line, column: tag.column, message: "'\(tag.name)': unbalanced parentheses")
        }
        let scope: TemplateName.Scope
        if inner == "." {
            scope = .current
        } else if inner.isEmpty {
            guard !transforms.isEmpty else {
                throw Failure(line: tag.line, column: tag.column, message: "a tag has no name")
            }
            scope = .sequence
        } else {
            let parts = inner.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
            guard !parts.isEmpty, !inner.hasSuffix("."), !inner.contains("..") else {
                throw Failure(line: tag.line, column: tag.column, message: "'\(tag.name)' is not a valid name")
            }
            scope = inner.first == "." ? .anchored(parts) : .path(parts)
        }
        // The value's name starts after the transforms around it: `i18n` in `lowercased(i18n.x)`.
        var position = tag.namePosition ?? tag.position
        position.column += transforms.reduce(0) { $0 + $1.utf8.count + 1 }
        return TemplateName(scope: scope, transforms: transforms, text: tag.name, position: position)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        // ASCII white space: tab, line feed, vertical tab, form feed, carriage return, space.
        let isSpace: (Character) -> Bool = {
            $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{0B}" || $0 == "\u{0C}"
        }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
