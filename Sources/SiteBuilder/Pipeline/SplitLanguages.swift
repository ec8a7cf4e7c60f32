import Foundation
import Markdown

/// A site in several languages: which language each Markdown and data file is in, which pages
/// translate each other, and where each language's pages go (`/en/…`, sections renamed by a
/// translated `_index.md`'s `slug:`).
struct SplitLanguages {
    /// Every language's settings, the default first.
    let configs: [SiteConfig]
    let log: DiagnosticLog

    private var languages: [String] { configs[0].languages }

    /// The Markdown files of each language (in `configs` order), each with the path of its
    /// original below the content folder (`projekt/x.en.md` and `en/projekt/x.md` ->
    /// `projekt/x.md`). A folder named after the default language holds its pages as the other
    /// languages' folders hold theirs (Hugo's `content/en`, `content/no`). A file in an undeclared
    /// language, or a second translation of one page into one language, is an error.
    func markdown(_ files: [SourceFile]) -> [[SourceFile]] {
        var result = Array(repeating: [SourceFile](), count: configs.count)
        var seen = Array(repeating: [String: String](), count: configs.count)
        for file in files {
            guard let (language, original) = place(file) else { continue }
            if let other = seen[language][original] {
                log.error(
                    file.displayPath, .start,
                    "this file and \(other) are both the \(languages[language]) version of \(original)",
                    hint: "a page has one translation per language: remove or rename one of them")
                continue
            }
            seen[language][original] = file.displayPath
            result[language].append(
                file.moved(to: original, languageFolder: Self.languageFolder(of: file.relativePath, languages)))
        }
        return result
    }

    /// The language (index in `configs`) and original path of one Markdown file; nil after an error.
    private func place(_ file: SourceFile) -> (Int, String)? {
        var parts = file.relativePath.split(separator: "/").map(String.init)
        var language = 0
        if !Self.languageFolder(of: file.relativePath, languages).isEmpty {
            language = languages.firstIndex(of: parts[0])!
            parts.removeFirst()
        }
        let stem = String(parts.removeLast().dropLast(3))
        guard let (name, tag) = LanguageKeys.split(stem) else {
            return (language, (parts + [stem + ".md"]).joined(separator: "/"))
        }
        guard let n = languages.firstIndex(of: tag) else {
            log.error(
                file.displayPath, .start,
                "language '\(tag)' is not declared in site.yaml `languages:`; declare it or rename the file",
                hint: "declared: \(languages.joined(separator: ", ")); translations are named like "
                    + "x.\(languages.last!).md")
            return nil
        }
        return (n, (parts + [name + ".md"]).joined(separator: "/"))
    }

    /// The language folder (`no/`) a file below the content folder is in, or "".
    static func languageFolder(of relativePath: String, _ languages: [String]) -> String {
        guard let slash = relativePath.firstIndex(of: "/"), languages.contains(String(relativePath[..<slash])) else {
            return ""
        }
        return String(relativePath[...slash])
    }

    /// A file copied as it is, as the site publishes it: one in the default language's folder at
    /// the site's root as its pages are (`en/docs/a.png` -> `docs/a.png`); one in another
    /// language's folder below that language's root, where its pages are (`no/docs/a.png`).
    static func publishedFile(_ file: SourceFile, _ languages: [String]) -> SourceFile {
        guard let first = languages.first, file.relativePath.hasPrefix(first + "/") else { return file }
        var moved = file
        moved.relativePath.removeFirst(first.count + 1)
        moved.languageFolder = first + "/"
        return moved
    }

    /// Links translations by `translationKey` or file name, and moves the pages of every language
    /// but the default to their paths (`/en/projects/x/`); renames sections and maps menu paths in
    /// `configs`. Two pages of one language with one key are an error.
    func link(_ pages: inout [[Page]], configs: inout [SiteConfig]) {
        var defaultKeys: [String: String] = [:]
        for n in pages.indices {
            var owner: [String: String] = [:]
            for i in pages[n].indices {
                let page = pages[n][i]
                let written = page.frontMatter["translationKey"]
                let key =
                    written?.text.map { "key:" + $0 } ?? (n == 0 ? nil : defaultKeys[page.source.relativePath])
                    ?? "file:" + page.source.relativePath
                if n == 0 { defaultKeys[page.source.relativePath] = key }
                if let other = owner[key] {
                    log.error(
                        page.source.displayPath, written?.position ?? .start,
                        "this page and \(other) are both the \(languages[n]) translation of one page"
                            + (written != nil ? " (translationKey '\(written!.text!)')" : ""),
                        hint: "give each page of one language its own translationKey")
                }
                owner[key] = page.source.displayPath
                pages[n][i].translationKey = key
            }
            guard n > 0 else { continue }
            for page in pages[n] where page.kind == .sectionIndex {
                guard let slug = page.frontMatter["slug"], let text = slug.text else { continue }
                guard !text.contains("/") else {
                    log.error(
                        page.source.displayPath, slug.position, "'slug' is one part of the URL and cannot contain '/'",
                        hint: "a translated section's slug renames its folder in the URL: 'slug: projects'")
                    continue
                }
                configs[n].sectionSlugs[page.folder] = URLSegment.make(text)
            }
            for i in pages[n].indices { pages[n][i].path = move(pages[n][i], configs[n]) }
        }
        for n in configs.indices.dropFirst() {
            let paths = translatedPaths(pages[0], pages[n], configs[0], configs[n])
            for i in configs[n].menu.indices {
                configs[n].menu[i].path = map(configs[n].menu[i].path, paths, configs[n])
            }
            for i in configs[n].footer.indices {
                configs[n].footer[i].path = map(configs[n].footer[i].path, paths, configs[n])
            }
        }
    }

    /// The path of a page of another language than the default: below its root, with its folders
    /// renamed where the language's section index says so.
    private func move(_ page: Page, _ config: SiteConfig) -> String {
        if page.kind == .home || page.kind == .sectionIndex { return config.sitePath(ofFolder: page.folder) }
        let folderPath = PageLocation.sitePath(ofFolder: page.folder, names: config.links.names)
        if page.frontMatter["url"] == nil, page.path.hasPrefix(folderPath) {
            return config.sitePath(ofFolder: page.folder) + page.path.dropFirst(folderPath.count)
        }
        return config.root + page.path.dropFirst()
    }

    /// Default-language path -> the same page's path in the other language.
    private func translatedPaths(_ original: [Page], _ translated: [Page], _ a: SiteConfig, _ b: SiteConfig)
        -> [String: String]
    {
        var byKey: [String: String] = [:]
        for page in translated { byKey[page.translationKey] = page.path }
        var paths: [String: String] = [:]
        for page in original { if let path = byKey[page.translationKey] { paths[page.path] = path } }
        // Sections the language has pages in.
        for page in translated where page.kind == .regular || page.kind == .sectionIndex {
            var folder = page.folder
            while !folder.isEmpty {
                paths[a.sitePath(ofFolder: folder)] = b.sitePath(ofFolder: folder)
                folder = folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? ""
            }
        }
        for (x, y) in zip(a.taxonomies, b.taxonomies) { paths["/\(x.path)/"] = "/\(y.path)/" }
        for (x, y) in zip(a.collections, b.collections) { paths["/\(x.path)/"] = "/\(y.path)/" }
        if let x = a.report, let y = b.report { paths["/\(x.path)/"] = "/\(y.path)/" }
        paths[a.searchPath] = b.searchPath
        paths["/"] = b.root
        return paths
    }

    /// A menu or footer path as written in a language's settings: kept when it is already below
    /// the language's root or another site's; else the same page in the language, else (a page
    /// not translated yet) the default language's page.
    private func map(_ path: String, _ paths: [String: String], _ config: SiteConfig) -> String {
        if path.contains("://") || path.hasPrefix(config.root) || !path.hasPrefix("/") { return path }
        return paths[path] ?? path
    }

    /// The data files as language `n` sees them: `data/NAME.LANG.ext` in place of
    /// `data/NAME.ext`, and every record's `K.LANG` in place of `K`. Records with ids must have
    /// the same ids in both files.
    func data(_ files: [String: DataFile], for n: Int) -> [String: DataFile] {
        var result: [String: DataFile] = [:]
        var own: [String: DataFile] = [:]
        for (name, file) in files {
            if let (base, tag) = LanguageKeys.split(name), languages.contains(tag) {
                if tag == languages[n] { own[base] = file }
            } else {
                result[name] = file
            }
        }
        for (base, file) in own {
            if let original = result[base] { checkIDs(original, file) }
            var renamed = file
            renamed.name = base
            result[base] = renamed
        }
        for (name, file) in result {
            let keys = LanguageKeys(declared: languages, file: file.source.displayPath, log: n == 0 ? log : nil)
            result[name]!.value = keys.localize(file.value, to: languages[n])
        }
        return result
    }

    private func checkIDs(_ original: DataFile, _ translated: DataFile) {
        func ids(_ file: DataFile) -> [String] { (file.value.list ?? []).compactMap { $0["id"]?.text } }
        let a = ids(original)
        let b = ids(translated)
        guard a != b, !(a.isEmpty && b.isEmpty) else { return }
        let missing = a.filter { !b.contains($0) }
        let extra = b.filter { !a.contains($0) }
        let detail =
            !missing.isEmpty || !extra.isEmpty
            ? [
                missing.isEmpty ? nil : "missing: \(missing.joined(separator: ", "))",
                extra.isEmpty ? nil : "not in \(original.source.displayPath): \(extra.joined(separator: ", "))",
            ]
            .compactMap { $0 }.joined(separator: "; ")
            : "the same ids in another order"
        if !missing.isEmpty || !extra.isEmpty {
            log.error(
                translated.source.displayPath, translated.value.position,
                "the records' ids differ from \(original.source.displayPath) (\(detail))",
                hint: "a translated data file has a record for each record of the original, with the same id")
        }
    }
}
