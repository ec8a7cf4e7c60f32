import Testing

@testable import Search

/// The words the index sees in a text, normalised as the builder does.
func indexWords(_ text: String) -> [String] {
    var tokenizer = Tokenizer()
    var words: [String] = []
    tokenizer.tokenize(text) { bytes, needsNormalization in
        words.append(AnalysedChunk.normalize(bytes, needsNormalization: needsNormalization))
    }
    return words
}

@Suite struct TokenizerTests {
    @Test func lowerCasesAndKeepsSwedishLetters() {
        #expect(
            indexWords("Cirkulära GÖTEBORG: Åre, Ängelholm och Östersund!") == [
                "cirkulära", "göteborg", "åre", "ängelholm", "och", "östersund",
            ])
    }

    @Test func splitsOnEverythingButLettersAndDigits() {
        #expect(
            indexWords("Mål 2030 (ca 50 %) — se “rapporten”; idé/café") == [
                "mål", "2030", "ca", "50", "se", "rapporten", "idé", "café",
            ])
    }

    @Test func indexesHyphenatedPartsAndTheJoinedWord() {
        #expect(
            indexWords("e-handel och CO2-utsläpp") == ["e", "handel", "ehandel", "och", "co2", "utsläpp", "co2utsläpp"])
        #expect(indexWords("klimat-\u{2010}anpassad") == ["klimat", "anpassad"])
        #expect(indexWords("nord-syd-axeln") == ["nord", "syd", "axeln", "nordsydaxeln"])
        #expect(indexWords("slut - början") == ["slut", "början"])
    }

    @Test func normalisesOtherScriptsAndDecomposedLetters() {
        #expect(indexWords("ŁÓDŹ Ελλάδα") == ["łódź", "ελλάδα"])
        // "o" + combining diaeresis, as some editors save it.
        #expect(indexWords("Go\u{308}teborg") == ["göteborg"])
    }

    @Test func foldsDiacritics() {
        #expect(DiacriticFolding.fold("göteborg") == "goteborg")
        #expect(DiacriticFolding.fold("åre") == "are")
        #expect(DiacriticFolding.fold("idé") == "ide")
        #expect(DiacriticFolding.fold("cirkulär") == "cirkular")
        #expect(DiacriticFolding.fold("upphandling") == "upphandling")
    }
}
