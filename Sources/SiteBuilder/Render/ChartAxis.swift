import Foundation

/// A chart's value axis: from the smallest value or 0 to the largest value or 0, widened to
/// round steps (1, 2, 2,5 or 5 times a power of ten) with a label at each step. Works for any
/// finite values, from 5·10⁻³²⁴ to ±1,8·10³⁰⁸, without overflow or division by zero.
struct ChartAxis {
    /// The ends of the axis.
    var low: Double, high: Double
    var ticks: [Double]
    /// How tick labels are written: decimals of a round step, or nil for the general format.
    private var decimals: Int?
    private var scientific = false

    init(values: [Double]) {
        let low = min(0, values.min() ?? 0)
        var high = max(0, values.max() ?? 0)
        // Only zeros (or nothing): an axis from 0 to 1 keeps the zero line at the bottom.
        if low == high { high = 1 }
        // Each fifth is finite even when `high - low` is not (−1,8·10³⁰⁸ to 1,8·10³⁰⁸).
        if let step = Self.roundStep(atLeast: high / 5 - low / 5) {
            let first = (low / step.value).rounded(.down) * step.value
            let last = (high / step.value).rounded(.up) * step.value
            let count = ((last / 2 - first / 2) / (step.value / 2)).rounded()
            if first.isFinite && last.isFinite && last > first && count >= 1 && count <= 12 {
                self.low = first
                self.high = last
                ticks = (0...Int(count)).map { i in
                    // `i × step` alone may pass the largest Double even where the tick does not.
                    let tick = first + Double(i) * step.value
                    return tick.isFinite ? tick : 2 * (first / 2 + Double(i) * (step.value / 2))
                }
                decimals = step.decimals
                scientific = max(abs(first), abs(last)) >= 1e12 || step.value < 1e-3
                return
            }
        }
        // No round step fits (the values are at the ends of what a Double holds): the exact range.
        self.low = low
        self.high = high
        ticks = (0...4).map { low * (1 - Double($0) / 4) + high * (Double($0) / 4) }
    }

    /// Where `value` lies on the axis: 0 at `low`, 1 at `high`.
    func fraction(_ value: Double) -> Double {
        let span = high - low
        if span.isFinite && span > 0 { return (value - low) / span }
        return (value / 2 - low / 2) / (high / 2 - low / 2)
    }

    /// A tick's label, written in `style`.
    func label(_ tick: Double, _ style: NumberStyle) -> String {
        guard let decimals else { return NumberText.format(tick, style) }
        return scientific ? NumberText.scientific(tick, style) : NumberText.fixed(tick, decimals: decimals, style)
    }

    /// The smallest round number at or above `raw` (> 0), and how many decimals it needs; nil
    /// when there is none (`raw` is 0 or too close to the largest Double).
    static func roundStep(atLeast raw: Double) -> (value: Double, decimals: Int)? {
        guard raw > 0, raw.isFinite else { return nil }
        let exponent = log10(raw).rounded(.down)
        let magnitude = pow(10, exponent)
        guard magnitude > 0, magnitude.isFinite else { return nil }
        for multiple in [1.0, 2.0, 2.5, 5.0, 10.0] {
            let value = multiple * magnitude
            // log10 may land one power too high or low; accept the first multiple that covers raw.
            if value >= raw && value.isFinite {
                let power = Int(exponent) + (multiple == 10 ? 1 : 0)
                return (value, max(0, -power) + (multiple == 2.5 ? 1 : 0))
            }
        }
        return nil
    }
}
