import Testing

@testable import SiteBuilder

/// `kretslopp import docs/` for a folder no generator's settings describe: the title from its
/// first page, translations found by their names.
@Suite struct FolderImportTests {
    @Test func theTitleOfTheFirstPage() {
        func title(_ pages: [(String, String)]) -> String {
            FolderImport.title(folderName: "docs", pages: pages.map { (path: $0.0, text: $0.1) }).0
        }
        #expect(title([("README.md", "# My tool #\n\nText.\n")]) == "My tool")
        #expect(title([("README.md", "# C#\n")]) == "C#")
        #expect(title([("README.md", "---\ntitle: \"Front: matter\"\n---\n# Heading\n")]) == "Front: matter")
        #expect(title([("index.md", "+++\ntitle = \"TOML\"\n+++\n# Heading\n")]) == "TOML")
        // A heading in code is no title; a README.md deeper down is another folder's page.
        #expect(title([("README.md", "```\n# not a title\n```\n\nText.\n"), ("a/README.md", "# A\n")]) == "docs")
        #expect(title([("guide.md", "# Guide\n")]) == "docs")
    }

    @Test func translationsAreNamedBesideTheirPages() {
        let found = FolderImport.translatedPages([
            "om.md", "om.en.md", "a/_index.md", "a/_index.de.md", "v1.2.md", "notes.en.md", "b/.en.md", "b/x.md",
            "release.pt-BR.md", "release.md",
        ])
        #expect(found == ["om.en.md": "en", "a/_index.de.md": "de", "release.pt-BR.md": "pt-BR"])
    }

    @Test func aSiteInTwoLanguages() {
        let made = FolderImport(
            folderName: "docs",
            pages: [
                (path: "README.md", text: "# Guide\n\nThis is the guide, and it is in English.\n"),
                (path: "README.sv.md", text: "# Vägledning\n\nDet här är vägledningen.\n"),
            ])
        #expect(made.language == "en" && made.translations == ["sv"])
        #expect(made.siteYAML.contains("\ntitle: Guide\ntitle.sv: Vägledning\nlanguage: en  # guessed"))
        #expect(made.siteYAML.contains("\nlanguages: [en, sv]  # the default first"))
        // The theme's words for a site of pages, in both languages.
        #expect(made.siteYAML.contains("\n  projectsHeading: Pages\n"))
        #expect(made.siteYAML.contains("\n  projectsHeading.sv: Sidor\n"))
    }

    /// A page clearly in another language, which says none, is named for the import to say so;
    /// one with `lang:` already, or of few words, is not.
    @Test func pagesInAnotherLanguageAreNamed() throws {
        let german = try #require(LanguageGuessTests.prose["de"])
        let english = try #require(LanguageGuessTests.prose["en"])
        let made = FolderImport(
            folderName: "docs",
            pages: [
                (path: "README.md", text: "# Guide\n\n" + english),
                (path: "more.md", text: english),
                (path: "de/anleitung.md", text: "# Anleitung\n\n" + german),
                (path: "de/kurz.md", text: "Das ist die Anleitung.\n"),
                (path: "de/gesagt.md", text: "---\ntitle: Gesagt\nlang: de\n---\n" + german),
                (path: "keys_ja.md", text: String(repeating: "キーの一覧です。検索エンジンの設定方法を説明します。", count: 10)),
            ])
        #expect(made.language == "en")
        #expect(made.otherLanguages.map { "\($0.path) \($0.tag)" } == ["de/anleitung.md de", "keys_ja.md ja"])
    }
}
