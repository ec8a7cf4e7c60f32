import Foundation

/// Splits front matter from the body: YAML between `---` lines, or TOML between `+++` lines as
/// Hugo and Zola write it. Blank lines above the opening fence are passed over, as Hugo and Zola
/// pass them over (Zola's own theme pages start with one).
enum FrontMatterSplitter {
    struct Result: Equatable {
        /// The text between the fences; nil when the text has no front matter.
        var yaml: String?
        /// The front matter is TOML (`+++`), not YAML.
        var isTOML = false
        var body: String
        /// Number of lines before the body.
        var bodyLineOffset: Int
        /// Number of lines before the front matter's first: the opening fence's line, after any
        /// blank lines above it.
        var yamlLineOffset = 1
        /// Opened with `---` but never closed.
        var unterminated: Bool
    }

    /// The text's front matter and body. The body is the text itself with the front matter
    /// taken off its start: when the caller hands the text over (`consume`), the body keeps the
    /// text's memory instead of copying it (a copy of every page's body is memory the build
    /// must be given, page by page, by the system).
    static func split(_ text: consuming String) -> Result {
        var text = consume text
        // Only the front matter's lines are looked at, byte by byte with memchr; the body is
        // taken whole, as it is.
        var isTOML = false
        var fenceLine = 1
        let cut = text.withUTF8 { bytes -> (yamlStart: Int, yamlEnd: Int, bodyStart: Int, lines: Int)?? in
            guard let base = bytes.baseAddress else { return .some(nil) }
            var lineStart = 0
            var lineNumber = 0
            var yamlStart = 0
            var opened = false
            var mark = UInt8(ascii: "-")
            while lineStart < bytes.count {
                let hit = memchr(base + lineStart, 0x0A, bytes.count - lineStart)
                let lineEnd = hit.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                let next = min(lineEnd + 1, bytes.count)
                lineNumber += 1
                if !opened {
                    if isBlank(line) {
                        if lineEnd == bytes.count { break }
                        lineStart = next
                        continue
                    }
                    if isFence(line, of: UInt8(ascii: "+")) {
                        mark = UInt8(ascii: "+")
                        isTOML = true
                    }
                    guard isFence(line, of: mark) else { return .some(nil) }
                    opened = true
                    fenceLine = lineNumber
                    yamlStart = next
                } else if isFence(line, of: mark) || (mark == UInt8(ascii: "-") && isFence(line, of: UInt8(ascii: ".")))
                {
                    // Without the last line break (a CR LF counts as one, as a Character).
                    var yamlEnd = max(yamlStart, lineStart - 1)
                    if yamlEnd > yamlStart && bytes[yamlEnd - 1] == 0x0D { yamlEnd -= 1 }
                    return (yamlStart, yamlEnd, next, lineNumber)
                }
                if lineEnd == bytes.count { break }
                lineStart = next
            }
            return opened ? nil : .some(nil)
        }
        switch cut {
        case .none: return Result(yaml: nil, isTOML: isTOML, body: "", bodyLineOffset: 0, unterminated: true)
        case .some(.none): return Result(yaml: nil, body: text, bodyLineOffset: 0, unterminated: false)
        case .some(.some(let cut)):
            // No view of the text outlives its use: the text must be the only reference to its
            // memory when the front matter is taken off, or that copies it.
            func index(_ offset: Int) -> String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offset) }
            let yaml = String(text[index(cut.yamlStart)..<index(cut.yamlEnd)])
            let bodyStart = index(cut.bodyStart)
            text.removeSubrange(..<bodyStart)
            return Result(
                yaml: yaml, isTOML: isTOML, body: text, bodyLineOffset: cut.lines, yamlLineOffset: fenceLine,
                unterminated: false)
        }
    }

    /// Nothing but spaces, tabs and a CR.
    static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == 0x0D }
    }

    /// `---` (or `...`) and nothing after it but spaces and tabs. Bytes, not Characters: every
    /// line of every page's front matter goes through here.
    static func isFence(_ line: UnsafeBufferPointer<UInt8>, of mark: UInt8) -> Bool {
        line.count >= 3 && line[0] == mark && line[1] == mark && line[2] == mark
            && line[3...].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
