import Foundation
import PropertyBased
import Testing

@testable import SiteBuilder

@Suite struct ChartTests {
    @Test func barChartIsAccessibleSVGWithSwedishNumbers() throws {
        var content = Fixture.basic
        content["data/mal.csv"] = "Period,Minskning\n2015,0\n2030,\"12,5\"\n2045,1500\n"
        content["om.md"] =
            "---\ntitle: Om\n---\n## Bakgrund\n```diagram data=mal typ=stapel enhet=% rubrik=\"Mål "
            + "<2045>\"\n```\n```diagram data=mal typ=linje\n```\n"
        let page = try #require(try Fixture(content: content).build().file("om/index.html"))
        #expect(page.contains(#"role="img" aria-labelledby="diagram-1-title diagram-1-desc""#))
        #expect(page.contains(#"<title id="diagram-1-title">Mål &lt;2045&gt;</title>"#))
        #expect(
            page.contains(
                "<desc id=\"diagram-1-desc\">Minskning per period. 2015: 0\u{a0}%; 2030: 12,5\u{a0}%; 2045: "
                    + "1\u{202f}500\u{a0}%.</desc>"
            ))
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
        #expect(
            result.messages == [
                "Content/om.md:6:1: error: cannot draw chart from 'mal': unknown chart type 'cirkel'; use "
                    + "typ=stapel or typ=linje"
            ])
    }

    @Test func aCellThatIsNotANumberIsAnErrorAtItsLine() throws {
        var content = Fixture.basic
        content["data/mal.csv"] = "År;Utsläpp\n2020;12,5\n2021;tolv\n"
        content["om.md"] = "---\ntitle: Om\n---\n## Bakgrund\n\n```diagram data=mal\n```\n"
        let result = try Fixture(content: content).build()
        #expect(
            result.messages == [
                "Content/data/mal.csv:3:6: error: 'tolv' in column 'Utsläpp' is not a number (chart at "
                    + "Content/om.md:6); write numbers like 12,5, −3 or 1 234; leave the cell empty when there is no "
                    + "value"
            ])
    }

    /// A built page's first chart.
    static func chart(_ csv: String, block: String = "```diagram data=mal\n```") throws -> String {
        var content = Fixture.basic
        content["data/mal.csv"] = csv
        content["om.md"] = "---\ntitle: Om\n---\n## Bakgrund\n\n\(block)\n"
        let result = try Fixture(content: content).build()
        #expect(result.messages == [])
        let page = try #require(result.file("om/index.html"))
        let start = try #require(page.range(of: "<figure"))
        let end = try #require(page.range(of: "</figure>"))
        return String(page[start.lowerBound..<end.upperBound])
    }

    static func numbers(_ attribute: String, in svg: String) -> [Double] {
        svg.components(separatedBy: " \(attribute)=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
    }

    @Test func negativeBarsHangFromTheZeroLine() throws {
        let svg = try Self.chart("År;Förändring\n2020;12,5\n2021;−30\n2022;-7,25\n")
        let zero = try #require(
            svg.components(separatedBy: "class=\"chart__zero\"").last.map { Self.numbers("y1", in: $0)[0] })
        let rects = svg.components(separatedBy: "<rect ").dropFirst().map {
            (y: Self.numbers("y", in: " " + $0)[0], height: Self.numbers("height", in: " " + $0)[0])
        }
        #expect(rects.count == 3)
        #expect(abs(rects[0].y + rects[0].height - zero) < 0.11)
        #expect(rects[1].y == zero && rects[2].y == zero)
        #expect(rects[1].height > rects[2].height && rects[2].height > 0)
        // The axis runs from −30 to a round step above 12,5, with 0 among its labels.
        #expect(svg.contains(">−20</text>") && svg.contains(">0</text>") && svg.contains(">20</text>"))
        #expect(svg.contains("2021: −30; 2022: −7,25."))
        // Labels of negative values sit below their bars.
        let labelY = try #require(
            svg.components(separatedBy: ">−7,25</text>")[0].components(separatedBy: "<text ").last.map {
                Self.numbers("y", in: " " + $0)[0]
            })
        #expect(labelY > rects[2].y + rects[2].height)
    }

    @Test func valuesFarBeyondIntAreDrawn() throws {
        let svg = try Self.chart("Namn,Värde\nstor,1e20\nliten,-1e20\nnoll,0\n")
        #expect(svg.contains("stor: 1·10²⁰; liten: −1·10²⁰; noll: 0."))
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 3)
    }

    @Test func emptyCellsAreGapsWithTheirLabelShown() throws {
        let bars = try Self.chart("År,Värde\n2020,5\n2021,\n2022,7\n")
        #expect(bars.components(separatedBy: "<rect ").count - 1 == 2)
        #expect(bars.contains(">2021</text>"))
        #expect(bars.contains("2021: saknas;"))
        let line = try Self.chart(
            "År,Värde\n2020,5\n2021,\n2022,7\n2023,8\n", block: "```diagram data=mal typ=linje\n```")
        #expect(line.components(separatedBy: "<polyline ").count - 1 == 1)
        #expect(line.components(separatedBy: "<circle ").count - 1 == 3)
    }

    @Test func aSingleRowAndEqualRowsAreDrawn() throws {
        let single = try Self.chart("År,Värde\n2020,5\n")
        #expect(single.components(separatedBy: "<rect ").count - 1 == 1)
        let equal = try Self.chart("År,Värde\n2020,0\n2021,0\n")
        #expect(equal.components(separatedBy: "<rect ").count - 1 == 2)
        #expect(!equal.contains("nan") && !equal.contains("inf"))
    }

    @Test(arguments: [
        (0.0, "0"), (12.5, "12,5"), (1500, "1\u{202f}500"), (-3.25, "−3,25"), (1234567.1, "1\u{202f}234\u{202f}567,1"),
        (-0.0, "0"), (-0.001, "−0,001"), (0.001234, "0,0012"),
        (999_999_999_999.99, "999\u{202f}999\u{202f}999\u{202f}999,99"),
        (1e20, "1·10²⁰"), (-1.5e20, "−1,5·10²⁰"), (1.5e-7, "1,5·10⁻⁷"), (.greatestFiniteMagnitude, "1,8·10³⁰⁸"),
        (.leastNonzeroMagnitude, "4,94·10⁻³²⁴"),
    ])
    func swedishNumbers(value: Double, text: String) {
        #expect(NumberText.format(value, .swedish) == text)
    }

    @Test(
        arguments: [
            ("12,5", 12.5), ("−3", -3), ("+2", 2), ("1 234,5", 1234.5), ("1\u{202f}234", 1234), ("15.5", 15.5),
            ("1e20", 1e20), ("1,5E-3", 0.0015), ("1e400", nil), ("inf", nil), ("nan", nil), ("12,5x", nil), ("", nil),
            ("-", nil), (",", nil), ("1,2,3", nil), ("0x10", nil),
        ] as [(String, Double?)])
    func swedishNumbersAreRead(text: String, value: Double?) {
        #expect(NumberText.parse(text, .swedish) == value)
    }

    @Test func axisRunsFromTheSmallestValueOrZeroToTheLargest() {
        let mixed = ChartAxis(values: [-30, 12.5])
        #expect(mixed.low == -30 && mixed.high == 20 && mixed.ticks.contains(0))
        let equal = ChartAxis(values: [5, 5, 5])
        #expect(equal.low == 0 && equal.high == 5)
        let zeros = ChartAxis(values: [0, 0])
        #expect(
            zeros.low == 0 && zeros.high == 1
                && zeros.ticks.map { zeros.label($0, .swedish) } == ["0", "0,2", "0,4", "0,6", "0,8", "1"])
        let negative = ChartAxis(values: [-3, -1])
        #expect(negative.low == -3 && negative.high == 0)
        let huge = ChartAxis(values: [.greatestFiniteMagnitude, -.greatestFiniteMagnitude])
        #expect(huge.ticks.allSatisfy(\.isFinite) && huge.fraction(0) == 0.5)
        #expect(
            ChartAxis(values: [2.5e19, 1e20]).ticks.map { ChartAxis(values: [2.5e19, 1e20]).label($0, .swedish) }.last
                == "1·10²⁰")
    }

    // MARK: Any finite values

    /// Finite values of every size, repeated values and empty cells.
    static let value = Gen.int(in: 0...Int.max).map { seed -> Double? in
        let special: [Double] = [
            0, -0.0, 1, -1, 1e20, -1e20, 1e-20, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
            .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, 12.5, 999_999.99,
        ]
        switch seed % 5 {
        case 0: return nil
        case 1: return special[(seed / 5) % special.count]
        case 2:
            let value = Double(bitPattern: UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15)
            return value.isFinite ? value : 7
        default: return Double((seed / 5) % 2001 - 1000) / Double([1, 10, 100][(seed / 7) % 3])
        }
    }
    static let labels = [
        "2020", "", "Göteborgs stad och Västra Götalandsregionen tillsammans", "<&>", "Å",
        String(repeating: "lång ", count: 30),
    ]
    static let chartInput = zip(value.array(of: 1...40), Gen.int(in: 0...1000))

    @Test func anyFiniteValuesGiveFiniteCoordinatesInsideTheViewBox() async {
        await propertyCheck(count: 400, input: Self.chartInput) { (input: ([Double?], Int)) in
            let (values, seed) = input
            var points = values.enumerated().map {
                (label: Self.labels[($0.offset + seed) % Self.labels.count], value: $0.element)
            }
            if !points.contains(where: { $0.value != nil }) { points[0].value = 0 }
            for kind in [Chart.Kind.stapel, .linje] {
                let chart = Chart(
                    kind: kind, title: "Titel", xLabel: "År", yLabel: String(repeating: "Utsläpp ", count: seed % 20),
                    unit: ["", "%", "miljoner kronor"][seed % 3], points: points)
                let svg = chart.svg(id: "d")
                Self.expectInsideViewBox(svg)
            }
        }
    }

    /// Every coordinate is a finite number inside the 640 × 360 viewBox, and every text's
    /// estimated box too.
    static func expectInsideViewBox(_ svg: String) {
        let (width, height) = (Chart.width, Chart.height)
        for attribute in ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height"] {
            for raw in svg.components(separatedBy: " \(attribute)=\"").dropFirst().map({
                String($0.prefix { $0 != "\"" })
            }) {
                guard let v = Double(raw), v.isFinite else {
                    Issue.record("\(attribute)=\(raw) in \(svg)")
                    return
                }
                #expect(
                    v >= 0
                        && v
                            <= (attribute.hasPrefix("x") || attribute == "cx" || attribute == "width" ? width : height),
                    "\(attribute)=\(raw)")
            }
        }
        for points in svg.components(separatedBy: "points=\"").dropFirst() {
            for pair in points.prefix(while: { $0 != "\"" }).split(separator: " ") {
                let xy = pair.split(separator: ",").compactMap { Double($0) }
                #expect(xy.count == 2 && xy[0] >= 0 && xy[0] <= width && xy[1] >= 0 && xy[1] <= height, "\(pair)")
            }
        }
        for text in svg.components(separatedBy: "<text ").dropFirst() {
            let x = numbers("x", in: " " + text)[0]
            let y = numbers("y", in: " " + text)[0]
            let size = numbers("font-size", in: " " + text)[0]
            let content = String(text.split(separator: ">", maxSplits: 1)[1].prefix { $0 != "<" })
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
            let w = Chart.textWidth(content, fontSize: size)
            let anchor = text.contains("text-anchor=\"end\"") ? 1.0 : text.contains("text-anchor=\"middle\"") ? 0.5 : 0
            if text.contains("rotate(-45") {
                #expect(x - w * 0.7071 >= 0 && y + w * 0.7071 + size <= height, "\(content) at \(x),\(y)")
            } else {
                #expect(
                    x - w * anchor >= 0 && x + w * (1 - anchor) <= width && y - size >= 0 && y + size * 0.3 <= height,
                    "\(content) at \(x),\(y)")
            }
        }
    }
}
