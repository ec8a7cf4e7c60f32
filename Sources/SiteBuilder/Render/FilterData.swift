import Foundation

/// The filter data of a paged listing, as scripts the filter script loads (script elements, not
/// fetch, so it works from `file://`): one file with a bitset per filter value over the listing's
/// cards, and the cards themselves in chunks, loaded only when a filtered view shows them.
struct FilterData: Sendable {
    /// The listing's pages, in listing order: bit `i` is `pages[i]`.
    let pages: [Int]
    /// Site path of the data file (`/filterdata/3f2a….js`), named by the listing's pages so that
    /// listings of the same pages share it and the name is the same in every build.
    let path: String

    /// Cards per chunk file: a filtered view's first screen needs one or two.
    static let chunkSize = 100

    /// - Parameter root: the language's root (`/`, `/en/`): each language has its own files.
    init(pages: [Int], root: String = "/") {
        self.pages = pages
        // FNV-1a over the page indexes (pages are sorted by source path, so stable).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for page in pages {
            for byte in withUnsafeBytes(of: UInt64(page).littleEndian, Array.init) {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        path = root + "filterdata/" + String(hash, radix: 16) + ".js"
    }

    var chunkCount: Int { (pages.count + Self.chunkSize - 1) / Self.chunkSize }

    func range(of chunk: Int) -> Range<Int> {
        chunk * Self.chunkSize..<min(pages.count, (chunk + 1) * Self.chunkSize)
    }

    func chunkPath(_ chunk: Int) -> String { String(path.dropLast(3)) + "-\(chunk + 1).js" }

    /// `window.__kretsloppFilterData("<name>", {count, chunkSize, chunks, values})`: each value
    /// (`param:slug`, as in the cards' `data-facets`) with the base64 of its bitset (32-bit words,
    /// little-endian).
    func script(site: Site) -> [UInt8] {
        var position: [Int: Int] = [:]
        for (i, page) in pages.enumerated() { position[page] = i }
        let words = (pages.count + 31) / 32
        var values: [String] = []
        for taxonomy in site.config.taxonomies {
            for term in taxonomy.terms {
                var bits = [UInt32](repeating: 0, count: words)
                var any = false
                for page in site.termPages[taxonomy.key]?[term.id] ?? [] {
                    guard let i = position[page] else { continue }
                    bits[i >> 5] |= 1 << UInt32(i & 31)
                    any = true
                }
                guard any else { continue }
                let bytes = bits.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }
                values.append(
                    JSON.string("\(taxonomy.param):\(term.slug)") + ":" + JSON.string(Data(bytes).base64EncodedString())
                )
            }
        }
        let chunks = (0..<chunkCount).map { JSON.string(String(chunkPath($0).split(separator: "/").last!)) }
        let object =
            "{\"count\":\(pages.count),\"chunkSize\":\(Self.chunkSize),\"chunks\":" + JSON.array(chunks)
            + ",\"values\":{" + values.joined(separator: ",") + "}}"
        return Self.call("__kretsloppFilterData", [JSON.string(path), object])
    }

    /// `window.<function>(<arguments>);` as a UTF-8 file with a byte order mark, so the browser
    /// reads it as UTF-8 whatever the server says.
    static func call(_ function: String, _ arguments: [String]) -> [UInt8] {
        [0xEF, 0xBB, 0xBF] + Array("window.\(function)(\(arguments.joined(separator: ",")));\n".utf8)
    }
}

/// JSON text for the few values the filter data writes.
enum JSON {
    /// A JSON string literal that is also a safe JavaScript literal (U+2028 and U+2029 escaped).
    static func string(_ text: String) -> String { string(text, inScript: false) }

    /// The same; with `inScript`, also `<`, `>` and `&` as `\u` escapes, so that `</script>` or
    /// `<!--` in a value cannot end or change the HTML `<script>` element the JSON stands in.
    static func string(_ text: String, inScript: Bool) -> String {
        // Most values need no escape: one pass over the bytes decides (0xE2 starts U+2028 and U+2029).
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2
                && !(inScript && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")))
        }
        if plain { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}", "\u{2029}", "\u{0}"..."\u{1F}": out += hexEscape(scalar)
            // A `where` would bind to the last pattern of a list only: one case per character.
            case "<" where inScript, ">" where inScript, "&" where inScript: out += hexEscape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func hexEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
}
