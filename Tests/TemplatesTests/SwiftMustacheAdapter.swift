import Templates

/// Template values as swift-mustache takes them: the Swift values they stand for. A list of
/// text is a `[String]` and a list of integers an `[Int]`, which `sorted` applies to; other
/// lists, and an empty one (whose kind nothing tells), are `[Any]`. Dictionaries keep the order
/// of their entries, so both engines show a dictionary as the same text.
enum SwiftMustacheAdapter {
    static func adapt(_ value: TemplateValue) -> Any {
        switch value {
        case .string(let string): return string
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .bool(let bool): return bool
        case .int(let int): return int
        case .list(let items): return list(items)
        // `mapValues` keeps the dictionary's layout, so its entries come in the same order.
        case .map(let values): return values.mapValues(adapt)
        case .reused(let card): return card.values.mapValues(adapt)
        case .entry(let key, let entryValue): return (key: key, value: adapt(entryValue))
        }
    }

    static func root(_ values: [String: TemplateValue]) -> [String: Any] { values.mapValues(adapt) }

    private static func list(_ items: [TemplateValue]) -> Any {
        if items.isEmpty { return [Any]() }
        var texts: [String] = []
        var ints: [Int] = []
        for item in items {
            switch item {
            case .string(let string): texts.append(string)
            case .bytes(let bytes): texts.append(String(decoding: bytes, as: UTF8.self))
            case .int(let int): ints.append(int)
            default: return items.map(adapt)
            }
        }
        if ints.isEmpty { return texts }
        return texts.isEmpty ? ints : items.map(adapt)
    }
}
