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
        TemplateFrame(object).child(name)
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

    /// `object` when it is a `Bool`; checked by type first, as a failed cast costs a search of
    /// the runtime's conformance tables.
    @inline(__always)
    static func bool(_ object: Any) -> Bool? {
        ObjectIdentifier(Swift.type(of: object)) == bool ? (object as! Bool) : nil
    }

    /// The kinds of value the engine tells apart by their exact type.
    enum Kind {
        case dictionary, stringDictionary, dictionaryList, anyList, stringList, string, bool, int, reused, utf8Text, position, other
    }

    @inline(__always)
    static func kind(of object: Any) -> Kind {
        let type = ObjectIdentifier(Swift.type(of: object))
        if type == string { return .string }
        if type == dictionary { return .dictionary }
        if type == dictionaryList { return .dictionaryList }
        if type == bool { return .bool }
        if type == utf8Text { return .utf8Text }
        if type == reused { return .reused }
        if type == anyList { return .anyList }
        if type == stringList { return .stringList }
        if type == stringDictionary { return .stringDictionary }
        if type == int { return .int }
        if type == position { return .position }
        return .other
    }

    /// How many elements `object` has when it is a list, without copying it.
    static func listCount(_ object: Any) -> Int? {
        switch kind(of: object) {
        case .dictionaryList: return (object as! [[String: Any]]).count
        case .anyList: return (object as! [Any]).count
        case .stringList: return (object as! [String]).count
        case .other: return (object as? [Any])?.count
        default: return nil
        }
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

    /// `transform` applied to `value`, as swift-mustache defines the transforms; nil when the
    /// transform does not apply to this kind of value.
    static func transform(_ transform: TemplateTransform, _ value: Any) -> Any? {
        switch kind(of: value) {
        case .position:
            let position = value as! SequencePosition
            switch transform {
            case .first: return position.first
            case .last: return position.last
            case .index: return position.index
            case .even: return position.index & 1 == 0
            case .odd: return position.index & 1 == 1
            default: return nil
            }
        case .string:
            let string = value as! String
            switch transform {
            case .empty: return string.isEmpty
            case .lowercased: return string.lowercased()
            case .uppercased: return string.uppercased()
            case .capitalized: return string.split(separator: " ", omittingEmptySubsequences: false)
                .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " ")
            case .reversed: return String(string.reversed())
            default: return nil
            }
        case .int:
            let int = value as! Int
            switch transform {
            case .equalzero: return int == 0
            case .plusone: return int + 1
            case .minusone: return int - 1
            case .even: return int & 1 == 0
            case .odd: return int & 1 == 1
            default: return nil
            }
        case .reused:
            return self.transform(transform, (value as! ReusedValues).values)
        case .utf8Text:
            return self.transform(transform, String(decoding: (value as! UTF8Text).bytes, as: UTF8.self))
        default:
            break
        }
        if let values = value as? [String: Any] {
            switch transform {
            case .count: return values.count
            case .empty: return values.isEmpty
            // Keys in order, so output does not depend on hashing.
            case .enumerated, .sorted: return values.keys.sorted().map { ["key": $0, "value": values[$0]!] as [String: Any] }
            default: return nil
            }
        }
        // Counting needs no copy of the list (`count(projects)` on a listing of 10,000).
        if let count = listCount(value) {
            if transform == .count { return count }
            if transform == .empty { return count == 0 }
        }
        if let list = list(value) {
            switch transform {
            case .first: return list.first
            case .last: return list.last
            case .reversed: return Array(list.reversed())
            case .sorted:
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

/// A value on the renderer's stack, its kind found once when it is pushed: names are looked up
/// in it many times, and telling the kind of an `Any` costs a dynamic cast each time.
enum TemplateFrame {
    case dictionary([String: Any])
    case stringDictionary([String: String])
    case reused(ReusedValues)
    /// Values without named children: strings, lists, numbers, booleans.
    case leaf(Any)
    /// Values of other types, looked into when they cast to `[String: Any]`.
    case other(Any)

    init(_ value: Any) {
        switch TemplateValues.kind(of: value) {
        case .dictionary: self = .dictionary(value as! [String: Any])
        case .stringDictionary: self = .stringDictionary(value as! [String: String])
        case .reused: self = .reused(value as! ReusedValues)
        case .other: self = .other(value)
        default: self = .leaf(value)
        }
    }

    /// A list element, without boxing the common element types first.
    @inline(__always)
    static func element<Element>(_ value: Element) -> TemplateFrame {
        if Element.self == [String: Any].self { return .dictionary(value as! [String: Any]) }
        if Element.self == String.self { return .leaf(value) }
        return TemplateFrame(value)
    }

    /// The value as the caller gave it.
    var value: Any {
        switch self {
        case .dictionary(let values): return values
        case .stringDictionary(let values): return values
        case .reused(let values): return values
        case .leaf(let value), .other(let value): return value
        }
    }

    /// The value named `name` inside this one, or nil when it has none.
    @inline(__always)
    func child(_ name: String) -> Any? {
        switch self {
        case .dictionary(let values): return TemplateValues.unwrap(values[name])
        case .stringDictionary(let values): return values[name]
        case .reused(let values): return TemplateValues.unwrap(values.values[name])
        case .leaf: return nil
        case .other(let value): return (value as? [String: Any]).flatMap { TemplateValues.unwrap($0[name]) }
        }
    }
}
