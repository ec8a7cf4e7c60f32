/// The kinds of documents results name (`Projekt`, `Organisation`, `Ordlista`, `Sida`, a
/// section's title), numbered in the order they are first asked for.
struct SearchKinds {
    /// The theme's UI strings for the kinds the build names itself.
    struct Labels: Sendable {
        var project: String
        var glossary: String
        var page: String

        static let keys = ["search.kind.project", "search.kind.glossary", "search.kind.page"]

        init(project: String, glossary: String, page: String) {
            self.project = project
            self.glossary = glossary
            self.page = page
        }

        init(_ theme: Theme) {
            self.init(
                project: theme.string(Self.keys[0]), glossary: theme.string(Self.keys[1]),
                page: theme.string(Self.keys[2]))
        }
    }

    private(set) var labels: [String] = []
    private var numbers: [String: Int] = [:]

    /// The number of a kind's label, adding it when new.
    mutating func number(_ label: String) -> Int {
        if let number = numbers[label] { return number }
        numbers[label] = labels.count
        labels.append(label)
        return labels.count - 1
    }
}
