import Templates

/// The keys every template gets (docs/theme.md, "Keys every template gets").
struct CommonValues: TemplateValueConvertible {
    var lang: String
    /// Whether the language is written right to left (`<html dir="rtl">`).
    var rtl: Bool
    /// The UI strings of the site's language.
    var i18n: TemplateValue
    var site: SiteValues
    var assets: AssetValues
    var searchURL: String
    var searchEngine: String
    var menu: [MenuItemValues]
    var pageTitle: String
    var canonical: String
    var feedURL: String
    var liveReload: String
    var iconSprite: String
    var isHome: Bool
    /// The data files, by name; the report has none.
    var data: TemplateValue? = nil
    var breadcrumbs: [LinkValues]? = nil
    /// site.yaml's `footer:` links.
    var footer: [MenuItemValues] = []
    /// The language switcher: one entry per other language (none on a site in one language).
    var languages: [LanguageSwitchValues] = []
    /// Whether there are so many other languages that the switcher is a list of its own.
    var languageMenu = false
    /// From three other languages on, their links would crowd the menu bar.
    static let languagesForAMenu = 3
    /// `hreflang` alternates of the page, `x-default` last (none on a site in one language).
    var alternates: [AlternateValues] = []
    /// The site's navigation (site.yaml's `nav:`) as this page sees it; nil without a nav.
    var siteNav: [SiteNavValues]? = nil
    /// Whether there is one.
    var hasSiteNav = false
    /// Whether the menu bar has anything in it (a menu entry, another language).
    var hasMainNav = false
    /// For each UI string in another language than the page's (`Theme.uiMarks`), the attributes
    /// that mark an element showing it (WCAG 3.1.2); nil where all are the page's language.
    var uiMark: TemplateValue? = nil

    var templateValues: TemplateMap {
        var values: TemplateMap = [
            "lang": .string(lang), "rtl": .bool(rtl), "i18n": i18n, "site": site.templateValue,
            "assets": assets.templateValue,
            "searchURL": .string(searchURL), "searchEngine": .string(searchEngine), "menu": menu.templateValue,
            "pageTitle": .string(pageTitle), "canonical": .string(canonical), "feedURL": .string(feedURL),
            "liveReload": .string(liveReload), "iconSprite": .string(iconSprite), "isHome": .bool(isHome),
        ]
        if let data { values["data"] = data }
        if let breadcrumbs { values["breadcrumbs"] = breadcrumbs.templateValue }
        values["footer"] = footer.templateValue
        values["languages"] = languages.templateValue
        values["languageMenu"] = .bool(languageMenu)
        values["hasMainNav"] = .bool(hasMainNav)
        values["alternates"] = alternates.templateValue
        if let siteNav { values["siteNav"] = siteNav.templateValue }
        values["hasSiteNav"] = .bool(hasSiteNav)
        if let uiMark { values["uiMark"] = uiMark }
        return values
    }

    var templateValue: TemplateValue { .map(templateValues) }
}

/// `site`: what the site's settings say about it.
struct SiteValues: TemplateValueConvertible {
    var title: String
    var description: String
    var author: String
    var homeURL: String
    /// site.yaml's `contact:` as written.
    var contact: TemplateValue? = nil

    var templateValue: TemplateValue {
        var values: TemplateMap = [
            "title": .string(title), "description": .string(description), "author": .string(author),
            "homeURL": .string(homeURL),
        ]
        if let contact { values["contact"] = contact }
        return .map(values)
    }
}

/// `assets`: the theme's style sheet, script and the way up to the site's root.
struct AssetValues: TemplateValueConvertible {
    var css: String
    var js: String
    var root: String

    var templateValue: TemplateValue { ["css": .string(css), "js": .string(js), "root": .string(root)] }
}

/// An entry of `menu`.
struct MenuItemValues: TemplateValueConvertible {
    var title: String
    var url: String
    var current: Bool

    var templateValue: TemplateValue { ["title": .string(title), "url": .string(url), "current": .bool(current)] }
}

/// A title and a link: a breadcrumb, an organisation of a role group.
struct LinkValues: TemplateValueConvertible {
    var title: String
    var url: String

    var templateValue: TemplateValue { ["title": .string(title), "url": .string(url)] }
}

/// What a page's template sees at its root: the keys every template gets and the keys of its
/// kind of page (docs/theme.md, "Templates and which pages use them").
struct TemplateRoot {
    var common: CommonValues
    /// A full page (`PageValues`), or only its title (`PageTitleValues`).
    var page: TemplateValue? = nil
    var section: SectionValues? = nil
    /// Cards (`ReusedValues` of `CardValues`).
    var projects: [TemplateValue]? = nil
    var projectCount: Int? = nil
    var facets: TemplateValue? = nil
    var pager: PagerValues? = nil
    var filterData: String? = nil
    var taxonomy: TaxonomyValues? = nil
    var term: TermValues? = nil
    var collection: CollectionValues? = nil
    /// `RecordGroup`s on `records`, `ReportGroup`s on `report`.
    var groups: TemplateValue? = nil
    var record: RecordValues? = nil
    var report: ReportValues? = nil
    var glossary: String? = nil

    var templateValues: TemplateMap {
        var values = common.templateValues
        if let page { values["page"] = page }
        if let section { values["section"] = section.templateValue }
        if let projects { values["projects"] = .list(projects) }
        if let projectCount { values["projectCount"] = .int(projectCount) }
        if let facets { values["facets"] = facets }
        if let pager { values["pager"] = pager.templateValue }
        if let filterData { values["filterData"] = .string(filterData) }
        if let taxonomy { values["taxonomy"] = taxonomy.templateValue }
        if let term { values["term"] = term.templateValue }
        if let collection { values["collection"] = collection.templateValue }
        if let groups { values["groups"] = groups }
        if let record { values["record"] = record.templateValue }
        if let report { values["report"] = report.templateValue }
        if let glossary { values["glossary"] = .string(glossary) }
        let structured = StructuredData(root: self)
        // As bytes: the template writes them as they are, and they are valid UTF-8 by making.
        let json = structured.jsonUTF8
        if !json.isEmpty { values["jsonLD"] = .bytes(json) }
        if let image = structured.shareImage { values["shareImage"] = .string(image) }
        return values
    }
}

/// One entry of `languages`: a link to the page in another language, or to that language's front
/// page (`translated` false) with `note` saying the page is not translated, in that language.
struct LanguageSwitchValues: TemplateValueConvertible {
    var lang: String
    /// Whether the language is written right to left.
    var rtl: Bool
    /// The language's name in itself (`English`).
    var name: String
    var url: String
    var translated: Bool
    var note: String
    /// The language `note` is in where it is another (the theme's English, for a language it has
    /// no strings for), and its direction where that differs: for the note's own `lang`, `dir`.
    var noteLang: String? = nil
    var noteDir: String? = nil

    var templateValue: TemplateValue {
        var values: TemplateMap = [
            "lang": .string(lang), "rtl": .bool(rtl), "name": .string(name),
            "url": .string(url), "translated": .bool(translated), "note": .string(note),
        ]
        if let noteLang { values["noteLang"] = .string(noteLang) }
        if let noteDir { values["noteDir"] = .string(noteDir) }
        return .map(values)
    }
}

/// One entry of `alternates`: `<link rel="alternate" hreflang="…" href="…">`.
struct AlternateValues: TemplateValueConvertible {
    var hreflang: String
    /// Absolute where the site has a `baseURL`, else relative.
    var href: String

    var templateValue: TemplateValue { .map(["hreflang": .string(hreflang), "href": .string(href)]) }
}
