import Markdown

extension LoadSiteConfig {
    /// `strings:`: UI strings of the theme in the site's own words (`projectsHeading: Activities`).
    func strings(_ map: DataValue, _ read: FieldReader) -> [String: (text: String, position: SourcePosition)] {
        guard let pairs = map["strings"].flatMap({ read.mapping($0, what: "'strings'") })?.pairs else { return [:] }
        var strings: [String: (text: String, position: SourcePosition)] = [:]
        for (key, value) in pairs {
            guard let text = value.text, value.list == nil, value.pairs == nil else {
                log.error(
                    read.file, value.position, "UI string '\(key)' must be text",
                    hint: "write it as 'key: the words', as in the theme's i18n files")
                continue
            }
            strings[key] = (text, value.position)
        }
        return strings
    }
}
