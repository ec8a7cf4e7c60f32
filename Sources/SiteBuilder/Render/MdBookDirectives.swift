import Markdown

/// mdBook's preprocessor directives in a page body (`{{#include file.rs}}`,
/// `{{#rustdoc_include …}}`, `{{#playground …}}`, `{{#title …}}`), which Kretslopp does not read:
/// the page shows them as written, so they are said once per page, at the first. An escaped one
/// (`\{{#include …}}`, as mdBook's own guide writes them to show them) or one without an argument
/// (`{{ #include }}`) is text to mdBook too, and says nothing.
enum MdBookDirectives {
    static let names: Set<String> = ["include", "rustdoc_include", "playground", "title"]

    /// The directives of `body` (its first line is line `lineOffset + 1` of its file), each with
    /// its name and place.
    static func find(in body: String, lineOffset: Int) -> [(name: String, position: SourcePosition)] {
        guard body.containsUTF8("{{") else { return [] }
        var found: [(String, SourcePosition)] = []
        let bytes = Array(body.utf8)
        var line = 1
        var lineStart = 0
        var i = 0
        while i + 1 < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            } else if byte == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "{"),
                i == 0 || bytes[i - 1] != UInt8(ascii: "\\")
            {
                // As mdBook reads them (`Directive`): a name, then an argument, then `}}`.
                if let directive = Directive(bytes, at: i), names.contains(directive.name) {
                    found.append((directive.name, SourcePosition(line: lineOffset + line, column: i - lineStart + 1)))
                }
                i += 2
                continue
            }
            i += 1
        }
        return found
    }
}

extension MdBookDirectives {
    /// One warning for the page's directives that the build does not read, at the first: all of
    /// them, or only `{{#title}}` when site.yaml's `markdown: {includes: …}` has the others read.
    static func warn(of page: Page, readingIncludes: Bool, log: DiagnosticLog) {
        let found = find(in: page.body, lineOffset: page.bodyLineOffset).filter {
            !readingIncludes || !BodyIncludes.names.contains($0.name)
        }
        guard let first = found.first else { return }
        let names = Set(found.map(\.name)).sorted().map { "{{#\($0)}}" }.joined(separator: ", ")
        let one = found.count == 1
        let said = one ? "is not read: the page shows it" : "are not read: the page shows them"
        let includes = found.contains { BodyIncludes.names.contains($0.name) }
        log.warning(
            page.source.displayPath, first.position,
            "mdBook's \(names) \(said) as written (\(one ? "here" : "\(found.count) on this page, first here"))",
            hint: includes
                ? "set 'markdown: {includes: .}' in site.yaml to have files included (the folder they may come "
                    + "from, relative to the content folder)"
                : "put the text in its place; escape a directive meant as text as \\{{#…}}")
    }
}
