import Foundation
import Markdown

/// The taxonomies of a Hugo or Zola site, declared for Kretslopp with the terms its pages use:
/// Hugo makes `/tags/` and `/tags/<term>/` from whatever the pages write, Kretslopp builds them
/// from a vocabulary in site.yaml (so that a misspelt term is an error, not a new page). The
/// import writes that vocabulary once; from then on it is the site's.
struct ImportedTaxonomies {
    struct Taxonomy: Equatable {
        /// The front matter key and the URL folder (`tags`).
        var key: String
        /// Hugo's singular name (`tag`).
        var singular: String
        /// Every term the pages write, one spelling per URL, in Hugo's order (by name).
        var terms: [String] = []
        /// The other spellings pages write a term in (`docs` for `Docs`), by the term: one term in
        /// Hugo and Zola, declared as its `spellings:` so that the pages build as they are.
        var spellings: [String: [String]] = [:]
        /// Titles its own `_index.md` gives it (Hugo's `tags/_index.md`), by language ("" for the
        /// default), and its terms' (`tags/docs/_index.md`), by term slug.
        var titles: [String: String] = [:]
        var termTitles: [String: [String: String]] = [:]
    }

    /// The `_index.md` files of taxonomies and terms (Hugo's pages for them): their titles are
    /// taken, the files left out of the build (`ignore:`), where they would stand at a page the
    /// build makes itself.
    var intros: [(path: String, key: String)] = []
    /// Other pages the build makes its own of, left out in the same `ignore:` (a theme's search page).
    var ignoredToo: [String] = []

    var taxonomies: [Taxonomy]
    var diagnostics: [Diagnostic] = []
    /// A value of one text is its words, each a term, as Jekyll reads `tags: a b`; declared so.
    var spaceSeparated = false

    /// The taxonomies `root` (Hugo's or Zola's settings) declares: Hugo's `taxonomies` (singular:
    /// plural; `tags` and `categories` when it says nothing, none when `disableKinds` leaves
    /// them out), Zola's `[[taxonomies]]` names.
    init(settings root: DataValue, isZola: Bool) {
        if isZola {
            taxonomies = (root["taxonomies"]?.list ?? []).compactMap { entry in
                entry["name"]?.text.map { Taxonomy(key: $0, singular: $0) }
            }
            return
        }
        let disabled = Set((root["disableKinds"]?.list ?? []).compactMap { $0.text?.lowercased() })
        if !disabled.isDisjoint(with: ["taxonomy", "term", "taxonomyterm"]) {
            taxonomies = []
        } else if let declared = root["taxonomies"]?.pairs {
            taxonomies = declared.compactMap { pair in pair.value.text.map { Taxonomy(key: $0, singular: pair.key) } }
        } else {
            taxonomies = [Taxonomy(key: "tags", singular: "tag"), Taxonomy(key: "categories", singular: "category")]
        }
    }

    /// Gathers the terms of `pages` (path below the content folder -> text); two spellings of
    /// one term (`Docs`, `docs`: one URL, one term in Hugo) keep the first, with a warning at the other.
    /// `languages` (the default first) are the site's, for their folders (`en/tags/_index.md`).
    mutating func gather(
        pages: [(path: String, text: String)], isZola: Bool, folder: String, languages: [String] = []
    ) {
        var seen = taxonomies.map { _ in [String: (spelling: String, file: String)]() }
        var warned = Set<String>()
        // The pages' own mistakes are the build's to report, at their lines.
        let quiet = DiagnosticLog()
        for page in pages {
            let split = FrontMatterSplitter.split(page.text)
            guard let text = split.yaml else { continue }
            let display = "\(folder)/\(page.path)"
            guard
                let map = split.isTOML
                    ? TOMLReader.parse(text, file: display, lineOffset: split.yamlLineOffset, log: quiet)
                    : YAMLReader.parse(text, file: display, lineOffset: split.yamlLineOffset, log: quiet)
            else { continue }
            if noteIntro(page.path, map: map, body: split.body, display: display, languages: languages) { continue }
            for (t, taxonomy) in taxonomies.enumerated() {
                let field = isZola ? map["taxonomies"]?[taxonomy.key] : map[taxonomy.key]
                let values = field.map { field -> [DataValue] in
                    if let list = field.list { return list }
                    guard spaceSeparated, let text = field.text else { return [field] }
                    return ParseFrontMatter.words([(text, field.position)]).map { DataValue(.string($0.0), at: $0.1) }
                }
                for value in values ?? [] {
                    guard let term = value.text?.trimmingCharacters(in: .whitespaces), !term.isEmpty else { continue }
                    let slug = Slug.make(term)
                    guard !slug.isEmpty else { continue }
                    if let first = seen[t][slug] {
                        if first.spelling != term, warned.insert("\(t) \(term)").inserted {
                            taxonomies[t].spellings[first.spelling, default: []].append(term)
                            diagnostics.append(
                                Diagnostic(
                                    .warning, display, value.position,
                                    "'\(term)' and '\(first.spelling)' (\(first.file)) are one term of "
                                        + "'\(taxonomy.key)' (one URL): site.yaml declares '\(first.spelling)' with "
                                        + "'\(term)' among its spellings",
                                    hint: "to keep one spelling, write the term one way in every page and remove "
                                        + "'spellings:'"))
                        }
                        continue
                    }
                    seen[t][slug] = (term, display)
                    taxonomies[t].terms.append(term)
                }
            }
        }
        for t in taxonomies.indices {
            taxonomies[t].terms.sort { (Slug.make($0), $0) < (Slug.make($1), $1) }
        }
        taxonomies.removeAll { $0.terms.isEmpty }
        // A taxonomy left out is no page of the build's: its folder is a section as any other.
        intros.removeAll { intro in !taxonomies.contains { $0.key == intro.key } }
    }

    /// Whether `path` is a taxonomy's or a term's `_index.md` (`tags/_index.md`,
    /// `no/tags/docs/_index.md`): its title is noted, and a warning says its text is not shown.
    private mutating func noteIntro(
        _ path: String, map: DataValue, body: String, display: String, languages: [String]
    ) -> Bool {
        var parts = path.split(separator: "/").map(String.init)
        guard parts.last == "_index.md" else { return false }
        var language = ""
        if parts.count > 2, let n = languages.firstIndex(of: parts[0]) {
            language = n == 0 ? "" : parts[0]
            parts.removeFirst()
        }
        guard (2...3).contains(parts.count), let t = taxonomies.firstIndex(where: { $0.key == parts[0] }) else {
            return false
        }
        intros.append((path, parts[0]))
        let title = map["title"]?.text
        if parts.count == 2 {
            if let title { taxonomies[t].titles[language] = title }
        } else if let title {
            taxonomies[t].termTitles[Slug.make(parts[1]), default: [:]][language] = title
        }
        if !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            diagnostics.append(
                Diagnostic(
                    .warning, display, .start,
                    "this \(parts.count == 2 ? "taxonomy's" : "term's") page is made by the build: "
                        + "its title is kept in site.yaml, its text is not shown",
                    hint: "Kretslopp's taxonomy and term pages list their pages; a term's description "
                        + "goes in site.yaml (description: under the term)"))
        }
        return true
    }

    /// The `taxonomies:` block of site.yaml (empty without any), and the `ignore:` block of the
    /// pages the build makes its own of.
    var yaml: String {
        guard !taxonomies.isEmpty else { return ignored }
        func title(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }
        var yaml = "taxonomies:               # with every term the pages use; a new term is added here\n"
        for taxonomy in taxonomies {
            yaml += "  - key: \(YAMLScalar.written(taxonomy.key))\n"
            yaml += "    title: \(YAMLScalar.written(taxonomy.titles[""] ?? title(taxonomy.key)))\n"
            for (language, own) in taxonomy.titles.sorted(by: { $0.key < $1.key }) where !language.isEmpty {
                yaml += "    title.\(language): \(YAMLScalar.written(own))\n"
            }
            yaml += "    singular: \(YAMLScalar.written(title(taxonomy.singular)))\n"
            if spaceSeparated {
                yaml += "    spaceSeparated: true  # `\(taxonomy.key): a b` is two terms, as Jekyll reads it\n"
            }
            yaml += "    terms:\n"
            for term in taxonomy.terms {
                yaml += "      - id: \(YAMLScalar.written(term))\n"
                // A block list: a plain scalar in a flow one would end at its first comma.
                if let others = taxonomy.spellings[term] {
                    yaml += "        spellings:\n" + others.map { "          - \(YAMLScalar.written($0))\n" }.joined()
                }
                let titles = taxonomy.termTitles[Slug.make(term)] ?? [:]
                for (language, own) in titles.sorted(by: { $0.key < $1.key }) {
                    yaml += "        title\(language.isEmpty ? "" : "." + language): \(YAMLScalar.written(own))\n"
                }
            }
        }
        return yaml + ignored
    }

    private var ignored: String {
        guard !intros.isEmpty || !ignoredToo.isEmpty else { return "" }
        let comment =
            ignoredToo.isEmpty
            ? "the taxonomies' and terms' own pages: their titles are above"
            : intros.isEmpty
                ? "the theme's search page (layout: search): the build makes the site's own"
                : "pages the build makes itself: the taxonomies', the search page"
        return "ignore:  # \(comment)\n"
            + (intros.map(\.path) + ignoredToo).sorted().map { "  - \(YAMLScalar.written($0))\n" }.joined()
    }
}
