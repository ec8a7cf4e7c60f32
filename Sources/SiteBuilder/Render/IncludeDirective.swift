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

    /// VitePress' `<!--@include: ./parts/basics.md-->` at `start` (`@/` from the content folder is
    /// `/` here): the file, or its lines `{3,10}`, `{3,}`, `{,10}`. A part after `#` (a region or
    /// a heading) is not read: nil, and the comment stays a comment.
    init?(vitePressInclude bytes: [UInt8], at start: Int) {
        let open = Array("<!--@include:".utf8)
        guard bytes[start...].starts(with: open) else { return nil }
        var close = start + open.count
        while close + 2 < bytes.count, bytes[close] != 0x0A,
            !(bytes[close] == UInt8(ascii: "-") && bytes[close + 1] == UInt8(ascii: "-")
                && bytes[close + 2] == UInt8(ascii: ">"))
        {
            close += 1
        }
        guard close + 2 < bytes.count, bytes[close] == UInt8(ascii: "-") else { return nil }
        var argument = String(decoding: bytes[(start + open.count)..<close], as: UTF8.self)
            .trimmingCharacters(in: .whitespaces)
        var lines: String? = nil
        if argument.hasSuffix("}"), let brace = argument.lastIndex(of: "{") {
            let range = argument[argument.index(after: brace)..<argument.index(before: argument.endIndex)]
            let ends = range.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard ends.count == 2, ends.allSatisfy({ $0.isEmpty || Int($0) != nil }) else { return nil }
            lines = ends[0] + ":" + ends[1]
            argument = String(argument[..<brace])
        }
        guard !argument.isEmpty, !argument.contains("#") else { return nil }
        name = "include"
        path = argument.hasPrefix("@/") ? "/" + argument.dropFirst(2) : argument
        selection = IncludedLines.Selection(lines)
        properties = []
        end = close + 3
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

extension Directive {
    /// MDX's `<Partial />` at `start` (at most three spaces into its line), where `partials` maps
    /// the names a page imports from Markdown files (`import Partial from './_partial.md'`) to
    /// their paths: the whole file, as Docusaurus puts in a partial. Its props are not read.
    init?(mdxPartial bytes: [UInt8], at start: Int, partials: [String: String]) {
        var i = start + 1
        while i < bytes.count, Self.isNameByte(bytes[i]) { i += 1 }
        let name = String(decoding: bytes[(start + 1)..<i], as: UTF8.self)
        guard let path = partials[name], i < bytes.count, bytes[i] == 0x20 || bytes[i] == UInt8(ascii: "/"),
            let close = Self.end(of: "/>", in: bytes, from: i)
        else { return nil }
        self.name = "include"
        self.path = path
        selection = IncludedLines.Selection(nil)
        properties = []
        end = close + 2
    }

    /// The Markdown files a page imports as components, by name: `import Note from './_note.md';`
    /// (`.mdx` too, a relative path), each on a line of its own as MDX writes imports.
    static func mdxPartials(in text: String) -> [String: String] {
        var partials: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("import ") {
            let words = line.dropFirst("import ".count).split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 3, words[1] == "from", words[0].utf8.allSatisfy(isNameByte) else { continue }
            var source = words[2].trimmingCharacters(in: .whitespaces)
            if source.hasSuffix(";") { source.removeLast() }
            guard let quote = source.first, quote == "'" || quote == "\"", source.count > 2, source.last == quote
            else { continue }
            let path = String(source.dropFirst().dropLast())
            guard path.hasPrefix("./") || path.hasPrefix("../"), path.hasSuffix(".md") || path.hasSuffix(".mdx")
            else { continue }
            partials[String(words[0])] = path
        }
        return partials
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || (byte >= 0x30 && byte <= 0x39)
            || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }
}
