import Foundation

/// A directive as mdBook finds it: `{{`, spaces, `#name`, spaces, then the file and properties up
/// to `}}` (`{{#include file.rs:2:10}}`, `{{ #playground main.rs editable }}`).
struct Directive {
    var name: String
    /// The file, relative to the including file.
    var path: String
    var selection: IncludedLines.Selection
    /// Words after the file (`editable`).
    var properties: [String]
    /// The index just after its `}}`.
    var end: Int

    /// GitBook's `{% include "path" %}` (reusable content) at `start`: the whole file.
    init?(gitbookInclude bytes: [UInt8], at start: Int) {
        guard let close = Self.end(of: "%}", in: bytes, from: start + 2) else { return nil }
        let inside = String(decoding: bytes[(start + 2)..<close], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard inside.hasPrefix("include "), !inside.contains("\n") else { return nil }
        let argument = inside.dropFirst("include ".count).trimmingCharacters(in: .whitespaces)
        guard let quote = argument.first, quote == "\"" || quote == "'", argument.count > 2, argument.last == quote
        else { return nil }
        name = "include"
        path = String(argument.dropFirst().dropLast())
        selection = IncludedLines.Selection(nil)
        properties = []
        end = close + 2
    }

    /// The index of the first `marker` (two bytes) at or after `from`, on the same line.
    private static func end(of marker: String, in bytes: [UInt8], from: Int) -> Int? {
        let pair = Array(marker.utf8)
        var i = from
        while i + 1 < bytes.count, bytes[i] != 0x0A {
            if bytes[i] == pair[0] && bytes[i + 1] == pair[1] { return i }
            i += 1
        }
        return nil
    }

    init?(_ bytes: [UInt8], at start: Int) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var i = start + 2
        while i < bytes.count, isSpace(bytes[i]) { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "#") else { return nil }
        i += 1
        let nameStart = i
        while i < bytes.count,
            bytes[i] == UInt8(ascii: "_") || (bytes[i] < 0x80 && Character(UnicodeScalar(bytes[i])).isLetter)
                || (bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9"))
        {
            i += 1
        }
        guard i > nameStart, i < bytes.count, isSpace(bytes[i]) else { return nil }
        name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        let argumentsStart = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "}") { i += 1 }
        guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "}") else { return nil }
        end = i + 2
        let words = String(decoding: bytes[argumentsStart..<i], as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard let first = words.first else { return nil }
        properties = words.dropFirst().map(String.init)
        // A playground is its whole file, its path as written.
        let parts =
            name == "playground" ? [first] : first.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts[0])
        selection = IncludedLines.Selection(parts.count > 1 ? String(parts[1]) : nil)
    }
}
