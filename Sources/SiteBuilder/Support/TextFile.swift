import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A page's text read straight into a String's own storage, for a build that reads every file
/// once: no `Data` in between, which at 10,000 pages is 100 MB more to allocate, touch and copy.
///
/// Only text that needs nothing else comes this way: valid UTF-8 without a byte order mark and
/// without a NUL. Any other file (and one with U+FFFD in it, which a repair of invalid bytes
/// would also leave) is nil here and read as bytes, where what is wrong is reported at its line.
enum TextFile {
    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        var complete = true
        // The initializer validates the bytes where they were read, and repairs invalid ones.
        let text = String(unsafeUninitializedCapacity: size) { buffer in
            var total = 0
            while total < size {
                let count = Glibc.read(fd, buffer.baseAddress! + total, size - total)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                total += count
            }
            complete = total == size
            return total
        }
        // A repair changes the length, or leaves a U+FFFD where the bytes were.
        guard complete, text.utf8.count == size, !text.containsUTF8("\u{FFFD}"),
            !text.hasPrefix("\u{FEFF}"), text.firstUTF8Offset(of: 0) == nil
        else { return nil }
        return text
    }
}

/// A page's text as `TextFile` read it, given once: the parser takes it, so that it holds the
/// only reference and cuts the front matter off in place instead of copying the body.
final class TextOnce: @unchecked Sendable {
    // Taken by the one task that parses the file; never read after.
    private var text: String?

    init(_ text: String) { self.text = text }

    /// The text, which this no longer holds.
    func take() -> String? {
        defer { text = nil }
        return text
    }

    /// The text's bytes, while it is here.
    var data: Data? { text.map { Data($0.utf8) } }
}
