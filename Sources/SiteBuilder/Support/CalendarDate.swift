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

    /// How to write a date, for messages about one that is not.
    static func hint(example: String) -> String {
        "write for example '\(example)': four digits of year, month 01-12, and a day that month has"
    }
}
