import Foundation

/// Front matter edits on a page's text: a key's whole block (its line and the indented lines
/// after it) replaced, removed or added.
enum PageText {
    static func split(_ text: String) -> (front: [String], body: String) {
        let lines = text.components(separatedBy: "\n")
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return ([], text) }
        return (Array(lines[1..<end]), lines[(end + 1)...].joined(separator: "\n"))
    }

    static func join(_ front: [String], _ body: String) -> String {
        "---\n" + front.joined(separator: "\n") + "\n---\n" + body
    }

    static func setting(_ key: String, to value: String?, in text: String) -> String {
        var (front, body) = split(text)
        if let start = front.firstIndex(where: { $0.hasPrefix(key + ":") }) {
            var end = start + 1
            while end < front.count, front[end].hasPrefix(" ") { end += 1 }
            front.replaceSubrange(start..<end, with: value.map { ["\(key): \($0)"] } ?? [])
        } else if let value {
            front.append("\(key): \(value)")
        }
        return join(front, body)
    }

    static func withBody(_ body: String, in text: String) -> String {
        join(split(text).front, body)
    }

    static func has(_ key: String, in text: String) -> Bool {
        split(text).front.contains { $0.hasPrefix(key + ":") }
    }
}
