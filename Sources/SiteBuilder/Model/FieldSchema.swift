import Markdown

/// What a front matter field must hold, declared in site.yaml under `schema: <section>: <field>:`.
struct FieldSchema: Sendable {
    enum FieldType: String, Sendable, CaseIterable {
        case text, number, boolean, date, list, mapping, url, email
    }

    var field: String
    var type: FieldType
    var required: Bool
    /// Allowed values, when the field has a fixed set.
    var values: [String]
    /// What pages show for a value (`labels: {pågående: Ongoing}`, per language with
    /// `labels.en:`); a value without a label is shown as written, capitalised.
    var labels: [String: String] = [:]

    /// The text a page shows for `value`.
    func label(_ value: String) -> String { labels[value] ?? Self.capitalised(value) }

    static func capitalised(_ value: String) -> String { value.prefix(1).uppercased() + value.dropFirst() }

    /// The problem with `value`, or nil when it fits.
    func problem(with value: DataValue) -> String? {
        switch (type, value.kind) {
        case (.text, .string), (.text, .int), (.text, .double), (.text, .bool): break
        case (.number, .int), (.number, .double): break
        case (.boolean, .bool): break
        case (.list, .list): break
        case (.mapping, .map): break
        case (.date, .string(let s)) where CalendarDate.isValid(s) || CalendarDate.dateOfTimestamp(s) != nil: break
        case (.url, .string(let s)) where SafeURL.isAllowedLink(s): break
        case (.email, .string(let s)) where s.contains("@") && !s.contains(" ") && !s.contains(":"): break
        default:
            let expected: [FieldType: String] = [
                .text: "text", .number: "a number", .boolean: "true or false", .date: "a date YYYY-MM-DD",
                .list: "a list", .mapping: "a mapping of 'key: value' lines",
                .url: "an http(s), mailto: or relative link",
                .email: "an e-mail address",
            ]
            return
                "'\(field)' must be \(expected[type]!), not "
                + "\(value.typeName == "text" ? "'\(value.text ?? "")'" : value.typeName)"
        }
        if !values.isEmpty, let text = value.text, !values.contains(text) {
            return "'\(field)' is '\(text)', which is not allowed (allowed: \(values.joined(separator: ", ")))"
        }
        return nil
    }
}

/// Which link targets may be written into pages from front matter and data.
enum SafeURL {
    /// Schemes that run code or smuggle documents: never allowed in a link from content.
    static let dangerousSchemes = ["javascript:", "vbscript:", "data:", "file:"]

    /// True for http(s), mailto, tel and relative links.
    static func isAllowedLink(_ text: String) -> Bool {
        let t = normalized(text)
        if dangerousSchemes.contains(where: t.hasPrefix) { return false }
        guard let colon = t.firstIndex(of: ":"), !t[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" })
        else {
            return true // relative
        }
        return ["http", "https", "mailto", "tel"].contains(String(t[..<colon]))
    }

    /// True when the text would run script if a template put it in a link.
    static func isDangerous(_ text: String) -> Bool {
        // Every dangerous scheme ends in `:`, and normalizing never makes one: text without a colon
        // (most titles and summaries) needs no normalized copy.
        guard text.firstUTF8Offset(of: UInt8(ascii: ":")) != nil else { return false }
        let t = normalized(text)
        return dangerousSchemes.dropLast().contains(where: t.hasPrefix)
    }

    // Browsers ignore case, leading spaces and control characters, and tabs or newlines inside the
    // scheme (`java\tscript:`): compare the way they read it.
    private static func normalized(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
    }
}
