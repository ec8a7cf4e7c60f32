import Foundation
import Markdown
import Synchronization

/// Sorting in the site language's alphabetical order (Swedish: A…Z, Å, Ä, Ö; English and any
/// other language: Foundation's (ICU's) collation for that locale).
struct Collation: Sendable {
    let locale: Locale
    /// Which texts `plainOrder` may decide without the locale: Swedish letters and digits in
    /// Swedish, ASCII ones in English; none in other languages (Danish sorts `aa` as `å`,
    /// Lithuanian `y` after `i`, Estonian `z` after `s`).
    private let shortcut: Shortcut

    private enum Shortcut { case swedish, ascii, none }

    /// The locale's answers kept from earlier sorts (the preview's), or nil.
    private let memo: CollationMemo?

    init(language: String, memo: CollationMemo? = nil) {
        self.memo = memo
        locale = Locale(identifier: language == "sv" ? "sv_SE" : language)
        switch LanguageTag.primaryLanguage(language) {
        case "sv": shortcut = .swedish
        case "en": shortcut = .ascii
        default: shortcut = .none
        }
    }

    func less(_ a: String, _ b: String) -> Bool {
        if a == b { return false }
        if shortcut != .none, let order = Self.plainOrder(a, b, swedish: shortcut == .swedish) { return order }
        guard let memo else { return localeLess(a, b) }
        return memo.less(a, b, locale: locale.identifier) { localeLess(a, b) }
    }

    /// The locale's order, ties broken by code points.
    private func localeLess(_ a: String, _ b: String) -> Bool {
        switch a.compare(b, options: [.caseInsensitive], range: nil, locale: locale) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return a < b
        }
    }

    /// The order of two texts when their first difference, case aside, is between two letters
    /// or digits of the Swedish alphabet (0–9, a–z, å, ä, ö), each followed by ASCII: there the locale orders as the
    /// alphabet does, and its comparison (ICU
    /// through Foundation) is slow enough to show when sorting 10,000 titles. Nil when the locale
    /// must decide: a difference in other characters, v or w (Swedish once sorted them as one
    /// letter), a following character that could be a combining accent (`a` + ring is `å`), or
    /// one text a prefix of the other. Property-tested against the locale's comparison.
    static func plainOrder(_ a: String, _ b: String, swedish allowsSwedish: Bool = true) -> Bool? {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                var i = 0
                // Å, Ä and Ö only where neither text has a combining mark anywhere: with one, the
                // locale's comparison does not decide at the first different letter ("ab" + acute
                // sorts after "ä", "ab" + acute + "x" before "äx").
                let swedish = allowsSwedish && latin1(x) && latin1(y)
                while i < x.count && i < y.count {
                    let (p, length) = letter(x, i)
                    let (q, otherLength) = letter(y, i)
                    if let p, p == q {
                        i += length
                        continue
                    }
                    if length == otherLength && x[i..<i + length].elementsEqual(y[i..<i + length]) {
                        i += length
                        continue
                    }
                    guard let p, let q, swedish || (p < 0x7B && q < 0x7B), p != 0x76, p != 0x77, q != 0x76, q != 0x77,
                        followedPlainly(x, i + length), followedPlainly(y, i + otherLength)
                    else { return nil }
                    return p < q
                }
                return nil
            }
        }
    }

    /// The rank in the Swedish alphabet of the letter or digit at `i` (case aside: a–z as their
    /// lower-case ASCII, then å, ä, ö), and the character's length in bytes; nil for any other
    /// character.
    private static func letter(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (rank: UInt8?, length: Int) {
        let byte = bytes[i]
        if byte < 0x80 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A: return (byte, 1)
            case 0x41...0x5A: return (byte | 0x20, 1)
            default: return (nil, 1)
            }
        }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        guard byte == 0xC3, i + 1 < bytes.count else { return (nil, length) }
        switch bytes[i + 1] {
        case 0x85, 0xA5: return (0x7B, 2) // Å å
        case 0x84, 0xA4: return (0x7C, 2) // Ä ä
        case 0x96, 0xB6: return (0x7D, 2) // Ö ö
        default: return (nil, 2)
        }
    }

    /// True when `bytes` hold only ASCII and Latin-1 characters (U+0000–U+00FF, no combining
    /// marks), besides the punctuation U+2000–U+203F (dashes, quotes).
    private static func latin1(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x80 {
                i += 1
            } else if byte == 0xC2 || byte == 0xC3 {
                i += 2
            } else if byte == 0xE2 && i + 1 < bytes.count && bytes[i + 1] == 0x80 {
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    /// True when the character at `i` cannot change how the one before it sorts: the end or ASCII.
    /// (Not even a precomposed letter: the locale's comparison reads `aþ` + ring after `å`.)
    private static func followedPlainly(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i >= bytes.count || bytes[i] < 0x80
    }

    /// Distinct `texts` in order. They are put in code point order first, so the result never
    /// depends on the order they came in (a Set's differs from run to run): the locale's
    /// comparison is not a strict order for every text (with combining marks it is not), and
    /// then what a sort gives depends on where it starts.
    func sortedDistinct(_ texts: [String]) -> [String] {
        texts.sorted(by: <).sorted(by: less)
    }

    /// Sorts by a text key, computing each key once.
    func sorted<T>(_ items: [T], by key: (T) -> String) -> [T] {
        // Each distinct key is compared in the locale's order once; items are then sorted by the
        // key's rank, stably (titles repeat: 10,000 generated pages have 3,224).
        let keys = items.map(key)
        let distinct = sortedDistinct(Array(Set(keys)))
        let rank = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
        let ranks = keys.map { rank[$0]! }
        return items.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }.map { items[$0] }
    }
}

/// Long dates in the site's language: `2026-11-29` -> `29 november 2026` (sv), `29 November 2026`
/// (en); any other language as Foundation's locale data writes a long date (`de`: `29. November 2026`).
struct DateText: Sendable {
    private static let swedishMonths = [
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
        "september", "oktober", "november", "december",
    ]
    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ]

    static func long(_ iso: String, language: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month) else {
            return iso
        }
        switch LanguageTag.primaryLanguage(language) {
        case "sv": return "\(day) \(swedishMonths[month - 1]) \(parts[0])"
        case "en": return "\(day) \(englishMonths[month - 1]) \(parts[0])"
        default:
            guard let year = Int(parts[0]), (1...31).contains(day) else { return iso }
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC")!
            guard let date = utc.date(from: DateComponents(year: year, month: month, day: day)) else { return iso }
            let locale = Locale(identifier: language.replacingOccurrences(of: "-", with: "_"))
            return date.formatted(
                Date.FormatStyle(date: .long, time: .omitted, locale: locale, calendar: utc, timeZone: utc.timeZone))
        }
    }
}

/// Language tags as the build reads them.
enum LanguageTag {
    /// The primary subtag, lower-cased: `en-GB` and `en_GB` -> `en`.
    static func primaryLanguage(_ language: String) -> String {
        String(language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    }
}

/// Closest candidate to a misspelt value, for "did you mean" hints.
enum Suggestion {
    /// The candidate nearest `value` (letter case aside), at most `within` edits away (by default
    /// two, or a third of its length for a long one).
    static func closest(to value: String, in candidates: [String], within: Int? = nil) -> String? {
        let target = Array(value.lowercased())
        let limit = within ?? max(2, target.count / 3)
        var best: (String, Int)? = nil
        for candidate in candidates {
            let d = distance(target, Array(candidate.lowercased()))
            if d <= limit, d < (best?.1 ?? .max) { best = (candidate, d) }
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

/// The locale's answers to "does a sort before b", kept between the preview's builds: sorting
/// 10,000 titles again after one edit asks the same questions, and the locale's comparison is
/// the slow part (the answers, not the order, are kept, so a sort comes out exactly as without).
final class CollationMemo: Sendable {
    private struct Question: Hashable {
        var locale: String
        var a: String
        var b: String
    }
    private let answers = Mutex<[Question: Bool]>([:])

    func less(_ a: String, _ b: String, locale: String, otherwise: () -> Bool) -> Bool {
        let question = Question(locale: locale, a: a, b: b)
        if let answer = answers.withLock({ $0[question] }) { return answer }
        let answer = otherwise()
        answers.withLock { answers in
            // Titles edited away leave questions no one asks again; they go now and then.
            if answers.count > 1_000_000 { answers = [:] }
            answers[question] = answer
        }
        return answer
    }
}
