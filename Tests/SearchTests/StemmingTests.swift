import Testing

@testable import Search

@Suite struct StemmingTests {
    let stemmer = WordStemmer(language: "sv")

    @Test(arguments: [
        ("upphandling", "upphandling"), ("upphandlingen", "upphandling"), ("upphandlingar", "upphandling"),
        ("upphandlingarna", "upphandling"), ("cirkulär", "cirkulär"), ("cirkulära", "cirkulär"),
        ("klimatanpassad", "klimatanpass"), ("klimatanpassade", "klimatanpass"), ("möbler", "möbl"),
        ("möbeln", "möbeln"), ("flöden", "flöd"),
    ])
    func stemsSwedish(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test func stemsSwedishForAnySwedishTag() {
        #expect(WordStemmer(language: "sv-SE").stem("upphandlingarna") == "upphandling")
        #expect(WordStemmer(language: "sv_SE").stem("upphandlingarna") == "upphandling")
        #expect(!WordStemmer(language: "xx").isStemming)
        #expect(WordStemmer(language: "xx").stem("upphandlingarna") == "upphandlingarna")
    }
}
