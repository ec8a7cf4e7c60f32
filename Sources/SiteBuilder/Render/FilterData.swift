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

    /// The folder of every listing's filter data, below the language's root.
    static let folder = "filterdata/"

    /// Cards per chunk file: a filtered view's first screen needs one or two.
    static let chunkSize = 100

    /// - Parameter root: the language's root (`/`, `/en/`): each language has its own files.
    init(pages: [Int], root: String = "/") {
        self.pages = pages
        // FNV-1a over the page indexes (pages are sorted by source path, so stable).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for page in pages {
            // The index's eight bytes, least significant first (little-endian).
            var rest = UInt64(page)
            for _ in 0..<8 {
                hash = (hash ^ (rest & 0xFF)) &* 0x100_0000_01b3
                rest >>= 8
            }
        }
        path = root + Self.folder + String(hash, radix: 16) + ".js"
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

    /// UTF-8's byte order mark, which every script file starts with.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `window.<function>(<arguments>);` as a UTF-8 file with a byte order mark, so the browser
    /// reads it as UTF-8 whatever the server says.
    static func call(_ function: String, _ arguments: [String]) -> [UInt8] {
        byteOrderMark + Array("window.\(function)(\(arguments.joined(separator: ",")));\n".utf8)
    }
}

/// JSON text for the few values the filter data writes.
enum JSON {
    /// A JSON string literal that is also a safe JavaScript literal (U+2028 and U+2029 escaped).
    static func string(_ text: String) -> String { string(text, inScript: false) }

    /// The same; with `inScript`, also `<`, `>` and `&` as `\u` escapes, so that `</script>` or
    /// `<!--` in a value cannot end or change the HTML `<script>` element the JSON stands in.
    static func string(_ text: String, inScript: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        append(text, inScript: inScript, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `string(text, inScript:)`'s bytes, added to `out`.
    static func append(_ text: String, inScript: Bool = false, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append(utf8: $0, inScript: inScript, to: &out) }
    }

    /// The same for text that is already UTF-8 (valid: the bytes of a `String`).
    static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, inScript: Bool, to out: inout [UInt8]) {
        // Byte by byte: every character escaped is ASCII but U+2028 and U+2029 (E2 80 A8/A9), and
        // no other character's UTF-8 holds an ASCII byte. Unescaped runs are copied whole.
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            // Every byte that may need an escape is below `?` but `\` and U+2028's lead byte: most
            // of a text (letters) passes this one test instead of the switch.
            if byte >= UInt8(ascii: "?") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                i += 1
                continue
            }
            let width: Int
            let escape: StaticString
            switch byte {
            case UInt8(ascii: "\""): (width, escape) = (1, "\\\"")
            case UInt8(ascii: "\\"): (width, escape) = (1, "\\\\")
            case UInt8(ascii: "\n"): (width, escape) = (1, "\\n")
            case UInt8(ascii: "\r"): (width, escape) = (1, "\\r")
            case UInt8(ascii: "\t"): (width, escape) = (1, "\\t")
            case UInt8(ascii: "<") where inScript: (width, escape) = (1, "\\u003c")
            case UInt8(ascii: ">") where inScript: (width, escape) = (1, "\\u003e")
            case UInt8(ascii: "&") where inScript: (width, escape) = (1, "\\u0026")
            case 0..<0x20: (width, escape) = (1, "")
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] & 0xFE) == 0xA8:
                (width, escape) = (3, bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
            default:
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            if escape.utf8CodeUnitCount == 0 {
                // Another control character: `\u00XX`, lowercase hex as JSON writers give it.
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)],
                    hex[Int(byte & 0xF)],
                ])
            } else {
                out.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
            }
            i += width
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        out.append(UInt8(ascii: "\""))
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
}
