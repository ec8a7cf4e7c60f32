import Markdown

/// The checks of a site in several languages: pages without a translation (a warning, an error
/// with `translations: required`, nothing with `translations: partial`), and translations older
/// than their original (the original's `updated:` or `date:` after the translation's `translated:`).
struct TranslationCheck {
    let log: DiagnosticLog

    /// `sites`: one per language, the default language's first.
    func run(_ sites: [Site]) {
        let original = sites[0]
        var originalByKey: [String: Int] = [:]
        for i in original.pages.indices { originalByKey[original.pages[i].translationKey] = i }
        for site in sites.dropFirst() {
            let language = site.config.language
            let keys = Set(site.pages.map(\.translationKey))
            for page in original.pages where site.config.translations != .partial && !keys.contains(page.translationKey)
            {
                let message = "this page has no translation into '\(language)'"
                // Where this site keeps translations: in a folder per language, or beside the original.
                let hint =
                    page.source.languageFolder.isEmpty
                    ? "add \(Self.translationName(page.source.relativePath, language)) beside it"
                    : "add \(language)/\(page.source.writtenPath), this page in '\(language)'"
                if site.config.translations == .required {
                    log.error(
                        page.source.displayPath, .start, message, hint: hint + " (site.yaml requires translations)")
                } else {
                    log.warning(page.source.displayPath, .start, message, hint: hint)
                }
            }
            for page in site.pages {
                guard let translated = page.frontMatter["translated"], let date = translated.text else { continue }
                guard CalendarDate.isValid(date) else {
                    log.error(
                        page.source.displayPath, translated.position,
                        "'translated' must be a calendar date in the form YYYY-MM-DD, not '\(date)'",
                        hint: CalendarDate.hint(example: "translated: 2026-11-30"))
                    continue
                }
                guard let i = originalByKey[page.translationKey] else { continue }
                let source = original.pages[i]
                let changed = source.lastChanged
                if let changed, CalendarDate.isValid(changed), changed > date {
                    log.warning(
                        page.source.displayPath, translated.position,
                        "the translation is older than its original: \(source.source.displayPath) changed on "
                            + "\(changed), this page was translated on \(date)",
                        hint: "bring the translation up to date and set 'translated:' to that day")
                }
            }
        }
    }

    /// `projekt/x.md` -> `x.en.md`.
    static func translationName(_ relativePath: String, _ language: String) -> String {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return String(name.dropLast(3)) + ".\(language).md"
    }
}
