#if canImport(Glibc)
    import Glibc
#endif

extension String {
    /// The offset in UTF-8 bytes of the first `byte`, or nil when the text has none.
    func firstUTF8Offset(of byte: UInt8) -> Int? {
        // memchr over the contiguous UTF-8 bytes: the generic search over `utf8` goes one index at
        // a time, which shows in profiles when every page of a site is searched.
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let base = bytes.baseAddress, let hit = memchr(base, Int32(byte), bytes.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        if let found { return found }
        return utf8.firstIndex(of: byte).map { utf8.distance(from: utf8.startIndex, to: $0) }
    }
}

extension String {
    /// True when the text holds `needle`, byte for byte (no Unicode equivalence: for markup the
    /// build wrote itself). Foundation's `contains` goes through NSString and showed in profiles
    /// when every page of a site was searched.
    func containsUTF8(_ needle: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { bytes in ByteSearch.contains(bytes, needle) }
        if let found { return found }
        return utf8.firstRange(of: needle.utf8) != nil
    }
}

extension [UInt8] {
    /// True when the bytes hold `needle`'s UTF-8 bytes.
    func containsUTF8(_ needle: String) -> Bool {
        withUnsafeBufferPointer { ByteSearch.contains($0, needle) }
    }
}

enum ByteSearch {
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { wanted in
            guard !wanted.isEmpty else { return true }
            guard let base = bytes.baseAddress, let key = wanted.baseAddress else { return false }
            // A short needle (`{{`) starts with a byte text rarely has: memchr (vectorised) to each
            // one beats glibc's memmem, which compares such a needle byte by byte.
            if wanted.count > 3, let memmem { return memmem(base, bytes.count, key, wanted.count) != nil }
            // memchr to each candidate first byte, then memcmp.
            var start = 0
            while bytes.count - start >= wanted.count,
                let hit = memchr(base + start, Int32(key.pointee), bytes.count - start - wanted.count + 1)
            {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, key, wanted.count) == 0 { return true }
                start = at + 1
            }
            return false
        }
    }

    private typealias MemMem =
        @convention(c) (
            UnsafeRawPointer, Int, UnsafeRawPointer, Int
        ) -> UnsafeMutableRawPointer?

    // glibc's memmem (two-way search, vectorised) is declared by no module Swift imports, so it is
    // looked up at run time. A first-byte memchr loop stops at every `c` of `class="…"` in HTML:
    // the glossary marker's search through every page body showed in profiles.
    private static let memmem: MemMem? = dlsym(nil, "memmem").map { unsafeBitCast($0, to: MemMem.self) }
}
