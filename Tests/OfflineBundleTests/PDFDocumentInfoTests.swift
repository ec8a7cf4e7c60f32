import Foundation
import Testing

@testable import OfflineBundle

/// The document information added to Chromium's PDF as an incremental update.
@Suite struct PDFDocumentInfoTests {
    /// A PDF as Chromium ends one: objects, a classic cross-reference table, a trailer.
    let pdf = Data(
        """
        %PDF-1.4
        1 0 obj
        <</Title (Old)
        /Producer (Skia/PDF m156)
        /CreationDate (D:20261203033856+00'00')>>
        endobj
        2 0 obj
        <</Type /Catalog>>
        endobj
        xref
        0 3
        0000000000 65535 f\r
        0000000009 00000 n\r
        0000000099 00000 n\r
        trailer
        <</Size 3
        /Root 2 0 R
        /Info 1 0 R>>
        startxref
        140
        %%EOF

        """.utf8)

    @Test func theUpdatePointsAtItsOwnObjectAndTheTableBefore() throws {
        let updated = try #require(
            PDFDocumentInfo.update(pdf, with: [("Title", "Å – X"), ("Author", "IVL"), ("Subject", "")]))
        #expect(updated.prefix(pdf.count) == pdf)
        let text = String(decoding: updated, as: UTF8.self)
        let update = String(decoding: updated.suffix(from: pdf.count), as: UTF8.self)
        // The new dictionary is object 3, with the fields in UTF-16 and what Chromium wrote kept.
        #expect(update.contains("3 0 obj\n<</Title <FEFF00C50020201300200058>\n/Author <FEFF00490056004C>\n"))
        #expect(!update.contains("/Subject"))
        #expect(update.contains("/Producer (Skia/PDF m156)\n/CreationDate (D:20261203033856+00'00')>>"))
        #expect(update.contains("<</Size 4 /Root 2 0 R /Info 3 0 R /Prev 140>>"))
        // Offsets are byte offsets: the object's entry and startxref land on what they name.
        let bytes = Array(updated)
        let entry = try #require(update.firstMatch(of: #/3 1\n(\d{10}) 00000 n\r\n/#))
        let objectOffset = try #require(Int(entry.output.1))
        #expect(String(decoding: bytes[objectOffset..<objectOffset + 7], as: UTF8.self) == "3 0 obj")
        let start = try #require(text.matches(of: #/startxref\n(\d+)\n/#).last.flatMap { Int($0.output.1) })
        #expect(String(decoding: bytes[start..<start + 4], as: UTF8.self) == "xref")
        #expect(text.hasSuffix("%%EOF\n"))
    }

    @Test func aFileWithoutATrailerIsLeftAlone() {
        #expect(PDFDocumentInfo.update(Data("%PDF-1.5 no trailer".utf8), with: [("Title", "x")]) == nil)
    }

    @Test func fieldsComeFromThePage() {
        let html = """
            <title>R&amp;D</title>
            <meta name="description" content="Om &quot;det&quot;">
            <meta name="author" content="IVL">
            """
        let fields = PDFDocumentInfo.fields(ofPage: html)
        #expect(fields.map(\.key) == ["Title", "Author", "Subject", "Creator"])
        #expect(fields.map(\.value).prefix(3) == ["R&D", "IVL", "Om \"det\""])
    }
}
