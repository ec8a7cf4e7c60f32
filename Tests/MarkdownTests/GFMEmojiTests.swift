import Testing

@testable import Markdown

/// Emoji names as GitHub writes them: `:tada:` becomes 🎉 in text, not in code, and a name
/// GitHub does not know stays as written.
@Suite struct GFMEmojiTests {
    let renderer = MarkdownRenderer()

    @Test func namesInTextBecomeEmoji() {
        let doc = renderer.render(
            "Hej :tada: och :man_raising_hand: :+1: [en :heart: länk](x.md) **:fire:**:rocket:\n")
        #expect(
            doc.html
                == "<p>Hej 🎉 och 🙋‍♂️ 👍 <a href=\"x.md\">en ❤️ länk</a> <strong>🔥</strong>🚀</p>\n")
        // The link is still found where it is written.
        #expect(doc.links.map(\.position) == [SourcePosition(line: 1, column: 40)])
    }

    @Test(arguments: [
        "`:smile:`\n", "```\n:smile:\n```\n", "    :smile:\n", "kl 10:30:45\n", ":material-close:\n", ":Smile:\n",
        ": smile:\n", "::\n", "smile:\n",
    ])
    func codeAndUnknownNamesStayAsWritten(markdown: String) {
        let html = renderer.render(markdown).html
        // Every colon is still there.
        #expect(html.filter { $0 == ":" }.count == markdown.filter { $0 == ":" }.count, "\(html)")
    }

    @Test func theClosingColonMayOpenTheNextName() {
        #expect(renderer.render("10:30:tada: och :tada::tada:\n").html == "<p>10:30🎉 och 🎉🎉</p>\n")
    }

    /// GitHub makes a heading's id from its text with the emoji in it (and drops the emoji).
    @Test func aHeadingsIDIsMadeFromItsTextWithTheEmoji() {
        let doc = renderer.render("## :rocket: Launch\n")
        #expect(doc.headings.map(\.id) == ["-launch"])
        #expect(doc.headings.map(\.text) == ["🚀 Launch"])
    }

    @Test func offWithoutGitHubFlavour() {
        var options = MarkdownOptions()
        options.gfm = false
        #expect(MarkdownRenderer(options: options).render(":tada:\n").html == "<p>:tada:</p>\n")
    }

    @Test func everyNameIsReadFromTheTable() {
        #expect(GFMEmoji.byName.count > 2_500)
        #expect(GFMEmoji.byName["sweden"] == "🇸🇪" && GFMEmoji.byName["white_check_mark"] == "✅")
        #expect(GFMEmoji.byName.keys.allSatisfy { GFMEmoji.mayAppear(in: Array(":\($0):".utf8)) })
    }
}
