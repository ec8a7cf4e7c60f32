import Markdown

/// Values: strings, numbers, booleans, dates and times, arrays and inline tables.
extension TOMLReader.Reader {
    typealias Failure = TOMLReader.Failure

    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let backslash = UInt8(ascii: "\\")

    /// The value at `i` (not at a line's end), `depth` levels below the root.
    mutating func value(depth: Int, path: [String]) throws(Failure) -> DataValue {
        let at = position(i)
        guard depth <= TOMLReader.maxDepth else {
            throw fail("values nested more than \(TOMLReader.maxDepth) deep", hint: "use fewer levels of [ ] and { }")
        }
        switch bytes[i] {
        case Self.quote, Self.apostrophe:
            let text = try string(at: at)
            return DataValue(.string(text), written: text, at: at)
        case UInt8(ascii: "["): return try array(at: at, depth: depth, path: path)
        case UInt8(ascii: "{"): return try inlineTable(at: at, depth: depth, path: path)
        default: return try scalar(at: at)
        }
    }

    // MARK: Arrays and inline tables

    /// `[ value, value, ]`: over any number of lines, with comments and a trailing comma.
    mutating func array(at: SourcePosition, depth: Int, path: [String]) throws(Failure) -> DataValue {
        i += 1
        var items: [DataValue] = []
        let unclosed = Failure(at, "array is not closed", hint: "end it with ]")
        while true {
            try skipBlank()
            guard i < bytes.count else { throw unclosed }
            if bytes[i] == UInt8(ascii: "]") { break }
            items.append(try value(depth: depth + 1, path: path))
            try skipBlank()
            guard i < bytes.count else { throw unclosed }
            if bytes[i] == UInt8(ascii: "]") { break }
            guard bytes[i] == UInt8(ascii: ",") else {
                throw fail(
                    "expected ',' or ']' after an array item, found \(found())",
                    hint: "separate the items with commas and end the array with ]")
            }
            i += 1
        }
        i += 1
        return DataValue(.list(items), at: at)
    }

    /// `{ key = value, a.b = value }`: on one line, without a trailing comma.
    mutating func inlineTable(at: SourcePosition, depth: Int, path: [String]) throws(Failure) -> DataValue {
        i += 1
        let table = TOMLReader.Table(.header, at: at, path: path, depth: depth)
        let unclosed = Failure(
            at, "inline table is not closed on its line",
            hint: "end it with } on the same line, or write it as a [table] with its keys below")
        skipSpaces()
        while i == bytes.count || bytes[i] != UInt8(ascii: "}") {
            if table.entries.count > 0 {
                guard !atLineEnd else { throw unclosed }
                guard bytes[i] == UInt8(ascii: ",") else {
                    throw fail(
                        "expected ',' or '}' in an inline table, found \(found())",
                        hint: "separate the entries with commas and end the table with }")
                }
                i += 1
                skipSpaces()
                if i < bytes.count && bytes[i] == UInt8(ascii: "}") {
                    throw fail("a trailing comma in an inline table", hint: "remove the comma before }")
                }
            }
            guard !atLineEnd else { throw unclosed }
            try keyValue(into: table)
            skipSpaces()
        }
        i += 1
        return table.value
    }

    // MARK: Strings

    /// A string at `i` in any of its forms: `"basic"`, `'literal'`, `"""multi-line basic"""` and
    /// `'''multi-line literal'''`. Only basic strings have escapes.
    mutating func string(at: SourcePosition) throws(Failure) -> String {
        let delimiter = bytes[i]
        let basic = delimiter == Self.quote
        let long = bytes[i...].starts(with: repeatElement(delimiter, count: 3))
        let quotes = String(repeating: basic ? "\"" : "'", count: long ? 3 : 1)
        i += long ? 3 : 1
        // A line break right after the opening quotes is not part of the text.
        if long && i < bytes.count && (bytes[i] == Self.lf || bytes[i] == Self.cr) { try newline() }
        var text: [UInt8] = []
        while true {
            if !long && atLineEnd {
                throw Failure(
                    at, "string is not closed on its line",
                    hint:
                        "end it with \(quotes) on the same line, or use \(quotes)\(quotes)\(quotes) for text over lines"
                )
            }
            guard i < bytes.count else {
                throw Failure(at, "unterminated string: \(quotes) is never closed", hint: "end the text with \(quotes)")
            }
            let byte = bytes[i]
            if byte == delimiter {
                if !long {
                    i += 1
                    break
                }
                if try closingQuotes(delimiter, into: &text) { break }
            } else if byte == Self.backslash && basic {
                if long && isLineEndingBackslash() {
                    // The backslash, the line break and all spaces and line breaks after it go.
                    i += 1
                    while i < bytes.count && (bytes[i] == Self.space || bytes[i] == Self.tab || atLineEnd) {
                        if atLineEnd { try newline() } else { i += 1 }
                    }
                } else {
                    try escape(into: &text)
                }
            } else if byte == Self.lf || byte == Self.cr {
                // Line breaks in the text are LF, whichever the file uses.
                try newline()
                text.append(Self.lf)
            } else {
                if Self.isControl(byte) {
                    let code = found().dropFirst(2)
                    throw fail(
                        "control character \(found()) in a string",
                        hint: basic ? "write it as the escape \\u\(code)" : "write it as \\u\(code) in a \"...\" string"
                    )
                }
                text.append(byte)
                i += 1
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A backslash at `i` with only spaces after it on its line.
    func isLineEndingBackslash() -> Bool {
        var next = i + 1
        while next < bytes.count && (bytes[next] == Self.space || bytes[next] == Self.tab) { next += 1 }
        return next < bytes.count && (bytes[next] == Self.lf || bytes[next] == Self.cr)
    }

    /// A run of `quote` in a multi-line string: fewer than three are text; three to five end the
    /// string, those before the last three being text. True when the string ended.
    mutating func closingQuotes(_ quote: UInt8, into text: inout [UInt8]) throws(Failure) -> Bool {
        var run = 0
        while i + run < bytes.count && bytes[i + run] == quote { run += 1 }
        guard run <= 5 else {
            throw fail(
                "\(run) quotes in a row in a multi-line string",
                hint: "at most two quotes may stand together, or before the closing three; escape the others (\\\")")
        }
        text.append(contentsOf: repeatElement(quote, count: run < 3 ? run : run - 3))
        i += run
        return run >= 3
    }

    /// `\b \t \n \f \r \" \\` and the characters they stand for.
    static let simpleEscapes: [UInt8: UInt8] = [98: 8, 116: 9, 110: 10, 102: 12, 114: 13, 34: 34, 92: 92]

    /// The escape at `i` (a backslash) in a basic string: its character is added to `text`.
    mutating func escape(into text: inout [UInt8]) throws(Failure) {
        let start = i
        i += 1
        let escapes =
            "the escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX and \\UXXXXXXXX; write \\\\ for a backslash"
        if i < bytes.count, let byte = Self.simpleEscapes[bytes[i]] {
            text.append(byte)
            i += 1
            return
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "u") || bytes[i] == UInt8(ascii: "U") else {
            let what = atLineEnd ? "\\ at the end of the line" : "'\\" + found().dropFirst()
            throw fail("invalid escape \(what)", hint: escapes, at: start)
        }
        let letter = bytes[i] == UInt8(ascii: "u") ? "u" : "U"
        let count = letter == "u" ? 4 : 8
        i += 1
        var code: UInt32 = 0
        for _ in 0..<count {
            guard i < bytes.count, let digit = Self.hexValue(bytes[i]) else {
                throw fail(
                    "invalid escape: \\\(letter) needs \(count) hex digits", hint: "write å as \\u00E5", at: start)
            }
            code = code << 4 | UInt32(digit)
            i += 1
        }
        guard let scalar = Unicode.Scalar(code) else {
            let digits = String(decoding: bytes[(start + 2)..<i], as: UTF8.self)
            throw fail(
                "invalid escape \\\(letter)\(digits): not a Unicode character",
                hint: "surrogates (D800 to DFFF) and values above 10FFFF cannot be written", at: start)
        }
        UTF8.encode(scalar) { text.append($0) }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        if isDigit(byte) { return byte - UInt8(ascii: "0") }
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") ? lower - UInt8(ascii: "a") + 10 : nil
    }

    // MARK: Booleans, numbers, dates and times

    /// A value that is not in quotes or brackets: a word up to a space, comma, bracket or comment.
    mutating func scalar(at: SourcePosition) throws(Failure) -> DataValue {
        let start = i
        while i < bytes.count && !Self.wordEnds.contains(bytes[i]) { i += 1 }
        // A date and a time may stand apart: `1979-05-27 07:32:00`.
        if i - start == 10, i + 3 < bytes.count, bytes[i] == Self.space, Self.isDigit(bytes[i + 1]),
            Self.isDigit(bytes[i + 2]), bytes[i + 3] == UInt8(ascii: ":")
        {
            i += 1
            while i < bytes.count && !Self.wordEnds.contains(bytes[i]) { i += 1 }
        }
        let word = Array(bytes[start..<i])
        let text = String(decoding: word, as: UTF8.self)
        guard !word.isEmpty else {
            throw fail(
                "expected a value, found \(found())", hint: "write a value, such as \"text\", 12, true or [a, list]")
        }
        switch text {
        case "true", "false": return DataValue(.bool(text == "true"), written: text, at: at)
        case "inf", "+inf": return DataValue(.double(.infinity), written: text, at: at)
        case "-inf": return DataValue(.double(-.infinity), written: text, at: at)
        case "nan", "+nan", "-nan": return DataValue(.double(.nan), written: text, at: at)
        default: break
        }
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= word.count && word[range].allSatisfy(Self.isDigit)
        }
        if (digits(0..<4) && word.count > 4 && word[4] == UInt8(ascii: "-")) || word.contains(UInt8(ascii: ":")) {
            if let problem = Self.dateTimeProblem(word) {
                throw Failure(
                    at, "invalid date or time '\(text)': \(problem)",
                    hint: "write a date as 1979-05-27, a time as 07:32:00, or both as 1979-05-27T07:32:00, "
                        + "perhaps with Z or an offset such as +02:00")
            }
            return DataValue(.string(text), written: text, at: at)
        }
        let unsigned = word.first == UInt8(ascii: "+") || word.first == UInt8(ascii: "-") ? word.dropFirst() : word[...]
        guard let first = unsigned.first, Self.isDigit(first) || first == UInt8(ascii: ".") else {
            throw Failure(
                at, "'\(text)' is not a TOML value",
                hint: "put text in quotes (\"\(text)\"); true and false are written in lowercase")
        }
        do throws(NumberProblem) {
            return DataValue(try Self.number(word), written: text, at: at)
        } catch {
            switch error {
            case .leadingZero:
                throw Failure(
                    at, "leading zeros are not allowed in '\(text)'",
                    hint: "write the number without them, or put it in quotes (\"\(text)\") to keep it as text")
            case .outOfRange:
                throw Failure(
                    at, "number '\(text)' is out of range",
                    hint: "integers must lie between -9223372036854775808 and 9223372036854775807; put it in quotes "
                        + "to keep it as text")
            case .malformed:
                throw Failure(
                    at, "'\(text)' is not a valid number",
                    hint: "write numbers as 42, -7, 1_000, 3.14, 1e6, 0xFF, 0o17 or 0b101; an underscore or a "
                        + "decimal point must stand between digits")
            }
        }
    }

    /// What ends a value written without quotes or brackets.
    static let wordEnds = Set(" \t\n\r\"',#=[]{}".utf8)

    /// What stands at `i`, for messages: `'x'`, `U+0001`, the end of the line or of the text.
    func found() -> String {
        guard i < bytes.count else { return "the end of the text" }
        if bytes[i] == Self.lf || bytes[i] == Self.cr { return "the end of the line" }
        if Self.isControl(bytes[i]) {
            let digits = String(bytes[i], radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: 4 - digits.count) + digits
        }
        var end = i + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'" + String(decoding: bytes[i..<end], as: UTF8.self) + "'"
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isControl(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != tab) || byte == 0x7F }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    enum NumberProblem: Error { case leadingZero, outOfRange, malformed }

    /// The integer or float written as `word` (a sign or digit first).
    static func number(_ word: [UInt8]) throws(NumberProblem) -> DataValue.Kind {
        let digits = String(decoding: word.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        let radixes: [UInt8: Int] = [UInt8(ascii: "x"): 16, UInt8(ascii: "o"): 8, UInt8(ascii: "b"): 2]
        if word.count > 2, word[0] == UInt8(ascii: "0"), let radix = radixes[word[1]] {
            guard digitRun(word, from: 2, radix: radix) == word.count else { throw .malformed }
            guard let value = Int(digits.dropFirst(2), radix: radix) else { throw .outOfRange }
            return .int(value)
        }
        let whole = word.first == UInt8(ascii: "+") || word.first == UInt8(ascii: "-") ? 1 : 0
        guard let wholeEnd = digitRun(word, from: whole, radix: 10) else { throw .malformed }
        var end = wholeEnd
        if end < word.count && word[end] == UInt8(ascii: ".") {
            guard let fractionEnd = digitRun(word, from: end + 1, radix: 10) else { throw .malformed }
            end = fractionEnd
        }
        if end < word.count && word[end] | 0x20 == UInt8(ascii: "e") {
            end += 1
            if end < word.count && (word[end] == UInt8(ascii: "+") || word[end] == UInt8(ascii: "-")) { end += 1 }
            guard let exponentEnd = digitRun(word, from: end, radix: 10) else { throw .malformed }
            end = exponentEnd
        }
        guard end == word.count else { throw .malformed }
        guard word[whole] != UInt8(ascii: "0") || wholeEnd - whole == 1 else { throw .leadingZero }
        if wholeEnd == word.count {
            guard let value = Int(digits) else { throw .outOfRange }
            return .int(value)
        }
        guard let value = Double(digits), value.isFinite else { throw .outOfRange }
        return .double(value)
    }

    /// Where a run of digits in `radix` from `start` ends, with single underscores between
    /// digits; nil when it does not start with a digit.
    static func digitRun(_ word: [UInt8], from start: Int, radix: Int) -> Int? {
        func isDigit(_ at: Int) -> Bool { at < word.count && hexValue(word[at]).map { Int($0) < radix } == true }
        guard isDigit(start) else { return nil }
        var end = start + 1
        while isDigit(end) || (word[safe: end] == UInt8(ascii: "_") && isDigit(end + 1)) { end += 1 }
        return end
    }

    /// What is wrong with the date, time or date-time `word`; nil when nothing is.
    static func dateTimeProblem(_ word: [UInt8]) -> String? {
        func number(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= word.count, word[at..<(at + count)].allSatisfy(isDigit) else { return nil }
            return word[at..<(at + count)].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        func byte(_ at: Int, _ character: Character) -> Bool { word[safe: at] == character.asciiValue }
        var end = 0
        let hasDate = byte(4, "-")
        if hasDate {
            guard let year = number(0, 4), let month = number(5, 2), byte(7, "-"), let day = number(8, 2) else {
                return "a date is written YYYY-MM-DD"
            }
            guard (1...12).contains(month) else { return "there is no month \(month)" }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            guard (1...days).contains(day) else { return "month \(month) has no day \(day)" }
            guard word.count > 10 else { return nil }
            guard byte(10, "T") || byte(10, "t") || byte(10, " ") else { return "a time follows a date after a T" }
            end = 11
        }
        guard let hour = number(end, 2), byte(end + 2, ":"), let minute = number(end + 3, 2), byte(end + 5, ":"),
            let second = number(end + 6, 2)
        else { return "a time is written HH:MM:SS" }
        guard hour < 24, minute < 60, second <= 60 else { return "hours go to 23, minutes to 59, seconds to 60" }
        end += 8
        if byte(end, ".") {
            end += 1
            guard number(end, 1) != nil else { return "a decimal point in the seconds needs digits after it" }
            while number(end, 1) != nil { end += 1 }
        }
        if end == word.count { return nil }
        guard hasDate else { return "a time without a date has no time zone" }
        if (byte(end, "Z") || byte(end, "z")) && end + 1 == word.count { return nil }
        guard byte(end, "+") || byte(end, "-"), let hours = number(end + 1, 2), byte(end + 3, ":"),
            let minutes = number(end + 4, 2), end + 6 == word.count
        else { return "a time zone is written Z or as an offset such as +02:00" }
        return hours < 24 && minutes < 60 ? nil : "an offset's hours go to 23 and its minutes to 59"
    }
}

extension Array {
    /// The element at `index`, or nil past the end.
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
