/// How the engine reads the caller's values: dictionaries with string keys, arrays, strings,
/// numbers and booleans, and the fields of other values as swift-mustache reads them. The common
/// types are recognised by their exact type first, because a failed `as?` cast between
/// collection types converts element by element.
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
        case .other: return (object as? TemplateSequence)?.templateCount
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
        case .string: return (value as! String).templateTransform(transform)
        case .utf8Text: return String(decoding: (value as! UTF8Text).bytes, as: UTF8.self).templateTransform(transform)
        case .int: return (value as! Int).templateTransform(transform)
        case .bool: return nil
        case .dictionary: return (value as! [String: Any]).templateTransform(transform)
        case .stringDictionary: return (value as! [String: String]).templateTransform(transform)
        case .reused: return (value as! ReusedValues).values.templateTransform(transform)
        // Counting needs no copy of the list (`count(projects)` on a listing of 10,000).
        case .dictionaryList: return (value as! [[String: Any]]).templateTransform(transform)
        case .anyList: return (value as! [Any]).templateTransform(transform)
        case .stringList: return (value as! [String]).templateTransform(transform)
        case .other: return (value as? TemplateTransformable)?.templateTransform(transform)
        }
    }

    /// The field named `name` of a value of another type (a struct, the `(key:, value:)` entries
    /// of `enumerated`), as swift-mustache reads it through `Mirror`.
    static func field(_ name: String, of value: Any) -> Any? {
        if let dictionary = value as? TemplateKeyedValues { return dictionary.templateChild(name) }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        // Their children have no names; looking through a long list for one would be slow.
        case .collection?, .dictionary?, .set?: return nil
        default: return unwrap(mirror.children.first(where: { $0.label == name })?.value)
        }
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
    /// Values of other types: dictionaries of other value types, structs, `(key:, value:)` entries.
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
        case .other(let value): return TemplateValues.field(name, of: value)
        }
    }
}
