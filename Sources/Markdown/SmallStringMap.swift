/// A dictionary by text for the few keys of one page or one mapping (a page's heading ids, a
/// front matter mapping's keys): up to 16 keys are compared in a row, without hashing each (a
/// String's hash normalises it); more go into a `Dictionary`. Keys are equal as Strings are
/// (canonically equivalent text), in both.
public struct SmallStringMap<Value> {
    private var keys: [String] = []
    private var values: [Value] = []
    private var many: [String: Value]?

    /// Up to this many keys, a key is looked for by comparing it with each.
    private static var linearLimit: Int { 16 }

    public init() {}

    public subscript(key: String) -> Value? {
        get {
            if let many { return many[key] }
            return keys.firstIndex(of: key).map { values[$0] }
        }
        set {
            if many != nil {
                many![key] = newValue
                return
            }
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
                if keys.count > Self.linearLimit {
                    many = Dictionary(uniqueKeysWithValues: zip(keys, values))
                    keys = []
                    values = []
                }
            }
        }
    }

    /// Adds `key` with `value` when it is not there; false (and nothing changed) when it is.
    public mutating func insert(_ key: String, _ value: Value) -> Bool {
        guard self[key] == nil else { return false }
        self[key] = value
        return true
    }
}
