import Testing

@testable import SiteBuilder

/// The byte splitter of front matter and body agrees with the reference below (the splitter as it
/// was written over Characters, with TOML's `+++` fences) on generated texts of fences,
/// near-fences and other lines.
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
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let line = trimmed(Substring(text[lineStart..<lineEnd]))
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            lineNumber += 1
            if lineNumber == 1 {
                guard line == "---" || line == "+++" else {
                    return .init(yaml: nil, body: text, bodyLineOffset: 0, unterminated: false)
                }
                fence = line
                yamlStart = next
            } else if line == fence || (fence == "---" && line == "...") {
                let yaml = String(text[yamlStart!..<lineStart].dropLast(lineStart > yamlStart! ? 1 : 0))
                return .init(
                    yaml: yaml, isTOML: fence == "+++", body: String(text[next...]), bodyLineOffset: lineNumber,
                    unterminated: false)
            }
            if lineEnd == bytes.endIndex { break }
            lineStart = next
        }
        if lineNumber >= 1 && yamlStart != nil {
            return .init(yaml: nil, isTOML: fence == "+++", body: "", bodyLineOffset: 0, unterminated: true)
        }
        return .init(yaml: nil, body: text, bodyLineOffset: 0, unterminated: false)
    }

    @Test func agreesWithTheReferenceOnGeneratedTexts() {
        let lines = [
            "---", "--- ", "---\t", "----", "-- -", "...", "... ", "..", "---\r", "a: 1", "a: 1\r", "", " ", "é: å",
            "---x", "-\u{301}--", "Text", "\r", "+++", "+++ ", "++", "+++x", "a = 1",
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
}
