import Testing

@testable import Search

/// The engine as sites ship it: the hand-written source without its comments and indentation.
@Suite struct ShippedEngineTests {
    @Test func dropsWholeLineCommentsBlankLinesAndIndentation() {
        let source = """
            /*
             * A header.
             */
            (function () {
              // Why.
              var a = "//not a comment"; // kept: it follows code

              /** What. */
              var b = a + "/* nor this */";
              /* a block */ var c = b;
            })();
            """
        let shipped = SearchEngine.shipped(source).split(separator: "\n").map(String.init)
        #expect(
            shipped.dropFirst() == [
                "(function () {", "var a = \"//not a comment\"; // kept: it follows code",
                "var b = a + \"/* nor this */\";", "var c = b;", "})();",
            ])
        #expect(shipped.first?.hasPrefix("/* Kretslopp search engine") == true)
    }

    @Test func keepsEveryLineOfCodeOfTheEngineInOrder() {
        let source = SearchEngine.source
        let shipped = SearchEngine.javaScript
        #expect(shipped.utf8.count * 10 < source.utf8.count * 8)
        // Each line of the shipped engine but the first is a line of the source without its
        // indentation, in the source's order.
        var remaining = source.split(separator: "\n")[...]
        for line in shipped.split(separator: "\n").dropFirst() {
            guard let at = remaining.firstIndex(where: { $0.drop { $0 == " " } == line }) else {
                Issue.record("not a line of the source, or out of order: \(line)")
                return
            }
            remaining = remaining[remaining.index(after: at)...]
        }
        // No comment line is left.
        #expect(!shipped.split(separator: "\n").dropFirst().contains { $0.hasPrefix("//") || $0.hasPrefix("*") })
    }
}
