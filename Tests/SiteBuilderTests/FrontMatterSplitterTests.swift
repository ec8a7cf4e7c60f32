import Testing

@testable import SiteBuilder

/// The byte splitter of front matter and body agrees with the reference below (the splitter as it
/// was written over Characters, with TOML's `+++` fences and the blank lines Hugo and Zola pass
/// over above the opening fence) on generated texts of fences, near-fences and other lines.
@Suite struct FrontMatterSplitterTests {
    /// The Character-based splitter the byte version replaced.
    static func reference(_ text: String) -> FrontMatterSplitter.Result {
        func trimmed(_ line: Substring) -> Substring {
            var s = line
            while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
            return s
        }
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 0
        var yamlStart: String.Index? = nil
        var fence: Substring = "---"
        var fenceLine = 1
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let line = trimmed(Substring(text[lineStart..<lineEnd]))
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            lineNumber += 1
            if yamlStart == nil {
                if text[lineStart..<lineEnd].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                    if lineEnd == bytes.endIndex { break }
                    lineStart = next
                    continue
                }
                guard line == "---" || line == "+++" else {
                    return .init(yaml: nil, body: text, bodyLineOffset: 0, unterminated: false)
                }
                fence = line
                yamlStart = next
                fenceLine = lineNumber
            } else if line == fence || (fence == "---" && line == "...") {
                let yaml = String(text[yamlStart!..<lineStart].dropLast(lineStart > yamlStart! ? 1 : 0))
                return .init(
                    yaml: yaml, isTOML: fence == "+++", body: String(text[next...]), bodyLineOffset: lineNumber,
                    yamlLineOffset: fenceLine, unterminated: false)
            }
            if lineEnd == bytes.endIndex { break }
            lineStart = next
        }
        if yamlStart != nil {
            return .init(yaml: nil, isTOML: fence == "+++", body: "", bodyLineOffset: 0, unterminated: true)
        }
        return .init(yaml: nil, body: text, bodyLineOffset: 0, unterminated: false)
    }

    @Test func agreesWithTheReferenceOnGeneratedTexts() {
        let lines = [
            "---", "--- ", "---\t", "----", "-- -", "...", "... ", "..", "---\r", "a: 1", "a: 1\r", "", " ", "é: å",
            "---x", "-\u{301}--", "Text", "\r", "+++", "+++ ", "++", "+++x", "a = 1", "\t", " \r",
        ]
        var generator = SystemRandomNumberGenerator()
        var texts = ["", "\n", "---", "---\n", "---\n---", "---\n---\n", "---\r\na: 1\r\n---\r\nx"]
        for _ in 0..<3000 {
            let count = Int.random(in: 1...7, using: &generator)
            var text = (0..<count).map { _ in lines.randomElement(using: &generator)! }.joined(separator: "\n")
            if Bool.random(using: &generator) { text += "\n" }
            texts.append(text)
        }
        for text in texts {
            #expect(FrontMatterSplitter.split(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    /// Zola's theme pages start with a blank line above `+++`: the front matter is read all the
    /// same, and its positions are the file's own lines.
    @Test func blankLinesAboveTheFenceArePassedOver() throws {
        let split = FrontMatterSplitter.split("\n \n+++\ntitle = \"Zulma\"\n+++\nText\n")
        #expect(split.yaml == "title = \"Zulma\"" && split.isTOML && split.body == "Text\n")
        #expect(split.yamlLineOffset == 3 && split.bodyLineOffset == 5)
        #expect(FrontMatterSplitter.split("\n\nText\n---\n").yaml == nil)
        #expect(FrontMatterSplitter.split("\n\n").yaml == nil && !FrontMatterSplitter.split("\n\n").unterminated)
        var content = Fixture.basic
        content["projekt/x.md"] = "\n\n---\ntitle: X\ntags: [okänd]\n---\nText\n"
        let result = try Fixture(content: content).build()
        #expect(result.messages.first?.hasPrefix("Content/projekt/x.md:5:8: error: ") == true, "\(result.messages)")
    }
}
