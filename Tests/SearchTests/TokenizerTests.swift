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

    @Test func readsChineseAndJapaneseAsPairsOfNeighbours() {
        // No spaces between words: each pair of neighbours is a word, so any word inside is found.
        #expect(indexWords("管理Kubernetes集群中") == ["管理", "kubernetes", "集群", "群中"])
        #expect(indexWords("検索エンジン") == ["検索", "索エ", "エン", "ンジ", "ジン"])
        // A lone one is itself; punctuation ends a run; Korean keeps its spaced words.
        #expect(indexWords("猫。犬が好き") == ["猫", "犬が", "が好", "好き"])
        #expect(indexWords("검색 엔진") == ["검색", "엔진"])
        // A compatibility ideograph is stored as the one it stands for (NFC), as a query types it.
        #expect(indexWords("\u{F900}\u{4E00}") == ["\u{8C48}\u{4E00}"])
        // A hyphenated run ends at an ideograph: its parts do not join across it.
        #expect(indexWords("a-b-集c") == ["a", "b", "ab", "集", "c"])
    }

    /// Thai, Lao, Khmer and Myanmar are written without spaces between words too: pairs of code
    /// points, marks included (the engine reads a query so); their punctuation ends a run.
    @Test func readsThaiLaoKhmerAndMyanmarAsPairs() {
        #expect(indexWords("คู่มือ") == ["คู", "ู่", "่ม", "มื", "ือ"])
        #expect(indexWords("ภาษาไทย ๆ") == ["ภา", "าษ", "ษา", "าไ", "ไท", "ทย", "ๆ"])
        #expect(indexWords("ລາວ") == ["ລາ", "າວ"])
        #expect(indexWords("ខ្មែរ។ក") == ["ខ្", "្ម", "មែ", "ែរ", "ក"])
        #expect(indexWords("မြန်မာ၊ က") == ["မြ", "ြန", "န်", "်မ", "မာ", "က"])
        // Thai's abbreviation mark ฯ is a letter to Unicode but no part of a pair: a word of its own.
        #expect(indexWords("กรุงเทพฯ") == ["กร", "รุ", "ุง", "งเ", "เท", "ทพ", "ฯ"])
        #expect(NameKeys.queryWords("คู่มือ Guide") == ["คู", "ู่", "่ม", "มื", "ือ", "guide"])
    }

    @Test func namesAreReadAsTheEngineReadsAQuery() {
        #expect(NameKeys.queryWords("集群管理") == ["集群", "群管", "管理"])
        #expect(NameKeys.queryWords("Kubernetes集群 猫") == ["kubernetes", "集群", "猫"])
        #expect(NameKeys.queryWords("e-handel 検索") == ["ehandel", "検索"])
    }

    @Test func foldsDiacritics() {
        #expect(DiacriticFolding.fold("göteborg") == "goteborg")
        #expect(DiacriticFolding.fold("åre") == "are")
        #expect(DiacriticFolding.fold("idé") == "ide")
        #expect(DiacriticFolding.fold("cirkulär") == "cirkular")
        #expect(DiacriticFolding.fold("upphandling") == "upphandling")
    }
}
