import Foundation

/// Hugo's site params that a site's pages show with `{{< param "name" >}}` (or `{{% param %}}`),
/// written as site.yaml's `params:` by `kretslopp import`: only those the pages name, nested as
/// in Hugo's settings (`github.repo` under `github:`), text values only.
enum HugoParams {
    /// The `params:` block for the names `pages` show that `params` (Hugo's `params` table) has a
    /// text value for; empty when there are none.
    static func yaml(pages: [(path: String, text: String)], params: DataValue?) -> String {
        guard let params else { return "" }
        let known = SiteParams.texts(params)
        var used: [String: String] = [:]
        for page in pages where SiteParams.isShown(in: page.text) {
            for name in names(in: page.text) {
                if let value = known[name.lowercased()] { used[name.lowercased()] = value }
            }
        }
        guard !used.isEmpty else { return "" }
        var tree = Node()
        for (name, value) in used { tree.insert(name.split(separator: ".").map(String.init), value) }
        return "params:  # Hugo's site params the pages show with {{< param >}}\n" + tree.lines(indent: 2)
    }

    /// The names `{{< param "name" >}}`, `{{% param name %}}` ask for in `text`.
    static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let mark = rest.first, mark == "<" || mark == "%" else { continue }
            let inside = rest.dropFirst().drop { $0 == " " }
            guard inside.hasPrefix("param "), let close = inside.range(of: "}}") else { continue }
            var argument = inside[inside.index(inside.startIndex, offsetBy: 6)..<close.lowerBound]
                .trimmingCharacters(in: .whitespaces)
            argument = String(argument.dropLast(argument.hasSuffix(String(mark == "<" ? ">" : "%")) ? 1 : 0))
                .trimmingCharacters(in: .whitespaces)
            let name = argument.trimmingCharacters(in: CharacterSet(charactersIn: "\"'`"))
            if !name.isEmpty, !name.contains(" ") { names.append(name) }
        }
        return names
    }

    /// A mapping being written: text values and inner mappings by key.
    private struct Node {
        var values: [String: String] = [:]
        var children: [String: Node] = [:]

        mutating func insert(_ path: [String], _ value: String) {
            guard let first = path.first else { return }
            if path.count == 1 {
                values[first] = value
            } else {
                children[first, default: Node()].insert(Array(path.dropFirst()), value)
            }
        }

        func lines(indent: Int) -> String {
            let pad = String(repeating: " ", count: indent)
            var text = ""
            for key in Set(values.keys).union(children.keys).sorted() {
                if let value = values[key] {
                    text += "\(pad)\(YAMLScalar.written(key)): \(YAMLScalar.written(value))\n"
                }
                if let child = children[key] {
                    text += "\(pad)\(YAMLScalar.written(key)):\n" + child.lines(indent: indent + 2)
                }
            }
            return text
        }
    }
}
