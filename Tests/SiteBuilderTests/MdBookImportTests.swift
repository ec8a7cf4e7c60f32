import Testing

@testable import SiteBuilder

/// `kretslopp import book.toml`: an mdBook's settings and SUMMARY.md as a site.yaml that builds
/// its source folder in the book's order.
@Suite struct MdBookImportTests {
    static let summary = """
        # Summary

        [Foreword](foreword.md)
        [`Cargo.toml` \\[manifest\\]](<manifest notes.md>)

        # Getting started

        - [Install](./install/README.md)
            - [On *Linux*](install/linux.md)
            - [Draft chapter]()
                - [Deep](install/deep.md "a title")
        - [Hello](hello.md)
        <!--
        - [Left out](out.md)
        -->
        ---

        # Reference
        * [CLI](cli.md)
          * [build](cli/build.md)
        Some prose here.

        [Contributors](contributors.md)
        """

    @Test func theSummaryIsReadAsMdBookReadsIt() {
        let read = MdBookSummary(text: Self.summary)
        typealias Chapter = MdBookSummary.Chapter
        #expect(
            read.items == [
                .chapter(Chapter(title: "Foreword", path: "foreword.md", line: 3)),
                .chapter(Chapter(title: "Cargo.toml [manifest]", path: "manifest notes.md", line: 4)),
                .part(
                    title: "Getting started", line: 6,
                    chapters: [
                        Chapter(
                            title: "Install", path: "./install/README.md", line: 8,
                            children: [
                                Chapter(title: "On Linux", path: "install/linux.md", line: 9, isNumbered: true),
                                Chapter(
                                    title: "Draft chapter", path: nil, line: 10,
                                    children: [
                                        Chapter(title: "Deep", path: "install/deep.md", line: 11, isNumbered: true)
                                    ], isNumbered: true),
                            ], isNumbered: true),
                        Chapter(title: "Hello", path: "hello.md", line: 12, isNumbered: true),
                    ]),
                .part(
                    title: "Reference", line: 18,
                    chapters: [
                        Chapter(
                            title: "CLI", path: "cli.md", line: 19,
                            children: [Chapter(title: "build", path: "cli/build.md", line: 20, isNumbered: true)],
                            isNumbered: true)
                    ]),
                .chapter(Chapter(title: "Contributors", path: "contributors.md", line: 23)),
            ])
        #expect(read.unread.map(\.line) == [21])
        #expect(
            read.paths == [
                "foreword.md", "manifest notes.md", "./install/README.md", "install/linux.md", "install/deep.md",
                "hello.md", "cli.md", "cli/build.md", "contributors.md",
            ])
    }

    static let bookTOML = """
        [book]
        title = "The Field Book"
        authors = ["Ada", "Grace"]
        description = "How: a guide"
        language = "sv"

        [output.html]
        site-url = "/field/"

        [output.html.redirect]
        "/old.html" = "hello.html"
        "./install/old.html" = "../cli/build.html#flags"
        "/gone.html" = "nowhere.html"
        """

    @Test func theBookBecomesASiteYAMLWithTheSummaryAsItsNav() throws {
        var made = MdBookImport(text: Self.bookTOML, file: "book/book.toml")
        #expect(made.sourceFolder == "src")
        let files = [
            "foreword.md", "manifest notes.md", "install/README.md", "install/linux.md", "install/deep.md",
            "hello.md", "cli.md", "cli/build.md", "contributors.md", "SUMMARY.md", "notes[1].md", "out.md",
        ]
        made.read(summary: Self.summary, summaryFile: "book/src/SUMMARY.md", files: files)
        #expect(
            made.diagnostics.map(\.description) == [
                "book/src/SUMMARY.md:21:1: warning: 'Some prose here.' is not a chapter, a part title or a separator; "
                    + "it is left out, as mdBook leaves it; write a chapter as '- [Title](file.md)' or "
                    + "'[Title](file.md)'"
            ])
        #expect(made.chapterCount == 9 && made.redirectsLeftOut == 1)
        #expect(
            made.siteYAML.hasPrefix(
                """
                # Made by `kretslopp import` from book/book.toml: the site's settings for Kretslopp.
                title: The Field Book
                description: 'How: a guide'
                author: Ada, Grace
                language: sv
                markdown:
                """), "\(made.siteYAML)")
        #expect(
            made.siteYAML.contains(
                """
                ignore:
                  - SUMMARY.md  # the book's table of contents: the nav below
                  - notes\\[1].md  # not in SUMMARY.md: no page in mdBook
                  - out.md  # not in SUMMARY.md: no page in mdBook
                redirects:  # book.toml's [output.html.redirect]: old URLs, and where they send readers
                  /old.html: hello.md
                  /install/old.html: cli/build.md
                menu: []  # no menu bar, as mdBook has none: the chapters beside the page lead on (or list links)
                nav:  # SUMMARY.md
                - Foreword: foreword.md
                - Cargo.toml [manifest]: manifest notes.md
                - Getting started:  # part
                    - Install:
                        - Install: install/README.md
                        - On Linux: install/linux.md
                        - Draft chapter:
                            - Deep: install/deep.md
                    - Hello: hello.md
                - Reference:  # part
                    - CLI:
                        - CLI: cli.md
                        - build: cli/build.md
                - Contributors: contributors.md

                """), "\(made.siteYAML)")
        // What it wrote reads as site.yaml does: the settings, the globs and the nav's tree.
        let log = DiagnosticLog()
        let root = try #require(YAMLReader.parse(made.siteYAML, file: "site.yaml", log: log))
        #expect(log.all == [])
        #expect(root["links"]?["keepHTML"]?.text == "true" && root["links"]?["htmlToMarkdown"]?.text == "true")
        // mdBook's includes read the book's folder (`../listings/`); Rust's hidden lines are hidden.
        #expect(root["markdown"]?["includes"]?.text == ".." && root["markdown"]?["rustHiddenLines"]?.text == "true")
        #expect(root["ignore"]?.list?.compactMap(\.text) == ["SUMMARY.md", "notes\\[1].md", "out.md"])
        #expect(root["nav"]?.list?.count == 5)
        #expect(root["strings"]?["projectsHeading"]?.text == "Sidor")
    }

    @Test func aMissingChapterFileIsSaidAndLeftOutOfTheNav() {
        var made = MdBookImport(text: "[book]\ntitle = \"B\"\n", file: "book.toml")
        made.read(
            summary: "- [One](one.md)\n- [Two](two.md)\n    - [Sub](sub.md)\n", summaryFile: "src/SUMMARY.md",
            files: ["one.md", "sub.md"])
        #expect(
            made.diagnostics.map(\.description) == [
                "src/SUMMARY.md:2:1: warning: chapter 'Two' names 'two.md', which does not exist; it is left out of "
                    + "the nav; create the file (mdBook's create-missing does), or correct the path"
            ])
        #expect(made.siteYAML.contains("nav:  # SUMMARY.md\n- One: one.md\n- Two:\n    - Sub: sub.md\n"))
        #expect(made.siteYAML.contains("language: en\n") && !made.siteYAML.contains("baseURL"))
    }

    /// book.toml's redirects: new URLs relative to the old one's folder, as mdBook writes them.
    @Test func redirectsGoToTheChapterTheNewURLIsMadeFrom() {
        let files: Set<String> = ["a.md", "guide/README.md", "guide/b.md", "ref/index.md"]
        #expect(MdBookImport.redirect(from: "/x.html", to: "a.html", files: files)! == ("/x.html", "a.md"))
        #expect(
            MdBookImport.redirect(from: "./old/y.html", to: "../guide/index.html", files: files)!
                == ("/old/y.html", "guide/README.md"))
        #expect(
            MdBookImport.redirect(from: "z.html", to: "/ref/index.html#top", files: files)! == (
                "/z.html", "ref/index.md"
            ))
        #expect(
            MdBookImport.redirect(from: "/g/b.html", to: "../guide/./b.html", files: files)! == (
                "/g/b.html", "guide/b.md"
            ))
        #expect(
            MdBookImport.redirect(from: "/ext.html", to: "https://doc.rust-lang.org/", files: files)!
                == ("/ext.html", "https://doc.rust-lang.org/"))
        #expect(MdBookImport.redirect(from: "/x.html", to: "c.html", files: files) == nil)
        #expect(MdBookImport.redirect(from: "/x.html", to: "guide/", files: files) == nil)
    }

    @Test func includesReadTheBooksFolderWhereverItsSourceIs() {
        for (source, folder) in [("docs/src", "../.."), (".", "."), ("./pages", "..")] {
            var made = MdBookImport(text: "[book]\ntitle = \"B\"\nsrc = \"\(source)\"\n", file: "book.toml")
            made.read(summary: "- [A](a.md)\n", summaryFile: "SUMMARY.md", files: ["a.md"])
            let log = DiagnosticLog()
            let root = YAMLReader.parse(made.siteYAML, file: "site.yaml", log: log)
            #expect(root?["markdown"]?["includes"]?.text == folder, "\(source)")
        }
    }

    /// What follows a link on its line is not the link's; drafts all the way down are comments.
    @Test func textAfterALinkAndDraftsOfDraftsAreLeftOut() {
        var made = MdBookImport(text: "[book]\ntitle = \"B\"\n", file: "book.toml")
        made.read(
            summary: "- [Cancel](ref/cancel.md) (safety)\n- [Fn (a)](f(a).md)\n- [TODO: I/O]()\n  - [TODO: Read]()\n",
            summaryFile: "SUMMARY.md", files: ["ref/cancel.md", "f(a).md"])
        #expect(made.diagnostics.isEmpty, "\(made.diagnostics)")
        #expect(
            made.siteYAML.contains(
                """
                nav:  # SUMMARY.md
                - Cancel: ref/cancel.md
                - Fn (a): f(a).md
                # TODO: I/O: a draft chapter, no file yet
                    # TODO: Read: a draft chapter, no file yet

                """), "\(made.siteYAML)")
    }

    @Test func withoutASummaryNothingIsWritten() {
        var made = MdBookImport(text: "[book]\ntitle = \"B\"\nsrc = \"pages\"\n", file: "book.toml")
        #expect(made.sourceFolder == "pages")
        made.read(summary: nil, summaryFile: "pages/SUMMARY.md", files: ["a.md"])
        #expect(made.siteYAML.isEmpty)
        #expect(
            made.diagnostics.map(\.description) == [
                "pages/SUMMARY.md:1:1: error: the book has no SUMMARY.md; mdBook needs it too: list the chapters in "
                    + "pages/SUMMARY.md as '- [Title](file.md)'"
            ])
    }

    /// mdBook's directives are said once per page, at the first; escaped ones and ones without an
    /// argument are text to mdBook too.
    @Test func mdBookDirectivesAreFoundAsMdBookReadsThem() {
        let body = """
            Text `{{ #include }}` and \\{{#include shown.rs}}.

            ```rust
            {{#rustdoc_include ../listings/main.rs:all}}
            ```
            {{ #include part.md }} {{#toc}}{{/toc}} {{#title My Title}}
            """
        let found = MdBookDirectives.find(in: body, lineOffset: 3)
        #expect(found.map(\.name) == ["rustdoc_include", "include", "title"])
        #expect(
            found.map(\.position) == [
                .init(line: 7, column: 1), .init(line: 9, column: 1), .init(line: 9, column: 41),
            ])
        #expect(MdBookDirectives.find(in: "No braces here.", lineOffset: 0).isEmpty)
    }
}
