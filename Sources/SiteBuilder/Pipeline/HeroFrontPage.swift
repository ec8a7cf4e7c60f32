/// The front page VitePress' default theme draws from front matter (`layout: home` with `hero:`
/// and `features:`; Starlight's `template: splash` with its `hero:` alike), as Markdown put before
/// the page's own text (`markdown: {vue: true}` or `{mdx: true}`): the
/// hero's text and tagline, its actions as links, each feature as an item of a list with its
/// title in bold. Its lines take the place of the front matter's last lines, so that every line
/// of the body keeps its number (the hero is said to be there, where it is written).
///
///     hero:                           The intuitive store for Vue.js
///       name: Pinia
///       text: The intuitive store…    Type Safe, Extensible, and Modular by design.
///       tagline: Type Safe…
///       actions:                      - [Get Started](/introduction)
///         - text: Get Started
///           link: /introduction       * **💡 Intuitive**: Stores are as familiar as components.
///     features:
///       - title: 💡 Intuitive
///         details: Stores are as familiar as components.
enum HeroFrontPage {
    /// The Markdown for `frontMatter`'s hero and features, nil when the page is no such front
    /// page. The hero's `name` is left out: it is the site's name, which the header shows.
    static func markdown(_ frontMatter: DataValue) -> String? {
        // VitePress' `layout: home`; Starlight's `template: splash`.
        guard frontMatter["layout"]?.text == "home" || frontMatter["template"]?.text == "splash",
            frontMatter["hero"] != nil || frontMatter["features"] != nil
        else { return nil }
        var blocks: [String] = []
        let hero = frontMatter["hero"]
        // VitePress' `text`, Starlight's `title`, and either's `tagline`.
        for key in ["text", "title", "tagline"] {
            if let text = hero?[key]?.text.map(oneLine), !text.isEmpty { blocks.append(escaped(text)) }
        }
        let actions = (hero?["actions"]?.list ?? []).compactMap { action -> String? in
            guard let text = action["text"]?.text.map(oneLine), !text.trimmingCharacters(in: .whitespaces).isEmpty,
                let link = action["link"]?.text
            else { return nil }
            return "- [\(escaped(text))](<\(fromRoot(link))>)"
        }
        if !actions.isEmpty { blocks.append(actions.joined(separator: "\n")) }
        let features = (frontMatter["features"]?.list ?? []).compactMap { feature -> String? in
            let title = feature["title"]?.text.map(oneLine) ?? ""
            let details = feature["details"]?.text.map(oneLine) ?? ""
            guard !title.isEmpty || !details.isEmpty else { return nil }
            let written = title.isEmpty ? escaped(details) : "**\(escaped(title))**" + (details.isEmpty ? "" : ": ")
            let link = feature["link"]?.text
            // `*`, not the actions' `-`: a list of its own, not the actions' list going on.
            return "* " + (title.isEmpty ? written : written + escaped(details))
                + (link.map { " [\(feature["linkText"]?.text ?? "→")](<\(fromRoot($0))>)" } ?? "")
        }
        if !features.isEmpty { blocks.append(features.joined(separator: "\n")) }
        return blocks.isEmpty ? nil : blocks.joined(separator: "\n\n") + "\n\n"
    }

    /// `body` with the front page's Markdown before it, and the line offset that keeps the body's
    /// lines where they are in the file (the Markdown's lines are the front matter's last).
    static func body(_ body: String, lineOffset: Int, frontMatter: DataValue) -> (body: String, lineOffset: Int) {
        guard let home = markdown(frontMatter) else { return (body, lineOffset) }
        let lines = home.utf8.count { $0 == 0x0A }
        guard lines <= lineOffset else { return (body, lineOffset) }
        return (home + body, lineOffset - lines)
    }

    /// A link as VitePress' buttons read it: one without a `/` at its start (`fa/guide/x`) is
    /// from the site's root, not from the page.
    private static func fromRoot(_ link: String) -> String {
        let isRelative = !link.hasPrefix("/") && !link.hasPrefix("#") && !link.hasPrefix(".") && !link.contains(":")
        return isRelative ? "/" + link : link
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Text as Markdown shows it: the characters that would start markup taken as written.
    private static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
