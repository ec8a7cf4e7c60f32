/// A pattern of site.yaml's `ignore:` list, matched against paths below the content folder
/// (`drafts/**`, `**/*.tmp.md`), as Zola's `ignored_content` and Hugo's module `excludeFiles`:
///
/// - `*` matches any characters within one path segment, `?` one character of a segment;
/// - `[abc]`, `[a-z]` and `[!abc]` match one character of a segment from (or not from) a set;
/// - `**` as a whole segment matches any number of segments, none included;
/// - `\` makes the next character literal.
///
/// The whole path is matched, from the content folder: `*.tmp.md` matches `x.tmp.md` only at the
/// top; `**/*.tmp.md` matches it in any folder. A pattern that matches a folder ignores all of it
/// (`drafts`, `drafts/` and `drafts/**` all ignore the folder `drafts`).
struct ContentGlob: Sendable, Equatable {
    /// The pattern as written.
    let pattern: String
    private let segments: [Segment]

    private enum Segment: Sendable, Equatable {
        /// `**`: any number of segments.
        case any
        case name([Token])
    }

    private enum Token: Sendable, Equatable {
        case character(Character)
        case anyCharacter
        case anyRun
        /// `[...]`: single characters and ranges; `negated` for `[!...]`.
        case set(members: [ClosedRange<Character>], negated: Bool)
    }

    /// What is wrong with a pattern, said so that it can be fixed.
    struct Problem: Error, Equatable {
        var message: String
        var hint: String
    }

    /// Compiles `pattern`, or says what is wrong with it.
    init(_ pattern: String) throws(Problem) {
        self.pattern = pattern
        guard !pattern.isEmpty else {
            throw Problem(message: "empty ignore pattern", hint: "remove it, or write a path such as 'drafts/**'")
        }
        guard !pattern.hasPrefix("/") else {
            throw Problem(
                message: "ignore pattern '\(pattern)' starts with '/'",
                hint: "patterns are paths below the content folder; write '\(pattern.drop { $0 == "/" })'")
        }
        var segments: [Segment] = []
        // `drafts/` (as in .gitignore) names the folder, which ignores all of it.
        let body = pattern.hasSuffix("/") && !pattern.hasSuffix("\\/") ? String(pattern.dropLast()) : pattern
        for part in Self.splitSegments(body) {
            if part.isEmpty {
                throw Problem(
                    message: "ignore pattern '\(pattern)' has an empty path segment ('//')",
                    hint: "write one '/' between names; 'folder/**' ignores a whole folder")
            }
            if part == "**" {
                if segments.last != .any { segments.append(.any) }
                continue
            }
            segments.append(.name(try Self.tokens(of: part, in: pattern)))
        }
        self.segments = segments
    }

    /// True when the pattern matches `path` (`projekt/x.md`, a folder's path without a slash).
    func matches(_ path: String) -> Bool {
        let names = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0) }
        return Self.match(segments[...], names[...])
    }

    // MARK: Parsing

    /// Splits at `/` not escaped by `\`.
    private static func splitSegments(_ pattern: String) -> [String] {
        var parts: [String] = [""]
        var escaped = false
        for character in pattern {
            if escaped {
                parts[parts.count - 1].append(character)
                escaped = false
            } else if character == "\\" {
                parts[parts.count - 1].append(character)
                escaped = true
            } else if character == "/" {
                parts.append("")
            } else {
                parts[parts.count - 1].append(character)
            }
        }
        return parts
    }

    private static func tokens(of segment: String, in pattern: String) throws(Problem) -> [Token] {
        var tokens: [Token] = []
        var characters = segment[...]
        while let character = characters.popFirst() {
            switch character {
            case "\\":
                guard let next = characters.popFirst() else {
                    throw Problem(
                        message: "ignore pattern '\(pattern)' ends with a lone '\\'",
                        hint: "write '\\\\' for a backslash, or remove it")
                }
                tokens.append(.character(next))
            case "?":
                tokens.append(.anyCharacter)
            case "*":
                if characters.first == "*" {
                    throw Problem(
                        message: "'**' in ignore pattern '\(pattern)' must be a whole path segment",
                        hint: "write '**/' or '/**' for any number of folders, or '*' within a name")
                }
                tokens.append(.anyRun)
            case "[":
                tokens.append(try set(&characters, in: pattern))
            default:
                tokens.append(.character(character))
            }
        }
        return tokens
    }

    /// `[...]` after its `[`: members up to the closing `]` (a `]` first is a member).
    private static func set(_ characters: inout Substring, in pattern: String) throws(Problem) -> Token {
        var negated = false
        if characters.first == "!" || characters.first == "^" {
            negated = true
            characters.removeFirst()
        }
        var members: [ClosedRange<Character>] = []
        var first = true
        while let character = characters.popFirst() {
            if character == "]" && !first { return .set(members: members, negated: negated) }
            first = false
            var low = character
            if low == "\\" {
                guard let next = characters.popFirst() else { break }
                low = next
            }
            if characters.first == "-", characters.dropFirst().first.map({ $0 != "]" }) == true {
                characters.removeFirst()
                var high = characters.removeFirst()
                if high == "\\", let next = characters.popFirst() { high = next }
                guard low <= high else {
                    throw Problem(
                        message: "range '\(low)-\(high)' in ignore pattern '\(pattern)' runs backwards",
                        hint: "write the smaller character first: '\(high)-\(low)'")
                }
                members.append(low...high)
            } else {
                members.append(low...low)
            }
        }
        throw Problem(
            message: "'[' in ignore pattern '\(pattern)' is never closed",
            hint: "close the set with ']', or write '\\[' for a literal '['")
    }

    // MARK: Matching

    private static func match(_ segments: ArraySlice<Segment>, _ names: ArraySlice<[Character]>) -> Bool {
        guard let first = segments.first else { return names.isEmpty }
        switch first {
        case .any:
            let rest = segments.dropFirst()
            // `**` takes none, one, two, ... of the names.
            var names = names
            while true {
                if match(rest, names) { return true }
                guard !names.isEmpty else { return false }
                names = names.dropFirst()
            }
        case .name(let tokens):
            guard let name = names.first, matchName(tokens[...], name[...]) else { return false }
            return match(segments.dropFirst(), names.dropFirst())
        }
    }

    private static func matchName(_ tokens: ArraySlice<Token>, _ name: ArraySlice<Character>) -> Bool {
        guard let token = tokens.first else { return name.isEmpty }
        let rest = tokens.dropFirst()
        switch token {
        case .anyRun:
            var name = name
            while true {
                if matchName(rest, name) { return true }
                guard !name.isEmpty else { return false }
                name = name.dropFirst()
            }
        case .anyCharacter:
            return !name.isEmpty && matchName(rest, name.dropFirst())
        case .character(let c):
            return name.first == c && matchName(rest, name.dropFirst())
        case .set(let members, let negated):
            guard let c = name.first else { return false }
            return members.contains { $0.contains(c) } != negated && matchName(rest, name.dropFirst())
        }
    }
}
