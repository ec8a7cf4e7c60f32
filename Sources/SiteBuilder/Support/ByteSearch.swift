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
