/// The synonym groups of an index as word sequences, for finding them in documents: an
/// occurrence of one variant (`livscykelanalys`) adds the words of the group's other variants
/// (`lca`) to the document, so a query for either finds it.
struct SynonymTable: Sendable, Equatable {
    /// A variant: its normalised words and its group.
    struct Variant: Sendable, Equatable {
        var words: [String]
        var group: Int
    }

    private(set) var variants: [Variant] = []
    /// The variants of each group.
    private(set) var groups: [[Int]] = []
    /// Variants by their last word, where a match is noticed.
    private(set) var endingWith: [String: [Int]] = [:]
    /// The most words a variant has.
    private(set) var longestVariant = 0

    /// The groups as written; a group needs two different variants, so others are left out.
    init(_ groups: [[String]]) {
        var tokenizer = Tokenizer()
        for written in groups {
            var members: [[String]] = []
            for variant in written {
                var words: [String] = []
                tokenizer.tokenize(variant) { word, needsNormalization in
                    words.append(AnalysedChunk.normalize(word, needsNormalization: needsNormalization))
                }
                if !words.isEmpty && !members.contains(words) { members.append(words) }
            }
            guard members.count > 1 else { continue }
            let group = self.groups.count
            self.groups.append([])
            for words in members {
                self.groups[group].append(variants.count)
                endingWith[words[words.count - 1], default: []].append(variants.count)
                longestVariant = max(longestVariant, words.count)
                variants.append(Variant(words: words, group: group))
            }
        }
    }

    var isEmpty: Bool { variants.isEmpty }

    /// Whether some variant ends with `word`.
    func endsVariant(_ word: String) -> Bool { endingWith[word] != nil }

    /// The groups as meta.js lists them: each variant's words joined by spaces.
    var written: [[String]] {
        groups.map { group in group.map { variants[$0].words.joined(separator: " ") } }
    }

    /// The variants that are the last words of `recent` (oldest first).
    func matches(endingWith recent: [String]) -> [Int] {
        guard let last = recent.last else { return [] }
        return (endingWith[last] ?? []).filter {
            variants[$0].words.elementsEqual(recent.suffix(variants[$0].words.count))
        }
    }

    /// The words a match of `variant` adds: those of the other variants of its group.
    func addedWords(for variant: Int) -> [String] {
        groups[variants[variant].group].filter { $0 != variant }.flatMap { variants[$0].words }
    }
}
