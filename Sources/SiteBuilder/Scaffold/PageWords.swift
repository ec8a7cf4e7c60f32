/// The default theme's UI strings that speak of the programme's projects, tags, areas and
/// funders, said of pages instead: what `kretslopp import` writes into a documentation site's
/// site.yaml (`strings:`), so that its tag pages list "Pages", not "Projects". The site owns them
/// from then on.
enum PageWords {
    /// The words in the language of a site whose theme strings the default theme has (Swedish,
    /// Chinese in Simplified and Traditional characters, Japanese, and those of `PageWordsEurope`),
    /// in English for any other (the default theme's fallback).
    static func strings(for language: String) -> KeyValuePairs<String, String> {
        switch LanguageKeys.primary(of: language) {
        case "sv": return swedish
        case "zh": return LoadTheme.scriptTag(language) == "zh-Hant" ? traditionalChinese : chinese
        case "ja": return japanese
        case "de": return german
        case "fr": return french
        case "es": return spanish
        case "fi": return finnish
        case "da": return danish
        case "nb", "no": return norwegian
        case "pt": return portuguese
        case "it": return italian
        case "nl": return dutch
        default: return english
        }
    }

    /// `strings:` for a site in `languages` (the default first): the default language's words,
    /// and `key.LANG` entries for another language whose words differ.
    static func yaml(languages: [String]) -> String {
        guard let first = languages.first else { return "" }
        var yaml = "strings:                  # the theme's words, for a site of pages (it speaks of projects)\n"
        let own = strings(for: first)
        for (key, text) in own { yaml += "  \(key): \(YAMLScalar.written(text))\n" }
        for language in languages.dropFirst() where !same(strings(for: language), own) {
            for (key, text) in strings(for: language) { yaml += "  \(key).\(language): \(YAMLScalar.written(text))\n" }
        }
        return yaml
    }

    private static func same(_ a: KeyValuePairs<String, String>, _ b: KeyValuePairs<String, String>) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
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

    private static let chinese: KeyValuePairs<String, String> = [
        "projectsHeading": "页面",
        "projectsUnit": "个页面",
        "noProjects": "这里还没有页面。",
        "filterHeading": "筛选页面",
        "filterHelp": "选择一个值，查看具有该值的页面。",
        "filterHelpEnhanced": "选择一个或多个值。列表显示在每一组中具有任一所选值的页面。",
        "filterStatus": "显示 {n} 个页面",
        "filterStatusAll": "显示全部 {n} 个页面",
        "filterStatusNone": "没有符合所选条件的页面。",
        "filterEmpty": "没有页面同时具有所有所选的值。请取消一个选择，或重新显示全部页面。",
        "filterReset": "显示全部页面",
        "filterMore": "显示更多页面",
        "filterLoading": "正在加载页面…",
        "pagerShowing": "第 {first}–{last} 个页面，共 {count} 个",
        "searchHelp": "输入一个或多个词，句子中间的词也能找到。若只想搜索部分页面，请在筛选条件中选择值。",
        "searchCountFiltered": "所选页面中“{q}”的结果：{n} 条",
        "searchCountFilteredOne": "所选页面中“{q}”的结果：1 条",
        "searchCountFilteredNone": "所选页面中没有“{q}”的结果",
        "searchListCount": "符合所选筛选条件的页面：{n} 个",
        "searchListCountOne": "符合所选筛选条件的页面：1 个",
        "searchNoneBrowse": "按标签浏览页面：",
        "searchFailed": "无法加载搜索。您仍可以通过菜单找到每个页面。",
        "searchNoScriptHelp": "您仍可以通过页面顶部的菜单找到本站的所有内容。",
        "searchFilterHelp": "选择一个或多个值，只搜索具有这些值的页面。数字表示每个选择与您搜索的内容一起能得到多少个页面。",
        "search.kind.project": "页面",
    ]

    private static let traditionalChinese: KeyValuePairs<String, String> = [
        "projectsHeading": "頁面",
        "projectsUnit": "個頁面",
        "noProjects": "這裡還沒有頁面。",
        "filterHeading": "篩選頁面",
        "filterHelp": "選擇一個值，檢視具有該值的頁面。",
        "filterHelpEnhanced": "選擇一個或多個值。清單顯示在每一組中具有任一所選值的頁面。",
        "filterStatus": "顯示 {n} 個頁面",
        "filterStatusAll": "顯示全部 {n} 個頁面",
        "filterStatusNone": "沒有符合所選條件的頁面。",
        "filterEmpty": "沒有頁面同時具有所有所選的值。請取消一個選擇，或重新顯示全部頁面。",
        "filterReset": "顯示全部頁面",
        "filterMore": "顯示更多頁面",
        "filterLoading": "正在載入頁面…",
        "pagerShowing": "第 {first}–{last} 個頁面，共 {count} 個",
        "searchHelp": "輸入一個或多個詞，句子中間的詞也能找到。若只想搜尋部分頁面，請在篩選條件中選擇值。",
        "searchCountFiltered": "所選頁面中「{q}」的結果：{n} 筆",
        "searchCountFilteredOne": "所選頁面中「{q}」的結果：1 筆",
        "searchCountFilteredNone": "所選頁面中沒有「{q}」的結果",
        "searchListCount": "符合所選篩選條件的頁面：{n} 個",
        "searchListCountOne": "符合所選篩選條件的頁面：1 個",
        "searchNoneBrowse": "按標籤瀏覽頁面：",
        "searchFailed": "無法載入搜尋。您仍可以透過選單找到每個頁面。",
        "searchNoScriptHelp": "您仍可以透過頁面頂部的選單找到本站的所有內容。",
        "searchFilterHelp": "選擇一個或多個值，只搜尋具有這些值的頁面。數字表示每個選擇與您搜尋的內容一起能得到多少個頁面。",
        "search.kind.project": "頁面",
    ]

    private static let japanese: KeyValuePairs<String, String> = [
        "projectsHeading": "ページ",
        "projectsUnit": "件のページ",
        "noProjects": "ここにはまだページがありません。",
        "filterHeading": "ページを絞り込む",
        "filterHelp": "値を選ぶと、その値を持つページが表示されます。",
        "filterHelpEnhanced": "値を一つ以上選んでください。各グループで選んだ値のいずれかを持つページが表示されます。",
        "filterStatus": "{n} 件のページを表示中",
        "filterStatusAll": "全 {n} 件のページを表示中",
        "filterStatusNone": "選んだ条件に合うページはありません。",
        "filterEmpty": "選んだ値をすべて持つページはありません。選択を一つ外すか、すべてのページを表示し直してください。",
        "filterReset": "すべてのページを表示",
        "filterMore": "さらにページを表示",
        "filterLoading": "ページを読み込み中…",
        "pagerShowing": "ページ {first}–{last} 件目（全 {count} 件）",
        "searchHelp": "語を一つ以上入力してください。文の途中にある語も見つかります。一部のページだけを検索するには、絞り込みで値を選んでください。",
        "searchCountFiltered": "選んだページ内の「{q}」の検索結果：{n} 件",
        "searchCountFilteredOne": "選んだページ内の「{q}」の検索結果：1 件",
        "searchCountFilteredNone": "選んだページ内に「{q}」の検索結果はありません",
        "searchListCount": "選んだ条件に合うページ：{n} 件",
        "searchListCountOne": "選んだ条件に合うページ：1 件",
        "searchNoneBrowse": "タグからページを見る：",
        "searchFailed": "検索を読み込めませんでした。メニューから、すべてのページを見つけることができます。",
        "searchNoScriptHelp": "ページ上部のメニューから、サイトのすべての内容を見つけることができます。",
        "searchFilterHelp": "値を一つ以上選ぶと、その値を持つページだけを検索します。数字は、検索した内容と各選択で何件のページが見つかるかを示します。",
        "search.kind.project": "ページ",
    ]
}
