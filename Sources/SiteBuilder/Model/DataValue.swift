import Markdown
import Templates

/// A value from YAML, JSON or CSV, with the place it was written. Order of mappings is kept.
///
/// A scalar keeps the text it was written with (`text`) next to its typed value (`kind`): what a
/// page shows is the text (`telefon: 0701234567` shows `0701234567`, `version: 1.0` shows `1.0`),
/// while sorting, comparing and charts use the typed value.
struct DataValue: Sendable {
    enum Kind: Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case list([DataValue])
        case map([(key: String, value: DataValue)])
    }

    let kind: Kind
    var position: SourcePosition
    /// A scalar as written in its file (quotes and escapes resolved), also for numbers and
    /// booleans; nil for null, lists and maps.
    let text: String?

    /// A value whose text is the kind's own (numbers and booleans in YAML 1.2 form).
    init(_ kind: Kind, at position: SourcePosition) {
        self.init(kind, text: Self.canonicalText(kind), at: position)
    }

    /// A scalar read from `text`: the text is kept as written, unless the value is null.
    init(_ kind: Kind, written text: String, at position: SourcePosition) {
        if case .null = kind {
            self.init(kind, text: nil, at: position)
        } else {
            self.init(kind, text: text, at: position)
        }
    }

    private init(_ kind: Kind, text: String?, at position: SourcePosition) {
        self.kind = kind
        self.position = position
        self.text = text
    }

    /// The value of `key` in a mapping.
    subscript(key: String) -> DataValue? {
        guard case .map(let pairs) = kind else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// The text of a value made in code rather than read from a file.
    private static func canonicalText(_ kind: Kind) -> String? {
        switch kind {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .bool(let b): return b ? "true" : "false"
        case .null, .list, .map: return nil
        }
    }

    var list: [DataValue]? {
        if case .list(let items) = kind { return items }
        return nil
    }

    var pairs: [(key: String, value: DataValue)]? {
        if case .map(let pairs) = kind { return pairs }
        return nil
    }

    var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// What kind of value this is, in words for error messages.
    var typeName: String {
        switch kind {
        case .null: return "nothing"
        case .bool: return "true/false"
        case .int, .double: return "a number"
        case .string: return "text"
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }

    /// The value as templates see it (maps become dictionaries). Numbers are their text as
    /// written, so `{{x}}` prints them as written; booleans stay booleans, so `{{#draft}}` is
    /// false for `draft: false` (and `{{x}}` prints `true` or `false`).
    var templateValue: TemplateValue {
        switch kind {
        case .null: return .string("")
        case .bool(let b): return .bool(b)
        case .int, .double, .string: return .string(text!)
        case .list(let items): return .list(items.map(\.templateValue))
        case .map(let pairs):
            var dict = TemplateMap(minimumCapacity: pairs.count)
            for (key, value) in pairs { dict[key] = value.templateValue }
            return .map(dict)
        }
    }
}
