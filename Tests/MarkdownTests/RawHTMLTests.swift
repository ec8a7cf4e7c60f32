import Testing

@testable import Markdown

/// Raw HTML: its anchors when it is kept, where it was when it is dropped.
@Suite struct RawHTMLTests {
    static let source = """
        <div id="a">

        Text <a name='b'></a> och <span id=c class="x">c</span>, <img name="inte" ID="d"> <b data-id="inte">.

        </div>

        <!-- <p id="gömd"> -->

        Mer text <!-- inline --> och
          <i>
        kursivt</i>.
        """

    @Test func keptHTMLDefinesAnchors() {
        let doc = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render(Self.source)
        #expect(doc.htmlAnchors == ["a", "b", "c", "d"])
        #expect(doc.droppedHTML.isEmpty)
        #expect(doc.html.contains(#"<span id=c class="x">c</span>"#))
    }

    /// An `<img>` without `alt` is said where it is (a screen reader reads its file name);
    /// `alt=""` and `alt` without a value are alt text, a comment's image is no image.
    @Test func keptImagesWithoutAltTextAreSaid() {
        let doc = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render(
            "A <IMG SRC=a.png> b <img alt src=b.png> <img alt=\"\" src=c.png>\n\n<p>\n  <img src=\"d.png\" width=3>\n"
                + "  <!-- <img src=e.png> -->\n</p>\n", lineOffset: 2)
        let warning = "this <img> has no alt text: a screen reader reads out its file name"
        #expect(
            doc.problems.map { "\($0.position.line):\($0.position.column) \($0.message)" } == [
                "3:3 " + warning, "6:3 " + warning,
            ])
        #expect(doc.problems.allSatisfy { $0.isWarning })
        // Dropped raw HTML says nothing of its images: it is said dropped.
        #expect(MarkdownRenderer().render("<img src=a.png>\n").problems.isEmpty)
        // Attributes without a value are still no `forEachAttribute` values.
        var seen: [String] = []
        RawHTML.forEachAttribute(in: Array("<img alt src=x>".utf8)) { _, name, _ in seen.append(name) }
        #expect(seen == ["src"])
    }

    /// An `<iframe>` of another site's page is said where it is (loaded at every visit, empty
    /// offline); one of the site's own file, or a comment's, is not.
    @Test func framesOfOtherSitesAreSaid() {
        let doc = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render(
            "Text.\n\n<iframe src=\"https://www.youtube-nocookie.com/embed/abc\" title=\"Film\"></iframe>\n\n"
                + "<iframe src=\"demo/index.html\" title=\"Demo\"></iframe> <!-- <iframe src=\"https://x.org\"> -->\n"
                + "\nA <IFRAME SRC=//example.org/very/long/address/that/goes/on/and/on/and/on/and/on/x.html>"
                + "</iframe>\n",
            lineOffset: 1)
        #expect(
            doc.problems.map { "\($0.position.line):\($0.position.column) \($0.message)" } == [
                "4:1 this <iframe> shows another site's page (https://www.youtube-nocookie.com/embed/abc): it is "
                    + "loaded whenever the page opens, so that site learns of each visit, and offline the frame is "
                    + "empty",
                "8:3 this <iframe> shows another site's page (//example.org/very/long/address/that/goes/on/and/on/and/"
                    + "o…): it is loaded whenever the page opens, so that site learns of each visit, and offline "
                    + "the frame is empty",
            ])
        #expect(doc.problems.allSatisfy { $0.isWarning })
    }

    @Test func droppedHTMLIsFoundWhereItWasWrittenAndCommentsAreNot() {
        let doc = MarkdownRenderer().render(Self.source, lineOffset: 2)
        #expect(doc.htmlAnchors.isEmpty)
        #expect(
            doc.droppedHTML == [
                SourcePosition(line: 3, column: 1), // <div id="a">
                SourcePosition(line: 5, column: 6), // <a name='b'>
                SourcePosition(line: 5, column: 18), // </a>
                SourcePosition(line: 5, column: 27), // <span …>
                SourcePosition(line: 5, column: 49), // </span>
                SourcePosition(line: 5, column: 58), // <img …>
                SourcePosition(line: 5, column: 83), // <b …>
                SourcePosition(line: 7, column: 1), // </div>
                SourcePosition(line: 12, column: 3), // <i> on an indented line
                SourcePosition(line: 13, column: 8), // </i>
            ])
    }

    @Test(arguments: [
        (#"<p id="x">"#, ["x"]), (#"<P Id = 'y' >"#, ["y"]), ("<a name=z href=#z>", ["z"]),
        (##"<a href="#" name="">"##, []),
        (#"<meta name="viewport">"#, []), (#"<x-box id="é-1"/>"#, ["é-1"]), (#"<!-- <p id="c"> --><p id="e">"#, ["e"]),
        (#"<p title="id=no">"#, []), (#"<p id="unterminated"#, ["unterminated"]), ("< p id=x>", []),
    ])
    func anchorsInTags(html: String, anchors: [String]) {
        #expect(RawHTML.anchors(in: Array(html.utf8)) == anchors)
    }

    @Test(arguments: [
        ("<!-- x -->", true), ("  <!-- a -->\n<!-- b -->\n", true), ("<!-- open", true),
        ("<!-- x --> <p>", false), ("<p>", false), ("", false),
    ])
    func comments(html: String, isComment: Bool) {
        #expect(RawHTML.isComment(Array(html.utf8)) == isComment)
    }
}
