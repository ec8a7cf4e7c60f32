/// Gives each distinct byte string a dense id (0, 1, 2…), storing the bytes once.
///
/// The tokenizer's hot loop looks words up here without allocating; only a word seen for the
/// first time is copied.
struct ByteInterner {
    private var arena: [UInt8] = []
    /// Start of each id's bytes in `arena`; the end is the next start.
    private var starts: [Int] = [0]
    /// Open addressing table; its size is a power of two. Each slot holds an id + 1 in its low
    /// half (0 = empty) and the string's hash in its high half, so a probe reads one array and
    /// only a matching hash reads the stored bytes: the tables of a large vocabulary do not fit
    /// in the cache, and every array read on the way is a likely miss.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)
    /// How many distinct strings there are.
    private(set) var count = 0

    /// The id of `bytes`, adding them when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        let hash = Self.hash(bytes)
        var mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            if UInt32(truncatingIfNeeded: stored >> 32) == hash {
                let id = Int(UInt32(truncatingIfNeeded: stored)) - 1
                if equals(id, bytes) { return (Int32(id), false) }
            }
            slot = (slot + 1) & mask
        }
        let id = count
        if (id + 1) * 2 > slots.count {
            grow()
            mask = slots.count - 1
            slot = Int(hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
        }
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        count += 1
        slots[slot] = UInt64(hash) << 32 | UInt64(id + 1)
        return (Int32(id), true)
    }

    /// The id of `bytes`, or nil when they were never interned.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            if UInt32(truncatingIfNeeded: stored >> 32) == hash {
                let id = Int(UInt32(truncatingIfNeeded: stored)) - 1
                if equals(id, bytes) { return Int32(id) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Whether `bytes` were interned.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { find(bytes) != nil }

    /// Calls `body` with the bytes of an id.
    func withBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        arena.withUnsafeBufferPointer { arena in
            body(UnsafeBufferPointer(rebasing: arena[starts[Int(id)]..<starts[Int(id) + 1]]))
        }
    }

    /// The bytes of an id.
    func bytes(_ id: Int32) -> ArraySlice<UInt8> {
        arena[starts[Int(id)]..<starts[Int(id) + 1]]
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            for offset in 0..<bytes.count where stored[start + offset] != bytes[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for stored in slots where stored != 0 {
            var slot = Int(stored >> 32) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = stored
        }
        slots = larger
    }

    /// FNV-1a over the bytes.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash
    }
}
