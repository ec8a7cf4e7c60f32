import Foundation

/// ```` ```diagram data=name typ=stapel|linje x="kolumn" y="kolumn" rubrik="…" enhet="%" ````:
/// a bar or line chart drawn at build time as inline SVG, with a title, axis labels, Swedish
/// numbers and a text description of every value for screen readers. No JavaScript.
struct Chart {
    enum Kind: String { case stapel, linje }

    var kind: Kind
    var title: String
    var xLabel: String
    var yLabel: String
    var unit: String
    var points: [(label: String, value: Double)]

    /// Reads the chart's points from a list of records; nil with a reason when it cannot.
    static func make(_ data: DataValue, arguments: [String: String]) -> Result<Chart, ChartError> {
        guard let kind = Kind(rawValue: arguments["typ"] ?? "stapel") else {
            return .failure(.init(message: "unknown chart type '\(arguments["typ"]!)'", hint: "use typ=stapel or typ=linje"))
        }
        guard let rows = data.list, let columns = rows.first?.pairs?.map(\.key), columns.count >= 2 else {
            return .failure(.init(message: "a chart needs a list of records with at least two columns", hint: nil))
        }
        let x = arguments["x"] ?? columns[0]
        guard columns.contains(x) else { return .failure(.init(message: "no column '\(x)'", hint: "columns: \(columns.joined(separator: ", "))")) }
        let numericColumn = columns.first { c in c != x && rows.allSatisfy { $0[c].flatMap(\.text).flatMap(SwedishNumber.parse) != nil } }
        guard let y = arguments["y"] ?? numericColumn, columns.contains(y) else {
            return .failure(.init(message: "no column with numbers to draw", hint: "name it with y=\"column\"; columns: \(columns.joined(separator: ", "))"))
        }
        var points: [(String, Double)] = []
        for row in rows {
            guard let text = row[y]?.text, let value = SwedishNumber.parse(text) else {
                return .failure(.init(message: "'\(row[y]?.text ?? "")' in column '\(y)' is not a number", hint: nil))
            }
            points.append((row[x]?.text ?? "", value))
        }
        return .success(Chart(kind: kind, title: arguments["rubrik"] ?? y, xLabel: arguments["xrubrik"] ?? x,
                              yLabel: arguments["yrubrik"] ?? y, unit: arguments["enhet"] ?? "", points: points))
    }

    // Layout in SVG user units; the SVG scales to its container.
    private let width = 640.0, height = 360.0
    private let left = 64.0, right = 16.0, top = 48.0, bottom = 64.0

    /// The chart as a `<figure>`; `id` must be unique on the page.
    func svg(id: String) -> String {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maxValue = Chart.niceMaximum(points.map(\.value).max() ?? 1)
        let ticks = (0...5).map { maxValue * Double($0) / 5 }
        func yPos(_ v: Double) -> Double { top + plotHeight * (1 - v / maxValue) }
        let band = plotWidth / Double(max(points.count, 1))
        func xCenter(_ i: Int) -> Double { left + band * (Double(i) + 0.5) }

        let description = points.map { "\($0.label): \(format($0.value))" }.joined(separator: "; ")
        var s = "<figure class=\"chart chart--\(kind.rawValue)\">\n"
        s += "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        s += "<title id=\"\(id)-title\">\(HTML.escape(title))</title>\n"
        s += "<desc id=\"\(id)-desc\">\(HTML.escape("\(yLabel) per \(xLabel.lowercased()). \(description)."))</desc>\n"
        s += "<g class=\"chart__grid\" aria-hidden=\"true\">\n"
        for tick in ticks {
            s += "<line x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(yPos(tick)))\" y2=\"\(n(yPos(tick)))\" stroke=\"#767676\" stroke-width=\"\(tick == 0 ? 1.5 : 0.5)\"/>"
            s += "<text x=\"\(n(left - 8))\" y=\"\(n(yPos(tick) + 5))\" text-anchor=\"end\" font-size=\"13\" fill=\"#1b1b1b\">\(HTML.escape(format(tick)))</text>\n"
        }
        s += "</g>\n<g class=\"chart__data\" aria-hidden=\"true\">\n"
        switch kind {
        case .stapel:
            let barWidth = min(band * 0.6, 72)
            for (i, point) in points.enumerated() {
                let y = yPos(point.value)
                s += "<rect x=\"\(n(xCenter(i) - barWidth / 2))\" y=\"\(n(y))\" width=\"\(n(barWidth))\" height=\"\(n(top + plotHeight - y))\" fill=\"#1a5e3a\"/>"
                s += "<text x=\"\(n(xCenter(i)))\" y=\"\(n(y - 6))\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" fill=\"#1b1b1b\">\(HTML.escape(format(point.value)))</text>\n"
            }
        case .linje:
            let line = points.enumerated().map { "\(n(xCenter($0.offset))),\(n(yPos($0.element.value)))" }.joined(separator: " ")
            s += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#1a5e3a\" stroke-width=\"3\"/>\n"
            for (i, point) in points.enumerated() {
                s += "<circle cx=\"\(n(xCenter(i)))\" cy=\"\(n(yPos(point.value)))\" r=\"5\" fill=\"#1a5e3a\"/>"
                s += "<text x=\"\(n(xCenter(i)))\" y=\"\(n(yPos(point.value) - 10))\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" fill=\"#1b1b1b\">\(HTML.escape(format(point.value)))</text>\n"
            }
        }
        for (i, point) in points.enumerated() {
            s += "<text x=\"\(n(xCenter(i)))\" y=\"\(n(top + plotHeight + 20))\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1b1b1b\">\(HTML.escape(point.label))</text>\n"
        }
        s += "</g>\n<g class=\"chart__axes\" aria-hidden=\"true\">\n"
        s += "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 12))\" text-anchor=\"middle\" font-size=\"14\" fill=\"#1b1b1b\">\(HTML.escape(xLabel))</text>\n"
        s += "<text x=\"\(n(left - 56))\" y=\"\(n(top - 24))\" font-size=\"14\" fill=\"#1b1b1b\">\(HTML.escape(yLabel))</text>\n"
        s += "</g>\n</svg>\n"
        s += "<figcaption>\(HTML.escape(title))</figcaption>\n</figure>\n"
        return s
    }

    private func format(_ value: Double) -> String {
        SwedishNumber.format(value) + (unit.isEmpty ? "" : "\u{a0}" + unit)
    }

    /// A round number at or above `value` (1, 2, 2.5 or 5 times a power of ten).
    static func niceMaximum(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// Why a chart could not be drawn.
struct ChartError: Error {
    var message: String
    var hint: String?
}

/// Numbers as Swedish readers write them: `1 234,5`.
enum SwedishNumber {
    static func format(_ value: Double) -> String {
        let negative = value < 0
        let rounded = (abs(value) * 100).rounded() / 100
        let whole = Int(rounded)
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "\u{202f}" + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        let fraction = rounded - Double(whole)
        if fraction > 0 {
            var decimals = String(Int((fraction * 100).rounded()))
            if decimals.count == 1 { decimals = "0" + decimals }
            while decimals.hasSuffix("0") { decimals.removeLast() }
            grouped += "," + decimals
        }
        return (negative ? "−" : "") + grouped
    }

    /// Parses `15`, `15,5`, `1 234,5`, `-3` or `15.5`; nil for anything else.
    static func parse(_ text: String) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces)
        t = t.replacingOccurrences(of: "\u{a0}", with: "").replacingOccurrences(of: "\u{202f}", with: "").replacingOccurrences(of: " ", with: "")
        t = t.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: ",", with: ".")
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        return Double(t)
    }
}
