import Markdown

/// The top folders a Hugo or Zola site lists newest first, as site.yaml's `newestFirst:`. Hugo
/// orders every list by weight, then date, the newest first: a folder whose pages have dates and
/// no weights (a blog's `posts/`) is listed newest first. Zola lists a section by date when its
/// `_index.md` says `sort_by = "date"`.
enum DatedSections {
    /// The `newestFirst:` line for `pages` (path below the content folder -> text, in a language's
    /// folder of `languages` when the site has them); empty when no folder is listed so.
    static func yaml(pages: [(path: String, text: String)], isZola: Bool, languages: [String] = []) -> String {
        var dated = Set<String>()
        var weighted = Set<String>()
        var byDate = Set<String>()
        let quiet = DiagnosticLog()
        for page in pages {
            var parts = page.path.split(separator: "/")
            if parts.count > 1, languages.contains(String(parts[0])) { parts.removeFirst() }
            guard parts.count > 1 else { continue }
            let folder = String(parts[0])
            let split = FrontMatterSplitter.split(page.text)
            guard let text = split.yaml,
                let map = split.isTOML
                    ? TOMLReader.parse(text, file: page.path, log: quiet)
                    : YAMLReader.parse(text, file: page.path, log: quiet)
            else { continue }
            if parts.last == "_index.md" {
                if isZola, parts.count == 2, map["sort_by"]?.text == "date" { byDate.insert(folder) }
                continue
            }
            if map["date"].map({ !$0.isNull }) ?? false { dated.insert(folder) }
            if let weight = map["weight"]?.text, weight != "0" { weighted.insert(folder) }
        }
        let folders = (isZola ? byDate : dated.subtracting(weighted)).sorted()
        guard !folders.isEmpty else { return "" }
        let list = folders.map(YAMLScalar.written).joined(separator: ", ")
        let why = isZola ? "as its _index.md's sort_by = \"date\"" : "as Hugo lists pages with dates and no weights"
        return "newestFirst: [\(list)]  # listed newest first, \(why)\n"
    }
}
