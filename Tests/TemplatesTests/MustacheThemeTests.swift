import Foundation
import Testing

@testable import Templates

@Suite final class MustacheThemeTests {
    /// The theme folders this test wrote, removed when it ends (Swift Testing makes one instance
    /// per test).
    private var folders: [URL] = []

    deinit {
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
    }

    func theme(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        folders.append(dir)
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func rendersWithPartialsInheritanceAndEscaping() throws {
        let dir = try theme([
            "base.mustache": "<main>{{$main}}{{/main}}</main>{{>partials/foot}}",
            "partials/foot.mustache": "<footer>{{site}}</footer>",
            "page.mustache": "{{<base}}{{$main}}<h1>{{title}}</h1>{{{html}}}{{/main}}{{/base}}",
        ])
        let t = try MustacheTheme(directory: dir)
        let html = t.render("page", context: TemplateContext(["title": "<x>", "html": "<b>b</b>", "site": "S"]))
        #expect(html == "<main><h1>&lt;x&gt;</h1><b>b</b></main><footer>S</footer>")
        #expect(t.has("partials/foot"))
        #expect(t.render("nope", context: TemplateContext([:])) == nil)
    }

    @Test func missingPartialIsAnErrorWithPosition() throws {
        let dir = try theme(["page.mustache": "a\n  {{> partials/gone }}\n"])
        let error = #expect(throws: TemplateErrors.self) { try MustacheTheme(directory: dir) }
        #expect(error?.errors.first?.file == "page.mustache")
        #expect(error?.errors.first?.line == 2)
        #expect(error?.errors.first?.column == 3)
        #expect(error?.errors.first?.message.contains("'partials/gone' does not exist") == true)
    }

    @Test func syntaxErrorHasLineAndColumn() throws {
        let dir = try theme(["page.mustache": "ok\n{{#list}}x\n"])
        let error = #expect(throws: TemplateErrors.self) { try MustacheTheme(directory: dir) }
        #expect(error?.errors.first?.message.contains("never closed") == true)
    }

    /// A partial with a syntax error is one error, at the mistake: the templates that use it are
    /// not also told that it does not exist.
    @Test func aBrokenPartialIsNotAlsoMissing() throws {
        let dir = try theme([
            "page.mustache": "{{> partials/foot }}", "single.mustache": "{{> partials/foot }}",
            "partials/foot.mustache": "<footer>{{site}</footer>",
        ])
        let error = #expect(throws: TemplateErrors.self) { try MustacheTheme(directory: dir) }
        #expect(error?.errors.count == 1, "\(error?.errors ?? [])")
        #expect(error?.errors.first?.file == "partials/foot.mustache")
        #expect(error?.errors.first?.message.hasPrefix("template syntax:") == true)
    }

    @Test func missingPartialUnderChangedDelimitersIsAnError() throws {
        let dir = try theme([
            "page.mustache": "a\n{{=<% %>=}}\nb <%> partials/missing %>\n<%<layouts/gone%><%/layouts/gone%>\n"
        ])
        let error = #expect(throws: TemplateErrors.self) { try MustacheTheme(directory: dir) }
        let found = error?.errors.map { "\($0.file):\($0.line):\($0.column)" }
        #expect(found == ["page.mustache:3:3", "page.mustache:4:1"])
        #expect(error?.errors.first?.message.contains("'partials/missing' does not exist") == true)
        #expect(error?.errors.last?.message.contains("'layouts/gone' does not exist") == true)
    }

    @Test func partialNamesInTextOrCommentsAreNotUses() throws {
        let dir = try theme(["page.mustache": "{{! {{>partials/gone}} }}{{=<% %>=}}{{>partials/gone}}\n"])
        #expect(try MustacheTheme(directory: dir).has("page"))
    }

    @Test func findsKeyUsesInTheCompiledTemplate() throws {
        let dir = try theme([
            "page.mustache":
                "{{i18n.search}} i18n.plain {{! i18n.comment }}\n x "
                + "{{#i18n.more}}{{/i18n.more}}{{^x}}{{{i18n.inverted}}}{{/x}}",
            "partials/p.mustache":
                "{{=<% %>=}}{{i18n.text}}<%#list%><%lowercased(i18n.deep.er)%><%/list%><%$b%><%&i18n.block%><%/b%>",
            "base.mustache": "{{<partials/p}}{{$b}}{{data.table}}{{/b}}{{/partials/p}}{{site.i18n}}{{.i18n.anchored}}",
        ])
        let theme = try MustacheTheme(directory: dir)
        let keys = theme.keys(below: "i18n").map {
            "\($0.file):\($0.reference.name)@\($0.reference.line):\($0.reference.column)"
        }
        // Only `{{i18n.key}}` names count: not text, comments, `site.i18n` or `.i18n.x` (the current value's).
        // Each at the column where the value's name starts.
        #expect(
            keys == [
                "page.mustache:search@1:3", "page.mustache:more@2:7", "page.mustache:inverted@2:41",
                "partials/p.mustache:deep@1:47", "partials/p.mustache:block@1:80",
            ])
        #expect(theme.keys(below: "data").map(\.reference.name) == ["table"])
    }
}
