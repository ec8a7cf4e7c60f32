import Markdown

/// A value from YAML, JSON or CSV, with the place it was written. Order of mappings is kept.
public struct DataValue: Sendable {
    public enum Kind: Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case list([DataValue])
        case map([(key: String, value: DataValue)])
    }

    public var kind: Kind
    public var position: SourcePosition

    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    /// The value of `key` in a mapping.
    public subscript(key: String) -> DataValue? {
        guard case .map(let pairs) = kind else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// A scalar as text (numbers and booleans as written in YAML 1.2 form); nil for lists and maps.
    public var text: String? {
        switch kind {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .bool(let b): return b ? "true" : "false"
        case .null, .list, .map: return nil
        }
    }

    public var list: [DataValue]? {
        if case .list(let items) = kind { return items }
        return nil
    }

    public var pairs: [(key: String, value: DataValue)]? {
        if case .map(let pairs) = kind { return pairs }
        return nil
    }

    public var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// What kind of value this is, in words for error messages.
    public var typeName: String {
        switch kind {
        case .null: return "nothing"
        case .bool: return "true/false"
        case .int, .double: return "a number"
        case .string: return "text"
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }

    /// The value as plain Swift values for templates (maps become dictionaries).
    public var templateValue: Any {
        switch kind {
        case .null: return ""
        case .bool(let b): return b
        case .int(let i): return i
        case .double(let d): return d
        case .string(let s): return s
        case .list(let items): return items.map(\.templateValue)
        case .map(let pairs):
            var dict: [String: Any] = [:]
            for (key, value) in pairs { dict[key] = value.templateValue }
            return dict
        }
    }
}
