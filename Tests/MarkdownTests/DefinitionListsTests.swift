import Testing

@testable import Markdown

/// Definition lists as Hugo (goldmark), PHP Markdown Extra and Python-Markdown write them.
@Suite struct DefinitionListsTests {
    let renderer = MarkdownRenderer()

    @Test func termsAndTheirDefinitions() {
        #expect(
            renderer.render("Upphandling\n: Att köpa *in*.\n: Även ramavtal.\n\nLOU\nLUF\n: Lagar.\n").html
                == "<dl>\n<dt>\nUpphandling\n</dt>\n<dd>\nAtt köpa <em>in</em>.\n</dd>\n<dd>\nÄven ramavtal.\n</dd>\n"
                + "<dt>\nLOU\n</dt>\n<dt>\nLUF\n</dt>\n<dd>\nLagar.\n</dd>\n</dl>\n")
    }

    /// A blank line before a definition puts its text in paragraphs; indented lines are more of
    /// it, Markdown of any kind.
    /// Hugo's `autoDefinitionTermID`: a term's id is made from its text as a heading's is, unique
    /// among the page's headings and terms, and is an anchor of the page; off by default.
    @Test func termsGetIDsWhenAsked() {
        var options = MarkdownOptions()
        options.definitionTermIDs = true
        let doc = MarkdownRenderer(options: options).render(
            "## LOU\n\n`titleCaseStyle`\n: Regler.\n\nLOU\nLOU\n: Lagen.\n\n*e*{#lou-2}\n")
        #expect(doc.html.contains("<dt id=\"titlecasestyle\">\n<code>titleCaseStyle</code>\n</dt>"), "\(doc.html)")
        #expect(doc.html.contains("<dt id=\"lou-1\">\nLOU\n</dt>\n<dt id=\"lou-3\">\nLOU\n</dt>"), "\(doc.html)")
        #expect(doc.headings.map(\.id) == ["lou"])
        #expect(doc.htmlAnchors.starts(with: ["titlecasestyle", "lou-1", "lou-3"]))
        #expect(!renderer.render("`titleCaseStyle`\n: Regler.\n").html.contains("id="))
    }

    @Test func looseDefinitionsHaveParagraphs() {
        #expect(
            renderer.render("Term\n\n:   Första stycket\n    fortsätter.\n\n    Andra.\n\n        kod\n\nEfter.\n").html
                == "<dl>\n<dt>\nTerm\n</dt>\n<dd>\n<p>Första stycket\nfortsätter.</p>\n<p>Andra.</p>\n"
                + "<pre><code>kod\n</code></pre>\n</dd>\n</dl>\n<p>Efter.</p>\n")
    }

    /// What is not one stays as it was: a colon line after a heading or a list, in code, or with
    /// no text; a `+` list right after a definition stays a list.
    @Test(arguments: [
        "# Rubrik\n: text\n", "- punkt\n: text\n", "```\nTerm\n: text\n```\n", "Term\n:\n", "Term\n:text\n",
        "Term\n\n\n: text\n",
    ])
    func anythingElseIsNoDefinitionList(markdown: String) {
        #expect(!renderer.render(markdown).html.contains("<dl>"))
    }

    /// The colon may stand after up to three spaces, as a list item's marker may.
    @Test func indentedColons() {
        #expect(DefinitionLists.mayApply(to: Array(":".utf8)))
        #expect(DefinitionLists.mayApply(to: Array("Se: x\nTerm\n   : def".utf8)))
        #expect(!DefinitionLists.mayApply(to: Array("Se: x\nTerm\n    : def\nhttps://x".utf8)))
        #expect(renderer.render("Term\n   : Def\n").html.contains("<dd>\nDef\n</dd>"))
        #expect(!renderer.render("Term\n    : Def\n").html.contains("<dl>"))
    }

    @Test func aListAfterADefinitionStaysAList() {
        let html = renderer.render("Term\n: Def\n+ punkt\n").html
        #expect(html.contains("<dd>\nDef\n</dd>\n</dl>"))
        #expect(html.contains("<ul>\n<li>punkt</li>\n</ul>"))
    }

    @Test func linksInDefinitionsKeepTheirPlace() {
        let doc = renderer.render("Se\n: [lagen](lou.md) och\n  [mer](mer.md)\n", lineOffset: 3)
        #expect(doc.links.map(\.position) == [SourcePosition(line: 5, column: 3), SourcePosition(line: 6, column: 3)])
    }

    /// A definition whose text has definitions of its own: its text is their term.
    @Test func definitionsInADefinition() {
        let html = renderer.render("Term\n: Text\n  : Inre\n").html
        #expect(html.contains("<dt>\nText\n</dt>\n<dd>\nInre\n</dd>"))
    }

    /// What stands on a term's later line, or on a definition's lazy line, is reported where it is
    /// (cmark counts it from its paragraph, which the list takes apart only after reading it).
    @Test func laterLinesOfTermsAndDefinitionsKeepTheirPlace() {
        let term = renderer.render("Ett\\\n[två](tva.md) <b>\n: Def\n", lineOffset: 1)
        #expect(term.links.map(\.position) == [SourcePosition(line: 3, column: 1)])
        #expect(term.droppedHTML == [SourcePosition(line: 3, column: 15)])
        #expect(
            term.html.hasPrefix(
                "<dl>\n<dt>\nEtt\n</dt>\n<dt>\n<a href=\"tva.md\">två</a> <!-- raw HTML omitted -->\n</dt>\n<dd>\nDef\n"
            ))
        let lazy = renderer.render("Term\n: a\n[b](b.md)\n")
        #expect(lazy.links.map(\.position) == [SourcePosition(line: 3, column: 1)])
        #expect(lazy.html == "<dl>\n<dt>\nTerm\n</dt>\n<dd>\na\n<a href=\"b.md\">b</a>\n</dd>\n</dl>\n")
    }
}
