import Foundation
import SiteBuilder

/// The PDF's bookmarks made to read as the report's headings. Chromium builds each bookmark's
/// title from the heading's laid-out lines: it drops the space where a heading wraps
/// ("cirkulärupphandling") and repeats the text of some headings that stand at a page break
/// ("ArbetsområdenArbetsområden"). Each title whose letters are those of a heading (once or
/// twice over) gets the heading's text; any other title is left as Chromium wrote it.
enum PDFOutline {
    /// New texts of the outline items of `pdf` whose titles should read as a heading of `html`,
    /// by object number; for `PDFUpdate.append`.
    static func corrections(in pdf: Data, headingsOf html: String) -> [(number: Int, text: String)] {
        let headings = headingTexts(html)
        // Outline items are plain-ASCII objects (titles in hex when not ASCII); every other byte
        // is read as "?" so the binary streams between them cannot match.
        let text = String(decoding: pdf.map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
        let item = #/(\d+) 0 obj\s*<<\s*/Title\s*(<[0-9A-Fa-f\s]*>|\((?:[^()\\]|\\.)*\))(.*)/#
        var corrections: [(number: Int, text: String)] = []
        // Each object that starts with a title, matched on its own: a regex over the whole file
        // would be slow.
        for object in text.split(separator: "endobj") where object.contains("/Title") {
            guard let start = object.range(of: " 0 obj", options: .backwards)?.lowerBound,
                let numberStart = object[..<start].lastIndex(where: { !$0.isNumber }).map(object.index(after:)),
                let match = object[numberStart...].wholeMatch(of: item.dotMatchesNewlines()),
                let number = Int(match.output.1), let written = decode(String(match.output.2)),
                let heading = headings[key(written)], heading != written
            else { continue }
            corrections.append((number, "<</Title \(PDFDocumentInfo.hexString(heading))\(match.output.3)endobj"))
        }
        return corrections
    }

    /// The text of every heading of `html` (tags removed, white space collapsed), by its key.
    static func headingTexts(_ html: String) -> [String: String] {
        var texts: [String: String] = [:]
        for match in html.matches(of: #/<h[1-6][^>]*>(.*?)</h[1-6]>/#.dotMatchesNewlines()) {
            let plain = HTML.plainText(String(match.output.1))
            let words = plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !words.isEmpty { texts[key(words)] = words }
        }
        return texts
    }

    /// A title's letters without white space; a text written twice over counts once.
    static func key(_ title: String) -> String {
        let letters = String(title.unicodeScalars.filter { !$0.properties.isWhitespace })
        let half = letters.count / 2
        if letters.count % 2 == 0, half > 0, letters.prefix(half) == letters.suffix(half) {
            return String(letters.prefix(half))
        }
        return letters
    }

    /// A PDF text string: `<FEFF…>` (UTF-16BE) or `<…>` and `(…)` (PDFDocEncoding, read as
    /// Latin-1, which it is for the letters a heading has) with its escapes.
    static func decode(_ token: String) -> String? {
        if token.hasPrefix("<") {
            let digits = token.dropFirst().dropLast().filter { !$0.isWhitespace }
            var bytes: [UInt8] = []
            var index = digits.startIndex
            while index < digits.endIndex {
                let next = digits.index(index, offsetBy: 2, limitedBy: digits.endIndex) ?? digits.endIndex
                guard let byte = UInt8(digits[index..<next], radix: 16) else { return nil }
                bytes.append(byte)
                index = next
            }
            if bytes.starts(with: [0xFE, 0xFF]) {
                let units = stride(from: 2, to: bytes.count - 1, by: 2).map {
                    UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1])
                }
                return String(decoding: units, as: UTF16.self)
            }
            return String(bytes.map { Character(Unicode.Scalar($0)) })
        }
        var out = ""
        var characters = token.dropFirst().dropLast().unicodeScalars.makeIterator()
        while let c = characters.next() {
            guard c == "\\" else {
                out.unicodeScalars.append(c)
                continue
            }
            guard let escaped = characters.next() else { return nil }
            switch escaped {
            case "n": out += "\n"
            case "r": out += "\r"
            case "t": out += "\t"
            case "b": out += "\u{8}"
            case "f": out += "\u{C}"
            case "0"..."7":
                // Up to three octal digits; Chromium writes at most what this reads.
                var value = escaped.value - 48
                var lookahead = characters
                for _ in 0..<2 {
                    guard let digit = lookahead.next(), ("0"..."7").contains(digit) else { break }
                    value = value * 8 + digit.value - 48
                    characters = lookahead
                }
                out.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: value)))
            default: out.unicodeScalars.append(escaped)
            }
        }
        return out
    }
}
