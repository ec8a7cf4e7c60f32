import Foundation
import Testing

@testable import Markdown

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer(options: MarkdownOptions(headingAnchorLabel: "Länk till avsnittet"))

    @Test func headingsGetUniqueASCIIIdsAndAnchors() {
        let renderer = MarkdownRenderer(
            options: MarkdownOptions(headingAnchorLabel: "Länk till avsnittet", headingIDs: .ascii))
        let doc = renderer.render("## Mål och resultat\n\n## Mål och resultat\n\n### Å ä ö\n")
        #expect(doc.headings.map(\.id) == ["mal-och-resultat", "mal-och-resultat-2", "a-a-o"])
        #expect(doc.html.contains(#"<h2 id="mal-och-resultat">"#))
        #expect(doc.html.contains(#"<h2 id="mal-och-resultat-2">"#))
        #expect(
            doc.html.contains(
                ##"<a class="heading-anchor" href="#a-a-o" aria-label="Länk till avsnittet: Å ä ö">#</a></h3>"##))
    }

    @Test func rawHTMLIsOmittedInSafeModeAndKeptWhenAllowed() {
        let source = "<script>alert(1)</script>\n\n[x](javascript:alert(1))\n"
        let safe = renderer.render(source).html
        #expect(!safe.contains("<script>"))
        #expect(safe.contains("raw HTML omitted"))
        #expect(safe.contains(#"<a href="">x</a>"#))
        let unsafe = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render(source).html
        #expect(unsafe.contains("<script>alert(1)</script>"))
    }

    @Test func columnsCountCharactersNotBytes() {
        let doc = renderer.render("Läs ö [om](om.md)\n")
        #expect(doc.links[0].position == SourcePosition(line: 1, column: 7))
    }

    @Test func smartPunctuation() {
        #expect(renderer.render("\"citat\" -- och...").html.contains("“citat” – och…"))
    }

    @Test func linksAreReportedWithFileLinesAndRewritten() {
        struct Hooks: MarkdownHooks {
            func resolve(_ link: MarkdownLink) -> String? { link.destination.hasSuffix(".md") ? "../om/" : nil }
            func render(_ directive: FencedDirective) -> String? { nil }
        }
        let doc = renderer.render("Text\n\nSe [om](om.md) och ![bild](a.png).\n", lineOffset: 4, hooks: Hooks())
        #expect(doc.links.map(\.destination) == ["om.md", "a.png"])
        #expect(doc.links[0].position == SourcePosition(line: 7, column: 4))
        #expect(doc.links[1].isImage && doc.links[1].text == "bild")
        #expect(doc.html.contains(#"<a href="../om/">om</a>"#))
        #expect(doc.html.contains(#"<img src="a.png" alt="bild" />"#))
    }

    @Test func directivesAreReplacedByTheirHTML() {
        struct Hooks: MarkdownHooks {
            func resolve(_ link: MarkdownLink) -> String? { nil }
            func render(_ directive: FencedDirective) -> String? {
                directive.name == "tabell" ? "<table data-source=\"\(directive.arguments["data"]!)\"></table>" : nil
            }
        }
        let doc = renderer.render(
            "```tabell data=mal rubrik=\"Mål 2030\"\n```\n\n```swift\nlet x = 1\n```\n", hooks: Hooks())
        #expect(doc.directives.count == 2)
        #expect(doc.directives[0].arguments == ["data": "mal", "rubrik": "Mål 2030"])
        #expect(doc.html.contains(#"<table data-source="mal"></table>"#))
        #expect(doc.html.contains(#"<code class="language-swift">let x = 1"#))
    }

    @Test func plainTextHasNoMarkup() {
        let doc = renderer.render("# Rubrik\n\nEtt *viktigt* [ord](x.md).\n")
        #expect(String(decoding: doc.plainTextBytes, as: UTF8.self) == "Rubrik\nEtt viktigt ord.\n")
    }

    @Test func plainTextSaysWhereEachHeadingIs() {
        let doc = renderer.render("Intro.\n\n## Första `del` {#forsta}\n\nText ett.\n\n### Under\n\nText två.\n")
        let text = doc.plainTextBytes
        #expect(doc.headingTextRanges.count == doc.headings.count)
        #expect(
            doc.headingTextRanges.map { String(decoding: text[$0], as: UTF8.self) } == ["Första del", "Under"])
        #expect(doc.headings.map(\.id) == ["forsta", "under"])
        let second = doc.headingTextRanges[1]
        #expect(String(decoding: text[second.upperBound...], as: UTF8.self) == "\nText två.\n")
    }
}

@Suite struct SlugTests {
    @Test(arguments: [
        ("cirkulär", "cirkular"), ("Göteborg", "goteborg"), ("Cirkulära Göteborg", "cirkulara-goteborg"),
        ("Mål & resultat!", "mal-resultat"), ("  RE:Source ", "re-source"), ("Ærø Straße", "aero-strasse"), ("!!!", ""),
    ])
    func slugs(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    /// The Latin-1 letters are folded from a table; it must agree with Unicode's decomposition.
    @Test func latin1LettersFoldAsTheirDecomposition() {
        let special: [Unicode.Scalar: String] = [
            "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ß": "ss", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d",
        ]
        for value in UInt32(0xC0)...0xFF {
            let scalar = Unicode.Scalar(value)!
            let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
            let expected =
                special[scalar] ?? (base.isASCII && base.properties.isAlphabetic ? String(base).lowercased() : "")
            #expect(
                Slug.make("x\(String(scalar))y") == "x\(expected.isEmpty ? "-" : expected)y",
                "U+\(String(value, radix: 16))")
        }
    }
}
