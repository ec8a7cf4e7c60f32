/// A value a template sees: text, rendered HTML, a boolean, an integer, a list, a dictionary with
/// text keys, or a listing card that partials may render once and reuse.
public enum TemplateValue: Sendable {
    case string(String)
    /// Text that is already UTF-8, such as a rendered Markdown body: shown like a string, and
    /// copied into the page without becoming a String first.
    case bytes([UInt8])
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case map(TemplateMap)
    /// Values shown the same way in many places (a listing card): templates see a dictionary,
    /// and a partial rendered with it as the current value may be kept in a `PartialMemo`.
    case reused(ReusedValues)
    /// A `{key, value}` entry of a dictionary, as `enumerated` and `sorted` list them.
    indirect case entry(key: String, value: TemplateValue)

    /// The value named `name` inside this one, or nil when it has none.
    @inline(__always)
    func child(_ name: String) -> TemplateValue? { child(name, hash: TemplateMap.hash(name)) }

    /// The same, for a name whose `TemplateMap.hash` is `hash`.
    @inline(__always)
    func child(_ name: String, hash: UInt32) -> TemplateValue? {
        switch self {
        case .map(let values): return values[name, hash: hash]
        case .reused(let values): return values[name, hash: hash]
        case .entry(let key, let value):
            if name == "key" { return .string(key) }
            return name == "value" ? value : nil
        case .string, .bytes, .bool, .int, .list: return nil
        }
    }

    /// Calls `body` with each name and value of a dictionary or of reused values (nothing for
    /// other values).
    public func forEveryValue(_ body: (String, TemplateValue) -> Void) {
        switch self {
        case .map(let values): for (name, value) in values { body(name, value) }
        case .reused(let values): values.forEveryValue(body)
        case .string, .bytes, .bool, .int, .list, .entry: break
        }
    }
}

/// Something the build gives templates, as a template value.
public protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateValueConvertible {
    public var templateValue: TemplateValue { self }
}

extension String: TemplateValueConvertible {
    public var templateValue: TemplateValue { .string(self) }
}

extension Bool: TemplateValueConvertible {
    public var templateValue: TemplateValue { .bool(self) }
}

extension Int: TemplateValueConvertible {
    public var templateValue: TemplateValue { .int(self) }
}

// Inlinable, so that the build's modules specialise them for each element type: every page
// turns its menu, breadcrumbs, organisations and table of contents into lists, and the generic
// versions went through a key path and the witness table for each element.
extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    @inlinable public var templateValue: TemplateValue { .list(map { $0.templateValue }) }
}

extension Dictionary: TemplateValueConvertible where Key == String, Value: TemplateValueConvertible {
    @inlinable public var templateValue: TemplateValue { .map(TemplateMap(mapValues { $0.templateValue })) }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var values = TemplateMap(minimumCapacity: elements.count)
        for (key, value) in elements { values[key] = value }
        self = .map(values)
    }
}

extension TemplateValue: Equatable {
    /// Equal values; cards are equal when they are the same card or hold equal values.
    public static func == (lhs: TemplateValue, rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.map(let a), .map(let b)): return a == b
        case (.reused(let a), .reused(let b)): return a === b || a.values == b.values
        case (.entry(let k1, let v1), .entry(let k2, let v2)): return k1 == k2 && v1 == v2
        default: return false
        }
    }
}

// MARK: Text

extension TemplateValue {
    /// The text a variable tag shows, as swift-mustache shows the Swift value it stands for
    /// (a list or dictionary as Swift describes it, its elements quoted).
    var text: String {
        switch self {
        case .string(let string): return string
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .bool(let bool): return bool ? "true" : "false"
        case .int(let int): return String(int)
        case .list(let items): return "[" + items.map(\.quotedText).joined(separator: ", ") + "]"
        case .map(let values): return Self.describe(values)
        case .reused(let values): return Self.describe(values.values)
        case .entry(let key, let value): return "(key: \(key.debugDescription), value: \(value.quotedText))"
        }
    }

    /// The text inside a described list or dictionary: text is quoted there.
    private var quotedText: String {
        switch self {
        case .string(let string): return string.debugDescription
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self).debugDescription
        default: return text
        }
    }

    /// In the dictionary's own order, as Swift describes it.
    private static func describe(_ values: TemplateMap) -> String {
        guard !values.isEmpty else { return "[:]" }
        return "[" + values.map { "\($0.key.debugDescription): \($0.value.quotedText)" }.joined(separator: ", ") + "]"
    }
}
