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
        guard text.utf8.count == 10, let date = try? style.parse(text) else { return false }
        return style.format(date) == text
    }

    /// How to write a date, for messages about one that is not.
    static func hint(example: String) -> String {
        "write for example '\(example)': four digits of year, month 01-12, and a day that month has"
    }
}
