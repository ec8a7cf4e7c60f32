/// The default theme's UI strings that speak of the programme's projects, tags, areas and
/// funders, said of pages instead: what `kretslopp import` writes into a documentation site's
/// site.yaml (`strings:`), so that its tag pages list "Pages", not "Projects". The site owns them
/// from then on.
enum PageWords {
    /// The words in Swedish for a site in Swedish, in English for any other (the default theme's
    /// other language, and the one it falls back to).
    static func strings(for language: String) -> KeyValuePairs<String, String> {
        isSwedish(language) ? swedish : english
    }

    private static func isSwedish(_ language: String) -> Bool { language.hasPrefix("sv") }

    /// `strings:` for a site in `languages` (the default first): the default language's words,
    /// and `key.LANG` entries for another language whose words differ.
    static func yaml(languages: [String]) -> String {
        guard let first = languages.first else { return "" }
        var yaml = "strings:                  # the theme's words, for a site of pages (it speaks of projects)\n"
        let own = strings(for: first)
        for (key, text) in own { yaml += "  \(key): \(YAMLScalar.written(text))\n" }
        for language in languages.dropFirst() where isSwedish(language) != isSwedish(first) {
            for (key, text) in strings(for: language) { yaml += "  \(key).\(language): \(YAMLScalar.written(text))\n" }
        }
        return yaml
    }

    private static let english: KeyValuePairs<String, String> = [
        "projectsHeading": "Pages",
        "projectsUnit": "pages",
        "noProjects": "There are no pages here yet.",
        "filterHeading": "Filter pages",
        "filterHelp": "Choose a value to see the pages that have it.",
        "filterHelpEnhanced":
            "Choose one or more values. The list shows the pages that have any of the chosen values in "
            + "each group.",
        "filterStatus": "{n} pages shown",
        "filterStatusAll": "All {n} pages shown",
        "filterStatusNone": "No pages match your choices.",
        "filterEmpty": "No page has all the chosen values. Remove a choice, or show all pages again.",
        "filterReset": "Show all pages",
        "filterMore": "Show more pages",
        "filterLoading": "Loading the pages …",
        "pagerShowing": "Pages {first}–{last} of {count}",
        "searchHelp":
            "Type one or more words. The search also finds other forms of the words. To search only "
            + "some pages, choose values in the filters.",
        "searchCountFiltered": "{n} results for “{q}” among the chosen pages",
        "searchCountFilteredOne": "1 result for “{q}” among the chosen pages",
        "searchCountFilteredNone": "No results for “{q}” among the chosen pages",
        "searchListCount": "{n} pages with the chosen filters",
        "searchListCountOne": "1 page with the chosen filters",
        "searchNoneBrowse": "Browse the pages by tag:",
        "searchFailed": "The search could not be loaded. You can still find every page through the menu.",
        "searchNoScriptHelp": "You can still find everything on the site through the menu at the top.",
        "searchFilterHelp":
            "Choose one or more values to search only the pages that have them. The numbers show how "
            + "many pages each choice gives with what you searched for.",
        "search.kind.project": "Page",
    ]

    private static let swedish: KeyValuePairs<String, String> = [
        "projectsHeading": "Sidor",
        "projectsUnit": "sidor",
        "noProjects": "Det finns inga sidor här ännu.",
        "filterHeading": "Filtrera sidor",
        "filterHelp": "Välj ett värde för att se de sidor som har det.",
        "filterHelpEnhanced":
            "Välj ett eller flera värden. Listan visar de sidor som har något av de valda värdena i "
            + "varje grupp.",
        "filterStatus": "{n} sidor visas",
        "filterStatusAll": "Alla {n} sidor visas",
        "filterStatusNone": "Inga sidor matchar valen.",
        "filterEmpty": "Inga sidor har alla de valda värdena. Ta bort ett val, eller visa alla sidor igen.",
        "filterReset": "Visa alla sidor",
        "filterMore": "Visa fler sidor",
        "filterLoading": "Hämtar sidorna …",
        "pagerShowing": "Sidor {first}–{last} av {count}",
        "searchHelp":
            "Skriv ett eller flera ord. Sökningen hittar också andra former av orden och ord som är "
            + "delar av längre ord. Vill du bara söka bland vissa sidor väljer du värden i filtren.",
        "searchCountFiltered": "{n} träffar för ”{q}” bland de valda sidorna",
        "searchCountFilteredOne": "1 träff för ”{q}” bland de valda sidorna",
        "searchCountFilteredNone": "Inga träffar för ”{q}” bland de valda sidorna",
        "searchListCount": "{n} sidor med de valda filtren",
        "searchListCountOne": "1 sida med de valda filtren",
        "searchNoneBrowse": "Bläddra bland sidorna efter tagg:",
        "searchFailed": "Sökningen kunde inte laddas. Du hittar ändå alla sidor via menyn.",
        "searchNoScriptHelp": "Du hittar ändå allt på webbplatsen via menyn högst upp.",
        "searchFilterHelp":
            "Välj ett eller flera värden för att bara söka bland de sidor som har dem. Siffrorna visar "
            + "hur många sidor varje val ger med det du sökt på.",
        "search.kind.project": "Sida",
    ]
}
