import Markdown

/// Who wrote a page, as front matter names them: `author: Ada Lovelace` (Jekyll, Hugo),
/// `author: [Ada, Bo]`, `authors: [Ada, Bo]` (Hugo, Zola, Material's blog), or entries of their
/// own, `authors: [{name: Ada, url: https://…}]` and `author: {name: Ada}` (Docusaurus, Jekyll's
/// themes). A name that is a key of the site's `data/authors.yaml` is that entry (`name:`, `url:`),
/// as Docusaurus' `authors.yml` and Material's `.authors.yml` (its `authors:` mapping) give them.
struct PageAuthor: Sendable, Equatable {
    var name: String
    /// Where the author is (a profile page, `https://…` or `mailto:`); nil for none.
    var url: String? = nil

    /// The front matter fields read, in order: `authors:` and `author:` may both be written.
    static let keys = ["authors", "author"]

    /// The authors of a page with front matter `map`, looked up in `data` (the site's data files).
    static func of(_ map: DataValue, data: [String: DataFile]) -> [PageAuthor] {
        let known = data["authors"].map { $0.value["authors"] ?? $0.value }
        var authors: [PageAuthor] = []
        for key in keys {
            guard let value = map[key] else { continue }
            for entry in value.list ?? [value] {
                guard let author = author(entry, known: known), !authors.contains(author) else { continue }
                authors.append(author)
            }
        }
        return authors
    }

    private static func author(_ entry: DataValue, known: DataValue?) -> PageAuthor? {
        if let text = entry.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let record = known?[text], let name = record["name"]?.text, !name.isEmpty {
                return PageAuthor(name: name, url: record["url"]?.text ?? record["link"]?.text)
            }
            return PageAuthor(name: text)
        }
        guard let name = entry["name"]?.text, !name.isEmpty else { return nil }
        return PageAuthor(name: name, url: entry["url"]?.text ?? entry["link"]?.text)
    }

    /// An error at each author that is neither a name nor an entry with a `name:` (a list in a
    /// list, a mapping without a name).
    static func check(_ map: DataValue, file: String, log: DiagnosticLog) {
        for key in keys {
            guard let value = map[key], !value.isNull else { continue }
            // An empty one (an archetype's `author: ""`) is none.
            for entry in value.list ?? [value] where entry.text == nil && !entry.isNull {
                guard entry["name"]?.text?.isEmpty != false else { continue }
                log.error(
                    file, entry.position,
                    "an author in '\(key)' must be a name or have a 'name:', not \(entry.typeName)",
                    hint: "write '\(key): Ada Lovelace', or an entry '- name: Ada Lovelace' with its 'url:'")
            }
        }
    }
}
