/// Rust's hidden lines, as rustdoc and mdBook read a Rust code block: a line whose first
/// character after its indentation is `#`, followed by a space, nothing, or anything but `#`, `!`
/// and `[`, is compiled and tested but not shown (`# use std::io;`, `# fn main() {`); `##` at
/// that place shows one `#`; `#[derive(…)]` and `#![…]` are Rust and shown.
enum RustHiddenLines {
    /// Whether a fence's info string names Rust (`rust`, `rust,ignore`, `rust edition2021`).
    static func isRust(info: String) -> Bool {
        let language = info.utf8.prefix { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: " ") && $0 != 0x09 }
        return language.elementsEqual("rust".utf8)
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
