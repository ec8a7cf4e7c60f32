import Markdown

extension LoadSiteConfig {
    /// `links: {broken: error | warning, htmlToMarkdown: true | false, keepHTML: true | false,
    /// lowercase: true | false, slugify: true | false, datedNames: true | false, relativeTo: url | file,
    /// docIDs: true | false, wiki: true | false}`.
    func linkPolicy(_ value: DataValue, _ read: FieldReader) -> LinkPolicy {
        var policy = LinkPolicy()
        guard let map = read.mapping(value, what: "'links'"), let pairs = map.pairs else { return policy }
        let known = [
            "broken", "datedNames", "docIDs", "htmlToMarkdown", "keepHTML", "lowercase", "relativeTo", "slugify",
            "wiki",
        ]
        for (key, entry) in pairs where !known.contains(key) {
            let guess = Suggestion.closest(to: key, in: known).map { "did you mean '\($0)'? " } ?? ""
            log.error(
                read.file, entry.position, "unknown key '\(key)' in 'links'",
                hint: "\(guess)known: \(known.joined(separator: ", "))")
        }
        if let broken = choice(map, "broken", read, ["error", "warning"]) {
            policy.broken = broken == "warning" ? .warning : .error
        }
        policy.htmlToMarkdown = read.bool(map, "htmlToMarkdown") ?? false
        policy.keepHTML = read.bool(map, "keepHTML") ?? false
        if read.bool(map, "slugify") == true {
            policy.names = .slug
        } else if read.bool(map, "lowercase") == true {
            policy.names = .lowercase
        }
        policy.datedNames = read.bool(map, "datedNames") ?? false
        policy.docIDs = read.bool(map, "docIDs") ?? false
        policy.names.withoutNumberPrefixes = policy.docIDs
        policy.relativeToFile = choice(map, "relativeTo", read, ["url", "file"]) == "file"
        policy.wiki = read.bool(map, "wiki") ?? false
        return policy
    }

    /// `permalinks: {posts: /:year/:month/:slug/}`: each top folder's URL pattern for its pages,
    /// as Hugo's `permalinks` writes them; a pattern that is wrong is an error at its place.
    func permalinks(_ map: DataValue, _ read: FieldReader) -> [String: Permalink] {
        guard let value = map["permalinks"] else { return [:] }
        guard let pairs = value.pairs else {
            log.error(
                read.file, value.position, "permalinks must map folders to URL patterns",
                hint: "one per line, the folder, a colon and the pattern: 'permalinks: {posts: /:year/:month/:slug/}'")
            return [:]
        }
        var found: [String: Permalink] = [:]
        for (folder, entry) in pairs {
            guard let pattern = read.string(map["permalinks"]!, folder) else { continue }
            if folder.contains("/") {
                log.error(
                    read.file, entry.position, "permalinks are given for a top folder, not '\(folder)'",
                    hint: "name the folder below the content folder: posts")
                continue
            }
            if let problem = Permalink.problem(pattern) {
                log.error(read.file, entry.position, problem.message, hint: problem.hint)
                continue
            }
            found[folder] = Permalink(pattern: pattern)
        }
        return found
    }

    /// `newestFirst: [posts]`: top folders whose pages are listed newest first.
    func newestFirst(_ map: DataValue, _ read: FieldReader) -> Set<String> {
        Set(
            (read.strings(map, "newestFirst") ?? []).compactMap { folder, position in
                guard folder.contains("/") else { return folder }
                log.error(
                    read.file, position, "newestFirst: lists top folders, not '\(folder)'",
                    hint: "name the folder below the content folder: posts")
                return nil
            })
    }

    /// `redirects: {/gammal/sida.html: om.md, /arkiv/: https://arkiv.example.se/}`: old URLs, each
    /// a path from the site's root as aliases are, and the page (its .md file) or address it
    /// sends readers to; whether the page exists is checked when the pages are known.
    func redirects(_ map: DataValue, _ read: FieldReader) -> [SiteConfig.Redirect] {
        guard let value = map["redirects"] else { return [] }
        let example = "redirects: {/gammal/sida.html: om.md}"
        guard let pairs = value.pairs else {
            log.error(
                read.file, value.position, "redirects must map old URLs to pages",
                hint: "one per line, the old URL, a colon and the page's .md file: \(example)")
            return []
        }
        return pairs.compactMap { key, target in
            guard let from = ParseFrontMatter.sitePath(url: key, old: true) else {
                log.error(
                    read.file, target.position, "the old URL '\(key)' of a redirect is not a plain path",
                    hint: "a path from the site's root of letters, digits, '-', '_', '.', '/' and a URL's other path "
                        + "characters (no spaces, no '*'): \(example)")
                return nil
            }
            guard var to = target.text, !to.isEmpty else {
                log.error(
                    read.file, target.position, "redirect from '\(key)' says nowhere to go",
                    hint: "give the page's .md file below the content folder, or an https:// address")
                return nil
            }
            let redirect = SiteConfig.Redirect(from: from, to: to, position: target.position)
            if redirect.isExternal { return redirect }
            while to.hasPrefix("./") || to.hasPrefix("/") { to.removeFirst(to.hasPrefix("/") ? 1 : 2) }
            guard to.hasSuffix(".md") else {
                log.error(
                    read.file, target.position, "redirect from '\(key)' to '\(to)': not a page's .md file",
                    hint: "give the page's .md file below the content folder (om.md), or an https:// address")
                return nil
            }
            return SiteConfig.Redirect(from: from, to: to, position: target.position)
        }
    }
}
