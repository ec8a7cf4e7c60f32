/// A fenced code block used as an extension point: ```` ```tabell data=x rubrik="Y" ````.
public struct FencedDirective: Sendable, Equatable {
    /// The first word of the info string (`tabell`).
    public var name: String
    /// `key=value` and `key="quoted value"` pairs after the name.
    public var arguments: [String: String]
    /// Words after the name that are not `key=value` pairs.
    public var flags: [String]
    /// The block's text.
    public var body: String
    /// Where the block starts, in the file's lines.
    public var position: SourcePosition

    /// Parses an info string; nil when it is empty.
    public init?(info: String, body: String, position: SourcePosition) {
        var words = FencedDirective.split(info)
        guard !words.isEmpty else { return nil }
        name = words.removeFirst()
        arguments = [:]
        flags = []
        for word in words {
            if let eq = word.firstIndex(of: "="), eq != word.startIndex {
                arguments[String(word[..<eq])] = String(word[word.index(after: eq)...])
            } else {
                flags.append(word)
            }
        }
        self.body = body
        self.position = position
    }

    // Splits on spaces, keeping "quoted values" (straight or typographic quotes) together.
    private static func split(_ info: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character? = nil
        for ch in info {
            if let q = quote {
                if ch == q || (q == "“" && ch == "”") { quote = nil } else { current.append(ch) }
            } else if ch == "\"" || ch == "“" {
                quote = ch
            } else if ch == " " || ch == "\t" {
                if !current.isEmpty {
                    words.append(current)
                    current = ""
                }
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
