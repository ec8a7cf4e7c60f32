/// A dictionary of template values by name, in the order the names were added.
///
/// Templates look names up more than they do anything else, and most of their dictionaries are
/// small and made for one page. Swift's `Dictionary` hashes a `String` with SipHash on every
/// insert and every lookup (6% of a 10,000-page build's CPU time, perf); here a name's hash is a
/// cheap one, a template's names are hashed once when it is compiled, and a dictionary of a few
/// names is searched by comparing hashes in a row instead of through a table.
public struct TemplateMap: Sendable {
    /// One array, not one per part: a dictionary is copied into many others, and each array
    /// is a reference to retain and release.
    private var entries: [Entry] = []
    /// For more than `linearLimit` names: an open-addressing table of positions + 1 (0: empty),
    /// at most half full.
    private var table: [Int32] = []

    /// Up to this many names, a lookup compares every hash.
    private static let linearLimit = 8

    public init() {}

    private struct Entry: Sendable {
        var name: String
        var hash: UInt32
        var value: TemplateValue
    }

    public init(minimumCapacity: Int) {
        entries.reserveCapacity(minimumCapacity)
    }

    public init(_ dictionary: [String: TemplateValue]) {
        self.init(minimumCapacity: dictionary.count)
        // In name order: the order a Dictionary iterates in changes from run to run.
        for (name, value) in dictionary.sorted(by: { $0.key < $1.key }) { self[name] = value }
    }

    /// The hash a name is looked up by (FNV-1a over its UTF-8).
    @inlinable
    public static func hash(_ name: String) -> UInt32 {
        // Over the contiguous bytes: the `utf8` view's iterator checks each step's index.
        var name = name
        return name.withUTF8 { bytes in
            var hash: UInt32 = 2_166_136_261
            for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return hash
        }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    /// The names, in the order they were added.
    public var keys: [String] { entries.map(\.name) }

    /// The value named `name`; setting nil removes it.
    public subscript(name: String) -> TemplateValue? {
        get { self[name, hash: Self.hash(name)] }
        set {
            let hash = Self.hash(name)
            if let newValue { set(newValue, for: name, hash: hash) } else { remove(name, hash: hash) }
        }
    }

    /// The value named `name`, whose `hash(_:)` is `hash`.
    @inline(__always)
    public subscript(name: String, hash hash: UInt32) -> TemplateValue? {
        position(of: name, hash: hash).map { entries[$0].value }
    }

    /// Removes the value named `name`, and returns it.
    @discardableResult
    public mutating func removeValue(forKey name: String) -> TemplateValue? {
        let value = self[name]
        self[name] = nil
        return value
    }

    /// The values, with each name's value made by `transform`.
    public func mapValues(_ transform: (TemplateValue) throws -> TemplateValue) rethrows -> TemplateMap {
        var mapped = self
        for i in mapped.entries.indices { mapped.entries[i].value = try transform(mapped.entries[i].value) }
        return mapped
    }

    /// These values and `other`'s; where both have a name, `combine` picks the value.
    public func merging(
        _ other: TemplateMap, uniquingKeysWith combine: (TemplateValue, TemplateValue) -> TemplateValue
    ) -> TemplateMap {
        var merged = self
        // The other map's names are hashed already.
        for entry in other.entries {
            if let mine = merged[entry.name, hash: entry.hash] {
                merged.set(combine(mine, entry.value), for: entry.name, hash: entry.hash)
            } else {
                merged.set(entry.value, for: entry.name, hash: entry.hash)
            }
        }
        return merged
    }

    @inline(__always)
    private func position(of name: String, hash: UInt32) -> Int? {
        if table.isEmpty {
            return entries.withUnsafeBufferPointer { entries in
                for i in 0..<entries.count where entries[i].hash == hash && entries[i].name == name { return i }
                return nil
            }
        }
        let mask = table.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = Int(table[slot])
            if entry == 0 { return nil }
            if entries[entry - 1].hash == hash && entries[entry - 1].name == name { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    private mutating func set(_ value: TemplateValue, for name: String, hash: UInt32) {
        if let i = position(of: name, hash: hash) {
            entries[i].value = value
            return
        }
        entries.append(Entry(name: name, hash: hash, value: value))
        guard entries.count > Self.linearLimit else { return }
        if table.count < 2 * entries.count {
            rebuildTable()
        } else {
            insertInTable(entries.count - 1)
        }
    }

    private mutating func remove(_ name: String, hash: UInt32) {
        guard let i = position(of: name, hash: hash) else { return }
        entries.remove(at: i)
        table = []
        if entries.count > Self.linearLimit { rebuildTable() }
    }

    private mutating func rebuildTable() {
        var size = 16
        while size < 2 * entries.count { size *= 2 }
        table = [Int32](repeating: 0, count: size)
        for i in entries.indices { insertInTable(i) }
    }

    private mutating func insertInTable(_ position: Int) {
        let mask = table.count - 1
        var slot = Int(entries[position].hash) & mask
        while table[slot] != 0 { slot = (slot + 1) & mask }
        table[slot] = Int32(position + 1)
    }
}

extension TemplateMap: Sequence {
    public struct Iterator: IteratorProtocol {
        fileprivate let map: TemplateMap
        fileprivate var position = 0

        public mutating func next() -> (key: String, value: TemplateValue)? {
            guard position < map.entries.count else { return nil }
            defer { position += 1 }
            return (map.entries[position].name, map.entries[position].value)
        }
    }

    public func makeIterator() -> Iterator { Iterator(map: self) }
    public var underestimatedCount: Int { entries.count }
}

extension TemplateMap: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(minimumCapacity: elements.count)
        for (name, value) in elements { self[name] = value }
    }
}

extension TemplateMap: Equatable {
    /// The same names with equal values, in any order (as dictionaries compare).
    public static func == (lhs: TemplateMap, rhs: TemplateMap) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (name, value) in lhs {
            guard let other = rhs[name], other == value else { return false }
        }
        return true
    }
}
