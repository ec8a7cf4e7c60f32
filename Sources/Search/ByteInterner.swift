/// Gives each distinct byte string a dense id (0, 1, 2…), storing the bytes once.
///
/// The tokenizer's hot loop looks words up here without allocating; only a word seen for the
/// first time is copied.
struct ByteInterner {
    private var arena: [UInt8] = []
    /// Start of each id's bytes in `arena`; the end is the next start.
    private var starts: [Int] = [0]
    /// Open addressing table of `slotWords` words per slot; the number of slots is a power of two.
    /// A slot holds the string's hash in the high half of its first word and its id + 1 in the low
    /// half (0 = empty), then its length and its first 16 bytes (zero-padded): a probe reads one
    /// slot, and only a string longer than 16 bytes reads the arena. The tables of a large
    /// vocabulary do not fit in the cache, and every array read on the way is a likely miss.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024 * slotWords)
    private var slotCount = 1024
    /// How many distinct strings there are.
    private(set) var count = 0

    private static let slotWords = 4
    private static let inlineBytes = 16

    /// The id of `bytes`, adding them when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        let (first, second) = Self.prefix(bytes)
        let hash = Self.hash(bytes, first, second)
        let found = slots.withUnsafeBufferPointer { lookUp(bytes, hash, first, second, in: $0) }
        if found.id >= 0 { return (found.id, false) }
        var slot = found.slot
        let id = count
        if (id + 1) * 2 > slotCount {
            grow()
            slot = Int(hash) & (slotCount - 1)
            while slots[slot * Self.slotWords] != 0 { slot = (slot + 1) & (slotCount - 1) }
        }
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        count += 1
        let base = slot * Self.slotWords
        slots[base] = UInt64(hash) << 32 | UInt64(id + 1)
        slots[base + 1] = UInt64(bytes.count)
        slots[base + 2] = first
        slots[base + 3] = second
        return (Int32(id), true)
    }

    /// The id of `bytes`, or nil when they were never interned.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let (first, second) = Self.prefix(bytes)
        let hash = Self.hash(bytes, first, second)
        let id = slots.withUnsafeBufferPointer { lookUp(bytes, hash, first, second, in: $0) }.id
        return id >= 0 ? id : nil
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

    /// The id of the string in the table (-1 when absent) and the slot where the probe ended.
    @inline(__always)
    private func lookUp(
        _ bytes: UnsafeBufferPointer<UInt8>, _ hash: UInt32, _ first: UInt64, _ second: UInt64,
        in table: UnsafeBufferPointer<UInt64>
    ) -> (id: Int32, slot: Int) {
        let mask = slotCount - 1
        var slot = Int(hash) & mask
        while true {
            let base = slot * Self.slotWords
            let stored = table[base]
            if stored == 0 { return (-1, slot) }
            if UInt32(truncatingIfNeeded: stored >> 32) == hash && table[base + 1] == UInt64(bytes.count)
                && table[base + 2] == first && table[base + 3] == second
            {
                let id = Int(UInt32(truncatingIfNeeded: stored)) - 1
                if bytes.count <= Self.inlineBytes || equalsBeyondPrefix(id, bytes) { return (Int32(id), slot) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the stored bytes of `id`, of the same length as `bytes`, equal them past the prefix.
    private func equalsBeyondPrefix(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        return arena.withUnsafeBufferPointer { stored in
            for offset in Self.inlineBytes..<bytes.count where stored[start + offset] != bytes[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        let larger = slotCount * 2
        var table = [UInt64](repeating: 0, count: larger * Self.slotWords)
        let mask = larger - 1
        for old in 0..<slotCount {
            let base = old * Self.slotWords
            let stored = slots[base]
            guard stored != 0 else { continue }
            var slot = Int(stored >> 32) & mask
            while table[slot * Self.slotWords] != 0 { slot = (slot + 1) & mask }
            for word in 0..<Self.slotWords { table[slot * Self.slotWords + word] = slots[base + word] }
        }
        slots = table
        slotCount = larger
    }

    /// The first 16 bytes as two little-endian words, zero-padded: the same as `word(from: 0)`
    /// and `word(from: 8)`, with loads that overlap instead of a loop over the last bytes.
    @inline(__always)
    private static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let count = bytes.count
        guard let base = bytes.baseAddress, count >= 4 else { return (word(bytes, from: 0), 0) }
        let raw = UnsafeRawPointer(base)
        if count < 8 {
            // Two 4-byte loads that meet or overlap; the overlap has the same bytes in both.
            let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return (low | high << (8 * UInt64(count - 4)), 0)
        }
        let first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        if count >= 16 { return (first, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))) }
        if count == 8 { return (first, 0) }
        // The 8 bytes that end the word, shifted so that byte 8 comes first.
        let last = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        return (first, last >> (8 * UInt64(16 - count)))
    }

    /// Up to 8 bytes from `start`, little-endian, zero-padded.
    @inline(__always)
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt64 {
        let available = bytes.count - start
        guard let base = bytes.baseAddress, available > 0 else { return 0 }
        if available >= 8 { return UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)) }
        var value: UInt64 = 0
        for index in 0..<available { value |= UInt64(base[start + index]) << (8 * UInt64(index)) }
        return value
    }

    /// A hash of the bytes, from the prefix words, the length and 8 bytes at a time beyond.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ first: UInt64, _ second: UInt64) -> UInt32 {
        var hash = mix(first ^ 0x9E37_79B9_7F4A_7C15, second ^ UInt64(bytes.count))
        var start = inlineBytes
        while start < bytes.count {
            hash = mix(hash, word(bytes, from: start))
            start += 8
        }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// Folds two words into one (a 128-bit multiply, its halves xor-ed).
    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = (a ^ 0xA076_1D64_78BD_642F).multipliedFullWidth(by: b ^ 0xE703_7ED1_A0B4_28DB)
        return product.high ^ product.low
    }
}
