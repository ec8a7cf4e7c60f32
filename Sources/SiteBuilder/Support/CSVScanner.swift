import Markdown

/// Splits CSV text into rows of fields by RFC 4180, on its UTF-8 bytes, keeping where each
/// field starts. Quoted fields may hold the separator, quotes (written twice) and line breaks.
/// Rows end at CRLF, LF or a lone CR; lines with nothing on them are skipped.
///
/// Stricter than RFC 4180 readers that guess: a quote inside an unquoted field (`5" skärm`,
/// `a, "b"`) and text after a closing quote (`"a"b`) are problems, not literal text, because
/// they nearly always mean a field's quoting went wrong and the columns would shift silently.
struct CSVScanner {
    /// A field's text and where it starts (line and column in characters, from 1).
    struct Field {
        var text: String
        var position: SourcePosition
    }

    struct Row {
        var fields: [Field]
        var line: Int
        /// The row's quoting went wrong (its problem is reported), so its fields are not to be trusted.
        var isBroken = false
    }

    /// Something that makes the text not CSV, where it is.
    struct Problem: Equatable {
        var position: SourcePosition
        var message: String
        var hint: String
    }

    let separator: UInt8

    /// The rows of `text`, and the problems found; on an unclosed quote the rows before it.
    func scan(_ text: String) -> (rows: [Row], problems: [Problem]) {
        var text = text
        return text.withUTF8 { scan(bytes: $0) }
    }

    private static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    private func scan(bytes: UnsafeBufferPointer<UInt8>) -> (rows: [Row], problems: [Problem]) {
        let quote = Self.quote
        let cr = Self.cr
        let lf = Self.lf
        var rows: [Row] = []
        var problems: [Problem] = []
        var fields: [Field] = []
        var broken = false
        var i = 0
        var line = 1
        var column = 1
        let count = bytes.count

        // Moves past one byte, keeping line and column; a column counts characters (Unicode
        // scalars), so continuation bytes of a multi-byte character do not advance it.
        func advance() {
            let byte = bytes[i]
            if byte == lf || (byte == cr && (i + 1 == count || bytes[i + 1] != lf)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != cr {
                column += 1
            }
            i += 1
        }
        func isRowEnd(_ byte: UInt8) -> Bool { byte == lf || byte == cr }
        // One problem per row: after the first, its fields no longer line up anyway.
        func report(_ problem: Problem) {
            if !broken { problems.append(problem) }
            broken = true
        }

        while i < count {
            let start = SourcePosition(line: line, column: column)
            var text: String
            var quoted = false
            if bytes[i] == quote {
                quoted = true
                advance()
                var buffer: [UInt8] = []
                var closed = false
                while i < count {
                    let byte = bytes[i]
                    if byte == quote {
                        if i + 1 < count && bytes[i + 1] == quote {
                            buffer.append(quote)
                            advance()
                            advance()
                            continue
                        }
                        advance()
                        closed = true
                        break
                    }
                    buffer.append(byte)
                    advance()
                }
                guard closed else {
                    problems.append(
                        Problem(
                            position: start, message: "quoted field is never closed",
                            hint: "end it with \"; a quote inside a quoted field is written twice: \"\""))
                    return (rows, problems)
                }
                if i < count && bytes[i] != separator && !isRowEnd(bytes[i]) {
                    report(
                        Problem(
                            position: SourcePosition(line: line, column: column),
                            message: "text after the closing quote of a field",
                            hint: "a quote inside a quoted field is written twice: \"a \"\"b\"\" c\""))
                    while i < count && bytes[i] != separator && !isRowEnd(bytes[i]) {
                        buffer.append(bytes[i])
                        advance()
                    }
                }
                text = String(decoding: buffer, as: UTF8.self)
            } else {
                let fieldStart = i
                var reported = false
                while i < count && bytes[i] != separator && !isRowEnd(bytes[i]) {
                    if bytes[i] == quote && !reported {
                        reported = true
                        report(
                            Problem(
                                position: SourcePosition(line: line, column: column),
                                message: "quote inside a field that does not start with a quote",
                                hint:
                                    "put the whole field in quotes and write the quote twice: \"5\"\" skärm\"; no "
                                    + "space before the opening quote"
                            ))
                    }
                    advance()
                }
                text = String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<i]), as: UTF8.self)
            }
            fields.append(Field(text: text, position: start))

            if i < count && bytes[i] == separator {
                advance()
                // A separator at the very end still opens one last, empty field.
                if i == count { fields.append(Field(text: "", position: SourcePosition(line: line, column: column))) }
                continue
            }
            // End of the row: a line break or the end of the text.
            let blank = fields.count == 1 && text.isEmpty && !quoted
            if !blank { rows.append(Row(fields: fields, line: fields[0].position.line, isBroken: broken)) }
            fields = []
            broken = false
            if i < count {
                if bytes[i] == cr && i + 1 < count && bytes[i + 1] == lf { advance() }
                advance()
            }
        }
        if !fields.isEmpty { rows.append(Row(fields: fields, line: fields[0].position.line, isBroken: broken)) }
        return (rows, problems)
    }

    /// How often each byte of `candidates` occurs in the first row of `text`, outside quotes.
    static func counts(of candidates: [UInt8], inFirstRowOf text: String) -> [Int] {
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        for byte in text.utf8 {
            if byte == quote {
                inQuotes.toggle()
                continue
            }
            if inQuotes { continue }
            if byte == lf || byte == cr { break }
            if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        return counts
    }
}
