import Yams

/// A text as a YAML scalar, quoted only when it must be (`Handbok: "x"` is quoted, `Docs` is not),
/// for the YAML that `kretslopp new` and `kretslopp import` write.
enum YAMLScalar {
    static func written(_ value: String) -> String {
        // On one line (no width): a folded line would need the indentation of where the caller puts it.
        let dumped = (try? Yams.dump(object: value, width: -1, allowUnicode: true)) ?? "\"\(value)\"\n"
        return dumped.trimmingCharacters(in: .newlines)
    }
}
