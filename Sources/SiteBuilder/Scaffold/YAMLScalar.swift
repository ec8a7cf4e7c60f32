import Yams

/// A text as a YAML scalar, quoted only when it must be (`Handbok: "x"` is quoted, `Docs` is not),
/// for the YAML that `kretslopp new` and `kretslopp import` write.
enum YAMLScalar {
    static func written(_ value: String) -> String {
        let dumped = (try? Yams.dump(object: value, allowUnicode: true)) ?? "\"\(value)\"\n"
        return dumped.trimmingCharacters(in: .newlines)
    }
}
