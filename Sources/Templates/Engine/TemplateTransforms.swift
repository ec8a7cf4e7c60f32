import Foundation

/// The transforms a tag's name may be wrapped in (`count(list)`, `first()`), as swift-mustache
/// 2.1.1 defines them (its Transform.swift and SequenceContext.swift), with the differences
/// docs/theme.md lists.
enum TemplateTransform: String, CaseIterable {
    case empty, count, first, last, index, even, odd, reversed, sorted
    case lowercased, uppercased, capitalized, equalzero, plusone, minusone, enumerated
}

/// Where an element is in the list a section iterates: `first()`, `last()`, `index()`.
struct SequencePosition {
    var first: Bool
    var last: Bool
    var index: Int

    /// A transform without a value, inside a list; nil when it does not apply.
    func transform(_ transform: TemplateTransform) -> TemplateValue? {
        switch transform {
        case .first: return .bool(first)
        case .last: return .bool(last)
        case .index: return .int(index)
        case .even: return .bool(index & 1 == 0)
        case .odd: return .bool(index & 1 == 1)
        default: return nil
        }
    }
}

extension TemplateValue {
    /// `transform` applied to this value; nil when the transform does not apply to its kind.
    func transform(_ transform: TemplateTransform) -> TemplateValue? {
        switch self {
        case .string(let string): return Self.textTransform(transform, string)
        case .bytes(let bytes): return Self.textTransform(transform, String(decoding: bytes, as: UTF8.self))
        case .int(let int): return Self.integerTransform(transform, int)
        case .bool, .entry: return nil
        // Counting needs no copy of the list (`count(projects)` on a listing of 10,000).
        case .list(let items): return Self.listTransform(transform, items)
        case .map(let values): return Self.dictionaryTransform(transform, values)
        case .reused(let values): return Self.dictionaryTransform(transform, values.values)
        }
    }

    private static func textTransform(_ transform: TemplateTransform, _ string: String) -> TemplateValue? {
        switch transform {
        case .empty: return .bool(string.isEmpty)
        // Foundation's, as swift-mustache's: `wORLD-wide 3d o'neil` becomes `World-Wide 3D O'neil`.
        case .capitalized: return .string(string.capitalized)
        case .lowercased: return .string(string.lowercased())
        case .uppercased: return .string(string.uppercased())
        case .reversed: return .string(String(string.reversed()))
        default: return nil
        }
    }

    private static func integerTransform(_ transform: TemplateTransform, _ int: Int) -> TemplateValue? {
        switch transform {
        case .equalzero: return .bool(int == 0)
        // At the limits there is no such number (swift-mustache stops the program).
        case .plusone:
            let sum = int.addingReportingOverflow(1)
            return sum.overflow ? nil : .int(sum.partialValue)
        case .minusone:
            let difference = int.subtractingReportingOverflow(1)
            return difference.overflow ? nil : .int(difference.partialValue)
        case .even: return .bool(int & 1 == 0)
        case .odd: return .bool(int & 1 == 1)
        default: return nil
        }
    }

    private static func listTransform(_ transform: TemplateTransform, _ items: [TemplateValue]) -> TemplateValue? {
        switch transform {
        case .first: return items.first
        case .last: return items.last
        case .reversed: return .list(items.reversed())
        case .count: return .int(items.count)
        case .empty: return .bool(items.isEmpty)
        case .sorted: return sorted(items)
        default: return nil
        }
    }

    /// A list of text, or of integers, in order; nil for lists of anything else, and for an empty
    /// list, whose kind nothing tells (swift-mustache sorts an empty `[String]`, but not the empty
    /// entries of an empty dictionary: both are `[]` here).
    private static func sorted(_ items: [TemplateValue]) -> TemplateValue? {
        guard !items.isEmpty else { return nil }
        var texts: [(String, TemplateValue)] = []
        var ints: [Int] = []
        for item in items {
            switch item {
            case .string(let string): texts.append((string, item))
            case .bytes(let bytes): texts.append((String(decoding: bytes, as: UTF8.self), item))
            case .int(let int): ints.append(int)
            default: return nil
            }
        }
        if ints.isEmpty { return .list(texts.sorted { $0.0 < $1.0 }.map(\.1)) }
        return texts.isEmpty ? .list(ints.sorted().map(TemplateValue.int)) : nil
    }

    private static func dictionaryTransform(
        _ transform: TemplateTransform,
        _ values: TemplateMap
    ) -> TemplateValue? {
        switch transform {
        case .count: return .int(values.count)
        case .empty: return .bool(values.isEmpty)
        // In key order, so output does not depend on hashing; swift-mustache's `enumerated` is
        // in hash order, which changes from run to run.
        case .enumerated, .sorted:
            return .list(values.sorted { $0.key < $1.key }.map { .entry(key: $0.key, value: $0.value) })
        default: return nil
        }
    }
}
