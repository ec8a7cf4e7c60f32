import Foundation

/// Dates written `YYYY-MM-DD`, checked as real calendar dates by Foundation's ISO 8601 parsing.
enum CalendarDate {
    private static let style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
        .year().month().day().dateSeparator(.dash)

    /// True when `text` is a date that exists, written `YYYY-MM-DD`: `2024-02-29`, not
    /// `2023-02-29`, `2023-02-31` or `2023-13-01`.
    static func isValid(_ text: String) -> Bool {
        // Foundation's parser is lenient: it reads `2023-02-31` as 3 March, `2023-1-01` as
        // 1 January and ignores text after the date. A date that formats back to exactly the
        // text it was read from is the date written.
        guard text.utf8.count == 10 else { return false }
        if let fast = isValidModernDate(Array(text.utf8)) { return fast }
        guard let date = try? style.parse(text) else { return false }
        return style.format(date) == text
    }

    /// `YYYY-MM-DD` for the years 1900-2999 checked by hand (the Gregorian calendar's months and
    /// leap years), as the parse-and-format round trip decides it; nil for other years, which that
    /// round trip decides. Dates are in most pages' front matter: Foundation's parser showed in
    /// profiles.
    static func isValidModernDate(_ bytes: [UInt8]) -> Bool? {
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(0..<4), (1900...2999).contains(year)
        else { return nil }
        guard let month = number(5..<7), let day = number(8..<10), (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// The date of a timestamp as Hugo's front matter writes it (RFC 3339: `2024-05-31T10:00:00+02:00`,
    /// `2024-05-31 10:00:00`, `2024-05-31T10:00Z`) or Jekyll's (`2024-05-31 10:00:00 +0200`), as
    /// written, without converting to another time zone; nil when `text` is not such a timestamp
    /// of a date that exists.
    static func dateOfTimestamp(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 16,
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t")
                || bytes[10] == UInt8(ascii: " ")
        else { return nil }
        let date = String(decoding: bytes[..<10], as: UTF8.self)
        guard isValid(date) else { return nil }
        // HH:MM, then :SS and a fraction, then Z or an offset ±HH:MM, each optional.
        var rest = bytes[11...]
        func twoDigits(below limit: Int) -> Bool {
            guard rest.count >= 2, let a = rest.first, let b = rest.dropFirst().first,
                (48...57).contains(a), (48...57).contains(b), Int(a - 48) * 10 + Int(b - 48) < limit
            else { return false }
            rest = rest.dropFirst(2)
            return true
        }
        func colon() -> Bool {
            guard rest.first == UInt8(ascii: ":") else { return false }
            rest = rest.dropFirst()
            return true
        }
        guard twoDigits(below: 24), colon(), twoDigits(below: 60) else { return nil }
        if rest.first == UInt8(ascii: ":") {
            guard colon(), twoDigits(below: 61) else { return nil }
            if rest.first == UInt8(ascii: ".") {
                rest = rest.dropFirst()
                let digits = rest.prefix { (48...57).contains($0) }
                guard !digits.isEmpty else { return nil }
                rest = rest.dropFirst(digits.count)
            }
        }
        // YAML's timestamps may have spaces before the zone, as Jekyll's posts write it:
        // `2024-01-15 10:00:00 +0100` (the offset's minutes with a colon, without, or left out).
        rest = rest.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if rest.first == UInt8(ascii: "Z") || rest.first == UInt8(ascii: "z") {
            rest = rest.dropFirst()
        } else if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") {
            rest = rest.dropFirst()
            guard twoDigits(below: 24) else { return nil }
            if !rest.isEmpty {
                _ = colon()
                guard twoDigits(below: 60) else { return nil }
            }
        }
        return rest.isEmpty ? date : nil
    }

    /// How to write a date, for messages about one that is not.
    static func hint(example: String) -> String {
        "write for example '\(example)': four digits of year, month 01-12, and a day that month has"
    }
}
