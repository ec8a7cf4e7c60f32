/// Hugo's params as `{{< param "name" >}}` shows them: a page's own front matter first (its keys,
/// and those of its `params:` mapping), then site.yaml's `params:` (Hugo's site params, which
/// `kretslopp import` carries over). A nested mapping's keys are joined by dots (`github.repo`),
/// in lower case as Hugo reads them; a list is no value to show.
enum SiteParams {
    /// Every text value of `value`, by its dotted key in lower case.
    static func texts(_ value: DataValue) -> [String: String] {
        var texts: [String: String] = [:]
        func add(_ value: DataValue, _ name: String) {
            if let pairs = value.pairs {
                for (key, inner) in pairs {
                    add(inner, name.isEmpty ? key.lowercased() : name + "." + key.lowercased())
                }
            } else if let text = value.text, !name.isEmpty {
                texts[name] = text
            }
        }
        add(value, "")
        return texts
    }

    /// The value `name` has on a page with front matter `frontMatter`, else on the site.
    static func value(_ name: String, frontMatter: DataValue, site: [String: String]) -> String? {
        let key = name.lowercased()
        let own = texts(frontMatter)
        return own[key] ?? own["params." + key] ?? site[key]
    }

    /// Whether a page's body shows a param, Hugo's or VitePress' (`{{ $frontmatter.title }}`), and
    /// so depends on its front matter as well as its text.
    static func isShown(in body: String) -> Bool {
        body.utf8.count >= 9
            && (body.contains("< param") || body.contains("% param") || body.contains("$frontmatter."))
    }
}
