import Foundation

/// How a language writes numbers: its decimal sign and the separator of groups of three digits.
struct NumberStyle: Sendable, Equatable {
    var decimal: String
    var group: String

    /// `1 234,5` (a narrow no-break space between groups).
    static let swedish = NumberStyle(decimal: ",", group: "\u{202f}")
    /// `1,234.5`.
    static let english = NumberStyle(decimal: ".", group: ",")

    /// The style of a language tag: Swedish and English as above; any other language as
    /// Foundation's locale data for it writes numbers (`de`: `1.234,5`, `fr`: `1 234,5`).
    init(language: String) {
        switch LanguageTag.primaryLanguage(language) {
        case "sv": self = .swedish
        case "en": self = .english
        default:
            let locale = Locale(identifier: language.replacingOccurrences(of: "-", with: "_"))
            self.init(decimal: locale.decimalSeparator ?? ".", group: locale.groupingSeparator ?? ",")
        }
    }

    init(decimal: String, group: String) {
        self.decimal = decimal
        self.group = group
    }

    /// Whether a comma is the decimal sign (`15,5`); otherwise it separates thousands (`1,234`).
    var hasDecimalComma: Bool { decimal == "," }
}

/// Numbers as the site's readers write them: `1 234,5`, `−3`, `1,5·10²⁰` in Swedish,
/// `1,234.5`, `−3`, `1.5·10²⁰` in English.
enum NumberText {
    /// Any Double, never trapping: up to two decimals (more below 1, so two digits show), digits
    /// in groups of three, and a power of ten from a million millions up and below a thousandth.
    static func format(_ value: Double, _ style: NumberStyle) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : value < 0 ? "−∞" : "∞" }
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        if magnitude >= 1e12 || magnitude < 1e-3 { return scientific(value, style) }
        let decimals = magnitude >= 1 ? 2 : max(2, Int(-log10(magnitude).rounded(.down)) + 1)
        return fixed(value, decimals: decimals, style)
    }

    /// `value` rounded to at most `decimals` decimals, trailing zeros dropped: `1 234,5`.
    static func fixed(_ value: Double, decimals: Int, _ style: NumberStyle) -> String {
        // `%f` spells out every digit of any finite Double; converting to Int would trap past 9.2·10¹⁸.
        let plain = String(format: "%.\(max(0, decimals))f", abs(value))
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? Substring(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        var digits = Substring(parts[0])
        var grouped = ""
        while digits.count > 3 {
            grouped = style.group + digits.suffix(3) + grouped
            digits = digits.dropLast(3)
        }
        grouped = digits + grouped
        let isZero = parts[0].allSatisfy { $0 == "0" } && fraction.isEmpty
        return (value < 0 && !isZero ? "−" : "") + grouped + (fraction.isEmpty ? "" : style.decimal + fraction)
    }

    /// `value` as a mantissa with up to `significant` digits times a power of ten: `−1,5·10²⁰`.
    static func scientific(_ value: Double, significant: Int = 3, _ style: NumberStyle) -> String {
        if value == 0 { return "0" }
        let plain = String(format: "%.\(max(1, significant) - 1)e", abs(value)) // "1.50e+20"
        guard let e = plain.firstIndex(of: "e"), let exponent = Int(plain[plain.index(after: e)...]) else {
            return plain
        }
        var mantissa = String(plain[..<e])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return (value < 0 ? "−" : "") + mantissa.replacingOccurrences(of: ".", with: style.decimal) + "·10"
            + superscript(exponent)
    }

    private static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(abs(n)).map { digits[Int(String($0))!] }
    }

    /// Parses `15`, `15,5`, `1 234,5`, `−3`, `+2`, `15.5` or `1,5e20`; nil for anything else and
    /// for numbers too large for a Double. Where the decimal sign is a point (`en`), a comma
    /// separates thousands instead: `1,234.5`.
    static func parse(_ text: String, _ style: NumberStyle) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        t = t.replacingOccurrences(of: "\u{a0}", with: "").replacingOccurrences(of: "\u{202f}", with: "")
            .replacingOccurrences(of: " ", with: "")
        // `1.234,5` where a point separates thousands (`de`), when the text also has the decimal comma.
        if style.group == "." && t.contains(",") { t = t.replacingOccurrences(of: ".", with: "") }
        t = t.replacingOccurrences(of: "−", with: "-").replacingOccurrences(
            of: ",", with: style.hasDecimalComma ? "." : "")
        guard t.utf8.contains(where: { $0 >= 48 && $0 <= 57 }),
            t.allSatisfy({
                $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E")
            }),
            let value = Double(t), value.isFinite
        else { return nil }
        return value
    }

    /// True for a number, also with a percent sign after it (`12,5 %`): table cells aligned as numbers.
    static func isNumber(_ text: String, _ style: NumberStyle) -> Bool {
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
        if t.hasSuffix("%") { t = t.dropLast() }
        return parse(String(t), style) != nil
    }
}
