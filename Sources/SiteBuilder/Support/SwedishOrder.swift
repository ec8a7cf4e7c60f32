import Foundation
import Markdown

/// Sorting in the site language's alphabetical order (Swedish: A…Z, Å, Ä, Ö).
struct Collation: Sendable {
    let locale: Locale

    init(language: String) {
        locale = Locale(identifier: language == "sv" ? "sv_SE" : language)
    }

    func less(_ a: String, _ b: String) -> Bool {
        if a == b { return false }
        if let order = Self.plainOrder(a, b) { return order }
        switch a.compare(b, options: [.caseInsensitive], range: nil, locale: locale) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return a < b
        }
    }

    /// The order of two texts when their first difference, case aside, is between two plain
    /// letters or digits, each followed by ASCII: there every locale orders as the alphabet does,
    /// and the locale's comparison (ICU through Foundation) is slow enough to show when sorting
    /// 10,000 titles. Nil when the locale must decide: a difference in other characters, v or w
    /// (Swedish once sorted them as one letter), a following character that could be a combining
    /// accent (`a` + ring is `å`), or one text a prefix of the other. Property-tested against
    /// the locale's comparison.
    static func plainOrder(_ a: String, _ b: String) -> Bool? {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
                func plain(_ byte: UInt8) -> Bool { (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A && byte != 0x76 && byte != 0x77) }
                let count = min(x.count, y.count)
                var i = 0
                while i < count && lower(x[i]) == lower(y[i]) { i += 1 }
                guard i < count else { return nil }
                let p = lower(x[i]), q = lower(y[i])
                guard plain(p), plain(q), i + 1 >= x.count || x[i + 1] < 0x80, i + 1 >= y.count || y[i + 1] < 0x80 else { return nil }
                return p < q
            }
        }
    }

    /// Sorts by a text key, computing each key once.
    func sorted<T>(_ items: [T], by key: (T) -> String) -> [T] {
        // Each distinct key is compared in the locale's order once; items are then sorted by the
        // key's rank, stably (titles repeat: 10,000 generated pages have 3,224).
        let keys = items.map(key)
        let distinct = Array(Set(keys)).sorted(by: less)
        let rank = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
        let ranks = keys.map { rank[$0]! }
        return items.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }.map { items[$0] }
    }
}

/// Swedish long dates: `2026-11-29` -> `29 november 2026`.
struct DateText: Sendable {
    private static let months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                                 "september", "oktober", "november", "december"]

    static func long(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month) else { return iso }
        return "\(day) \(months[month - 1]) \(parts[0])"
    }
}

/// Closest candidate to a misspelt value, for "did you mean" hints.
enum Suggestion {
    static func closest(to value: String, in candidates: [String]) -> String? {
        let target = Array(value.lowercased())
        var best: (String, Int)? = nil
        for candidate in candidates {
            let d = distance(target, Array(candidate.lowercased()))
            if d <= max(2, target.count / 3), d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        if best == nil { best = candidates.first { Slug.make($0) == Slug.make(value) }.map { ($0, 0) } }
        return best?.0
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
