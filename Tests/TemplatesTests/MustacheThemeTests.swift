import Foundation
import Testing
@testable import Templates

@Suite struct MustacheThemeTests {
    func theme(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
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

    @Test func findsKeyUses() throws {
        let dir = try theme(["page.mustache": "{{i18n.search}}\n x {{#i18n.more}}{{/i18n.more}}"])
        let keys = try MustacheTheme(directory: dir).keys(withPrefix: "i18n.").map { "\($0.reference.name)@\($0.reference.line):\($0.reference.column)" }
        #expect(keys == ["search@1:3", "more@2:7", "more@2:21"])
    }
}
