/// Finds `{{>partial}}` and `{{<parent}}` tags in template text, with their positions.
public enum TemplateReferences {
    /// A name used in a template, where it is used.
    public struct Reference: Equatable {
        public var name: String
        public var line: Int
        public var column: Int
    }

    /// Every `{{prefix.name}}`-style use of a key below `prefix` (`i18n.`), with its position.
    public static func keys(withPrefix prefix: String, in text: String) -> [Reference] {
        var references: [Reference] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let range = rest.range(of: prefix) {
                let before = rest[..<range.lowerBound].last
                let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !name.isEmpty, before == nil || !(before!.isLetter || before!.isNumber || before! == ".") {
                    let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                    references.append(Reference(name: String(name), line: lineIndex + 1, column: column))
                }
                rest = rest[range.upperBound...]
            }
        }
        return references
    }

    static func find(in text: String) -> [Reference] {
        var references: [Reference] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            let ch = text[index]
            if ch == "{", text[index...].hasPrefix("{{") {
                let afterBraces = text.index(index, offsetBy: 2)
                if afterBraces < text.endIndex, text[afterBraces] == ">" || text[afterBraces] == "<",
                   let close = text[afterBraces...].range(of: "}}") {
                    let name = text[text.index(after: afterBraces)..<close.lowerBound]
                        .trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty { references.append(Reference(name: name, line: line, column: column)) }
                }
            }
            if ch == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return references
    }
}
