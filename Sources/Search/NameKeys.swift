import Foundation
import Parallel

/// The keys of documents' names and headings: the stems of a name's words, joined by one space,
/// with one space at the end (`göteborg stad ` for "Göteborgs Stad"). The engine makes the same
/// key of a query, so a query that is a document's name finds that document first, and one that
/// is a page's heading (`Klimatkrav i upphandlingar`) that page next.
enum NameKeys {
    /// The impact of a name's postings: a query that is a document's name ranks it first.
    static let nameImpact: UInt32 = 63
    /// The impact of a heading's postings: a query that is one of a page's headings ranks the
    /// page next, above pages that only have its words here and there.
    static let headingImpact: UInt32 = 31

    /// The postings (document, impact) of each name key, sorted by key, then document; every
    /// document's title is one of its names, and its headings count at `headingImpact`.
    static func postings(_ documents: [SearchDocument], language: String) -> [(key: String, postings: [UInt32])] {
        let slices = Swift.max(1, Swift.min(8, documents.count / 1_000))
        let keyed: [[(String, UInt32, UInt32)]] = parallelMap(slices) { slice in
            let stemmer = WordStemmer(language: language)
            // Sites repeat names and headings ("Bakgrund" on every project): each text's key is
            // made once.
            var known: [String: String?] = [:]
            func cachedKey(_ text: String) -> String? {
                if let key = known[text] { return key }
                let key = key(text, stemmer: stemmer)
                known[text] = key
                return key
            }
            var triples: [(String, UInt32, UInt32)] = []
            for number in InvertedIndex.slice(slice, of: slices, count: documents.count) {
                let document = documents[number]
                var keys: [String] = []
                for name in [document.title] + document.names {
                    if let key = cachedKey(name), !keys.contains(key) { keys.append(key) }
                }
                triples += keys.map { ($0, UInt32(number), nameImpact) }
                var headingKeys: [String] = []
                for heading in document.headings {
                    if let key = cachedKey(heading), !keys.contains(key), !headingKeys.contains(key) {
                        headingKeys.append(key)
                    }
                }
                triples += headingKeys.map { ($0, UInt32(number), headingImpact) }
            }
            return triples
        }
        // Documents come in ascending order, one posting per document and key.
        var keyNumbers: [String: Int] = [:]
        var lists: [(key: String, postings: [UInt32])] = []
        for (key, document, impact) in keyed.joined() {
            let number = keyNumbers[key] ?? lists.count
            if number == lists.count {
                keyNumbers[key] = number
                lists.append((key, []))
            }
            lists[number].postings.append(document)
            lists[number].postings.append(impact)
        }
        return lists.sorted { InvertedIndex.precedes($0.key, $1.key) }
    }

    /// The key of one name, or nil when it has no word of two letters or more.
    static func key(_ name: String, stemmer: WordStemmer) -> String? {
        let words = queryWords(name)
        guard !words.isEmpty else { return nil }
        return words.map { stemmer.stem($0) }.joined(separator: " ") + " "
    }

    /// The words of a text as the engine reads a query: lower-cased NFC, a hyphenated run one
    /// word without its hyphens, words of one letter left out, a run of ideographs as its pairs
    /// (a lone ideograph as itself, `Tokenizer`).
    static func queryWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var count = 0
        // Text of scalars below U+0300 (lead bytes below 0xCC) has nothing to compose: it is NFC.
        let composed = text.utf8.allSatisfy { $0 < 0xCC } ? text : text.precomposedStringWithCanonicalMapping
        let scalars = Array(composed.lowercased().unicodeScalars)
        func end() {
            if count >= 2 { words.append(String(word)) }
            word = String.UnicodeScalarView()
            count = 0
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            defer { index += 1 }
            if WordCharacters.isIdeograph(scalar) {
                end()
                var last = index
                while last + 1 < scalars.count, WordCharacters.isIdeograph(scalars[last + 1]) { last += 1 }
                if last == index { words.append(String(scalar)) }
                for pair in index..<last { words.append(String(scalars[pair]) + String(scalars[pair + 1])) }
                index = last
            } else if WordCharacters.isWordFast(scalar) {
                word.append(scalar)
                count += 1
            } else if WordCharacters.isHyphen(scalar.value), count > 0, index + 1 < scalars.count,
                WordCharacters.isWordFast(scalars[index + 1])
            {
                continue
            } else {
                end()
            }
        }
        end()
        return words
    }
}
