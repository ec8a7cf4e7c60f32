import Foundation
import Testing

@testable import Search

/// Reads built index files back, as the engine does: for assertions on their contents.
struct IndexReader {
    var files: [String: SearchIndexFile]

    init(_ files: [SearchIndexFile]) {
        self.files = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
    }

    /// The registered name and JSON value of a file.
    func registration(_ path: String) throws -> (name: String, value: Any) {
        let file = try #require(files["assets/search/" + path])
        var text = String(decoding: file.data, as: UTF8.self)
        #expect(file.data.starts(with: [0xEF, 0xBB, 0xBF]))
        text.removeFirst() // the byte order mark
        let prefix = "window.__kretsloppSearch.register("
        #expect(text.hasPrefix(prefix) && text.hasSuffix(");\n"))
        let arguments = "[" + text.dropFirst(prefix.count).dropLast(3) + "]"
        let array = try #require(try JSONSerialization.jsonObject(with: Data(arguments.utf8)) as? [Any])
        return (try #require(array[0] as? String), array[1])
    }

    func meta() throws -> [String: Any] {
        try #require(try registration("meta.js").value as? [String: Any])
    }

    /// Every term of every shard (names left out): stem -> (exact, compound) postings as
    /// (document, impact).
    func terms() throws -> [String: (exact: [(Int, Int)], compound: [(Int, Int)])] {
        var terms: [String: (exact: [(Int, Int)], compound: [(Int, Int)])] = [:]
        for entry in try entries() where entry[1] != "=" && !entry[0].contains(" ") {
            terms[entry[0]] = (Self.postings(entry[1]), Self.postings(entry[2]))
        }
        return terms
    }

    /// The name entries of every shard: name key (`göteborg stad `) -> (document, impact) pairs.
    func names() throws -> [String: [(Int, Int)]] {
        var names: [String: [(Int, Int)]] = [:]
        for entry in try entries() where entry[0].contains(" ") {
            #expect(entry[2] == "")
            names[entry[0]] = Self.postings(entry[1])
        }
        return names
    }

    /// Every `[key, second, third]` entry of every shard, in shard order.
    func entries() throws -> [[String]] {
        let shards = try #require(try meta()["shards"] as? [String])
        var entries: [[String]] = []
        for number in shards.indices {
            let (name, value) = try registration("t/\(number).js")
            #expect(name == "t/\(number)")
            let flat = try #require(value as? [String])
            for index in stride(from: 0, to: flat.count, by: 3) {
                entries.append(Array(flat[index..<index + 3]))
            }
        }
        return entries
    }

    /// The words listed with their stems (`[word, "=", stem]` entries): word -> stem.
    func aliases() throws -> [String: String] {
        let shards = try #require(try meta()["shards"] as? [String])
        var aliases: [String: String] = [:]
        for number in shards.indices {
            let flat = try #require(try registration("t/\(number).js").value as? [String])
            for index in stride(from: 0, to: flat.count, by: 3) where flat[index + 1] == "=" {
                aliases[flat[index]] = flat[index + 2]
            }
        }
        return aliases
    }

    /// Document paths in id order.
    func documentPaths() throws -> [String] {
        try documents().map { try #require($0["p"] as? String) }
    }

    /// Every document of the `d/` files, in id order: `{p, t, s, x, k, b?, h?}`.
    func documents() throws -> [[String: Any]] {
        let count = try #require(try meta()["documents"] as? Int)
        let perFile = try #require(try meta()["documentsPerFile"] as? Int)
        return try (0..<count).map { number in
            let group = try #require(try registration("d/\(number / perFile).js").value as? [[String: Any]])
            return group[number % perFile]
        }
    }

    /// The document at `path`.
    func document(_ path: String) throws -> [String: Any] {
        try #require(try documents().first { $0["p"] as? String == path })
    }

    /// A document's sections (`h`): (id, heading, text) each.
    static func sections(_ document: [String: Any]) throws -> [(id: String, heading: String, text: String)] {
        guard let h = document["h"] else { return [] }
        return try #require(h as? [[String]]).map { ($0[0], $0[1], $0[2]) }
    }

    static func numbers(_ text: String) -> [Int] {
        let alphabet = PostingEncoding.alphabet
        var numbers: [Int] = []
        var value = 0
        for byte in text.utf8 {
            let digit = alphabet.firstIndex(of: byte)!
            if digit >= 32 {
                value = value * 32 + digit - 32
            } else {
                numbers.append(value * 32 + digit)
                value = 0
            }
        }
        return numbers
    }

    /// (document, impact) pairs of a posting list.
    static func postings(_ text: String) -> [(Int, Int)] {
        let alphabet = PostingEncoding.alphabet
        var pairs: [(Int, Int)] = []
        var previous = -1
        var value = 0
        var expectImpact = false
        for byte in text.utf8 {
            let digit = alphabet.firstIndex(of: byte)!
            if expectImpact {
                pairs[pairs.count - 1].1 = digit
                expectImpact = false
            } else if digit >= 32 {
                value = value * 32 + digit - 32
            } else {
                previous += value * 32 + digit + 1
                value = 0
                pairs.append((previous, 0))
                expectImpact = true
            }
        }
        return pairs
    }

    /// A facet value's documents.
    static func documents(_ text: String) -> [Int] {
        var previous = -1
        return numbers(text).map { gap in
            previous += gap + 1
            return previous
        }
    }
}
