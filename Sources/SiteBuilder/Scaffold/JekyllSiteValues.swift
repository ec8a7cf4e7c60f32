import Foundation

/// The values of `_config.yml` that a Jekyll site's pages show through Liquid
/// (`{{ site.repository }}`, `{{ site.github.owner | escape }}`), which `kretslopp import` writes
/// as `markdown: {liquid: {site: …}}` so that the pages show them as Jekyll does. Only text
/// values; `site.baseurl` and `site.url` are the site's root already.
enum JekyllSiteValues {
    /// The names the pages use that `config` has a text value for (`data.ruby.min_version`: in
    /// `data`, the site's `_data/` files by name), sorted, with those values.
    static func used(
        in texts: [String], config: DataValue?, data: [String: DataValue] = [:]
    ) -> [(key: String, value: String)] {
        guard let config else { return [] }
        var names = Set<String>()
        for text in texts where text.contains("{{") {
            var rest = Substring(text)
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                let inside = rest.prefix { $0 != "}" && $0 != "\n" }
                let expression = inside.drop { $0 == " " || $0 == "-" }.prefix { $0 != " " && $0 != "|" && $0 != "-" }
                if expression.hasPrefix("site."), expression.count > 5 { names.insert(String(expression.dropFirst(5))) }
            }
        }
        return names.subtracting(["baseurl", "url"]).sorted().compactMap { name in
            var parts = name.split(separator: ".").map(String.init)
            var value: DataValue? = config
            if parts.count > 2, parts[0] == "data" {
                value = data[parts[1]]
                parts.removeFirst(2)
            }
            for part in parts { value = value?[part] }
            guard let text = value?.text, value?.pairs == nil else { return nil }
            return (name, text)
        }
    }
}

extension JekyllSiteValues {
    /// The site's `_data/` files (`.yml`, `.yaml`, `.json`) below `folder`, by name without
    /// extension (`ruby` for `_data/ruby.yml`); those that cannot be read are left out.
    static func dataFiles(in folder: URL) -> [String: DataValue] {
        let data = folder.appendingPathComponent("_data")
        var found: [String: DataValue] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: data.path)) ?? [] {
            let stem = (name as NSString).deletingPathExtension
            guard ["yml", "yaml", "json"].contains((name as NSString).pathExtension),
                let bytes = FileManager.default.contents(atPath: data.appendingPathComponent(name).path),
                let value = YAMLReader.parse(String(decoding: bytes, as: UTF8.self), file: name, log: DiagnosticLog())
            else { continue }
            found[stem] = value
        }
        return found
    }
}
