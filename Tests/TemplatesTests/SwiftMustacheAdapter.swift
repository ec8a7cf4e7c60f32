import Templates

/// Template values as swift-mustache takes them: the Swift values they stand for. A list of
/// text is a `[String]` and a list of integers an `[Int]`, which `sorted` applies to; other
/// lists, and an empty one (whose kind nothing tells), are `[Any]`.
///
/// A dictionary shown as text lists its entries in its own order: a `TemplateMap` in the order
/// they were added, a Swift dictionary in hash order. `aligned` gives both engines the same
/// values with the same order, ours rebuilt in the order of the dictionary swift-mustache gets.
enum SwiftMustacheAdapter {
    /// `values` for our engine and for swift-mustache, each dictionary's entries in one order.
    static func aligned(_ values: TemplateMap) -> (ours: TemplateMap, theirs: [String: Any]) {
        var theirs: [String: Any] = [:]
        var ours: [String: TemplateValue] = [:]
        for (key, value) in values {
            let pair = aligned(value)
            ours[key] = pair.ours
            theirs[key] = pair.theirs
        }
        var ordered = TemplateMap(minimumCapacity: ours.count)
        for key in theirs.keys { ordered[key] = ours[key] }
        return (ordered, theirs)
    }

    static func aligned(_ value: TemplateValue) -> (ours: TemplateValue, theirs: Any) {
        switch value {
        case .string(let string): return (value, string)
        case .bytes(let bytes): return (value, String(decoding: bytes, as: UTF8.self))
        case .bool(let bool): return (value, bool)
        case .int(let int): return (value, int)
        case .list(let items):
            let pairs = items.map(aligned)
            return (.list(pairs.map(\.ours)), list(items, adapted: pairs.map(\.theirs)))
        case .map(let values):
            let pair = aligned(values)
            return (.map(pair.ours), pair.theirs)
        case .reused(let card):
            let pair = aligned(card.values)
            return (.reused(ReusedValues(pair.ours)), pair.theirs)
        case .entry(let key, let entryValue):
            let pair = aligned(entryValue)
            return (.entry(key: key, value: pair.ours), (key: key, value: pair.theirs))
        }
    }

    private static func list(_ items: [TemplateValue], adapted: [Any]) -> Any {
        if items.isEmpty { return [Any]() }
        var texts: [String] = []
        var ints: [Int] = []
        for item in items {
            switch item {
            case .string(let string): texts.append(string)
            case .bytes(let bytes): texts.append(String(decoding: bytes, as: UTF8.self))
            case .int(let int): ints.append(int)
            default: return adapted
            }
        }
        if ints.isEmpty { return texts }
        return texts.isEmpty ? ints : adapted
    }
}
