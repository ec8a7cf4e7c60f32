import Foundation
import Markdown
import Synchronization

/// Slips in the front matter that still make a page, said as warnings: fields without the `---`
/// line above them, and a field written like one the build reads (`Title`, `summery`, `titel`).
extension ParseFrontMatter {
    /// The fields the build reads itself (beside the site's taxonomies, collections and schema).
    static let buildFields = [
        "title", "summary", "description", "excerpt", "date", "draft", "weight", "aliases", "slug", "url", "status",
        "menu", "menus", "translationKey", "translated", "updated", "lastmod", "sidebar_position", "nav_order",
        "permalink",
        "redirect_from",
    ]

    /// The build's fields as Swedish editors may name them.
    static let swedishFields = [
        "titel": "title", "rubrik": "title", "sammanfattning": "summary", "beskrivning": "description",
        "datum": "date", "utkast": "draft", "vikt": "weight", "taggar": "tags", "etiketter": "tags",
        "organisationer": "organisations",
    ]

    /// A field the build does not read, written like one it does that the page lacks (`Title`,
    /// `summery`, `titel`), is a warning at the field: the value would otherwise only reach
    /// templates as `page.params`, and the page be made without it, silently. Near means one edit
    /// for a short name, two for a longer one (`math` is not `date`), or the Swedish word.
    func warnOfMisspeltFields(_ map: DataValue, file: SourceFile) {
        guard let pairs = map.pairs else { return }
        for (key, value) in pairs {
            guard let meant = knownFields.meant(key, config), map[meant] == nil, LanguageKeys.split(key) == nil else {
                continue
            }
            log.warning(
                file.displayPath, SourcePosition(line: value.position.line, column: 1),
                "unknown field '\(key)'",
                hint: "did you mean '\(meant)'? a field the build does not read reaches templates only, "
                    + "as page.params.\(key)")
        }
    }

    /// The text's front matter and body (`FrontMatterSplitter`); fields without the `---` line
    /// above them and one below are the front matter the editor meant, read so with a warning.
    func splitFrontMatter(_ text: consuming String, of file: SourceFile) -> FrontMatterSplitter.Result {
        var text = consume text
        let fenceless = !text.hasPrefix("---") && frontMatterWithoutOpeningFence(text)
        if fenceless { text = "---\n" + text }
        var split = FrontMatterSplitter.split(consume text)
        guard fenceless else { return split }
        // Positions are the file's own, which has no line for the fence put in.
        split.yamlLineOffset -= 1
        split.bodyLineOffset -= 1
        log.warning(
            file.displayPath, .start, "the front matter has no '---' line above it: read as front matter all the same",
            hint: "add a line with only '---' as the file's first line")
        return split
    }

    /// Whether `text` is a page whose front matter lost its opening `---` line: it starts with a
    /// field the build reads (`fieldsWithoutOpeningFence`), and every line up to the first `---`
    /// is written (none blank) and they are a YAML mapping. Markdown would make all of them one
    /// heading; the editor meant fields, and they are read as such (with a warning).
    func frontMatterWithoutOpeningFence(_ text: String) -> Bool {
        guard fieldsWithoutOpeningFence(text) != nil else { return false }
        let lines = text.split(separator: "\n", maxSplits: 50, omittingEmptySubsequences: false)
        guard let fence = lines.firstIndex(where: { $0 == "---" }),
            lines[..<fence].allSatisfy({ !$0.allSatisfy(\.isWhitespace) })
        else { return false }
        let yaml = lines[..<fence].joined(separator: "\n")
        let parsed = SimpleYAML.parse(yaml) ?? YAMLReader.parse(yaml, file: "", log: DiagnosticLog())
        return parsed?.pairs != nil
    }

    /// The first line of a body that starts with front matter fields but lacks the `---` line
    /// above them (the one below makes the fields a heading): `title: …` or another field the
    /// build reads, and a line of only `---` further down. Nil for any other body.
    func fieldsWithoutOpeningFence(_ body: String) -> String? {
        // Most bodies start with a heading or text: only the first line is looked at for them.
        let first = body.prefix { $0 != "\n" }
        guard let colon = first.firstIndex(of: ":"), first[first.index(after: colon)...].hasPrefix(" ") else {
            return nil
        }
        let key = first[..<colon]
        let known: Set<Substring> = ["title", "summary", "description", "date", "draft", "weight", "tags"]
        guard known.contains(key) || config.taxonomies.contains(where: { $0.key == key }) else { return nil }
        let lines = body.split(separator: "\n", maxSplits: 50, omittingEmptySubsequences: false)
        return lines.dropFirst().contains { $0 == "---" } ? String(first) : nil
    }
}

/// The front matter fields the build reads (its own, and the site's taxonomies, collections and
/// schema fields), and which of them a field it does not read was likely meant to be.
struct KnownFields: Sendable {
    let names: [String]
    let set: Set<String>
    /// Each name in lower case, for comparing.
    private let lowered: [[Character]]

    init(_ config: SiteConfig) {
        var names = ParseFrontMatter.buildFields + config.taxonomies.map(\.key) + config.collections.map(\.key)
        names += config.schema.keys.sorted().flatMap { config.schema[$0]!.map(\.field) }
        self.names = names
        set = Set(names)
        lowered = names.map { Array($0.lowercased()) }
    }

    /// The known field `key` was likely meant to be: the same letters in another case, the
    /// Swedish word, or one edit away for a short name and two for a longer one. Only names
    /// of about its length that share its first or last letter are compared: every page of a
    /// site has fields of its own (`roller`, `kontakt`), and most are like none.
    func meant(_ key: String) -> String? {
        let lower = Array(key.lowercased())
        if let swedish = ParseFrontMatter.swedishFields[String(lower)], set.contains(swedish) { return swedish }
        let limit = lower.count <= 5 ? 1 : 2
        let near = names.indices.filter {
            let other = lowered[$0]
            return abs(other.count - lower.count) <= limit && (other.first == lower.first || other.last == lower.last)
        }
        return near.isEmpty ? nil : Suggestion.closest(to: key, in: near.map { names[$0] }, within: limit)
    }
}

/// `KnownFields` of a site, made the first time a page asks, and its answer for each field name,
/// kept for the rest: the pages of a site have the same fields, and thousands of them.
final class KnownFieldsOnce: Sendable {
    private struct Made {
        var fields: KnownFields?
        var answers: [String: String?] = [:]
    }
    private let made = Mutex(Made())

    /// `KnownFields.meant(key)`, or nil for a known field.
    func meant(_ key: String, _ config: SiteConfig) -> String? {
        made.withLock { made in
            if let answer = made.answers[key] { return answer }
            let fields = made.fields ?? KnownFields(config)
            made.fields = fields
            let answer = fields.set.contains(key) ? nil : fields.meant(key)
            made.answers[key] = answer
            return answer
        }
    }
}
