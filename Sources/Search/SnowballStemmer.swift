// The only file that touches C: libstemmer's Snowball stemmers, wrapped in a Swift class.
private import CStemmer

/// A Snowball stemmer from libstemmer, for UTF-8 lower-cased words.
///
/// Not thread-safe (libstemmer keeps its work buffer in the instance): use one per task.
final class SnowballStemmer {
    private let handle: OpaquePointer

    /// A stemmer for a Snowball algorithm name (`swedish`), or nil when libstemmer does not have it.
    init?(algorithm: String) {
        guard let handle = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        self.handle = handle
    }

    /// The algorithm names libstemmer has (`sb_stemmer_list()`): `english`, `german`, `swedish`…
    static let algorithms: Set<String> = {
        var names = Set<String>()
        guard var list = sb_stemmer_list() else { return names }
        while let name = list.pointee {
            names.insert(String(cString: name))
            list += 1
        }
        return names
    }()

    deinit {
        sb_stemmer_delete(handle)
    }

    /// Calls `body` with the stem of a lower-cased word given as UTF-8 bytes; the stem's bytes
    /// are valid only inside `body`.
    func withStem<R>(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // libstemmer reads `count` bytes and never writes them; an empty word still needs an address.
        guard let base = bytes.baseAddress,
            let result = sb_stemmer_stem(handle, base, Int32(bytes.count))
        else { return body(bytes) }
        return body(UnsafeBufferPointer(start: result, count: Int(sb_stemmer_length(handle))))
    }

    /// The stem of a lower-cased word (`upphandlingarna` -> `upphandling`).
    func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress,
                let result = sb_stemmer_stem(handle, base, Int32(bytes.count))
            else {
                // Only fails when libstemmer cannot allocate; the word itself is a safe stem.
                return String(decoding: bytes, as: UTF8.self)
            }
            let length = Int(sb_stemmer_length(handle))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}
