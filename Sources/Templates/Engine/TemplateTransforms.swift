import Foundation

/// The transforms a tag's name may be wrapped in (`count(list)`, `first()`), as swift-mustache
/// 2.1.1 defines them (its Transform.swift and SequenceContext.swift), with the differences
/// docs/theme.md lists.
enum TemplateTransform: String, CaseIterable {
    case empty, count, first, last, index, even, odd, reversed, sorted
    case lowercased, uppercased, capitalized, equalzero, plusone, minusone, enumerated
}

/// A value transforms apply to: text, integers of any width, lists and dictionaries of any
/// element type. The engine's common value types are transformed without a dynamic cast to this.
protocol TemplateTransformable {
    /// The transformed value; nil when the transform does not apply.
    func templateTransform(_ transform: TemplateTransform) -> Any?
}

/// A list that a section repeats for: an array of any element type, or `reversed` of one.
protocol TemplateSequence: TemplateTransformable {
    var templateCount: Int { get }
    var templateElements: [Any] { get }
}

/// A dictionary with text keys, of any value type: its values are named children.
protocol TemplateKeyedValues {
    func templateChild(_ name: String) -> Any?
}

/// Lists of comparable elements and dictionaries of comparable keys, which `sorted` applies to.
private protocol TemplateSortable {
    func templateSorted() -> Any
}

extension StringProtocol {
    func templateTransform(_ transform: TemplateTransform) -> Any? {
        switch transform {
        case .empty: return isEmpty
        // Foundation's, as swift-mustache's: `wORLD-wide 3d o'neil` becomes `World-Wide 3D O'neil`.
        case .capitalized: return capitalized
        case .lowercased: return lowercased()
        case .uppercased: return uppercased()
        case .reversed: return String(reversed())
        default: return nil
        }
    }
}

extension String: TemplateTransformable {}
extension Substring: TemplateTransformable {}

extension TemplateSequence where Self: BidirectionalCollection {
    var templateCount: Int { count }
    var templateElements: [Any] { map { $0 as Any } }

    /// The transforms of a list; `reversed` is the list's own (it differs by type, and its type is
    /// what it shows as text).
    fileprivate func listTransform(_ transform: TemplateTransform, reversed: () -> Any) -> Any? {
        switch transform {
        case .first: return first
        case .last: return last
        case .reversed: return reversed()
        case .count: return count
        case .empty: return isEmpty
        case .sorted: return (self as? TemplateSortable)?.templateSorted()
        default: return nil
        }
    }
}

extension Array: TemplateSequence {
    // A view of the array backwards, without a copy; shown as text it names its type, as
    // swift-mustache's does.
    func templateTransform(_ transform: TemplateTransform) -> Any? { listTransform(transform) { reversed() } }
}

extension Array: TemplateSortable where Element: Comparable {
    fileprivate func templateSorted() -> Any { sorted() }
}

extension ReversedCollection: TemplateSequence {
    // Backwards again is the list it was made from.
    func templateTransform(_ transform: TemplateTransform) -> Any? { listTransform(transform) { reversed() } }
}

extension ReversedCollection: TemplateSortable where Element: Comparable {
    fileprivate func templateSorted() -> Any { sorted() }
}

extension Dictionary: TemplateTransformable {
    func templateTransform(_ transform: TemplateTransform) -> Any? {
        switch transform {
        case .count: return count
        case .empty: return isEmpty
        // In key order, so output does not depend on hashing; swift-mustache's `enumerated` is
        // in hash order, which changes from run to run.
        case .enumerated, .sorted: return (self as? TemplateSortable)?.templateSorted()
        default: return nil
        }
    }
}

extension Dictionary: TemplateSortable where Key: Comparable {
    /// `(key:, value:)` entries, the type swift-mustache makes, so they show as the same text.
    fileprivate func templateSorted() -> Any { map { (key: $0.key, value: $0.value) }.sorted { $0.key < $1.key } }
}

extension Dictionary: TemplateKeyedValues where Key == String {
    func templateChild(_ name: String) -> Any? { TemplateValues.unwrap(self[name]) }
}

extension FixedWidthInteger {
    func templateTransform(_ transform: TemplateTransform) -> Any? {
        switch transform {
        case .equalzero: return self == 0
        // At the limits there is no such number (swift-mustache stops the program).
        case .plusone:
            let sum = addingReportingOverflow(1)
            return sum.overflow ? nil : sum.partialValue as Any
        case .minusone:
            let difference = subtractingReportingOverflow(1)
            return difference.overflow ? nil : difference.partialValue as Any
        case .even: return self & 1 == 0
        case .odd: return self & 1 == 1
        default: return nil
        }
    }
}

extension Int: TemplateTransformable {}
extension Int8: TemplateTransformable {}
extension Int16: TemplateTransformable {}
extension Int32: TemplateTransformable {}
extension Int64: TemplateTransformable {}
extension UInt: TemplateTransformable {}
extension UInt8: TemplateTransformable {}
extension UInt16: TemplateTransformable {}
extension UInt32: TemplateTransformable {}
extension UInt64: TemplateTransformable {}
