/// Parses Mustache template text into a `CompiledTemplate`: tags, sections, partials, parent
/// templates with blocks, comments, set-delimiter tags and transforms such as `count(list)`.
/// A section, comment, partial, block or delimiter tag standing alone on its line takes the
/// line's spaces and line break with it.
struct TemplateParser {
    /// A syntax problem, at its 1-based line and column.
    struct Failure: Error {
        var line: Int
        var column: Int
        var message: String
    }

    /// The transforms a name may be wrapped in; anything else is a syntax error.
    static let transformNames = Set(TemplateTransform.allCases.map(\.rawValue))

    enum TagKind: UInt8 {
        case variable, unescaped, section, inverted, close, comment, partial, parent, block, delimiter
        var sigil: String {
            switch self {
            case .section: return "#"
            case .inverted: return "^"
            case .block: return "$"
            case .parent: return "<"
            default: return ""
            }
        }
    }

    /// A tag as read.
    struct Tag {
        var kind: TagKind
        var name: String
        var line: Int
        var column: Int
        var position: TemplatePosition { TemplatePosition(line: line, column: column) }
        /// Where the name starts, after the sigil and spaces.
        var namePosition: TemplatePosition?
    }

    /// What the parser knows at a point of the text; a section's parse gets a copy, so what
    /// changes inside a section (delimiters too) ends with it.
    private struct State {
        var section: Tag?
        /// Whether only spaces stand between the last line break and here, so a tag here may
        /// stand alone on its line.
        var newLine = true
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        /// Inside `{{<parent}}…{{/parent}}`; `atTopLevel` until a block override opens.
        var inParent = false
        var atTopLevel = false
        /// In a block override, the first line's indentation, removed from the lines after it.
        var overrideIndentation: ArraySlice<UInt8>?
    }

    private let bytes: [UInt8]
    private var index = 0

    private init(_ text: String) { bytes = Array(text.utf8) }

    /// Parses the whole template or throws its first syntax problem.
    static func parse(_ text: String) throws(Failure) -> CompiledTemplate {
        var parser = TemplateParser(text)
        return CompiledTemplate(nodes: try parser.parse(State()))
    }

    // The structure follows swift-mustache's parser, so themes written for it render the same:
    // a tag stands alone when the line had only spaces before it (`newLine`) and has only spaces
    // after it; after a section closes, `newLine` is what it was after the section opened.
    private mutating func parse(_ initial: State) throws(Failure) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var spaceBefore: ArraySlice<UInt8> = []
        while index < bytes.count {
            if state.newLine {
                let space = readSpaces()
                if state.inParent && !state.atTopLevel {
                    if let indentation = state.overrideIndentation {
                        spaceBefore = space.dropFirst(indentation.count)
                    } else {
                        state.overrideIndentation = space
                    }
                } else {
                    spaceBefore = space
                }
            }
            let text = readText(state)
            if let lineBreak = lineBreakLength(at: index) {
                nodes.append(.text(Array(spaceBefore) + text + bytes[index..<index + lineBreak]))
                index += lineBreak
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array(spaceBefore) + text))
                spaceBefore = []
                state.newLine = false
            }
            if index >= bytes.count { break }
            let tag = try readTag(&state)
            var standsAlone = false
            func flushSpace() {
                if !spaceBefore.isEmpty { nodes.append(.text(Array(spaceBefore))) }
                spaceBefore = []
            }
            switch tag.kind {
            case .section, .inverted:
                standsAlone = state.newLine && lineFinished()
                if !standsAlone { flushSpace() }
                var inner = state
                inner.section = tag
                inner.atTopLevel = false
                if !standsAlone { inner.newLine = false }
                let children = try parse(inner)
                nodes.append(.section(try Self.name(tag), children, inverted: tag.kind == .inverted))
            case .close:
                guard let open = state.section else {
                    throw Failure(
                        line: tag.line, column: tag.column,
                        message: "a closing tag {{/\(tag.name)}} has no open section")
                }
                guard open.name == tag.name else {
                    throw Failure(
                        line: tag.line, column: tag.column,
                        message:
                            "a closing tag {{/\(tag.name)}} does not match the open section "
                            + "{{\(open.kind.sigil)\(open.name)}} of line \(open.line)"
                    )
                }
                if !(state.newLine && lineFinished()) { flushSpace() }
                return nodes
            case .comment, .delimiter:
                // Spaces before the tag stay pending and go before whatever comes next.
                standsAlone = state.newLine && lineFinished()
            case .variable, .unescaped:
                if state.inParent && state.atTopLevel { throw onlyBlocks(tag, state) }
                flushSpace()
                nodes.append(.variable(try Self.name(tag), escaped: tag.kind == .variable))
            case .partial:
                if state.inParent && state.atTopLevel { throw onlyBlocks(tag, state) }
                let space = Array(spaceBefore)
                flushSpace()
                standsAlone = state.newLine && lineFinished()
                nodes.append(
                    .partial(tag.name, indentation: standsAlone ? space : nil, overrides: nil, at: tag.position))
            case .parent:
                let space = Array(spaceBefore)
                flushSpace()
                standsAlone = state.newLine && lineFinished()
                var inner = state
                inner.section = tag
                inner.newLine = true
                inner.inParent = true
                inner.atTopLevel = true
                var overrides: [String: [TemplateNode]] = [:]
                for child in try parse(inner) {
                    switch child {
                    case .block(let name, let blockNodes, _): overrides[name] = blockNodes
                    case .text(let text) where text.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }):
                        continue
                    default: throw onlyBlocks(tag, inner)
                    }
                }
                nodes.append(.partial(tag.name, indentation: space, overrides: overrides, at: tag.position))
            case .block:
                guard tag.name.utf8.allSatisfy(Self.blockNameBytes.contains) else {
                    throw Failure(
                        line: tag.line, column: tag.column,
                        message: "'\(tag.name)' is not a valid block name (no transforms on blocks)")
                }
                let space = Array(spaceBefore)
                if !(state.inParent && state.atTopLevel) { flushSpace() }
                standsAlone = state.newLine && lineFinished()
                var inner = state
                inner.section = tag
                inner.atTopLevel = false
                if !standsAlone { inner.newLine = false }
                let children = try parse(inner)
                nodes.append(.block(tag.name, defaultNodes: children, indentation: space))
            }
            state.newLine = standsAlone
        }
        if let open = state.section {
            throw Failure(
                line: open.line, column: open.column,
                message: "a section {{\(open.kind.sigil)\(open.name)}} is never closed with {{/\(open.name)}}")
        }
        return nodes
    }

    private func onlyBlocks(_ tag: Tag, _ state: State) -> Failure {
        let parent = state.section?.name ?? tag.name
        return Failure(
            line: tag.line, column: tag.column,
            message: "only {{$block}} overrides may stand inside {{<\(parent)}}…{{/\(parent)}}")
    }

    private mutating func readSpaces() -> ArraySlice<UInt8> {
        let start = index
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return bytes[start..<index]
    }

    private func lineBreakLength(at position: Int) -> Int? {
        guard position < bytes.count else { return nil }
        if bytes[position] == 0x0A { return 1 }
        if bytes[position] == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { return 2 }
        return nil
    }

    /// Text up to the next tag or line break.
    private mutating func readText(_ state: State) -> ArraySlice<UInt8> {
        let start = index
        while index < bytes.count {
            if lineBreakLength(at: index) != nil { break }
            if bytes[index] == state.open[0] && matches(state.open, at: index) { break }
            index += 1
        }
        return bytes[start..<index]
    }

    /// After a tag: only spaces up to a line break (consumed), or the end of the text.
    private mutating func lineFinished() -> Bool {
        // As in swift-mustache: the end of the text right after the tag ends the line; spaces
        // and then the end of the text do not.
        if index >= bytes.count { return true }
        var k = index
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
        guard let lineBreak = lineEndLength(at: k) else { return false }
        index = k + lineBreak
        return true
    }

    /// What ends a standalone tag's line: any character Swift calls a new line, as swift-mustache
    /// checks it there (text itself breaks lines only at LF and CR LF).
    private func lineEndLength(at position: Int) -> Int? {
        if let lineBreak = lineBreakLength(at: position) { return lineBreak }
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case 0x0B, 0x0C, 0x0D: return 1 // VT, FF, CR
        case 0xC2 where matches([0xC2, 0x85], at: position): return 2 // NEL
        case 0xE2 where matches([0xE2, 0x80, 0xA8], at: position) || matches([0xE2, 0x80, 0xA9], at: position):
            return 3 // LS, PS
        default: return nil
        }
    }

    private func matches(_ pattern: [UInt8], at position: Int) -> Bool {
        guard position + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[position + k] != pattern[k] { return false }
        return true
    }

    private func location(_ position: Int) -> (line: Int, column: Int) {
        var line = 1
        var start = 0
        for k in 0..<min(position, bytes.count) where bytes[k] == 0x0A {
            line += 1
            start = k + 1
        }
        // Columns count characters, not bytes: UTF-8 continuation bytes do not start one.
        return (line, bytes[start..<min(position, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1)
    }

    private func failure(_ message: String, at position: Int) -> Failure {
        let (line, column) = location(position)
        return Failure(line: line, column: column, message: message)
    }

    private mutating func readTag(_ state: inout State) throws(Failure) -> Tag {
        let tagStart = index
        let (line, column) = location(tagStart)
        index += state.open.count
        var kind = TagKind.variable
        var closing = state.close
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "#"): kind = .section
            case UInt8(ascii: "^"): kind = .inverted
            case UInt8(ascii: "/"): kind = .close
            case UInt8(ascii: "!"): kind = .comment
            case UInt8(ascii: ">"): kind = .partial
            case UInt8(ascii: "<"): kind = .parent
            case UInt8(ascii: "$"): kind = .block
            case UInt8(ascii: "="): kind = .delimiter
            case UInt8(ascii: "&"): kind = .unescaped
            case UInt8(ascii: "{"):
                kind = .unescaped
                // As swift-mustache reads it: the name, the closing delimiter, then `}`
                // (`{{{x}}}`, and `<%{x%>}` under `<% %>`).
                closing = state.close + [UInt8(ascii: "}")]
            case UInt8(ascii: "%"):
                throw failure("pragma tags {{%…}} are not supported", at: tagStart)
            default: break
            }
            if kind != .variable { index += 1 }
        }
        if kind == .delimiter {
            try readDelimiters(&state, tagStart: tagStart)
            return Tag(kind: kind, name: "", line: line, column: column)
        }
        guard let end = find(closing, from: index) else {
            throw failure("a tag is not closed with \(String(decoding: closing, as: UTF8.self))", at: tagStart)
        }
        let content = Array(bytes[index..<end])
        var nameStart = index
        while nameStart < end, bytes[nameStart] == 0x20 || (0x09...0x0D).contains(bytes[nameStart]) { nameStart += 1 }
        index = end + closing.count
        let name = String(decoding: content, as: UTF8.self).trimmingSpaces()
        if kind != .comment {
            let allowed = kind == .partial || kind == .parent || kind == .close ? Self.partialNameBytes : Self.nameBytes
            guard !name.isEmpty, name.utf8.allSatisfy(allowed.contains) else {
                throw failure(
                    name.isEmpty
                        ? "a tag has no name"
                        : "'\(name)' is not a valid name in a tag (letters, digits, . - _ and transforms like "
                            + "count(list))",
                    at: tagStart)
            }
        }
        var namePosition = TemplatePosition(line: line, column: column)
        if bytes[tagStart..<nameStart].contains(0x0A) {
            (namePosition.line, namePosition.column) = location(nameStart)
        } else {
            namePosition.column += bytes[tagStart..<nameStart].filter { $0 & 0xC0 != 0x80 }.count
        }
        return Tag(kind: kind, name: name, line: line, column: column, namePosition: namePosition)
    }

    /// After `{{=`: the new opening delimiter up to white space, the closing one up to white space
    /// or `=`, then `=` and the old closing delimiter, as swift-mustache reads them.
    private mutating func readDelimiters(_ state: inout State, tagStart: Int) throws(Failure) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        func skipSpaces() { while index < bytes.count, isSpace(bytes[index]) { index += 1 } }
        skipSpaces()
        let openStart = index
        while index < bytes.count, !isSpace(bytes[index]) { index += 1 }
        let open = Array(bytes[openStart..<index])
        skipSpaces()
        let closeStart = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "=") { index += 1 }
        let close = Array(bytes[closeStart..<index])
        skipSpaces()
        guard !open.isEmpty, !close.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "="),
            matches(state.close, at: index + 1)
        else {
            throw failure("bad set-delimiter tag: write {{=<% %>=}}", at: tagStart)
        }
        index += 1 + state.close.count
        state.open = open
        state.close = close
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var k = start
        while k + pattern.count <= bytes.count {
            if bytes[k] == pattern[0] && matches(pattern, at: k) { return k }
            k += 1
        }
        return nil
    }
}
