import Foundation

/// Drawing a chart as SVG. Layout is in user units of a 640 × 360 viewBox that scales to its
/// container; every label is sized by an estimate of its width and kept inside the viewBox.
extension Chart {
    static let width = 640.0, height = 360.0
    static let fontSize = 13.0
    /// A generous estimate of a character's width in em (bold digits of common sans fonts are
    /// about 0.6–0.7 em wide), so that estimated boxes hold the real text.
    static let characterWidth = 0.7

    /// The estimated width of `text` at `fontSize`.
    static func textWidth(_ text: String, fontSize: Double = fontSize) -> Double {
        Double(text.count) * fontSize * characterWidth
    }

    /// `text` cut to fit `width` user units, ending in "…" when cut.
    static func fit(_ text: String, width: Double, fontSize: Double = fontSize) -> String {
        let room = Int((width / (fontSize * characterWidth)).rounded(.down))
        guard text.count > room else { return text }
        return room < 2 ? "" : String(text.prefix(room - 1)) + "…"
    }

    /// The chart as a `<figure>`; `id` must be unique on the page.
    func svg(id: String) -> String {
        let width = Self.width
        let height = Self.height
        let top = 48.0
        let right = 16.0
        let values = points.compactMap(\.value)
        let axis = ChartAxis(values: values)
        // Ticks carry a short unit (`%`, `kr`); a long one is in the description and the values.
        let tickUnit = unit.count <= 4 ? unit : ""
        let tickLabels = axis.ticks.map { axis.label($0, numbers) + (tickUnit.isEmpty ? "" : "\u{a0}" + tickUnit) }
        let left = min(max(64, (tickLabels.map { Self.textWidth($0) }.max() ?? 0) + 16), width / 3)
        let plotWidth = width - left - right
        let band = plotWidth / Double(max(points.count, 1))
        func xCenter(_ i: Int) -> Double { left + band * (Double(i) + 0.5) }

        // Value labels show when each fits its row's band; otherwise the axis and the description tell.
        let valueLabels = points.map { $0.value.map(format) ?? "" }
        let showValues = valueLabels.allSatisfy { Self.textWidth($0) <= band - 4 }
        // Row labels lie flat when they fit, else turned 45° with room below the axis.
        let flat = points.allSatisfy { Self.textWidth($0.label) <= band - 4 }
        let axisBottom = height - (flat ? 64 : 140)
        // Below the lowest value, room for the labels of negative values.
        let plotBottom = axisBottom - (showValues && values.contains { $0 < 0 } ? 22 : 0)
        func yPos(_ v: Double) -> Double { plotBottom - (plotBottom - top) * axis.fraction(v) }
        let yZero = yPos(0)

        let description = points.map { "\($0.label): \($0.value.map(format) ?? Self.missingValue(numbers))" }.joined(
            separator: "; ")
        var s = "<figure class=\"chart chart--\(kind.rawValue)\">\n"
        // On a narrow screen the chart keeps a width where its text is at least 12 CSS px and
        // scrolls sideways instead (style.css); keyboard users reach the scrolling box by Tab.
        s += "<div class=\"chart__scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(HTML.escape(title))\">\n"
        s +=
            "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
            + "xmlns=\"http://www.w3.org/2000/svg\">\n"
        s += "<title id=\"\(id)-title\">\(HTML.escape(title))</title>\n"
        s += "<desc id=\"\(id)-desc\">\(HTML.escape("\(yLabel) per \(xLabel.lowercased()). \(description)."))</desc>\n"
        s += "<g class=\"chart__grid\" aria-hidden=\"true\">\n"
        for (tick, label) in zip(axis.ticks, tickLabels) {
            let y = yPos(tick)
            if tick != 0 {
                s +=
                    "<line x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(y))\" y2=\"\(n(y))\" "
                    + "stroke=\"#767676\" stroke-width=\"0.5\"/>"
            }
            s += text(Self.fit(label, width: left - 10), x: left - 8, y: y + 5, anchor: "end")
        }
        s +=
            "<line class=\"chart__zero\" x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(yZero))\" "
            + "y2=\"\(n(yZero))\" stroke=\"#1b1b1b\" stroke-width=\"1.5\"/>\n"
        s += "</g>\n<g class=\"chart__data\" aria-hidden=\"true\">\n"
        func valueLabel(_ i: Int, at y: Double, gap: Double) -> String {
            guard showValues, let value = points[i].value else { return "" }
            // Above a point at or over zero, below one under it.
            let baseline = value < 0 ? y + gap + Self.fontSize * 0.75 : y - gap
            return text(valueLabels[i], x: xCenter(i), y: baseline, anchor: "middle", bold: true)
        }
        switch kind {
        case .stapel:
            let barWidth = min(band * 0.6, 72)
            for (i, point) in points.enumerated() {
                guard let value = point.value else { continue }
                let y = yPos(value)
                s +=
                    "<rect x=\"\(n(xCenter(i) - barWidth / 2))\" y=\"\(n(min(y, yZero)))\" width=\"\(n(barWidth))\" "
                    + "height=\"\(n(abs(yZero - y)))\" fill=\"#1a5e3a\"/>"
                s += valueLabel(i, at: y, gap: 6)
            }
        case .linje:
            // An empty cell breaks the line; a point alone is drawn as its dot.
            var run: [String] = []
            func endRun() {
                if run.count > 1 {
                    s +=
                        "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"#1a5e3a\" "
                        + "stroke-width=\"3\"/>\n"
                }
                run = []
            }
            for (i, point) in points.enumerated() {
                guard let value = point.value else {
                    endRun()
                    continue
                }
                run.append("\(n(xCenter(i))),\(n(yPos(value)))")
            }
            endRun()
            for (i, point) in points.enumerated() {
                guard let value = point.value else { continue }
                s += "<circle cx=\"\(n(xCenter(i)))\" cy=\"\(n(yPos(value)))\" r=\"5\" fill=\"#1a5e3a\"/>"
                s += valueLabel(i, at: yPos(value), gap: 10)
            }
        }
        s += rowLabels(center: xCenter, band: band, flat: flat, axisBottom: axisBottom)
        s += "</g>\n<g class=\"chart__axes\" aria-hidden=\"true\">\n"
        let xTitleCenter = left + plotWidth / 2
        s += text(
            Self.fit(xLabel, width: 2 * min(xTitleCenter, width - xTitleCenter) - 8, fontSize: 14),
            x: xTitleCenter, y: height - 12, anchor: "middle", fontSize: 14)
        s += text(Self.fit(yLabel, width: width - 16, fontSize: 14), x: 8, y: top - 24, anchor: "start", fontSize: 14)
        s += "</g>\n</svg>\n</div>\n"
        s += "<figcaption>\(HTML.escape(title))</figcaption>\n</figure>\n"
        return s
    }

    /// The rows' labels under the axis: flat and centred, or turned 45° and ending at the row,
    /// each cut to stay inside the viewBox; with many rows, every k-th so they do not overlap.
    private func rowLabels(center: (Int) -> Double, band: Double, flat: Bool, axisBottom: Double) -> String {
        var s = ""
        let diagonal = 0.7071
        // Turned labels stand a band apart, so they need a band of at least a line's height.
        let every = flat ? 1 : Int((Self.fontSize * 1.4 / (band * diagonal)).rounded(.up))
        for (i, point) in points.enumerated() where i % max(every, 1) == 0 {
            let x = center(i)
            if flat {
                s += text(point.label, x: x, y: axisBottom + 20, anchor: "middle")
            } else {
                let y = axisBottom + 14
                // Down and to the left of the row: bounded by the left edge and the x-axis title.
                let room = min(x - 4, Self.height - 34 - y - Self.fontSize) / diagonal
                let label = Self.fit(point.label, width: room)
                s += text(label, x: x, y: y, anchor: "end", rotate: -45)
            }
        }
        return s
    }

    private func text(
        _ content: String, x: Double, y: Double, anchor: String, fontSize: Double = Chart.fontSize,
        bold: Bool = false, rotate: Double? = nil
    ) -> String {
        guard !content.isEmpty else { return "" }
        let turn = rotate.map { " transform=\"rotate(\(n($0)) \(n(x)) \(n(y)))\"" } ?? ""
        return
            "<text x=\"\(n(x))\" y=\"\(n(y))\"\(turn) text-anchor=\"\(anchor)\" "
            + "font-size=\"\(n(fontSize))\"\(bold ? " font-weight=\"bold\"" : "") "
            + "fill=\"#1b1b1b\">\(HTML.escape(content))</text>\n"
    }

    private func format(_ value: Double) -> String {
        NumberText.format(value, numbers) + (unit.isEmpty ? "" : "\u{a0}" + unit)
    }

    /// A coordinate with at most one decimal.
    private func n(_ value: Double) -> String {
        var s = String(format: "%.1f", value)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s == "-0" ? "0" : s
    }
}
