import Testing

@testable import Search

@Suite struct CompoundSplitterTests {
    let stemmer = WordStemmer(language: "sv")

    func splitter(_ vocabulary: [String]) -> CompoundSplitter {
        CompoundSplitter(vocabulary: vocabulary, stemmer: stemmer)
    }

    @Test func splitsIntoWordsOfTheSite() {
        var splitter = splitter(["möbel", "flöden", "klimat", "anpassning", "upphandling", "myndigheten"])
        #expect(splitter.parts(of: "möbelflöden") == ["möbel", "flöden"])
        #expect(splitter.parts(of: "klimatanpassning") == ["klimat", "anpassning"])
        #expect(splitter.parts(of: "upphandlingsmyndigheten") == ["upphandling", "myndigheten"])
    }

    @Test func acceptsInflectedTailsAndNestedCompounds() {
        var splitter = splitter(["klimat", "anpassning", "liv", "cykel", "kostnad", "livscykel"])
        #expect(splitter.parts(of: "klimatanpassningarna") == ["klimat", "anpassningarna"])
        // Fewest parts (livscykel|kostnader, not liv|s|cykel|kostnader), each followed by its own
        // parts. "kostnader" stems to "kostnad", a word whose own stem is "kostn": the part is the word.
        #expect(splitter.parts(of: "livscykelkostnader") == ["livscykel", "liv", "cykel", "kostnad"])
    }

    @Test func splitsOffATailTheSiteNeverUsesAlone() {
        // Only "klimat", "anbud" and "myndig" stand alone: the long tails still become parts.
        var splitter = splitter(["klimat", "anbud", "myndig", "kommun", "region"])
        #expect(splitter.parts(of: "klimatanpassningar") == ["klimat", "anpassningar"])
        #expect(splitter.parts(of: "anbudsgivare") == ["anbud", "givare"])
        #expect(splitter.parts(of: "myndigheten").isEmpty) // a five-letter tail is an ending
        #expect(splitter.parts(of: "kommunerna").isEmpty)
    }

    @Test func aLongTailMayFollowTheStemOfAWordOfTheSite() {
        // "marknad" stands only inflected ("marknaden"), "sondering" only in the compound.
        var splitter = splitter(["marknaden", "myndigheten"])
        #expect(splitter.parts(of: "marknadssondering") == ["marknad", "sondering"])
        #expect(splitter.parts(of: "marknadsdialog") == ["marknad", "dialog"])
        // Not without a linking "s", nor where the tail stems to an ending.
        #expect(splitter.parts(of: "myndigheterna").isEmpty)
        #expect(splitter.parts(of: "myndigheten").isEmpty)
        var communes = self.splitter(["kommunen"])
        #expect(communes.parts(of: "kommunikation").isEmpty)
    }

    @Test func leavesOtherWordsWhole() {
        var splitter = splitter(["kommun", "region", "det", "för", "slag", "myndig", "het"])
        #expect(splitter.parts(of: "kommunerna").isEmpty) // -erna is an ending, not a word
        #expect(splitter.parts(of: "regionerna").isEmpty)
        #expect(splitter.parts(of: "förslag").isEmpty) // function words are never parts
        #expect(splitter.parts(of: "myndigheten").isEmpty) // "heten" stems to a three-letter "het"
        #expect(splitter.parts(of: "kommun").isEmpty)
    }
}

@Suite struct CompoundSplitterLimitTests {
    @Test func veryLongRunsOfLettersAreNotSplit() {
        // A 200 000-letter "word" (hostile input) must not be tried split by split.
        var splitter = CompoundSplitter(vocabulary: ["ååå", "möbel"], stemmer: WordStemmer(language: "sv"))
        #expect(splitter.parts(of: String(repeating: "å", count: 200_000)).isEmpty)
        #expect(splitter.parts(of: String(repeating: "möbel", count: 10)).isEmpty) // 50 letters
    }
}
