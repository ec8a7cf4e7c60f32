import Foundation
import PropertyBased
import Testing

@testable import SiteBuilder

/// Generated front matter in the simple shape, for the differential tests: documents built from
/// random numbers, so that shrinking the numbers shrinks the document.
extension SimpleYAMLTests {
    /// Random numbers that a document is built from: shrinking the numbers shrinks the document.
    struct Tape {
        var numbers: [Int]
        var next = 0
        mutating func pick(_ count: Int) -> Int {
            defer { next += 1 }
            return next < numbers.count ? numbers[next] % count : 0
        }
        mutating func pick<T>(_ choices: [T]) -> T { choices[pick(choices.count)] }
        /// False once the numbers run out, so that loops on chance end.
        mutating func chance(_ percent: Int) -> Bool { next < numbers.count && pick(100) < percent }
    }

    static let keys = [
        "title", "summary", "tags", "område", "date", "status", "weight", "draft", "x-y", "a.b", "_k", "k_2",
        "2021", "null", "true", "Ärende", "organisations", "ÅÄÖ-nyckel", "日付", "e\u{301}",
    ]
    /// Words that may stand anywhere in a plain scalar, also first.
    static let plainStarts = [
        "Göteborg", "12", "-5", "+3", "1.5", "-0.25", "1e5", "0x1F", "1_000", "2021-04-03", "true", "False",
        "NULL", "null", "~", "no", ".inf", "...", "C++", "(x)", "/sökväg", "$1", "=", "<b>", "😀", "e\u{301}",
        "\u{A0}", "日本", "a", "Z", "_x", "^", ";", "x]", "x}", "12.", "1.2.3", "-.5", "-x",
    ]
    /// Words that may follow a space inside a plain scalar in a block.
    static let plainLater =
        plainStarts + [
            "a,", "[x]", "{y}", "a#b", "it's", "\"q\"", "http://x.se/a", "a:b", "-", "- x", "&a",
            "*b", "!t", "|", ">", "%", "@", "`", "?", ":x", "b:c",
        ]
    /// Words for plain scalars inside `[...]`: no `,[]{}#:`; indicators only after the first.
    static let flowStarts = [
        "Göteborg", "12", "-5", "1.5", "2021-04-03", "true", "null", "~", "no", "C++", "😀", "e\u{301}", "a",
        "it's", "x\"y", "(x)", "-x", "...", "/a/b", "a-b",
    ]
    static let flowLater = flowStarts + ["&c", "!d", "|", ">", "?", "%", "@", "`", "*e", "'", "\"", "-", "- x"]
    static let doublePieces = [
        "a", " ", "å", "\\\\", "\\\"", "\\/", "\\n", "\\t", "'", "#", ": ", ",", "]", "[", "{", "}", "&", "*",
        "!", "😀", "e\u{301}", "x", " # ", "-", "\u{A0}",
    ]
    static let singlePieces = ["a", " ", "å", "''", "\"", "\\", "\\n", "#", ": ", ",", "]", "[", "😀", " # ", "-", "x"]

    static func plain(_ tape: inout Tape, words: [String], first: [String]) -> String {
        var text = tape.pick(first)
        for _ in 0..<tape.pick(4) { text += String(repeating: " ", count: 1 + tape.pick(2)) + tape.pick(words) }
        return text
    }

    static func quoted(_ tape: inout Tape) -> String {
        if tape.chance(50) {
            return "\"" + (0..<tape.pick(6)).map { _ in tape.pick(doublePieces) }.joined() + "\""
        }
        return "'" + (0..<tape.pick(6)).map { _ in tape.pick(singlePieces) }.joined() + "'"
    }

    static func blockScalar(_ tape: inout Tape) -> String {
        tape.chance(60) ? plain(&tape, words: plainLater, first: plainStarts) : quoted(&tape)
    }

    static func flowScalar(_ tape: inout Tape) -> String {
        tape.chance(60) ? plain(&tape, words: flowLater, first: flowStarts) : quoted(&tape)
    }

    static func spaces(_ tape: inout Tape, _ most: Int) -> String { String(repeating: " ", count: tape.pick(most + 1)) }

    /// Blank and comment lines, which may stand between any two lines. After a block scalar only
    /// empty lines and comments at the margin: others would be the scalar's text (Yams' to read).
    static func filler(_ tape: inout Tape, afterBlock: Bool = false) -> String {
        var text = ""
        while tape.chance(15) {
            let indent = afterBlock ? "" : spaces(&tape, 4)
            text +=
                tape.chance(50)
                ? (afterBlock ? "" : spaces(&tape, 3)) + "\n"
                : indent + "#" + tape.pick(["", " kommentar", "#", " a: b"]) + "\n"
        }
        return text
    }

    /// A comment after a value, or nothing.
    static func comment(_ tape: inout Tape) -> String {
        tape.chance(20) ? spaces(&tape, 1) + " #" + tape.pick(["", " kommentar", "#", " a: b", " - x"]) : ""
    }

    static let flowKeys = ["id", "roll", "namn", "år", "x-y", "a.b", "n2"]

    static func flowList(_ tape: inout Tape) -> String {
        let items = (0..<tape.pick(4)).map { _ in spaces(&tape, 2) + flowScalar(&tape) + spaces(&tape, 2) }
        return "[" + (items.isEmpty ? spaces(&tape, 1) : items.joined(separator: ",")) + "]"
    }

    static func flowMapping(_ tape: inout Tape) -> String {
        var unused = flowKeys
        let pairs = (0..<tape.pick(4)).map { _ in
            spaces(&tape, 1) + unused.remove(at: tape.pick(unused.count)) + ":" + " " + spaces(&tape, 1)
                + flowScalar(&tape) + spaces(&tape, 1)
        }
        return "{" + (pairs.isEmpty ? spaces(&tape, 1) : pairs.joined(separator: ",")) + "}"
    }

    /// Words of a block scalar's lines: anything goes there, indicators and comment signs included.
    static let blockWords = [
        "Göteborg", "a", "#", "# inte en kommentar", "a: b", "- x", "\"q\"", "'s'", "[x]", "{y}", "&a", "*b", "!t",
        "|", ">", "😀", "e\u{301}", "12", "true", "%", "@", "`", "...", "---x",
    ]

    /// `>`, `>-`, `|` or `|-` and its lines, indented more than `indent`; ends with a line break
    /// unless it ends the document.
    static func blockText(_ tape: inout Tape, indent: String) -> String {
        let header = tape.pick([">", ">-", "|", "|-"])
        let literal = header.hasPrefix("|")
        let inner = indent + String(repeating: " ", count: 1 + tape.pick(3))
        var text = " " + spaces(&tape, 1) + header + "\n"
        for line in 0..<(1 + tape.pick(4)) {
            if line > 0 { text += String(repeating: "\n", count: tape.chance(25) ? 1 + tape.pick(2) : 0) }
            let extra = literal && line > 0 && tape.chance(20) ? String(repeating: " ", count: 1 + tape.pick(2)) : ""
            let words = (0..<(1 + tape.pick(4))).map { _ in tape.pick(blockWords) }
            text += inner + extra + words.joined(separator: " ") + "\n"
        }
        // Blank lines may follow; lines of only spaces are Yams' to read.
        return text + String(repeating: "\n", count: tape.chance(20) ? 1 + tape.pick(2) : 0)
    }

    /// Entries of a block mapping whose keys stand after `indent`; the first key after `first`
    /// instead when given (`- ` and spaces in a list item, as wide as `indent`).
    static func entries(
        _ tape: inout Tape, indent: String, first: String? = nil, depth: Int, endsInBlock: inout Bool
    ) -> String {
        var text = ""
        var unused = keys
        for entry in 0..<(1 + tape.pick(depth == 0 ? 6 : 3)) {
            let key = unused.remove(at: tape.pick(unused.count))
            text += (entry == 0 ? first ?? indent : indent) + key + ":"
            endsInBlock = false
            switch tape.pick(depth < 2 ? 7 : 4) {
            case 0:
                text += " " + spaces(&tape, 2) + blockScalar(&tape) + spaces(&tape, 2) + comment(&tape) + "\n"
            case 1:
                text += " " + spaces(&tape, 1) + flowList(&tape) + spaces(&tape, 1) + comment(&tape) + "\n"
            case 2:
                text += " " + spaces(&tape, 1) + flowMapping(&tape) + spaces(&tape, 1) + comment(&tape) + "\n"
            case 3:
                text += blockText(&tape, indent: indent)
                endsInBlock = true
            case 4:
                text += spaces(&tape, 2) + comment(&tape) + "\n" + filler(&tape)
                let inner = indent + String(repeating: " ", count: 1 + tape.pick(3))
                text += entries(&tape, indent: inner, depth: depth + 1, endsInBlock: &endsInBlock)
            default:
                text += spaces(&tape, 2) + comment(&tape) + "\n" + filler(&tape)
                let inner = indent + String(repeating: " ", count: tape.pick([0, 1, 2, 4]))
                text += list(&tape, indent: inner, depth: depth, endsInBlock: &endsInBlock)
            }
            text += filler(&tape, afterBlock: endsInBlock)
        }
        return text
    }

    /// `- item` lines after `indent`: scalars, flow collections or mappings.
    static func list(_ tape: inout Tape, indent: String, depth: Int, endsInBlock: inout Bool) -> String {
        var text = ""
        for _ in 0..<(1 + tape.pick(4)) {
            let dash = indent + "-" + String(repeating: " ", count: 1 + tape.pick(2))
            endsInBlock = false
            switch tape.pick(depth < 2 ? 4 : 3) {
            case 0: text += dash + flowList(&tape) + spaces(&tape, 1) + comment(&tape) + "\n"
            case 1: text += dash + flowMapping(&tape) + spaces(&tape, 1) + comment(&tape) + "\n"
            case 2: text += dash + blockScalar(&tape) + spaces(&tape, 1) + comment(&tape) + "\n"
            default:
                text += entries(
                    &tape, indent: String(repeating: " ", count: dash.count), first: dash, depth: depth + 1,
                    endsInBlock: &endsInBlock)
            }
            text += filler(&tape, afterBlock: endsInBlock)
        }
        return text
    }

    static func document(_ numbers: [Int]) -> String {
        var tape = Tape(numbers: numbers)
        var endsInBlock = false
        let body = entries(&tape, indent: "", depth: 0, endsInBlock: &endsInBlock)
        let text = filler(&tape) + body + filler(&tape, afterBlock: endsInBlock)
        // The front matter splitter leaves off the last line break.
        return tape.chance(80) ? String(text.dropLast()) : text
    }

    static let simpleDocument = Gen.int(in: 0...1_000_000).array(of: 0...120).map { document($0) }
}
