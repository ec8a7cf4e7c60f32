import Yams

/// A text as a YAML scalar, quoted only when it must be (`Handbok: "x"` is quoted, `Docs` is not),
/// for the YAML that `kretslopp new` and `kretslopp import` write.
enum YAMLScalar {
    static func written(_ value: String) -> String {
        // On one line (no width): a folded line would need the indentation of where the caller puts it.
        let dumped = (try? Yams.dump(object: value, width: -1, allowUnicode: true)) ?? "\"\(value)\"\n"
        return dumped.trimmingCharacters(in: .newlines)
    }

    /// site.yaml's `redirects:` (old URL: where it sends readers), saying where they came from;
    /// nothing for none.
    static func redirects(_ pairs: [(from: String, to: String)], from source: String) -> String {
        guard !pairs.isEmpty else { return "" }
        return "redirects:  # \(source): old URLs, and where they send readers\n"
            + pairs.map { "  \(written($0.from)): \(written($0.to))\n" }.joined()
    }
}
