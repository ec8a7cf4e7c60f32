import Foundation
import Testing
@testable import SiteBuilder

@Suite struct ChartTests {
    @Test func barChartIsAccessibleSVGWithSwedishNumbers() throws {
        var content = Fixture.basic
        content["data/mal.csv"] = "Period,Minskning\n2015,0\n2030,\"12,5\"\n2045,1500\n"
        content["om.md"] = "---\ntitle: Om\n---\n## Bakgrund\n```diagram data=mal typ=stapel enhet=% rubrik=\"Mål <2045>\"\n```\n```diagram data=mal typ=linje\n```\n"
        let page = try #require(try Fixture(content: content).build().file("om/index.html"))
        #expect(page.contains(#"role="img" aria-labelledby="diagram-1-title diagram-1-desc""#))
        #expect(page.contains(#"<title id="diagram-1-title">Mål &lt;2045&gt;</title>"#))
        #expect(page.contains("<desc id=\"diagram-1-desc\">Minskning per period. 2015: 0\u{a0}%; 2030: 12,5\u{a0}%; 2045: 1\u{202f}500\u{a0}%.</desc>"))
        #expect(page.components(separatedBy: "<rect ").count - 1 == 3)
        #expect(page.contains(#"aria-labelledby="diagram-2-title diagram-2-desc""#))
        #expect(page.contains("<polyline points="))
        #expect(!page.contains("<script"))
    }

    @Test func chartErrorsNameTheBlock() throws {
        var content = Fixture.basic
        content["data/mal.csv"] = "Period,Kommentar\n2015,ingen siffra\n"
        content["om.md"] = "---\ntitle: Om\n---\n## Bakgrund\n\n```diagram data=mal typ=cirkel\n```\n"
        let result = try Fixture(content: content).build()
        #expect(result.messages == ["Content/om.md:6:1: error: cannot draw chart from 'mal': unknown chart type 'cirkel'; use typ=stapel or typ=linje"])
    }

    @Test(arguments: [(0.0, "0"), (12.5, "12,5"), (1500, "1\u{202f}500"), (-3.25, "−3,25"), (1234567.1, "1\u{202f}234\u{202f}567,1")])
    func swedishNumbers(value: Double, text: String) {
        #expect(SwedishNumber.format(value) == text)
    }

    @Test func niceMaximum() {
        #expect(Chart.niceMaximum(100) == 100)
        #expect(Chart.niceMaximum(101) == 200)
        #expect(Chart.niceMaximum(22) == 25)
        #expect(Chart.niceMaximum(0.7) == 1)
    }
}
