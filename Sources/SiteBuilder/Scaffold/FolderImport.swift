import Foundation

/// `kretslopp import docs/`: a site.yaml for a folder of Markdown that no generator's settings
/// describe (a project's docs/ as GitHub shows it, a wiki's pages), so that it builds as GitHub
/// reads it: its title from its first page (README.md or index.md: the front matter's `title:`,
/// else its first `# heading`, else the folder's name), its language guessed from the pages'
/// words (`LanguageGuess`, said in a comment), raw HTML kept, links read from the page's file
/// (a link to a folder is its README.md's page), broken links warned about, and a nav of every
/// section and page. Pages beside their translations (`om.md` and `om.en.md`, as Hugo names
/// them) make a site in several languages: the default language guessed from the pages without
/// a language in their name, the others named by the translations.
public struct FolderImport {
    /// The site.yaml text.
    public private(set) var siteYAML = ""
    /// The language written, and whether the pages said it clearly.
    public private(set) var language = "en"
    public private(set) var languageIsSure = false
    /// The translations' languages (`en` of `om.en.md` beside `om.md`), in order of their tags.
    public private(set) var translations: [String] = []
    /// Pages that are clearly in another language than the site's and say none (`lang:`):
    /// path, the language their words say, for the import to name (`Keybindings_ja.md`, `ja`).
    public private(set) var otherLanguages: [(path: String, tag: String)] = []
    /// Whether the folder is a GitHub wiki: its front page is Home.md, its links `[[Page name]]`.
    public private(set) var isWiki = false
    /// How many top-level entries the wiki's `_Sidebar.md` gave the nav (0: none, `nav: auto`).
    public private(set) var sidebarEntries = 0
    /// The title written, and where it came from (`README.md's heading`).
    public private(set) var title = ""
    public private(set) var titleSource = ""

    /// `folderName`: the folder's own name (the title when no page gives one); `pages`: its
    /// Markdown files (path below it, text); `sidebar`: a wiki's `_Sidebar.md`, when it has one.
    public init(folderName: String, pages: [(path: String, text: String)], sidebar: String? = nil) {
        let translated = Self.translatedPages(pages.map(\.path))
        translations = Set(translated.values).sorted()
        let originals = pages.filter { translated[$0.path] == nil }
        (title, titleSource) = Self.title(folderName: folderName, pages: originals)
        (language, languageIsSure) = LanguageGuess.language(of: originals.map(\.text))
        translations.removeAll { $0 == language }
        otherLanguages = originals.compactMap { page in
            guard Self.frontMatter(page.text)?["lang"] == nil else { return nil }
            let guess = LanguageGuess.language(of: [page.text])
            return guess.sure && guess.tag != language ? (page.path, guess.tag) : nil
        }
        isWiki = Self.isWiki(pages: pages, sidebar: sidebar)
        var yaml = "# Made by `kretslopp import` from the folder's pages: the site's settings for Kretslopp.\n"
        yaml += "title: \(YAMLScalar.written(title))\n"
        for tag in translations {
            let own = pages.filter { translated[$0.path] == tag }.map {
                (String($0.path.dropLast(4 + tag.count)) + ".md", $0.text)
            }
            let (ownTitle, _) = Self.title(folderName: "", pages: own)
            if !ownTitle.isEmpty && ownTitle != title { yaml += "title.\(tag): \(YAMLScalar.written(ownTitle))\n" }
        }
        yaml +=
            "language: \(language)  # "
            + (languageIsSure ? "the pages' language, by their words" : "guessed from the pages' few words: check it")
            + " (en, sv, de, pt-BR …)\n"
        if !translations.isEmpty {
            yaml +=
                "languages: [\(([language] + translations).joined(separator: ", "))]  # the default first, "
                + "then the translations' (x.\(translations[0]).md beside x.md)\n"
        }
        yaml += """
            markdown:
              unsafeHTML: true      # raw HTML is kept (<details>, <img width>), as GitHub keeps it
            links:
              broken: warning       # a broken link is a warning (error: the build fails)
              htmlToMarkdown: true  # a link to a folder (x/) goes to its README.md's page, as on GitHub
              relativeTo: file      # links are read from the page's file, as GitHub reads them

            """
        let nav = isWiki ? WikiSidebar.nav(sidebar: sidebar ?? "", pages: pages.map(\.path)) : ("", 0)
        sidebarEntries = nav.1
        if isWiki {
            yaml +=
                "  wiki: true            # a GitHub wiki's links: [[Page name]], a page by its name wherever it is\n"
            if pages.contains(where: { $0.path == "Home.md" }) { yaml += "home: Home.md  # the wiki's front page\n" }
        }
        yaml += nav.1 > 0 ? nav.0 : "nav: auto  # every section and page, in the folders' order\n"
        yaml += PageWords.yaml(languages: [language] + translations)
        siteYAML = yaml
    }

    /// A GitHub wiki: a `_Sidebar.md`, a `Home.md` front page without a README.md or index.md,
    /// or pages that link as a wiki's do (`[[Getting Started]]`).
    static func isWiki(pages: [(path: String, text: String)], sidebar: String?) -> Bool {
        if sidebar != nil { return true }
        let names = Set(pages.map(\.path))
        if names.contains("Home.md") && !names.contains("README.md") && !names.contains("index.md") { return true }
        return pages.contains { page in
            page.text.split(separator: "\n").contains { line in
                guard let open = line.range(of: "[["),
                    let close = line.range(of: "]]", range: open.upperBound..<line.endIndex)
                else { return false }
                let inside = line[open.upperBound..<close.lowerBound]
                return !inside.isEmpty && !inside.contains("[") && inside.lowercased() != "toc"
            }
        }
    }

    /// The pages that are translations, with their language: `om.en.md` beside `om.md` (a page
    /// whose name ends in a language's tag only when the name without it is a page too).
    public static func translatedPages(_ paths: [String]) -> [String: String] {
        let all = Set(paths)
        var found: [String: String] = [:]
        for path in paths where path.hasSuffix(".md") {
            let stem = path.dropLast(3)
            guard let dot = stem.lastIndex(of: "."), !stem[..<dot].hasSuffix("/") else { continue }
            let tag = String(stem[stem.index(after: dot)...])
            guard LanguageKeys.isLanguageTag(tag), all.contains(stem[..<dot] + ".md") else { continue }
            found[path] = tag
        }
        return found
    }

    /// The title of the folder's first page, or the folder's name.
    static func title(folderName: String, pages: [(path: String, text: String)]) -> (String, String) {
        for name in ["README.md", "index.md", "_index.md", "readme.md", "Readme.md", "Home.md"] {
            guard let page = pages.first(where: { $0.path == name }) else { continue }
            if let title = frontMatterTitle(page.text) { return (title, "\(name)'s title:") }
            for line in LanguageGuess.prose(page.text) {
                let text = line.drop { $0 == " " }
                guard text.hasPrefix("# ") else { continue }
                var title = text.dropFirst(2).trimmingCharacters(in: .whitespaces)
                // A closing sequence (`# Title ##`, after a space) is not part of the heading; `C#` is.
                let marks = title.reversed().prefix { $0 == "#" }.count
                if marks > 0, title.dropLast(marks).last == " " {
                    title = title.dropLast(marks).trimmingCharacters(in: .whitespaces)
                }
                if !title.isEmpty { return (title, "\(name)'s heading") }
            }
        }
        return (folderName, "the folder's name")
    }

    /// `title:` of a page's front matter.
    private static func frontMatterTitle(_ text: String) -> String? {
        guard let title = frontMatter(text)?["title"]?.text?.trimmingCharacters(in: .whitespaces), !title.isEmpty
        else { return nil }
        return title
    }

    /// A page's front matter (YAML, or TOML as Hugo writes it); nil without one.
    static func frontMatter(_ text: String) -> DataValue? {
        let split = FrontMatterSplitter.split(text)
        guard let header = split.yaml else { return nil }
        let log = DiagnosticLog()
        return split.isTOML
            ? TOMLReader.parse(header, file: "", log: log) : YAMLReader.parse(header, file: "", log: log)
    }
}
