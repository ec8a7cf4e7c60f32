/// The warnings of the passes over a page's source that are said once per page (shortcodes and
/// Liquid tags left as written, admonitions' slips) and of text that looks like a heading.
extension MarkdownRenderer {
    /// One warning for the shortcodes a page has that Kretslopp does not read, at the first, and
    /// one for the pairs whose tags were left out around their content.
    static func shortcodeWarning(_ gfm: GFMExtensions?, lineOffset: Int) -> [MarkdownProblem] {
        guard let gfm else { return [] }
        func warning(_ found: [(line: Int, column: Int, name: String)], _ what: (Int) -> String) -> [MarkdownProblem] {
            guard let first = found.first else { return [] }
            let names = Set(found.map(\.name)).sorted().joined(separator: ", ")
            return [
                MarkdownProblem(
                    position: SourcePosition(line: first.line + lineOffset, column: first.column),
                    message: "\(what(found.count)) (first here; \(names)): shortcodes are a Hugo or Zola theme's "
                        + "templates, which Kretslopp does not run",
                    hint: "write the Markdown they stand for (a link, an image, a code block); Hugo's ref, relref, "
                        + "figure, highlight and embeds (youtube, vimeo, gist, x) are read",
                    isWarning: true)
            ]
        }
        return warning(gfm.shortcodesLeft) {
            $0 == 1 ? "a shortcode is shown as written" : "\($0) shortcodes are shown as written"
        }
            + warning(gfm.shortcodesUnwrapped) {
                ($0 == 1 ? "a shortcode's tags are" : "\($0) shortcodes' tags are") + " left out, their text shown"
            }
    }

    /// One warning for the Liquid tags a page has that Kretslopp does not read, at the first.
    static func liquidWarning(_ gfm: GFMExtensions?, lineOffset: Int) -> [MarkdownProblem] {
        guard let found = gfm?.liquidLeft, let first = found.first else { return [] }
        let names = Set(found.map(\.name)).sorted().joined(separator: ", ")
        return [
            MarkdownProblem(
                position: SourcePosition(line: first.line + lineOffset, column: first.column),
                message: (found.count == 1
                    ? "a Liquid tag is shown as written" : "\(found.count) Liquid tags are shown as written")
                    + " (first here; \(names)): Liquid is a Jekyll site's template language, "
                    + "which Kretslopp does not run",
                hint: "write the Markdown they stand for; {% link %}, {% post_url %}, {% highlight %}, {% raw %}, "
                    + "{% comment %}, {{ site.baseurl }} and {{ '/x/' | relative_url }} are read",
                isWarning: true)
        ]
    }

    /// One warning for the MDX components whose tags were left out, one for the HTML attributes
    /// given JavaScript values, and one each for Vue's components left out and its expressions
    /// shown as written, each at the first.
    static func mdxWarning(_ gfm: GFMExtensions?, lineOffset: Int) -> [MarkdownProblem] {
        guard let gfm else { return [] }
        let components = componentsLeftOut(
            gfm.mdxLeftOut, by: "React", lineOffset: lineOffset,
            read: "<Tabs>, <TabItem>, <Admonition>, <Aside>, <LinkCard>, <LinkButton>, <Badge>, imports and "
                + "{/* comments */}")
        let attributes = atFirst(
            gfm.mdxExpressionsLeftOut, lineOffset: lineOffset,
            hint: "write the value itself: src=\"/img/logo.png\"; strings, numbers, true and style={{…}} of them "
                + "are read"
        ) { count, names in
            (count == 1 ? "an attribute is left out" : "\(count) attributes are left out")
                + " (first here; \(names)): its value is JavaScript, which Kretslopp does not run"
        }
        let vue = componentsLeftOut(
            gfm.vueLeftOut, by: "Vue", lineOffset: lineOffset, read: "<script> and <style> blocks and <Badge>")
        let expressions = atFirst(
            gfm.vueExpressionsLeft, lineOffset: lineOffset,
            hint: "write the text itself; {{ $frontmatter.name }} is read (the page's front matter value)"
        ) { count, names in
            (count == 1 ? "a Vue expression is shown as written" : "\(count) Vue expressions are shown as written")
                + " (first here; \(names)): Vue runs such JavaScript in the reader's browser, and Kretslopp does not "
                + "use Vue"
        }
        return components + attributes + vue + expressions
    }

    /// One warning at the first of the components of `framework` (React's, Vue's) whose tags were
    /// left out; `read` names what is read instead.
    private static func componentsLeftOut(
        _ found: [(line: Int, column: Int, name: String)], by framework: String, lineOffset: Int, read: String
    ) -> [MarkdownProblem] {
        atFirst(found, lineOffset: lineOffset, hint: "write the Markdown they stand for; \(read) are read") {
            count, names in
            (count == 1 ? "a \(framework) component is left out" : "\(count) \(framework) components are left out")
                + ", the text inside shown (first here; \(names)): components run in the reader's browser with "
                + "\(framework), which Kretslopp does not use"
        }
    }

    /// One warning at the first of `found` (none for none): `message` is given how many there
    /// are and their names, each once, in order.
    private static func atFirst(
        _ found: [(line: Int, column: Int, name: String)], lineOffset: Int, hint: String,
        message: (Int, String) -> String
    ) -> [MarkdownProblem] {
        guard let first = found.first else { return [] }
        var names: [String] = []
        for found in found where !names.contains(found.name) { names.append(found.name) }
        return [
            MarkdownProblem(
                position: SourcePosition(line: first.line + lineOffset, column: first.column),
                message: message(found.count, names.joined(separator: ", ")), hint: hint, isWarning: true)
        ]
    }

    /// One warning for the GitBook tags a page has that Kretslopp does not draw, at the first.
    /// `includesRead`: an `{% include %}` left is one the site could not read, said already.
    static func gitbookWarning(_ gfm: GFMExtensions?, lineOffset: Int, includesRead: Bool = false)
        -> [MarkdownProblem]
    {
        let unclosed = (gfm?.gitbookUnclosed ?? []).map { found in
            MarkdownProblem(
                position: SourcePosition(line: found.line + lineOffset, column: found.column),
                message: "{% \(found.name) %} is never closed, so it is shown as written",
                hint: "end it with {% end\(found.name) %} on a line of its own", isWarning: true)
        }
        let found = (gfm?.gitbookNotDrawn ?? []).filter { !includesRead || $0.name != "{% include %}" }
        guard let first = found.first else { return unclosed }
        let names = Set(found.map(\.name)).sorted()
        let apis = names.filter { GitBookBlocks.apiTags.contains(String($0.dropFirst(3).dropLast(3))) }
        let why = [
            apis.isEmpty ? nil : "GitBook draws an API's operations from its spec",
            apis.count == names.count ? nil : "other tags are GitBook's own or an integration's",
        ].compactMap { $0 }.joined(separator: ", ")
        return [
            MarkdownProblem(
                position: SourcePosition(line: first.line + lineOffset, column: first.column),
                message: (found.count == 1
                    ? "a GitBook block is not drawn" : "\(found.count) GitBook blocks are not drawn")
                    + " (first here; \(names.joined(separator: ", "))): \(why); the text inside is shown",
                hint: "write the Markdown they stand for (an OpenAPI block keeps its link to the spec); hint, tabs, "
                    + "code, embed, file, content-ref, stepper and columns are read",
                isWarning: true)
        ] + unclosed
    }

    /// A heading more than one level below the one before it (the page's title is level 1):
    /// a screen reader's list of headings then has a gap, which axe reports (heading-order) and
    /// markdownlint too (MD001). One warning per jump, at the heading.
    static func skippedLevelWarnings(_ headings: [Heading]) -> [MarkdownProblem] {
        var previous = 1
        var problems: [MarkdownProblem] = []
        for heading in headings {
            defer { previous = heading.level }
            guard heading.level > previous + 1 else { continue }
            let marks = String(repeating: "#", count: heading.level)
            let wanted = String(repeating: "#", count: previous + 1)
            let text = heading.text.count > 40 ? heading.text.prefix(40) + "…" : heading.text[...]
            problems.append(
                MarkdownProblem(
                    position: heading.position,
                    message: "heading '\(marks) \(text)' is level \(heading.level) right after level \(previous)"
                        + (previous == 1 ? " (the page's title)" : "") + ": a screen reader's list of headings "
                        + "has a gap there",
                    hint: "write '\(wanted) \(text)', or put a level \(previous + 1) heading before it",
                    isWarning: true))
        }
        return problems
    }

    /// A table with empty header cells: a screen reader names each cell by its column's header,
    /// and axe reports an empty one (empty-table-header). One warning per table, at the first.
    static func emptyTableHeaderWarnings(
        _ found: [(position: SourcePosition, empty: Int, columns: Int)], lineOffset: Int
    )
        -> [MarkdownProblem]
    {
        found.map { table in
            let message =
                table.empty == table.columns
                ? "this table's header row is empty: a screen reader names each cell by its column's header"
                : (table.empty == 1
                    ? "a column of this table has no header"
                    : "\(table.empty) columns of this table have no header")
                    + ": a screen reader names each cell by its column's header"
            return MarkdownProblem(
                position: SourcePosition(line: table.position.line + lineOffset, column: table.position.column),
                message: message,
                hint: "write what each column holds in the first row (| Name | Emoji |), or use a list where the "
                    + "table only lays things out",
                isWarning: true)
        }
    }

    /// An `<img>` in raw HTML with no `alt`: a screen reader reads its file name instead (axe's
    /// image-alt). A warning, not an error as a Markdown image without text is: raw HTML is most
    /// often a tree brought from elsewhere, and `alt=""` (an image that says nothing) is fine.
    static func imageWithoutAltWarning(at position: SourcePosition) -> MarkdownProblem {
        MarkdownProblem(
            position: position, message: "this <img> has no alt text: a screen reader reads out its file name",
            hint: "add alt=\"what it shows\", or alt=\"\" for an image that only decorates", isWarning: true)
    }

    /// An `<iframe>` showing another site's page: it is loaded when the page opens (that site
    /// learns of the visit), and offline, in the bundle, the frame is empty.
    static func frameFromElsewhereWarning(_ frame: (position: SourcePosition, address: String)) -> MarkdownProblem {
        let shown = frame.address.count > 60 ? frame.address.prefix(57) + "…" : frame.address[...]
        return MarkdownProblem(
            position: frame.position,
            message: "this <iframe> shows another site's page (\(shown)): it is loaded whenever the page opens, "
                + "so that site learns of each visit, and offline the frame is empty",
            hint: "link to the page instead, or beside it, so readers can choose to open it", isWarning: true)
    }

    /// `##Rubrik` is a paragraph's text, not a heading: the `#` marks need a space after them.
    static func unspacedHeadingWarning(_ text: String, at position: SourcePosition) -> MarkdownProblem {
        let marks = text.prefix { $0 == "#" }
        let words = text.dropFirst(marks.count).prefix(40)
        return MarkdownProblem(
            position: position, message: "'\(marks)\(words)' is text, not a heading: '#' marks need a space after them",
            hint: "write '\(marks) \(words)'", isWarning: true)
    }

    /// The admonition passes' warnings (a block never closed, an admonition with no text).
    static func admonitionWarnings(_ gfm: GFMExtensions?, lineOffset: Int) -> [MarkdownProblem] {
        (gfm?.admonitionWarnings ?? []).map { warning in
            MarkdownProblem(
                position: SourcePosition(line: warning.line + lineOffset, column: warning.column),
                message: warning.message, hint: warning.hint, isWarning: true)
        }
    }
}
