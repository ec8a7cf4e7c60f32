import Markdown

/// Reads TOML (Hugo's and Zola's `+++` front matter) into a `DataValue` with the place of every value.
///
/// Follows TOML 1.0 (https://toml.io/en/v1.0.0): tables, arrays of tables, inline tables, dotted
/// and quoted keys, every string and number form. Dates and times are checked and kept as text as
/// written, as the project keeps dates. Columns count characters (Unicode scalars), as for YAML.
enum TOMLReader {
    /// Deepest nesting of tables and arrays: deeper input is refused rather than risked on the stack.
    static let maxDepth = 100

    /// Parses `text`; `lineOffset` is added to every reported line (front matter starts after its `+++`).
    /// On an error, reports it once through `log.error(file, position, message, hint: ...)` and returns nil.
    static func parse(_ text: String, file: String, lineOffset: Int = 0, log: DiagnosticLog) -> DataValue? {
        var reader = Reader(bytes: Array(text.utf8), lineOffset: lineOffset)
        do {
            return try reader.document()
        } catch {
            log.error(file, error.position, error.message, hint: error.hint)
            return nil
        }
    }

    /// The first problem in a document; reading stops there.
    struct Failure: Error {
        let position: SourcePosition
        let message: String
        let hint: String

        init(_ position: SourcePosition, _ message: String, hint: String) {
            (self.position, self.message, self.hint) = (position, message, hint)
        }
    }

    /// A table while the document is read: `[header]` and dotted-key tables stay open for more
    /// keys, so they are shared; inline tables and arrays are finished values.
    final class Table {
        /// How a table came to be, which decides what may add to it: a header may still define an
        /// `implicit` table (`a` on the way to `[a.b]`); only dotted keys add to a `dotted` one; a
        /// `list` is an array of tables, `[[name]]`, whose elements are `elements`.
        enum Origin { case implicit, header, dotted, list }

        var origin: Origin
        var position: SourcePosition
        /// The keys from the root, for messages.
        let path: [String]
        let depth: Int
        private(set) var entries: [(key: String, entry: Entry)] = []
        private var index: [String: Int] = [:]
        var elements: [Table] = []

        init(_ origin: Origin, at position: SourcePosition, path: [String], depth: Int) {
            (self.origin, self.position, self.path, self.depth) = (origin, position, path, depth)
        }

        func entry(_ key: String) -> Entry? { index[key].map { entries[$0].entry } }

        func add(_ key: String, _ entry: Entry) {
            index[key] = entries.count
            entries.append((key, entry))
        }

        /// The table as a map, keys in the order they were first written (or the list of them).
        var value: DataValue {
            origin == .list
                ? DataValue(.list(elements.map(\.value)), at: position)
                : DataValue(.map(entries.map { ($0.key, $0.entry.value) }), at: position)
        }
    }

    enum Entry {
        /// A finished value: a scalar, an array or an inline table.
        case value(DataValue)
        case table(Table)

        /// Where the entry was first written, for "first on line N" (a value starts on its key's line).
        var line: Int {
            if case .table(let table) = self { return table.position.line }
            return value.position.line
        }

        var value: DataValue {
            switch self {
            case .value(let value): return value
            case .table(let table): return table.value
            }
        }
    }

    /// One part of a dotted key and where it is written.
    typealias Key = (name: String, position: SourcePosition)

    /// `path` as it would be written in a file: `params."a b".c`.
    static func name(_ path: [String]) -> String {
        path.map { !$0.isEmpty && $0.utf8.allSatisfy(Reader.isBareKeyByte) ? $0 : "\"\($0)\"" }.joined(separator: ".")
    }

    /// Reads one document from its UTF-8 bytes, one line at a time.
    struct Reader {
        let bytes: [UInt8]
        let lineOffset: Int
        var i = 0
        /// The current line (from 1, before `lineOffset`) and the index of its first byte.
        var line = 1
        var lineStart = 0
        /// The last column asked for on the current line: positions along a long line are
        /// counted on from there, not from the line's start each time.
        var cached = (index: 0, column: 1)

        mutating func document() throws(Failure) -> DataValue {
            // A byte order mark is not part of the first line's text.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { (i, lineStart) = (3, 3) }
            let root = Table(.header, at: SourcePosition(line: lineOffset + 1, column: 1), path: [], depth: 0)
            var current = root
            while i < bytes.count {
                skipSpaces()
                if atLineEnd {
                    if i < bytes.count { try newline() }
                } else if bytes[i] == UInt8(ascii: "#") {
                    try comment()
                } else if bytes[i] == UInt8(ascii: "[") {
                    current = try header(in: root)
                    try endOfLine(after: "the table header")
                } else {
                    try keyValue(into: current)
                    try endOfLine(after: "the value")
                }
            }
            return root.value
        }

        // MARK: Lines

        static let lf = UInt8(ascii: "\n")
        static let cr = UInt8(ascii: "\r")
        static let space = UInt8(ascii: " ")
        static let tab = UInt8(ascii: "\t")

        /// Where byte `index` of the current line is; columns count Unicode scalars from 1.
        mutating func position(_ index: Int) -> SourcePosition {
            if cached.index < lineStart || cached.index > index { cached = (lineStart, 1) }
            var column = cached.column
            for j in cached.index..<min(index, bytes.count) where bytes[j] & 0xC0 != 0x80 { column += 1 }
            cached = (index, column)
            return SourcePosition(line: line + lineOffset, column: column)
        }

        mutating func fail(_ message: String, hint: String, at index: Int? = nil) -> Failure {
            Failure(position(index ?? i), message, hint: hint)
        }

        var atLineEnd: Bool { i == bytes.count || bytes[i] == Self.lf || bytes[i] == Self.cr }

        mutating func skipSpaces() {
            while i < bytes.count && (bytes[i] == Self.space || bytes[i] == Self.tab) { i += 1 }
        }

        /// Moves past the line break (LF or CRLF) at `i`.
        mutating func newline() throws(Failure) {
            if bytes[i] == Self.cr {
                guard i + 1 < bytes.count, bytes[i + 1] == Self.lf else {
                    throw fail("a carriage return without a line feed", hint: "end lines with LF or CRLF")
                }
                i += 1
            }
            i += 1
            line += 1
            lineStart = i
        }

        /// Moves past the `#` comment at `i`, up to its line break.
        mutating func comment() throws(Failure) {
            i += 1
            while !atLineEnd {
                if Self.isControl(bytes[i]) {
                    throw fail("control character \(found()) in a comment", hint: "remove it")
                }
                i += 1
            }
        }

        /// After a value or header: spaces, perhaps a comment, then the line's end.
        mutating func endOfLine(after what: String) throws(Failure) {
            skipSpaces()
            if i < bytes.count && bytes[i] == UInt8(ascii: "#") { try comment() }
            guard atLineEnd else {
                throw fail(
                    "unexpected \(found()) after \(what)",
                    hint: "put each key = value on its own line; a comment starts with #")
            }
            if i < bytes.count { try newline() }
        }

        /// Spaces, line breaks and comments, as may stand between the items of an array.
        mutating func skipBlank() throws(Failure) {
            while i < bytes.count {
                switch bytes[i] {
                case Self.space, Self.tab: i += 1
                case Self.lf, Self.cr: try newline()
                case UInt8(ascii: "#"): try comment()
                default: return
                }
            }
        }

        // MARK: Keys and tables

        /// A key, perhaps dotted: `a`, `"a b"`, `'c'`, `a . "b" . c`.
        mutating func keyPath() throws(Failure) -> [Key] {
            var keys: [Key] = []
            while true {
                let at = position(i)
                let start = i
                while i < bytes.count && Self.isBareKeyByte(bytes[i]) { i += 1 }
                var name = String(decoding: bytes[start..<i], as: UTF8.self)
                if i == start && i < bytes.count && (bytes[i] == Self.quote || bytes[i] == Self.apostrophe) {
                    if bytes[i...].starts(with: repeatElement(bytes[i], count: 3)) {
                        throw fail("a key cannot be a multi-line string", hint: "write the key in quotes on one line")
                    }
                    name = try string(at: at)
                } else if i == start {
                    throw fail(
                        "expected a key, found \(found())",
                        hint: "a key is a word of letters, digits, _ and -, or text in quotes")
                }
                keys.append((name, at))
                skipSpaces()
                guard i < bytes.count && bytes[i] == UInt8(ascii: ".") else { return keys }
                i += 1
                skipSpaces()
            }
        }

        /// `key = value`, added to `table`.
        mutating func keyValue(into table: Table) throws(Failure) {
            let keys = try keyPath()
            let path = table.path + keys.map(\.name)
            skipSpaces()
            guard i < bytes.count && bytes[i] == UInt8(ascii: "=") else {
                throw fail("expected '=' after key '\(name(path))', found \(found())", hint: "write key = value")
            }
            i += 1
            skipSpaces()
            if atLineEnd || bytes[i] == UInt8(ascii: "#") {
                throw fail(
                    "missing value for key '\(name(path))'",
                    hint: "write a value after '=': \"text\", a number, true, false, a date or [a, list]")
            }
            let target = try holder(of: keys, in: table)
            let item = try value(depth: target.depth + 1, path: path)
            if let last = keys.last { target.add(last.name, .value(item)) }
        }

        /// The table that gets the last of `keys`, below `table`: the keys before it lead there
        /// through tables made by dotted keys, made when missing. The last key must be new there.
        mutating func holder(of keys: [Key], in table: Table) throws(Failure) -> Table {
            var target = table
            for key in keys.dropLast() {
                let path = target.path + [key.name]
                switch target.entry(key.name) {
                case nil:
                    target = try add(Table(.dotted, at: key.position, path: path, depth: target.depth + 1), to: target)
                case .table(let next) where next.origin == .dotted:
                    target = next
                case .table(let next):
                    throw Failure(
                        key.position,
                        "a dotted key cannot add to '\(name(path))', which a header on line \(next.position.line) made",
                        hint: "write the key under that header instead")
                case .value(let value):
                    throw notATable(value, path: path, at: key.position)
                }
            }
            if let last = keys.last, let existing = target.entry(last.name) {
                throw Failure(
                    last.position,
                    "key '\(name(target.path + [last.name]))' is defined twice (first on line \(existing.line))",
                    hint: "remove one of them, or give one another name")
            }
            return target
        }

        /// `table` added to `parent` under the last key of its path.
        func add(_ table: Table, to parent: Table) throws(Failure) -> Table {
            guard table.depth <= TOMLReader.maxDepth else {
                throw Failure(
                    table.position, "tables nested more than \(TOMLReader.maxDepth) deep", hint: "use fewer levels")
            }
            parent.add(table.path.last ?? "", .table(table))
            return table
        }

        func notATable(_ value: DataValue, path: [String], at position: SourcePosition) -> Failure {
            let line = value.position.line
            return value.pairs == nil
                ? Failure(
                    position, "cannot add to '\(name(path))': it is a value (line \(line)), not a table",
                    hint: "give the table another name, or remove the value")
                : Failure(
                    position, "cannot add to '\(name(path))': an inline table is complete as written (line \(line))",
                    hint: "put the key inside its { }, or write the table as [\(name(path))] with its keys below")
        }

        /// `[a.b]` or `[[a.b]]`: the table that the keys below it go into.
        mutating func header(in root: Table) throws(Failure) -> Table {
            let at = position(i)
            let isList = bytes[(i + 1)...].first == UInt8(ascii: "[")
            i += isList ? 2 : 1
            skipSpaces()
            let keys = try keyPath()
            guard bytes[i...].starts(with: repeatElement(UInt8(ascii: "]"), count: isList ? 2 : 1)) else {
                throw fail(
                    "expected '\(isList ? "]]" : "]")' to end the table header, found \(found())",
                    hint: isList ? "write an array of tables as [[name]]" : "write a table header as [name]")
            }
            i += isList ? 2 : 1
            var parent = root
            for (n, key) in keys.enumerated() {
                let path = parent.path + [key.name]
                let existing = parent.entry(key.name)
                if n == keys.count - 1 {
                    let made = Table(.header, at: at, path: path, depth: parent.depth + 1)
                    return try opened(made, isList: isList, after: existing, in: parent)
                }
                switch existing {
                case nil: parent = try add(Table(.implicit, at: at, path: path, depth: parent.depth + 1), to: parent)
                // `[a.b]` after `[[a]]` belongs to the last `a`.
                case .table(let next) where next.origin == .list: parent = next.elements.last ?? parent
                case .table(let next): parent = next
                case .value(let value): throw notATable(value, path: path, at: key.position)
                }
            }
            return parent
        }

        /// The table that `[name]` opens (`isList`: a new element of `[[name]]`), given what
        /// `name` already holds: a header may define a table that deeper headers made on their way.
        func opened(_ made: Table, isList: Bool, after existing: Entry?, in parent: Table) throws(Failure) -> Table {
            let shown = name(made.path)
            switch (existing, isList) {
            case (nil, false):
                return try add(made, to: parent)
            case (nil, true):
                let list = try add(Table(.list, at: made.position, path: made.path, depth: made.depth), to: parent)
                list.elements.append(made)
            case (.table(let list), true) where list.origin == .list:
                list.elements.append(made)
            case (.table(let table), false) where table.origin == .implicit:
                (table.origin, table.position) = (.header, made.position)
                return table
            case (.table(let table), false) where table.origin == .header:
                throw Failure(
                    made.position, "table '\(shown)' is defined twice (first on line \(table.position.line))",
                    hint: "put all of its keys under one [\(shown)]")
            case (.table(let list), false) where list.origin == .list:
                throw Failure(
                    made.position, "'\(shown)' is an array of tables (line \(list.position.line)), not a table",
                    hint: "write [[\(shown)]] to add an element")
            case (.table(let table), false):
                throw Failure(
                    made.position, "table '\(shown)' is already defined by dotted keys on line \(table.position.line)",
                    hint: "write all of its keys as dotted keys there, or all under [\(shown)]")
            case (.table(let table), true):
                throw Failure(
                    made.position, "'\(shown)' is a table (line \(table.position.line)), not an array of tables",
                    hint: "write [\(shown)] to add to the table, or give the array another name")
            case (.value(let value), true) where value.list != nil:
                throw Failure(
                    made.position,
                    "[[\(shown)]] cannot add to the array written with [ ] on line \(value.position.line)",
                    hint: "write every element as [[\(shown)]], or all of them in the [ ]")
            case (.value(let value), _):
                throw Failure(
                    made.position,
                    value.pairs == nil
                        ? "key '\(shown)' is defined twice (first on line \(value.position.line))"
                        : "table '\(shown)' is defined twice (first on line \(value.position.line), as an inline "
                            + "table)",
                    hint: "give the table another name, or write all of its keys in one place")
            }
            return made
        }
    }
}
