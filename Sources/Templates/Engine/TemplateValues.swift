/// How the engine reads the caller's values: dictionaries with string keys, arrays, strings,
/// numbers and booleans. The common types are recognised by their exact type first, because a
/// failed `as?` cast between collection types converts element by element.
enum TemplateValues {
    private static let dictionary = ObjectIdentifier([String: Any].self)
    private static let stringDictionary = ObjectIdentifier([String: String].self)
    private static let dictionaryList = ObjectIdentifier([[String: Any]].self)
    private static let anyList = ObjectIdentifier([Any].self)
    private static let stringList = ObjectIdentifier([String].self)
    private static let string = ObjectIdentifier(String.self)
    private static let bool = ObjectIdentifier(Bool.self)
    private static let int = ObjectIdentifier(Int.self)
    private static let reused = ObjectIdentifier(ReusedValues.self)
    private static let utf8Text = ObjectIdentifier(UTF8Text.self)
    private static let position = ObjectIdentifier(SequencePosition.self)

    /// The value named `name` inside `object`, or nil when it has none.
    @inline(__always)
    static func child(_ name: String, of object: Any) -> Any? {
        let type = ObjectIdentifier(Swift.type(of: object))
        if type == dictionary { return unwrap((object as! [String: Any])[name]) }
        if type == stringDictionary { return (object as! [String: String])[name] }
        if type == reused { return unwrap((object as! ReusedValues).values[name]) }
        if type == string || type == bool || type == int || type == dictionaryList || type == anyList || type == stringList || type == utf8Text { return nil }
        if let values = object as? [String: Any] { return unwrap(values[name]) }
        return nil
    }

    /// `object` when it is `ReusedValues`. Checked by type first: an `as?` cast to a class would
    /// try to bridge every dictionary to Foundation first.
    @inline(__always)
    static func reusedValues(_ object: Any) -> ReusedValues? {
        ObjectIdentifier(Swift.type(of: object)) == reused ? (object as! ReusedValues) : nil
    }

    /// The elements when `object` is a list.
    @inline(__always)
    static func list(_ object: Any) -> [Any]? {
        let type = ObjectIdentifier(Swift.type(of: object))
        if type == dictionaryList { return (object as! [[String: Any]]).map { $0 as Any } }
        if type == anyList { return (object as! [Any]) }
        if type == stringList { return (object as! [String]).map { $0 as Any } }
        if type == dictionary || type == stringDictionary || type == string || type == bool || type == int || type == reused || type == utf8Text { return nil }
        return object as? [Any]
    }

    /// Unwraps a value that is an `Optional` inside `Any`; `.none` becomes nil.
    @inline(__always)
    static func unwrap(_ value: Any?) -> Any? {
        guard let value else { return nil }
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == string || type == dictionary || type == dictionaryList || type == bool || type == int || type == anyList || type == reused
            || type == utf8Text || type == stringDictionary || type == stringList { return value }
        if let optional = value as? OptionalValue { return optional.wrappedValue.flatMap(unwrap) }
        return value
    }

    /// The bytes of `UTF8Text`, which a variable tag copies as they are.
    @inline(__always)
    static func utf8Bytes(_ value: Any) -> [UInt8]? {
        ObjectIdentifier(Swift.type(of: value)) == utf8Text ? (value as! UTF8Text).bytes : nil
    }

    /// `object` when it is a `Bool`; checked by type first, as a failed cast costs a search of
    /// the runtime's conformance tables.
    @inline(__always)
    static func bool(_ object: Any) -> Bool? {
        ObjectIdentifier(Swift.type(of: object)) == bool ? (object as! Bool) : nil
    }

    /// The text a variable tag shows.
    static func text(_ value: Any) -> String {
        switch value {
        case let string as String: return string
        case let text as UTF8Text: return String(decoding: text.bytes, as: UTF8.self)
        case let bool as Bool: return bool ? "true" : "false"
        case let int as Int: return String(int)
        default: return String(describing: value)
        }
    }

    /// `name` applied to `value`, as swift-mustache defines the transforms; nil when the
    /// transform does not apply to this kind of value.
    static func transform(_ name: String, _ value: Any) -> Any? {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == position, let position = value as? SequencePosition {
            switch name {
            case "first": return position.first
            case "last": return position.last
            case "index": return position.index
            case "even": return position.index & 1 == 0
            case "odd": return position.index & 1 == 1
            default: return nil
            }
        }
        if type == string, let string = value as? String {
            switch name {
            case "empty": return string.isEmpty
            case "lowercased": return string.lowercased()
            case "uppercased": return string.uppercased()
            case "capitalized": return string.split(separator: " ", omittingEmptySubsequences: false)
                .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " ")
            case "reversed": return String(string.reversed())
            default: return nil
            }
        }
        if type == int, let int = value as? Int {
            switch name {
            case "equalzero": return int == 0
            case "plusone": return int + 1
            case "minusone": return int - 1
            case "even": return int & 1 == 0
            case "odd": return int & 1 == 1
            default: return nil
            }
        }
        if let object = reusedValues(value) { return transform(name, object.values) }
        if let bytes = utf8Bytes(value) { return transform(name, String(decoding: bytes, as: UTF8.self)) }
        if let values = value as? [String: Any] {
            switch name {
            case "count": return values.count
            case "empty": return values.isEmpty
            // Keys in order, so output does not depend on hashing.
            case "enumerated", "sorted": return values.keys.sorted().map { ["key": $0, "value": values[$0]!] as [String: Any] }
            default: return nil
            }
        }
        if let list = list(value) {
            switch name {
            case "first": return list.first
            case "last": return list.last
            case "count": return list.count
            case "empty": return list.isEmpty
            case "reversed": return Array(list.reversed())
            case "sorted":
                if let strings = list as? [String] { return strings.sorted() }
                if let ints = list as? [Int] { return ints.sorted() }
                return nil
            default: return nil
            }
        }
        return nil
    }
}

/// Where an element is in the list a section iterates: `first()`, `last()`, `index()`.
struct SequencePosition {
    var first: Bool
    var last: Bool
    var index: Int
}

/// Lets the engine see through `Optional` values stored as `Any`.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self.map { $0 as Any } }
}
