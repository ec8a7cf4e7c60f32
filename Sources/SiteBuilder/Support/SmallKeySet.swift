/// The keys of one mapping, to find a duplicate: a mapping has a handful of keys, which are
/// compared in a row (no hashing); a large one is kept in a `Set`. Keys are equal as Strings are
/// (canonically equivalent text), in both.
struct SmallKeySet {
    private var few: [String] = []
    private var many: Set<String>?

    /// Up to this many keys, each new key is compared with all.
    private static let linearLimit = 16

    /// Adds `key`; false when it was there already.
    mutating func insert(_ key: String) -> Bool {
        if many != nil { return many!.insert(key).inserted }
        if few.contains(key) { return false }
        few.append(key)
        if few.count > Self.linearLimit {
            many = Set(few)
            few = []
        }
        return true
    }
}
