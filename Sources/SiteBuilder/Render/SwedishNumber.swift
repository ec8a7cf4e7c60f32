import Foundation

/// Numbers as Swedish readers write them: `1 234,5`, `−3`, `1,5·10²⁰`.
enum SwedishNumber {
    /// Any Double, never trapping: up to two decimals (more below 1, so two digits show), digits
    /// in groups of three, and a power of ten from a million millions up and below a thousandth.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : value < 0 ? "−∞" : "∞" }
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        if magnitude >= 1e12 || magnitude < 1e-3 { return scientific(value) }
        let decimals = magnitude >= 1 ? 2 : max(2, Int(-log10(magnitude).rounded(.down)) + 1)
        return fixed(value, decimals: decimals)
    }

    /// `value` rounded to at most `decimals` decimals, trailing zeros dropped: `1 234,5`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        // `%f` spells out every digit of any finite Double; converting to Int would trap past 9.2·10¹⁸.
        let plain = String(format: "%.\(max(0, decimals))f", abs(value))
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? Substring(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        var digits = Substring(parts[0])
        var grouped = ""
        while digits.count > 3 {
            grouped = "\u{202f}" + digits.suffix(3) + grouped
            digits = digits.dropLast(3)
        }
        grouped = digits + grouped
        let isZero = parts[0].allSatisfy { $0 == "0" } && fraction.isEmpty
        return (value < 0 && !isZero ? "−" : "") + grouped + (fraction.isEmpty ? "" : "," + fraction)
    }

    /// `value` as a mantissa with up to `significant` digits times a power of ten: `−1,5·10²⁰`.
    static func scientific(_ value: Double, significant: Int = 3) -> String {
        if value == 0 { return "0" }
        let plain = String(format: "%.\(max(1, significant) - 1)e", abs(value))  // "1.50e+20"
        guard let e = plain.firstIndex(of: "e"), let exponent = Int(plain[plain.index(after: e)...]) else { return plain }
        var mantissa = String(plain[..<e])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return (value < 0 ? "−" : "") + mantissa.replacingOccurrences(of: ".", with: ",") + "·10" + superscript(exponent)
    }

    private static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(abs(n)).map { digits[Int(String($0))!] }
    }

    /// Parses `15`, `15,5`, `1 234,5`, `−3`, `+2`, `15.5` or `1,5e20`; nil for anything else and
    /// for numbers too large for a Double.
    static func parse(_ text: String) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        t = t.replacingOccurrences(of: "\u{a0}", with: "").replacingOccurrences(of: "\u{202f}", with: "").replacingOccurrences(of: " ", with: "")
        t = t.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: ",", with: ".")
        guard t.utf8.contains(where: { $0 >= 48 && $0 <= 57 }),
              t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E") }),
              let value = Double(t), value.isFinite
        else { return nil }
        return value
    }

    /// True for a number, also with a percent sign after it (`12,5 %`): table cells aligned as numbers.
    static func isNumber(_ text: String) -> Bool {
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
        if t.hasSuffix("%") { t = t.dropLast() }
        return parse(String(t)) != nil
    }
}
