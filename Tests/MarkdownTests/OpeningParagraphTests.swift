import Testing

@testable import Markdown

/// A page's first paragraph as its summary where it has none (Jekyll's excerpt, Docusaurus'
/// description, Hugo's automatic summary), and `<!--more-->` leaving no trace in the page.
@Suite struct OpeningParagraphTests {
    let renderer = MarkdownRenderer()

    @Test(arguments: [
        ("# Title\n\nThe **first** paragraph,\nwith `code`.\n\nThe second.", "The first paragraph, with code."),
        // Headings, lists, code, quotes and tables come before it and are passed over.
        ("## Install\n\n```sh\nnpm i\n```\n\n- a list\n\n> a quote\n\nThen run it.", "Then run it."),
        // A README's badges are images only: their alt text says nothing of the page.
        ("[![Build](b.svg)](ci) ![Cover](c.png)\n\nA tool for sites.", "A tool for sites."),
        ("Text with ![an image](x.png) in it.", "Text with in it."),
        ("[[toc]]\n\n## A\n\nAfter the contents.", "After the contents."),
        // Bold text alone is a heading in all but name.
        ("**Why it matters**\n\nBecause *it* does.", "Because it does."),
        ("**Bold** then text.", "Bold then text."),
    ])
    func theFirstParagraphWithTextOfItsOwn(_ body: String, _ opening: String) {
        #expect(renderer.render(body).openingText == opening)
    }

    @Test(arguments: ["", "# Only a heading\n", "```\ncode\n```\n", "![Alone](x.png)\n", "- a\n- b\n"])
    func noParagraphIsNoOpening(_ body: String) {
        #expect(renderer.render(body).openingText == nil)
    }

    @Test func aLongParagraphIsCutAfterASentenceOrAWord() {
        let sentence = "A b c d e f g h. "
        let long = String(repeating: sentence, count: 10)
        // Seventy words at most, ending where a sentence ends (eight sentences of eight words).
        #expect(renderer.render(long).openingText == String(String(repeating: sentence, count: 8).dropLast()))
        let unbroken = (1...100).map { "word\($0)" }.joined(separator: " ")
        let cut = renderer.render(unbroken).openingText
        #expect(cut?.hasSuffix("…") == true, "\(cut ?? "nil")")
        #expect(cut?.split(separator: " ").count ?? 0 <= OpeningParagraph.wordLimit)
        #expect((cut?.count ?? 0) <= OpeningParagraph.characterLimit + 1)
        // About 300 characters at most, also where words are long.
        let wordy = String(repeating: "This sentence has exactly eight words in it. ", count: 10)
        #expect(
            renderer.render(wordy).openingText
                == String(String(repeating: "This sentence has exactly eight words in it. ", count: 6).dropLast()))
        // Writing without spaces is cut by its length.
        let chinese = String(repeating: "静态网站生成器。", count: 60)
        let shown = renderer.render(chinese).openingText ?? ""
        #expect(shown.count == OpeningParagraph.characterLimit + 1 && shown.hasSuffix("…"), "\(shown.count)")
    }

    @Test(arguments: ["<!--more-->", "<!-- more -->", "<!--MORE-->", "<!-- truncate -->"])
    func theMoreMarkerShowsNothing(_ marker: String) {
        let body = "The opening.\n\n\(marker)\n\nThe rest.\n"
        for unsafe in [false, true] {
            var options = MarkdownOptions()
            options.unsafeHTML = unsafe
            let html = MarkdownRenderer(options: options).render(body).html
            #expect(html == "<p>The opening.</p>\n<p>The rest.</p>\n", "\(unsafe): \(html)")
        }
        // Another comment is left as raw HTML is.
        #expect(renderer.render("A.\n\n<!-- note -->\n").html.contains("<!--"))
    }
}
