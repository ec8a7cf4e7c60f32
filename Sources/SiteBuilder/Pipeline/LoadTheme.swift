import Foundation
import Markdown
import Templates

/// A theme, loaded once: compiled templates, UI strings, icons and asset files.
struct Theme: Sendable {
    var templates: MustacheTheme
    /// UI strings of the site's language (`i18n/sv.yaml`; English when the theme has none for it).
    var strings: [String: String] { didSet { stringValues = strings.templateValue } }
    /// The UI strings as templates see them (`i18n`), made once for every page.
    private(set) var stringValues: TemplateValue
    /// The language the UI strings are written in (`sv`; `en` when the theme had none for the
    /// site's language and fell back to its English ones).
    var stringsLanguage = LoadTheme.fallbackLanguage
    /// Each UI string in another language than the site's (the theme's English for a language it
    /// has none for, not the site's own words from site.yaml), with the attributes that say so:
    /// ` lang="en"`, and ` dir="ltr"` where the direction differs (`uiMark`); nil where none is.
    var uiMarks: TemplateValue? = nil
    /// The icons of `icons/`, shown through one sprite per page.
    var icons: IconSprite
    /// Files below `assets/`: path relative to it -> bytes.
    var assets: [(path: String, data: Data)]
    /// Data files the templates read as `data.<name>`.
    var dataKeys: Set<String> = []

    /// Templates every theme must have.
    static let requiredTemplates = [
        "home", "section", "page", "single", "terms", "term", "records", "record", "search", "404",
    ]

    /// UI strings the build itself writes into pages.
    static let requiredStrings =
        ["home", "headingAnchor", "notFoundTitle", "otherRecords", "searchTitle"] + SearchKinds.Labels.keys
    /// UI strings the build writes into the language switcher of a site in several languages.
    static let languageStrings = ["languageName", "languageNotTranslated"]

    init(
        templates: MustacheTheme, strings: [String: String], icons: IconSprite, assets: [(path: String, data: Data)],
        dataKeys: Set<String> = []
    ) {
        self.templates = templates
        self.strings = strings
        self.stringValues = strings.templateValue
        self.icons = icons
        self.assets = assets
        self.dataKeys = dataKeys
    }

    func string(_ key: String) -> String { strings[key] ?? key }

    /// The attributes that mark UI string `key` as written in another language than the page's
    /// (` lang="en"`, `uiMarks`); empty when it is in the page's.
    func mark(_ key: String) -> String {
        guard case .map(let marks)? = uiMarks, case .string(let mark)? = marks[key] else { return "" }
        return mark
    }

    /// Titles of GitHub's alerts (`> [!NOTE]`) in the theme's language, by kind, from its strings
    /// `alert.note`, `alert.tip`, `alert.important`, `alert.warning` and `alert.caution`.
    var alertTitles: [String: String] {
        var titles: [String: String] = [:]
        for kind in MarkdownOptions.alertKinds { titles[kind] = strings["alert." + kind] }
        return titles
    }

    /// The UI string `key` with each `{name}` in it that `values` names replaced by its value, in
    /// one pass: a value is never searched for placeholders in turn (a title with `{n}` in it
    /// stays as written), and a `{…}` that `values` does not name stays as it is.
    func string(_ key: String, filling values: KeyValuePairs<String, String>) -> String {
        var rest = string(key)[...]
        var filled = ""
        while let open = rest.firstIndex(of: "{") {
            filled += rest[..<open]
            let name = rest[rest.index(after: open)...].prefix { $0 != "}" }
            if name.endIndex < rest.endIndex, let value = values.first(where: { $0.key == name })?.value {
                filled += value
                rest = rest[rest.index(after: name.endIndex)...]
            } else {
                filled += "{"
                rest = rest[rest.index(after: open)...]
            }
        }
        return filled + rest
    }
}

/// Reads the theme folder and checks it against what the site uses (its language's UI strings,
/// the report template, the terms' icons); every problem is a diagnostic with the file's path.
struct LoadTheme {
    let root: URL
    let displayRoot: String
    let config: SiteConfig
    let log: DiagnosticLog

    private var language: String { config.language }
    /// The site has a report, so the theme needs a `report` template.
    private var needsReport: Bool { config.report != nil }

    func run() -> Theme? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            log.error(
                displayRoot, .start, "theme folder not found", hint: "pass --theme with the path of a theme folder")
            return nil
        }
        let templates: MustacheTheme
        do {
            templates = try MustacheTheme(directory: root.appendingPathComponent("templates"))
        } catch {
            for e in error.errors {
                log.error(
                    "\(displayRoot)/templates/\(e.file)", SourcePosition(line: e.line, column: e.column), e.message)
            }
            return nil
        }
        var missing = false
        for name in Theme.requiredTemplates + (needsReport ? ["report"] : []) where !templates.has(name) {
            log.error(
                "\(displayRoot)/templates/\(name).mustache", .start, "the theme has no '\(name)' template",
                hint: "every theme needs: \(Theme.requiredTemplates.joined(separator: ", "))")
            missing = true
        }
        if missing { return nil }
        let (strings, stringsFile) = loadStrings()
        checkStrings(strings, file: stringsFile, templates: templates)
        let icons = loadIcons()
        checkIcons(icons)
        var theme = Theme(
            templates: templates, strings: strings, icons: icons, assets: loadAssets(),
            dataKeys: Set(templates.keys(below: "data").map(\.reference.name)))
        theme.stringsLanguage = Self.language(ofStrings: stringsFile) ?? theme.stringsLanguage
        theme.uiMarks = uiMarks(strings, in: theme.stringsLanguage)
        return theme
    }

    /// The theme of `loaded` (another language's, of the same theme folder) with this language's
    /// UI strings, checked: a site in several languages reads and compiles its theme once.
    func run(sharing loaded: Theme) -> Theme {
        var theme = loaded
        let (strings, stringsFile) = loadStrings()
        checkStrings(strings, file: stringsFile, templates: loaded.templates)
        theme.strings = strings
        theme.stringsLanguage = Self.language(ofStrings: stringsFile) ?? LoadTheme.fallbackLanguage
        theme.uiMarks = uiMarks(strings, in: theme.stringsLanguage)
        return theme
    }

    /// `Theme.uiMarks` for `strings` written in `written`: the site's own words (site.yaml's
    /// `strings:`) and its language's name in itself are in its language, the rest in `written`.
    private func uiMarks(_ strings: [String: String], in written: String) -> TemplateValue? {
        let (lang, dir) = LanguageKeys.marks(written, within: language)
        guard let lang else { return nil }
        let mark = " lang=\"\(HTML.escape(lang))\"" + (dir.map { " dir=\"\($0)\"" } ?? "")
        let own = Set(config.strings.keys).union(["languageName"])
        return TemplateValue.map(
            TemplateMap(
                Dictionary(
                    uniqueKeysWithValues: strings.keys.filter { !own.contains($0) }.map {
                        ($0, TemplateValue.string(mark))
                    })))
    }

    /// The language and script a tag is written in, where they differ from what its primary
    /// subtag alone implies: Chinese in Taiwan, Hong Kong and Macao is written in Traditional
    /// characters (`zh-TW` -> `zh-Hant`), while `zh` files hold Simplified ones, as in CLDR.
    static func scriptTag(_ tag: String) -> String? {
        let parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.lowercased() }
        guard parts.first == "zh", parts.count > 1 else { return nil }
        if parts.contains("hant") { return "zh-Hant" }
        if parts.contains("hans") { return nil }
        return parts.contains { ["tw", "hk", "mo"].contains($0) } ? "zh-Hant" : nil
    }

    /// The language tag a UI strings file is named for (`i18n/zh-TW.yaml` -> `zh-TW`).
    static func language(ofStrings file: String?) -> String? {
        guard let file, file.hasPrefix("i18n/"), file.hasSuffix(".yaml") else { return nil }
        return String(file.dropFirst("i18n/".count).dropLast(".yaml".count))
    }

    /// A term's `icon:` must name a file of the theme's `icons/` folder (reported at site.yaml).
    private func checkIcons(_ icons: IconSprite) {
        for taxonomy in config.taxonomies {
            for term in taxonomy.terms {
                guard let icon = term.icon, icons.use(icon).isEmpty else { continue }
                let known = icons.names.joined(separator: ", ")
                log.error(
                    config.file, term.iconPosition ?? .start,
                    "icon '\(icon)' of term '\(term.id)' is not in the theme's icons/ folder",
                    hint: known.isEmpty ? "the theme has no icons; remove 'icon:'" : "use one of: \(known)")
            }
        }
    }

    /// The written form a macrolanguage's strings are in.
    static let writtenForm = ["no": "nb"]

    /// The language whose UI strings the theme falls back to when it has none for the site's.
    static let fallbackLanguage = "en"

    /// The UI strings file for the site's language: `i18n/<tag>.yaml` (`en-GB`), else the file of
    /// the script the tag implies (`zh-Hant` for `zh-TW`), else `i18n/<primary subtag>.yaml` (`en`),
    /// else that of the form a macrolanguage is written in (`nb` for `no`), else English with one
    /// warning naming the missing file; nil (an error) when the theme has not even English.
    private func stringsFile() -> String? {
        let tag = LanguageKeys.normalizedTag(language) ?? language.replacingOccurrences(of: "_", with: "-")
        let primary = String(tag.split(separator: "-").first ?? "").lowercased()
        var candidates = ["i18n/\(tag).yaml"]
        if let script = Self.scriptTag(tag), script != tag { candidates.append("i18n/\(script).yaml") }
        if primary != tag { candidates.append("i18n/\(primary).yaml") }
        // Norwegian written `no` is nearly always Bokmål, as browsers and CLDR read it.
        if let written = Self.writtenForm[primary] { candidates.append("i18n/\(written).yaml") }
        if let found = candidates.first(where: { fm.fileExists(atPath: root.appendingPathComponent($0).path) }) {
            return found
        }
        let wanted = candidates.last!
        let fallback = "i18n/\(Self.fallbackLanguage).yaml"
        guard fm.fileExists(atPath: root.appendingPathComponent(fallback).path) else {
            log.error(
                "\(displayRoot)/\(wanted)", .start, "the theme has no UI strings for language '\(language)'",
                hint: "add \(wanted) to the theme (copy one of its i18n/*.yaml files and translate the values)")
            return nil
        }
        log.warning(
            "\(displayRoot)/\(wanted)", .start,
            "the theme has no UI strings for language '\(language)'; its pages show the English ones",
            hint: "add \(wanted) to the theme (copy \(fallback) and translate the values)")
        return fallback
    }

    private func loadStrings() -> (strings: [String: String], file: String?) {
        guard let relative = stringsFile() else { return ([:], nil) }
        var strings = readStrings(relative) ?? [:]
        // Another language's strings stand in (English's, or Bokmål's for `no`): the language's
        // own name still names it (a switcher entry saying "English" for Norwegian would send
        // readers to the wrong place).
        let primary = LanguageKeys.primary(of: language)
        let standIn =
            (relative == "i18n/\(Self.fallbackLanguage).yaml" && !language.hasPrefix(Self.fallbackLanguage))
            || Self.writtenForm[primary].map { relative == "i18n/\($0).yaml" } == true
        if standIn, let name = Self.autonym(language) {
            // Nor may its untranslated entry say "not in English": the fallback's words, naming it.
            if let own = strings["languageName"], let said = strings["languageNotTranslated"] {
                strings["languageNotTranslated"] = said.replacingOccurrences(of: own, with: name)
            }
            strings["languageName"] = name
        }
        useSitesOwnWords(in: &strings)
        return (strings, relative)
    }

    /// site.yaml's `strings:` in place of the theme's: a key the theme does not have is a warning
    /// (a typo would otherwise change nothing, silently), and so is a text without the
    /// placeholders the theme's has (`{n}`: the build or the page's script fills them in).
    private func useSitesOwnWords(in strings: inout [String: String]) {
        guard !strings.isEmpty else { return }
        for (key, own) in config.strings.sorted(by: { $0.key < $1.key }) {
            guard let theirs = strings[key] else {
                let guess = Suggestion.closest(to: key, in: Array(strings.keys)).map { "did you mean '\($0)'? " } ?? ""
                log.warning(
                    config.file, own.position, "the theme has no UI string '\(key)'; it is left out",
                    hint: "\(guess)the keys are those of the theme's i18n/*.yaml files")
                continue
            }
            let missing = Self.placeholders(theirs).subtracting(Self.placeholders(own.text))
            if !missing.isEmpty {
                log.warning(
                    config.file, own.position,
                    "UI string '\(key)' leaves out \(missing.sorted().joined(separator: ", ")), which the theme's has",
                    hint: "keep the placeholders in braces: they are filled in with numbers and words")
            }
            strings[key] = own.text
        }
    }

    /// The `{name}` placeholders of a UI string.
    static func placeholders(_ text: String) -> Set<String> {
        var found = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) { found.insert("{\(name)}") }
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// A language's name in itself, as the locale data names it (`fa` -> `فارسی`, `no` -> `Norsk`).
    static func autonym(_ tag: String) -> String? {
        let primary = String(tag.prefix { $0 != "-" && $0 != "_" })
        guard let name = Locale(identifier: primary).localizedString(forLanguageCode: primary), !name.isEmpty else {
            return nil
        }
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The strings of one i18n file, or nil when it cannot be read.
    private func readStrings(_ relative: String, report: Bool = true) -> [String: String]? {
        let display = "\(displayRoot)/\(relative)"
        let log = report ? self.log : DiagnosticLog()
        guard let data = fm.contents(atPath: root.appendingPathComponent(relative).path) else {
            log.error(display, .start, "cannot read the theme's UI strings file")
            return nil
        }
        let file = SourceFile(relativePath: relative, displayPath: display, data: data)
        guard let text = file.text(log: log), let value = YAMLReader.parse(text, file: display, log: log) else {
            return nil
        }
        var strings: [String: String] = [:]
        for (key, item) in value.pairs ?? [] {
            if let text = item.text {
                strings[key] = text
            } else {
                log.error(display, item.position, "UI string '\(key)' must be text")
            }
        }
        return strings
    }

    // A missing UI string would show its key to readers: every key the templates or the build
    // use must be in the language file.
    private func checkStrings(_ strings: [String: String], file relative: String?, templates: MustacheTheme) {
        guard let relative, !strings.isEmpty else { return }
        let file = "\(displayRoot)/\(relative)"
        let required = Theme.requiredStrings + (config.isMultilingual ? Theme.languageStrings : [])
        for key in required where strings[key] == nil {
            log.error(file, .start, "missing UI string '\(key)', which the build uses", hint: "add '\(key): …'")
        }
        for (template, reference) in templates.keys(below: "i18n") where strings[reference.name] == nil {
            log.error(
                "\(displayRoot)/templates/\(template)", SourcePosition(line: reference.line, column: reference.column),
                "UI string '\(reference.name)' is not in \(relative)", hint: "add it there or fix the key")
        }
        checkOtherLanguages(strings, file: relative)
    }

    // A theme's languages drift apart when a key is added to one file only: every key of the
    // site's language file must be in each other language file too, so a site in that language
    // does not show a key. Reported as a warning at the file that lacks it, once per file.
    private func checkOtherLanguages(_ strings: [String: String], file relative: String) {
        let folder = root.appendingPathComponent("i18n")
        let names = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") && "i18n/\($0)" != relative }.sorted()
        for name in names {
            guard let other = readStrings("i18n/\(name)", report: false) else { continue }
            let missing = strings.keys.filter { other[$0] == nil }.sorted()
            guard !missing.isEmpty else { continue }
            log.warning(
                "\(displayRoot)/i18n/\(name)", .start,
                "missing UI string\(missing.count == 1 ? "" : "s") "
                    + "\(missing.map { "'\($0)'" }.joined(separator: ", ")), which \(relative) has",
                hint: "add \(missing.count == 1 ? "it" : "them") in that file's language")
        }
    }

    private func loadIcons() -> IconSprite {
        let folder = root.appendingPathComponent("icons")
        var icons: [String: String] = [:]
        for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".svg") {
            if let data = fm.contents(atPath: folder.appendingPathComponent(name).path),
                let svg = String(data: data, encoding: .utf8)
            {
                icons[String(name.dropLast(4))] = svg.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        do {
            return try IconSprite(icons: icons)
        } catch {
            log.error("\(displayRoot)/icons/\(error.name).svg", .start, error.message)
            return IconSprite()
        }
    }

    private func loadAssets() -> [(path: String, data: Data)] {
        let folder = root.appendingPathComponent("assets").standardizedFileURL
        guard let enumerator = fm.enumerator(atPath: folder.path) else { return [] }
        var assets: [(path: String, data: Data)] = []
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            guard fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                !path.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            else { continue }
            if let data = fm.contents(atPath: full) {
                assets.append((path, data))
            } else {
                log.error("\(displayRoot)/assets/\(path)", .start, "cannot read asset file")
            }
        }
        return assets.sorted { $0.path < $1.path }
    }

    private var fm: FileManager { FileManager.default }
}
