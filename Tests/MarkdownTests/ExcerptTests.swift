import Testing

@testable import Markdown

/// A summary from the body's `<!--more-->`, as Hugo, Jekyll and Material's blog take it, or
/// `<!-- truncate -->` (`{/* truncate */}` in MDX), as Docusaurus' blog does.
@Suite struct ExcerptTests {
    @Test(arguments: [
        ("First words of the **post**.\n\n<!--more-->\n\nThe rest.", "First words of the post."),
        (
            "## Intro\n\nTwo `code` paragraphs,\nover lines.\n\nAnd [a link](x.md).\n<!-- more -->\nRest.",
            "Intro Two code paragraphs, over lines. And a link."
        ),
        ("Inline <!--MORE--> marker", "Inline"),
        ("Text only.\n<!--  more  -->", "Text only."),
        ("A Docusaurus post.\n\n<!-- truncate -->\n\nThe rest.", "A Docusaurus post."),
        ("An MDX post, see <b>x</b>.\n\n{/* truncate */}\n\nThe rest.", "An MDX post, see x."),
        ("Tight.\n{/*truncate*/}", "Tight."),
    ])
    func theTextBeforeTheMarker(_ body: String, _ summary: String) {
        #expect(Excerpt.summary(ofBody: body) == summary)
    }

    @Test(arguments: [
        "No marker at all.", "<!-- a comment --> and <!--moreover-->", "<!--more-->\nNothing before it.",
        "<b>html</b> <!-- more", "a < b <!- more -->", "{/* a comment */} and {/* truncated */}",
        "{/* more */} is MDX's comment, not a marker", "<!-- truncate",
    ])
    func noMarkerOrNothingBeforeItIsNoSummary(_ body: String) {
        #expect(Excerpt.summary(ofBody: body) == nil)
    }
}
