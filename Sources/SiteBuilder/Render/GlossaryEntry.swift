import Foundation
import Markdown

/// One record of a glossary's data (```` ```ordlista data=name ````) as search sees it: the entry
/// is its own result, found by its term, its abbreviations (`förkortning`) and its synonyms
/// (`synonymer`), which also form a synonym group for the whole index.
struct GlossaryEntry: Equatable {
    /// The anchor of the entry on the glossary page.
    var id: String
    var term: String
    var definition: String
    /// `förkortning`: text or a list of texts.
    var abbreviations: [String]
    /// `synonymer`: a list of texts (or one text).
    var synonyms: [String]

    static let abbreviationField = "förkortning"
    static let synonymsField = "synonymer"

    /// Every name of the entry: the term, its two halves when it ends in a parenthesis
    /// (`LCA (livscykelanalys)` -> `LCA`, `livscykelanalys`), the abbreviations and synonyms.
    var names: [String] {
        var names = [term]
        if let (outside, inside) = Self.parenthesis(term) { names += [outside, inside] }
        for name in abbreviations + synonyms where !names.contains(name) { names.append(name) }
        return names
    }

    /// The variants of the entry's synonym group: its names, the term itself left out when its
    /// halves are there (a reader writes one or the other).
    var variants: [String] {
        Self.parenthesis(term) == nil ? names : Array(names.dropFirst())
    }

    /// The entries of a glossary's data, in order; records without a term are left out (the
    /// glossary does not show them). Values of the wrong kind are left out here and reported by
    /// `problems(_:)`.
    static func entries(_ value: DataValue) -> [GlossaryEntry] {
        (value.list ?? []).compactMap { item in
            guard let term = item["term"]?.text else { return nil }
            return GlossaryEntry(
                id: item["id"]?.text ?? Slug.make(term), term: term, definition: item["definition"]?.text ?? "",
                abbreviations: texts(item[abbreviationField]) ?? [], synonyms: texts(item[synonymsField]) ?? [])
        }
    }

    /// `förkortning` and `synonymer` values that are neither text nor a list of texts.
    static func problems(_ value: DataValue) -> [(position: SourcePosition, message: String, hint: String)] {
        var problems: [(position: SourcePosition, message: String, hint: String)] = []
        for item in value.list ?? [] {
            for field in [abbreviationField, synonymsField] {
                guard let written = item[field], texts(written) == nil else { continue }
                let bad = written.list?.first { $0.text == nil } ?? written
                problems.append(
                    (
                        bad.position, "'\(field)' must be text or a list of texts, not \(bad.typeName)",
                        "write '\(field): LCA' or '\(field): [LCA, livscykelanalys]'"
                    ))
            }
        }
        return problems
    }

    /// A text as a one-text list, a list of texts as it is; nil for anything else. Empty texts
    /// are left out.
    private static func texts(_ value: DataValue?) -> [String]? {
        guard let value else { return [] }
        if value.isNull { return [] }
        if let text = value.text { return text.isEmpty ? [] : [text] }
        guard let items = value.list else { return nil }
        var texts: [String] = []
        for item in items {
            guard let text = item.text else { return nil }
            if !text.isEmpty { texts.append(text) }
        }
        return texts
    }

    /// `LCA (livscykelanalys)` -> (`LCA`, `livscykelanalys`); nil when the term does not end in a
    /// parenthesis after some text.
    static func parenthesis(_ term: String) -> (outside: String, inside: String)? {
        let trimmed = term.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else { return nil }
        let outside = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            .trimmingCharacters(in: .whitespaces)
        guard !outside.isEmpty, !inside.isEmpty else { return nil }
        return (outside, inside)
    }
}
