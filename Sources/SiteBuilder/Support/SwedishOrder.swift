import Foundation
import Markdown

/// Sorting in the site language's alphabetical order (Swedish: A…Z, Å, Ä, Ö).
struct Collation: Sendable {
    let locale: Locale

    init(language: String) {
        locale = Locale(identifier: language == "sv" ? "sv_SE" : language)
    }

    func less(_ a: String, _ b: String) -> Bool {
        switch a.compare(b, options: [.caseInsensitive], range: nil, locale: locale) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return a < b
        }
    }

    /// Sorts by a text key, computing each key once.
    func sorted<T>(_ items: [T], by key: (T) -> String) -> [T] {
        items.map { (key($0), $0) }.sorted { less($0.0, $1.0) }.map(\.1)
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
