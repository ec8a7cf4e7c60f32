import Foundation
import Testing

@testable import OfflineBundle

/// Chromium's bookmark titles replaced by the report's headings.
@Suite struct PDFOutlineTests {
    let html = """
        <h1>Klimatanpassad och
        cirkulär upphandling</h1><h2 id="a">Arbets<em>områden</em></h2>
        <h3>R&amp;D (x)</h3><h4>Bakgrund</h4>
        """

    /// Outline items as Chromium writes them: literal titles for ASCII, UTF-16 hex otherwise.
    func pdf(_ titles: [String]) -> Data {
        var text = "%PDF-1.4\n"
        for (i, title) in titles.enumerated() {
            text += "\(i + 10) 0 obj\n<</Title \(title)\n/Dest [7 0 R /XYZ 52 757 0]\n/Parent 9 0 R>>\nendobj\n"
        }
        return Data(text.utf8)
    }

    @Test func aWrappedHeadingGetsItsSpaceBackAndADoubledOneIsWrittenOnce() throws {
        let garbled = PDFDocumentInfo.hexString("Klimatanpassad och cirkulärupphandling")
        let doubled = PDFDocumentInfo.hexString("ArbetsområdenArbetsområden")
        let corrections = PDFOutline.corrections(in: pdf([garbled, doubled, "(Bakgrund)"]), headingsOf: html)
        #expect(corrections.map(\.number) == [10, 11])
        #expect(
            corrections[0].text
                == "<</Title \(PDFDocumentInfo.hexString("Klimatanpassad och cirkulär upphandling"))\n"
                + "/Dest [7 0 R /XYZ 52 757 0]\n/Parent 9 0 R>>\nendobj")
        #expect(corrections[1].text.hasPrefix("<</Title \(PDFDocumentInfo.hexString("Arbetsområden"))\n/Dest"))
    }

    @Test func aTitleNoHeadingHasIsLeftAsWritten() {
        #expect(PDFOutline.corrections(in: pdf(["(Something else)", "(Bakgrund)"]), headingsOf: html).isEmpty)
    }

    @Test func literalStringsAreReadWithTheirEscapes() {
        #expect(PDFOutline.decode(#"(R&D \(x\))"#) == "R&D (x)")
        #expect(PDFOutline.decode(#"(a\nb\\c\101)"#) == "a\nb\\cA")
        #expect(PDFOutline.decode("<FEFF00E5>") == "å")
        #expect(PDFOutline.decode("<4142>") == "AB")
        #expect(PDFOutline.decode("<4G>") == nil)
        let corrections = PDFOutline.corrections(in: pdf([#"(R&D\(x\))"#]), headingsOf: html)
        #expect(corrections.first?.text.hasPrefix("<</Title \(PDFDocumentInfo.hexString("R&D (x)"))") == true)
    }

    @Test func theUpdateCarriesTheNewObjectsBeforeTheInformation() throws {
        let original = Data(
            """
            %PDF-1.4
            1 0 obj
            <</Title (Arbetsomr)>>
            endobj
            xref
            0 2
            0000000000 65535 f\r
            0000000009 00000 n\r
            trailer
            <</Size 2 /Root 1 0 R>>
            startxref
            42
            %%EOF

            """.utf8)
        let updated = try #require(
            PDFDocumentInfo.update(original, with: [("Title", "T")], replacing: [(1, "<</Title (New)>>\nendobj")]))
        let bytes = Array(updated)
        let update = String(decoding: updated.suffix(from: original.count), as: UTF8.self)
        for number in [1, 2] {
            let entry = try #require(update.firstMatch(of: try Regex("\\b\(number) 1\\s+(\\d{10}) 00000 n")))
            let offset = try #require(Int(entry.output[1].substring ?? ""))
            #expect(String(decoding: bytes[offset..<offset + 7], as: UTF8.self) == "\(number) 0 obj")
        }
        #expect(update.contains("1 0 obj\n<</Title (New)>>\nendobj\n"))
        #expect(update.contains("<</Size 3 /Root 1 0 R /Info 2 0 R /Prev 42>>"))
    }
}
