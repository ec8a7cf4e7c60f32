import ArgumentParser
import Foundation
import SiteBuilder

/// `kretslopp import`: a site.yaml for an MkDocs, Hugo, Zola, mdBook, Jekyll, GitBook, Docusaurus or
/// VitePress project, or for a plain folder of Markdown, so its pages build as they are.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Make a site.yaml for an MkDocs, Hugo, Zola, mdBook, Jekyll, GitBook, Docusaurus, VitePress or "
            + "Starlight project from its settings, or for a folder of Markdown from its pages.",
        discussion: """
            From mkdocs.yml: site.yaml in the docs folder (docs_dir, 'docs' by default) with the \
            site's name, description, author, URL and language, its nav: as written (nav: auto \
            without one), exclude_docs: as ignore: globs, raw HTML kept and broken links as \
            warnings, as MkDocs reads a tree. From Hugo's hugo.toml, hugo.yaml or config.toml, or \
            Zola's config.toml: site.yaml in the content folder with the title, description, URL, \
            languages, Hugo's main menu and the taxonomies with the terms the pages use. From \
            mdBook's book.toml: site.yaml in the source folder (src by default) with the book's \
            title, description, authors and language, SUMMARY.md as nav:, the files it leaves \
            out as ignore: and the x.html URLs kept. From Jekyll's _config.yml: site.yaml in \
            its source folder with the title, description, author, language and URL, exclude: as \
            ignore:, the nav Just the Docs makes from the pages' parent: and nav_order:, Jekyll's \
            URLs kept, and the pages read with their Liquid tags and kramdown's attribute lists. From \
            a GitBook space's .gitbook.yaml (or its SUMMARY.md when it has none): site.yaml in its \
            root folder with SUMMARY.md as nav:, the files it leaves out as ignore:, .gitbook/assets \
            as content, its redirects:, GitBook's blocks ({% hint %}, {% tabs %} …) and heading ids. \
            From docusaurus.config.js (.ts, .mjs): site.yaml in its docs folder with the title, \
            tagline, URL and language, the sidebar (sidebars.js) as nav:, the doc with slug: / as \
            the front page, MDX read (.mdx pages, imports, <Tabs>) and the docs' URLs kept (ids, \
            slugs, number prefixes left out). From VitePress' .vitepress/config.ts (.js, .mts, .mjs; or \
            the folder holding .vitepress/): site.yaml in its srcDir with the title, description, \
            language and URL, the sidebar as nav:, the top bar as menu:, the locales with a folder \
            of pages as languages, srcExclude as ignore:, public/ copied to the site's root, Vue's \
            blocks and <Badge> read, VitePress' heading ids and its x.html URLs kept. From a Starlight \
            site's astro.config.mjs: site.yaml in src/content/docs with its title, URL, locales and \
            sidebar (each language's labels too), MDX read. From a folder \
            of Markdown that no generator's settings describe (a project's docs/ as GitHub shows \
            it): site.yaml in it with the \
            title of its README.md or index.md, the language guessed from the pages' words, pages \
            beside their translations (x.en.md) as the site's other languages, raw HTML kept and \
            links read as GitHub reads them; a folder with one of the settings files above in it \
            is imported from that file. An \
            existing site.yaml is never overwritten (exit code 1). Then build the folder with \
            'kretslopp build --content <folder>'.
            """)

    @Argument(
        help: """
            The project's settings: mkdocs.yml, hugo.toml, hugo.yaml, config.toml, book.toml, _config.yml, \
            .gitbook.yaml (a GitBook space's SUMMARY.md without one), docusaurus.config.js, \
            .vitepress/config.ts or astro.config.mjs, or a folder of Markdown pages.
            """)
    var settings: String?

    static let known =
        [
            "mkdocs.yml", "hugo.toml", "hugo.yaml", "config.toml", "book.toml", "_config.yml", ".gitbook.yaml",
        ] + DocusaurusImport.settingsNames + VitePressImport.settingsNames.map { ".vitepress/" + $0 }
        + StarlightImport.settingsNames

    func run() throws {
        guard var path = settings ?? Self.known.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            fail(
                "no \(Self.known.joined(separator: ", ")) here; give the path of the project's settings, "
                    + "or of a folder of Markdown pages")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            // A project's folder with its settings in it is the project; any other, a folder of pages.
            let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
            guard
                let settings = Self.known.first(where: {
                    FileManager.default.fileExists(atPath: folder + "/" + $0)
                })
            else { return importFolder(folder) }
            path = folder == "." ? settings : folder + "/" + settings
        }
        let source = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: source.path) else {
            fail("\(path) does not exist; give the path of the project's settings, or of a folder of Markdown pages")
        }
        guard let data = FileManager.default.contents(atPath: source.path) else {
            fail("\(path): cannot read it; give the path of the project's \(Self.known.joined(separator: ", "))")
        }
        let text = String(decoding: data, as: UTF8.self)
        let folderName: String
        let yaml: String
        let summary: String
        var notes: [String] = []
        if let project = VitePressImport.project(of: source) {
            var made = VitePressImport(url: source, file: path, read: Self.text(at:))
            let folder = project.appendingPathComponent(made.sourceFolder)
            made.read(
                pages: HugoImport.pages(in: folder).map(\.path),
                hasPublicFolder: FileManager.default.fileExists(atPath: folder.appendingPathComponent("public").path))
            ErrorOutput.diagnostics(made.diagnostics)
            // site.yaml's folder as seen from the settings' folder (`.vitepress/`, or `.vitepress/config/`).
            let up = source.deletingLastPathComponent().pathComponents.count - project.pathComponents.count
            (folderName, yaml) = (String(repeating: "../", count: up) + made.sourceFolder, made.siteYAML)
            summary = Self.sidebarSummary(made.navEntryCount)
            notes += made.notes
            notes.append(
                "Vue components in pages are left out, their text shown (the build names them); the front page's "
                    + "hero and features (layout: home) are shown before its text: text, links and a list.")
        } else if StarlightImport.settingsNames.contains(source.lastPathComponent) {
            var made = StarlightImport(url: source, file: path, read: Self.text(at:))
            let project = source.deletingLastPathComponent()
            let folder = project.appendingPathComponent(StarlightImport.contentFolder)
            made.read(pages: HugoImport.pages(in: folder, mdx: true).map(\.path))
            ErrorOutput.diagnostics(made.diagnostics)
            (folderName, yaml) = (StarlightImport.contentFolder, made.siteYAML)
            summary = Self.sidebarSummary(made.navEntryCount)
            notes += made.notes
            let hasPublic = FileManager.default.fileExists(atPath: project.appendingPathComponent("public").path)
            notes.append(
                "Astro components in pages are left out, their text shown (the build names them)"
                    + (hasPublic
                        ? "; public/ is beside src/: copy it to \(folderName)/static/ to publish its files." : "."))
        } else if source.lastPathComponent.hasPrefix("mkdocs.") {
            let made = MkDocsImport(text: text, file: path)
            ErrorOutput.diagnostics(made.diagnostics)
            (folderName, yaml) = (made.docsFolder, made.siteYAML)
            summary = made.navEntryCount > 0 ? "its nav of \(made.navEntryCount) top-level entries" : "nav: auto"
            // Material's blog keeps its authors in a hidden file, which is no content here.
            let docs = source.deletingLastPathComponent().appendingPathComponent(made.docsFolder)
            if FileManager.default.fileExists(atPath: docs.appendingPathComponent("blog/.authors.yml").path) {
                notes.append(
                    "the blog's authors (\(folderName)/blog/.authors.yml) are read from data/authors.yaml: copy it to "
                        + "\(folderName)/data/authors.yaml, and the posts show their authors' names.")
            }
        } else if DocusaurusImport.settingsNames.contains(source.lastPathComponent) {
            var made = DocusaurusImport(text: text, file: path)
            let project = source.deletingLastPathComponent()
            let folder = project.appendingPathComponent(made.docsFolder)
            let sidebars = made.sidebarsFile.flatMap {
                FileManager.default.contents(atPath: project.appendingPathComponent($0).path)
            }
            let pages = HugoImport.pages(in: folder, mdx: true)
            made.read(
                pages: pages.map { ($0.path, $0.text) }, categories: DocusaurusImport.categories(in: folder),
                sidebars: sidebars.map { String(decoding: $0, as: UTF8.self) })
            ErrorOutput.diagnostics(made.diagnostics)
            (folderName, yaml) = (made.docsFolder, made.siteYAML)
            summary = Self.sidebarSummary(made.navEntryCount)
            notes += made.notes
            notes.append(
                "Docusaurus' blog, its own pages (src/pages) and its translations (i18n/) are not imported; "
                    + "React components in pages are left out, their text shown (the build names them).")
        } else if source.lastPathComponent == "book.toml" {
            var made = MdBookImport(text: text, file: path)
            let folder = source.deletingLastPathComponent().appendingPathComponent(made.sourceFolder)
            let summaryFile = folder.appendingPathComponent("SUMMARY.md")
            let shown = (path.contains("/") ? String(path[...path.lastIndex(of: "/")!]) : "") + made.sourceFolder
            made.read(
                summary: FileManager.default.contents(atPath: summaryFile.path).map {
                    String(decoding: $0, as: UTF8.self)
                },
                summaryFile: shown + "/SUMMARY.md", files: HugoImport.pages(in: folder).map(\.path))
            ErrorOutput.diagnostics(made.diagnostics)
            (folderName, yaml) = (made.sourceFolder, made.siteYAML)
            summary = "SUMMARY.md's \(made.chapterCount) chapters as its nav"
            notes += Self.redirectsLeftOut(made.redirectsLeftOut, of: "book.toml", because: "no chapter of the book")
        } else if source.lastPathComponent == "_config.yml" {
            var made = JekyllImport(text: text, file: path)
            let folder = source.deletingLastPathComponent().appendingPathComponent(made.sourceFolder)
            let files = JekyllImport.files(in: folder)
            let posts =
                (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("_posts").path))?
                .filter { $0.hasSuffix(".md") || $0.hasSuffix(".markdown") }.sorted() ?? []
            let folders = Set(
                (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasPrefix("_") } ?? [])
            // The posts' tags and categories are declared as taxonomies.
            let postPages = posts.compactMap { name in
                FileManager.default.contents(atPath: folder.appendingPathComponent("_posts/" + name).path).map {
                    (path: "_posts/" + name, text: HugoImport.text(of: $0))
                }
            }
            made.read(
                pages: files.pages, templatePages: files.templatePages, posts: posts, folders: folders,
                otherTexts: JekyllImport.texts(in: folder, folders: folders), source: folder, postPages: postPages)
            ErrorOutput.diagnostics(made.diagnostics)
            (folderName, yaml) = (made.sourceFolder, made.siteYAML)
            let postsSaid =
                made.postCount == 0 ? "" : ", \(made.postCount) post\(made.postCount == 1 ? "" : "s") at Jekyll's URLs"
            summary =
                (made.navPageCount > 0 ? "a nav of \(made.navPageCount) pages from their parent:" : "nav: auto")
                + postsSaid
            if !made.templatePages.isEmpty {
                notes.append(
                    "Left out, as Liquid templates Kretslopp does not run: "
                        + made.templatePages.joined(separator: ", ") + ".")
            }
            if !made.collections.isEmpty {
                notes.append(
                    "Collections not read (their permalink: is not /:collection/:path/, or they have no folder): "
                        + made.collections.joined(separator: ", ")
                        + "; add their folders to site.yaml's include: to build them at /name/path/.")
            }
        } else if source.lastPathComponent == ".gitbook.yaml" || source.lastPathComponent == "SUMMARY.md" {
            var made = GitBookImport(text: source.lastPathComponent == "SUMMARY.md" ? nil : text, file: path)
            let folder = source.deletingLastPathComponent().appendingPathComponent(made.rootFolder)
            let summaryText = FileManager.default.contents(atPath: folder.appendingPathComponent(made.summaryPath).path)
            let pages = HugoImport.pages(in: folder)
            made.read(
                summary: summaryText.map { String(decoding: $0, as: UTF8.self) },
                files: pages.map(\.path), texts: pages.map(\.text),
                hasAssets: FileManager.default.fileExists(atPath: folder.appendingPathComponent(".gitbook/assets").path)
            )
            ErrorOutput.diagnostics(made.diagnostics)
            (folderName, yaml) = (made.rootFolder, made.siteYAML)
            summary = "\(made.summaryPath)'s \(made.chapterCount) pages as its nav"
            notes += Self.redirectsLeftOut(
                made.redirectsLeftOut, of: ".gitbook.yaml",
                because: "no page of the space, or a page or folder has the old URL")
            notes.append(
                "GitBook keeps a space's title and language outside Git: set title: in site.yaml, and check "
                    + "language: (\(made.language), guessed from the pages' words).")
        } else {
            var made = HugoImport(text: text, file: path)
            made.declareTaxonomies(
                pages: HugoImport.pages(
                    in: source.deletingLastPathComponent().appendingPathComponent(made.contentFolder)))
            ErrorOutput.diagnostics(made.diagnostics)
            (folderName, yaml) = (made.contentFolder, made.siteYAML)
            summary =
                "\(made.generator), " + (made.menuCount > 0 ? "its menu of \(made.menuCount)" : "no menu")
                + made.taxonomies.map { ", \($0.key) (\($0.termCount) term\($0.termCount == 1 ? "" : "s"))" }.joined()
        }
        guard !yaml.isEmpty else { fail("no site.yaml written") }
        let project = source.deletingLastPathComponent()
        let folder = project.appendingPathComponent(folderName)
        let parent = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : ""
        let display = ImportedPath.tidied(
            folderName == "." ? (parent.isEmpty ? "." : parent) : (parent.isEmpty ? "" : parent + "/") + folderName)
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            fail("\(display)/ does not exist: it is the folder with the pages that \(path) names")
        }
        do {
            try Data(yaml.utf8).write(to: folder.appendingPathComponent("site.yaml"), options: .withoutOverwriting)
        } catch {
            fail("\(display)/site.yaml already exists (or cannot be written); remove it to make it again")
        }
        print("Wrote \(display)/site.yaml (\(summary)). Build it with:")
        print("  kretslopp build --content \(ShellWord.quoted(display))")
        for note in notes { print(note) }
        // Hugo's and Zola's static/ sits beside the content; Kretslopp publishes the content's own.
        if !source.lastPathComponent.hasPrefix("mkdocs."),
            !["book.toml", "_config.yml", ".gitbook.yaml", "SUMMARY.md"].contains(source.lastPathComponent),
            FileManager.default.fileExists(atPath: project.appendingPathComponent("static").path)
        {
            print("Its static/ folder is beside \(display)/: copy it to \(display)/static/ to publish its files.")
        }
    }

    /// A file's text, for the settings files that name other files; nil when it cannot be read.
    static func text(at url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A folder of Markdown that no generator's settings describe: its site.yaml from its pages.
    func importFolder(_ folder: String) {
        let url = URL(fileURLWithPath: folder).standardized
        // A section's translation (`_index.en.md`) is read as a page once its language is known;
        // the names are looked at first, hidden folders (`.git`) skipped as the build skips them.
        var names: [String] = []
        let files = FileManager.default.enumerator(
            at: url, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles, .skipsPackageDescendants])
        while let file = files?.nextObject() as? URL {
            if file.pathExtension == "md" { names.append(String(file.standardized.path.dropFirst(url.path.count + 1))) }
        }
        let languages = Set(FolderImport.translatedPages(names).values).sorted()
        let pages = HugoImport.pages(in: url, languages: languages)
        guard !pages.isEmpty else {
            fail("\(folder)/ has no Markdown pages (.md); give the folder with the pages, or the project's settings")
        }
        // A GitHub wiki's sidebar is no page (its name starts with `_`): it is the nav.
        let sidebar = (try? Data(contentsOf: url.appendingPathComponent("_Sidebar.md"))).map(HugoImport.text)
        let made = FolderImport(folderName: url.lastPathComponent, pages: pages, sidebar: sidebar)
        do {
            try Data(made.siteYAML.utf8).write(
                to: url.appendingPathComponent("site.yaml"), options: .withoutOverwriting)
        } catch {
            fail("\(folder)/site.yaml already exists (or cannot be written); remove it to make it again")
        }
        let language =
            made.languageIsSure
            ? "language \(made.language), by the pages' words"
            : "language \(made.language), guessed from few words: check it"
        let wiki =
            made.isWiki
            ? "; a GitHub wiki, " + (made.sidebarEntries > 0 ? Self.sidebarSummary(made.sidebarEntries) : "nav: auto")
            : ""
        let summary =
            "\(pages.count) page\(pages.count == 1 ? "" : "s"); title from \(made.titleSource), \(language)\(wiki)"
        print("Wrote \(folder)/site.yaml (\(summary)). Build it with:")
        print("  kretslopp build --content \(ShellWord.quoted(folder))")
        if let first = made.otherLanguages.first {
            let named = made.otherLanguages.prefix(5).map { "\($0.path) (\($0.tag))" }.joined(separator: ", ")
            let more = made.otherLanguages.count > 5 ? " and \(made.otherLanguages.count - 5) more" : ""
            print(
                "\(made.otherLanguages.count == 1 ? "A page is" : "\(made.otherLanguages.count) pages are") in "
                    + "another language than the site's: \(named)\(more). Give each its language in its front "
                    + "matter ('lang: \(first.tag)'), so that its text is read out in it.")
        }
    }

    /// What the import says of a sidebar of `count` top-level entries made the nav (0: none, `nav: auto`).
    static func sidebarSummary(_ count: Int) -> String {
        count > 0 ? "its sidebar of \(count) top-level entries as nav" : "nav: auto"
    }

    /// The note for `count` of `file`'s redirects left out (none for none): they name `what`.
    static func redirectsLeftOut(_ count: Int, of file: String, because what: String) -> [String] {
        guard count > 0 else { return [] }
        let they = count == 1 ? "it names" : "they name"
        return ["\(file)'s \(count) redirect\(count == 1 ? " is" : "s are") left out: \(they) \(what)."]
    }
}
