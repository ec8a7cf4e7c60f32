import Foundation
import Parallel
import Templates

/// The values every page shares: the site, menu, assets and UI strings, and how the page stands
/// among its languages (the switch and the hreflang alternates).
extension PageRenderer {
    /// The values of `common` that are equal on every page at the same depth (links are relative):
    /// what a listing card's rendering may read besides the card, so that it is rendered once per
    /// depth. Not the menu (it marks the current page), titles or the canonical URL.
    static let sameAtOneDepth: Set<String> = [
        "lang", "rtl", "i18n", "site", "assets", "searchURL", "searchEngine", "feedURL",
        "liveReload", "iconSprite", "data",
    ]

    /// Values every page gets: site, menu, assets, UI strings.
    func common(path: String, title: String, url: SiteURL) -> CommonValues {
        let config = site.config
        let isHome = path == config.root
        var values = CommonValues(
            lang: config.language, rtl: LanguageKeys.isRightToLeft(config.language),
            i18n: theme.stringValues,
            site: SiteValues(
                title: config.title, description: config.description, author: config.author,
                homeURL: url.to(config.root), contact: config.contact?.templateValue),
            assets: AssetValues(
                css: url.to("/assets/style.css"), js: url.to("/assets/site.js"),
                root: SiteURL(from: path, style: .pretty, rootPrefix: url.rootPrefix).to("/")),
            searchURL: url.to(config.searchPath),
            searchEngine: url.to(config.root + IndexForSearch.enginePath),
            menu: config.menu.map { item in
                // The front page (a language's too) is current only on itself.
                let current =
                    item.path == path || item.covers.contains(path)
                    || (item.path != "/" && item.path != config.root && path.hasPrefix(item.path))
                return MenuItemValues(
                    title: item.title, url: item.path.contains("://") ? item.path : url.to(item.path),
                    current: current)
            },
            pageTitle: isHome ? config.title : "\(title) – \(config.title)",
            canonical: config.baseURL.isEmpty || path == "/404.html" ? "" : config.baseURL + path.dropFirst(),
            feedURL: url.to(config.root + "feed.xml"),
            liveReload: PreviewWords.injected(liveReload, theme: theme),
            iconSprite: theme.icons.sprite,
            isHome: isHome,
            footer: config.footer.map { item in
                MenuItemValues(
                    title: item.title, url: item.path.contains("://") ? item.path : url.to(item.path),
                    current: item.path == path)
            },
            languages: languageSwitch(path: path, url: url), alternates: alternates(path: path, url: url),
            siteNav: site.navigation.isEmpty ? nil : SiteNavValues.of(site.navigation, path: path, url: url),
            hasSiteNav: !site.navigation.isEmpty)
        values.hasMainNav = !values.menu.isEmpty || !values.languages.isEmpty
        values.languageMenu = values.languages.count >= CommonValues.languagesForAMenu
        values.uiMark = theme.uiMarks
        return values
    }

    /// The language switcher's entries: each other language, with the same page there, or its
    /// front page where the page is not translated.
    func languageSwitch(path: String, url: SiteURL) -> [LanguageSwitchValues] {
        guard let links = site.languageLinks else { return [] }
        return links.alternates(of: path).compactMap { language, target in
            guard language.tag != site.config.language else { return nil }
            let note = LanguageKeys.marks(language.notTranslatedLanguage, within: language.tag)
            return LanguageSwitchValues(
                lang: language.tag, rtl: LanguageKeys.isRightToLeft(language.tag), name: language.name,
                url: url.to(target ?? language.root), translated: target != nil, note: language.notTranslated,
                noteLang: note.lang, noteDir: note.dir)
        }
    }

    /// `hreflang` links to the page in every language it is in (itself included), and
    /// `x-default` to the default language's; none for a page in one language only.
    func alternates(path: String, url: SiteURL) -> [AlternateValues] {
        guard let links = site.languageLinks, links.isMatched(path) else { return [] }
        let all = links.alternates(of: path)
        guard all.filter({ $0.path != nil }).count > 1 else { return [] }
        let base = site.config.baseURL
        func href(_ target: String) -> String { base.isEmpty ? url.to(target) : base + target.dropFirst() }
        var result = all.compactMap { language, target in
            target.map { AlternateValues(hreflang: language.tag, href: href($0)) }
        }
        if let first = all.first?.path { result.append(AlternateValues(hreflang: "x-default", href: href(first))) }
        return result
    }
}
