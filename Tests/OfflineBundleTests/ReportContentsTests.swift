import Testing

@testable import OfflineBundle

/// The report's contents: its entries read from the HTML, the pages they landed on read from
/// pdfinfo's list of destinations, and the numbers written back.
@Suite struct ReportContentsTests {
    /// One line of the contents as the template writes it.
    static func line(_ anchor: String, _ title: String, page: String = "") -> String {
        "<a href=\"#\(anchor)\"><span class=\"report-toc__title\">\(title)</span> "
            + "<span class=\"report-toc__page\" data-page=\"\(anchor)\">\(page)</span></a>"
    }

    let html = """
        <nav class="report-toc" aria-labelledby="report-toc-heading">
        <h2 id="report-toc-heading">Innehåll</h2>
        <ol>
        <li>\(Self.line("grupp-a", "Klimatanpassad"))
        <ol>
        <li>\(Self.line("r-och-d", "R&amp;D &quot;nu&quot; &#39;här&#39;"))</li>
        </ol>
        </li>
        <li>\(Self.line("ordlista", "Ordlista", page: "7"))</li>
        </ol>
        </nav>
        <p><a href="#r-och-d">a link in the text is no entry</a></p>
        """

    @Test func entriesAreReadInOrderAndUnescaped() {
        #expect(
            ReportContents.entries(in: html) == [
                .init(anchor: "grupp-a", title: "Klimatanpassad"),
                .init(anchor: "r-och-d", title: "R&D \"nu\" 'här'"),
                .init(anchor: "ordlista", title: "Ordlista"),
            ])
    }

    @Test func numbersGoIntoTheirSpansAndReplaceOldOnes() {
        let filled = ReportContents.fill(html, pages: ["grupp-a": 3, "r-och-d": 3, "ordlista": 12])
        #expect(filled.contains(#"data-page="grupp-a">3</span>"#))
        #expect(filled.contains(#"data-page="r-och-d">3</span>"#))
        #expect(filled.contains(#"data-page="ordlista">12</span>"#))
        #expect(!filled.contains(">7</span>"))
        // Nothing else changes.
        #expect(ReportContents.fill(filled, pages: [:]).count == html.count - 1)
        #expect(ReportContents.entries(in: filled) == ReportContents.entries(in: html))
    }

    @Test func destinationsAreReadFromPdfinfo() {
        let output = """
            Page  Destination                 Name
               1 [ XYZ    0  842 null      ] "kl_main"
               3 [ XYZ    0  741 null      ] "genomlysning-av-klimatkompensation"
               3 [ XYZ    0  806 null      ] "grupp-klimatanpassad"
              12 [ XYZ    0  812 null      ] "miljokrav-for-elbussar"
            not a destination line
            """
        #expect(
            ReportContents.destinations(inPdfinfo: output) == [
                "kl_main": 1, "genomlysning-av-klimatkompensation": 3, "grupp-klimatanpassad": 3,
                "miljokrav-for-elbussar": 12,
            ])
        #expect(ReportContents.destinations(inPdfinfo: "") == [:])
    }
}
