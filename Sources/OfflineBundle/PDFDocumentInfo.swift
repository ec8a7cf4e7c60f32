import Foundation
import SiteBuilder

/// The PDF's document information (what pdfinfo shows as Title, Author, Subject, Creator).
/// Chromium writes only the title; the rest is added as an incremental update: a new information
/// dictionary, its cross-reference section and a trailer appended to the file, which readers take
/// over the one before (PDF 1.7, 7.5.6). The same update carries new versions of other objects
/// (`replacing`: the bookmarks `PDFOutline` corrects).
enum PDFDocumentInfo {
    /// `pdf` with an information dictionary of `fields` (in order; empty values left out), keeping
    /// the creation date and producer Chromium wrote, and the objects of `replacing` (by number,
    /// their text from `<<` to `endobj`); nil when `pdf` does not end in a classic
    /// cross-reference table and trailer, as Chromium's PDFs do.
    static func update(
        _ pdf: Data, with fields: [(key: String, value: String)], replacing objects: [(number: Int, text: String)] = []
    ) -> Data? {
        // Read as ASCII, every other byte a "?": enough to find the trailer's keys.
        let tail = String(decoding: pdf.suffix(4096).map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
        let trailerPattern = #/trailer\s*<<(.*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/#
        guard let trailer = tail.matches(of: trailerPattern.dotMatchesNewlines()).last,
            let previous = Int(trailer.output.2),
            let size = trailer.output.1.firstMatch(of: #//Size\s+(\d+)/#).flatMap({ Int($0.output.1) }),
            let root = trailer.output.1.firstMatch(of: #//Root\s+(\d+\s+\d+\s+R)/#)?.output.1
        else { return nil }
        let identifier = trailer.output.1.firstMatch(of: #//ID\s*\[[^\]]*\]/#).map { " " + $0.output }

        var entries = fields.filter { !$0.value.isEmpty }.map { "/\($0.key) \(hexString($0.value))" }
        let head = String(decoding: pdf.prefix(8192).map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
        for kept in [#//Producer \([^()\\]*\)/#, #//CreationDate \([^()\\]*\)/#] {
            if let old = head.firstMatch(of: kept) { entries.append(String(old.output)) }
        }
        var update = Data("\n".utf8)
        var table = ""
        func entry(_ number: Int, _ text: String) {
            let offset = String(pdf.count + update.count)
            table += "\(number) 1\n\(String(repeating: "0", count: max(0, 10 - offset.count)) + offset) 00000 n\r\n"
            update += Data("\(number) 0 obj\n\(text)\n".utf8)
        }
        for object in objects.sorted(by: { $0.number < $1.number }) where object.number < size {
            entry(object.number, object.text)
        }
        entry(size, "<<\(entries.joined(separator: "\n"))>>\nendobj")
        let xrefOffset = pdf.count + update.count
        update += Data(
            """
            xref
            0 1
            0000000000 65535 f\r
            \(table)trailer
            <</Size \(size + 1) /Root \(root) /Info \(size) 0 R /Prev \(previous)\(identifier ?? "")>>
            startxref
            \(xrefOffset)
            %%EOF

            """.utf8)
        return pdf + update
    }

    /// The fields of the report page `html`: its `<title>`, `<meta name="author">` and
    /// `<meta name="description">`, and Kretslopp as the creator.
    static func fields(ofPage html: String) -> [(key: String, value: String)] {
        func text(_ match: Substring?) -> String { HTML.unescape(String(match ?? "")) }
        return [
            ("Title", text(html.firstMatch(of: #/<title>([^<]*)</title>/#)?.output.1)),
            ("Author", text(html.firstMatch(of: #/<meta name="author" content="([^"]*)">/#)?.output.1)),
            ("Subject", text(html.firstMatch(of: #/<meta name="description" content="([^"]*)">/#)?.output.1)),
            ("Creator", "Kretslopp (kretslopp report --pdf)"),
        ]
    }

    /// `text` as a PDF text string: UTF-16BE with its byte order mark, in hex.
    static func hexString(_ text: String) -> String {
        let units = [0xFEFF] + text.utf16.map(Int.init)
        return "<" + units.map { String(format: "%04X", $0) }.joined() + ">"
    }
}
