import Markdown

/// The one rule for values per language, in site.yaml and in data files: a key `K.LANG` (LANG a
/// declared language) replaces `K` in LANG's build and is dropped in the others.
struct LanguageKeys {
    /// The site's languages, the default first.
    let declared: [String]
    /// The file the values come from, for messages.
    let file: String
    /// Where problems go; nil to check nothing (the second and later languages of one file).
    let log: DiagnosticLog?

    /// Keys whose values are taken as written (site.yaml's `nav`, whose keys are titles such as
    /// `Node.js`, not keys in another language); `nav.en:` still gives a language its own.
    var verbatim: Set<String> = []

    /// `value` as language `language` sees it, at every depth.
    func localize(_ value: DataValue, to language: String) -> DataValue {
        switch value.kind {
        case .list(let items):
            return DataValue(.list(items.map { localize($0, to: language) }), at: value.position)
        case .map(let pairs):
            var result: [(key: String, value: DataValue)] = []
            var replaced: [String: DataValue] = [:]
            for (key, item) in pairs {
                guard let (base, tag) = Self.split(key) else { continue }
                if !declared.contains(tag) {
                    log?.error(
                        file, item.position,
                        "language '\(tag)' is not declared in site.yaml `languages:`; declare it or rename the key",
                        hint: "declared: \(declared.joined(separator: ", "))")
                } else if tag == language {
                    replaced[base] = verbatim.contains(base) ? item : localize(item, to: language)
                }
            }
            for (key, item) in pairs {
                if verbatim.contains(key) {
                    result.append((key, replaced[key] ?? item))
                    continue
                }
                if let (base, tag) = Self.split(key) {
                    // A `K.LANG` without a plain `K` stands in its place.
                    if tag == language, !pairs.contains(where: { $0.key == base }) {
                        result.append((base, replaced[base]!))
                    } else if !declared.contains(tag) {
                        result.append((key, item))
                    }
                    continue
                }
                result.append((key, replaced[key] ?? localize(item, to: language)))
            }
            return DataValue(.map(result), at: value.position)
        default:
            return value
        }
    }

    /// `title.en` -> (`title`, `en`) when the part after the last dot looks like a language tag
    /// (two or three lower-case letters, or that with a region: `en-GB`).
    static func split(_ key: String) -> (base: String, tag: String)? {
        guard let dot = key.lastIndex(of: "."), dot != key.startIndex else { return nil }
        let tag = String(key[key.index(after: dot)...])
        guard isLanguageTag(tag) else { return nil }
        return (String(key[..<dot]), tag)
    }

    /// The language of a tag, without its script or region (`pt` of `pt-BR`).
    static func primary(of tag: String) -> String {
        String(tag.lowercased().prefix { $0 != "-" && $0 != "_" })
    }

    /// What marks text in language `written` inside an element in language `within`: its `lang`
    /// where it is another language (the theme's English UI strings on a Persian page), and its
    /// `dir` where that differs too; nil, nil for the same language (Bokmål's words for `no` too).
    static func marks(_ written: String, within: String) -> (lang: String?, dir: String?) {
        let (said, own) = (primary(of: written), primary(of: within))
        guard said != own && LoadTheme.writtenForm[own] != said else { return (nil, nil) }
        let rtl = isRightToLeft(written)
        return (written, rtl == isRightToLeft(within) ? nil : (rtl ? "rtl" : "ltr"))
    }

    /// Whether a language tag's language is written right to left (Arabic, Persian, Hebrew, Urdu…):
    /// its pages get `dir="rtl"`, so that the browser lays them out from the right.
    static func isRightToLeft(_ tag: String) -> Bool {
        let primary = tag.prefix { $0 != "-" }
        return ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi"].contains(primary)
    }

    /// `tag` written as tags are usually written (`EN` -> `en`, `pt_br` -> `pt-BR`, `zh-hant` ->
    /// `zh-Hant`: tags are case-insensitive, and `_` is how locales are often written); nil when
    /// it is none.
    static func normalizedTag(_ tag: String) -> String? {
        let parts = tag.replacingOccurrences(of: "_", with: "-").split(separator: "-", omittingEmptySubsequences: false)
        let written =
            ([parts[0].lowercased()] + parts.dropFirst().map { $0.count == 4 ? $0.capitalized : $0.uppercased() })
            .joined(separator: "-")
        return isLanguageTag(written) ? written : nil
    }

    /// A language tag as sites name their languages: two or three ASCII lower-case letters, then
    /// optionally a script of four letters and a region of two letters or three digits, these in
    /// either case (`en`, `sv`, `en-GB`, `zh-Hant`, `es-419`, and `pt-br` and `zh-cn`, as Hugo and
    /// Starlight name their languages' folders).
    static func isLanguageTag(_ tag: String) -> Bool {
        var parts = tag.split(separator: "-", omittingEmptySubsequences: false)[...]
        func letters(_ part: Substring) -> Bool { part.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } }
        guard let primary = parts.popFirst(), (2...3).contains(primary.count), primary == primary.lowercased(),
            letters(primary)
        else { return false }
        if let script = parts.first, script.count == 4, letters(script) { parts.removeFirst() }
        if let region = parts.first,
            region.count == 2 && letters(region)
                || region.count == 3 && region.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        {
            parts.removeFirst()
        }
        return parts.isEmpty
    }
}
