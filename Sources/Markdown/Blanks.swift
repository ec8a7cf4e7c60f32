/// Blanks, as the passes over the source see them: spaces, tabs and a carriage return (the end of
/// a line written on Windows).
extension ArraySlice where Element == UInt8 {
    /// Nothing but blanks.
    var isBlankLine: Bool { allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
}

extension StringProtocol {
    /// Without the blanks at either end.
    var trimmingBlanks: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }
}
