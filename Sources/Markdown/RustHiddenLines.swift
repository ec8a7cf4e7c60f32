/// Rust's hidden lines, as rustdoc and mdBook read a Rust code block: a line whose first
/// character after its indentation is `#`, followed by a space, nothing, or anything but `#`, `!`
/// and `[`, is compiled and tested but not shown (`# use std::io;`, `# fn main() {`); `##` at
/// that place shows one `#`; `#[derive(…)]` and `#![…]` are Rust and shown.
///
/// As mdBook writes them, hidden lines stay in the page in `<span class="boring">` (without the
/// `# `): the theme's script hides them behind a button that shows them again, and without
/// JavaScript the reader sees the whole program. The page's search text leaves them out.
enum RustHiddenLines {
    /// Whether a fence's info string names Rust (`rust`, `rust,ignore`, `rust edition2021`).
    static func isRust(info: String) -> Bool {
        let language = info.utf8.prefix { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: " ") && $0 != 0x09 }
        return language.elementsEqual("rust".utf8)
    }

    /// The code's HTML inside `<code>`: every line escaped, the hidden ones (without their `# `)
    /// each in `<span class="boring">`; nil when no line is hidden or escaped (most code).
    static func html(_ code: String) -> String? {
        guard code.utf8.contains(UInt8(ascii: "#")) else { return nil }
        var out = ""
        var changed = false
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        for line in lines {
            let indentation = line.prefix { $0 == " " || $0 == "\t" }
            let rest = line[indentation.endIndex...]
            let next = rest.dropFirst().first
            if rest.first == "#" && next == "#" {
                out += escapeAttribute(String(indentation) + String(rest.dropFirst())) + "\n"
                changed = true
            } else if rest.first == "#" && next != "!" && next != "[" {
                // `# x` is `x`, `#` alone an empty line, as rustdoc takes them.
                let text = rest.dropFirst().first == " " ? rest.dropFirst(2) : rest.dropFirst()
                out += "<span class=\"boring\">" + escapeAttribute(String(indentation) + String(text)) + "\n</span>"
                changed = true
            } else {
                out += escapeAttribute(String(line)) + "\n"
            }
        }
        return changed ? out : nil
    }

    /// The code as readers see it; nil when no line is hidden or escaped (most code).
    static func shown(_ code: String) -> String? {
        guard code.utf8.contains(UInt8(ascii: "#")) else { return nil }
        var out: [Substring] = []
        var changed = false
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
            let indentation = line.prefix { $0 == " " || $0 == "\t" }
            let rest = line[indentation.endIndex...]
            guard rest.first == "#" else {
                out.append(line)
                continue
            }
            let next = rest.dropFirst().first
            if next == "#" {
                out.append(Substring(String(indentation) + rest.dropFirst()))
                changed = true
            } else if next != "!" && next != "[" {
                changed = true
            } else {
                out.append(line)
            }
        }
        return changed ? out.joined(separator: "\n") : nil
    }
}
