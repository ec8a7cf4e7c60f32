/// The language a tree of pages is written in, guessed from their words, for the `language:` of
/// the site.yaml that `kretslopp import` writes when nothing names it (a folder of Markdown, a
/// GitBook space): by script where the letters are not Latin (kana is Japanese, hangul Korean,
/// Han characters Chinese, in traditional characters `zh-TW`), else by the share of each
/// language's commonest words (`och`, `att`, `är` are Swedish; `og`, `at`, `er` Danish or
/// Norwegian, `af` and `ikke` against `av` and `å`). Code blocks, front matter and HTML tags are
/// not words of the language and are skipped.
enum LanguageGuess {
    /// The language's tag and whether the pages said it clearly (enough words, one language
    /// ahead); English when they say nothing.
    static func language(of texts: [String]) -> (tag: String, sure: Bool) {
        var counts: [String: Int] = [:]
        var words = 0
        var scripts: [Script: Int] = [:]
        var simplified = 0
        var traditional = 0
        // A sample is enough: the first 400,000 characters of prose.
        var budget = 400_000
        for text in texts where budget > 0 {
            for line in prose(text) where budget > 0 {
                budget -= line.utf8.count
                for scalar in line.unicodeScalars {
                    if let script = Script(scalar) { scripts[script, default: 0] += 1 }
                    if simplifiedOnly.contains(scalar) { simplified += 1 }
                    if traditionalOnly.contains(scalar) { traditional += 1 }
                }
                for word in line.lowercased().split(whereSeparator: { !$0.isLetter }) {
                    words += 1
                    for language in commonWords.keys where commonWords[language]!.contains(Substring(word)) {
                        counts[language, default: 0] += 1
                    }
                }
            }
        }
        let latin = scripts[.latin] ?? 0
        // Japanese writes with Han characters and kana together: one script, as far as the count goes.
        let kana = scripts[.kana] ?? 0
        if kana > 0 {
            scripts[.han, default: 0] += kana
            scripts[.kana] = nil
        }
        if let (script, count) = scripts.filter({ $0.key != .latin }).max(by: { $0.value < $1.value }),
            count > latin
        {
            let sure = count >= 200
            switch script {
            case .han, .kana:
                if kana * 10 >= count { return ("ja", sure) }
                return (traditional > simplified ? "zh-TW" : "zh", sure)
            case .hangul: return ("ko", sure)
            case .cyrillic: return ((scripts[.ukrainian] ?? 0) * 50 > count ? "uk" : "ru", sure)
            case .ukrainian: return ("uk", sure)
            case .greek: return ("el", sure)
            case .arabic: return ("ar", sure)
            case .hebrew: return ("he", sure)
            case .thai: return ("th", sure)
            case .devanagari: return ("hi", sure)
            case .latin: break
            }
        }
        let ranked = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        guard let best = ranked.first, best.value >= 2, best.value * 20 >= words else { return ("en", false) }
        let second = ranked.dropFirst().first?.value ?? 0
        // Clear: enough words, one in ten a common word of the language, and the next language
        // behind by words the two do not share (Danish and Norwegian share most: `af` and `å` tell).
        let lead = best.value - second
        return (best.key, words >= 50 && best.value * 10 >= words && lead >= 3 && lead * 50 >= words)
    }

    /// The lines of a page's prose: no front matter, no fenced code, no indented code, no HTML tags.
    static func prose(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var fence: Substring? = nil
        var inFrontMatter = false
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if n == 0, line == "---" || line == "+++" {
                inFrontMatter = true
                continue
            }
            if inFrontMatter {
                if line == "---" || line == "+++" { inFrontMatter = false }
                continue
            }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            guard !line.hasPrefix("    "), !line.hasPrefix("\t") else { continue }
            lines.append(withoutTags(line))
        }
        return lines
    }

    /// The line without `<…>` tags, `` `code` `` and link targets (`](x.md)`): what is left is words.
    private static func withoutTags(_ line: Substring) -> Substring {
        guard line.contains(where: { $0 == "<" || $0 == "`" || $0 == "(" }) else { return line }
        var out = ""
        var closer: Character? = nil
        var previous: Character = " "
        for character in line {
            if let end = closer {
                if character == end { closer = nil }
            } else if character == "<" {
                closer = ">"
            } else if character == "`" {
                closer = "`"
            } else if character == "(" && previous == "]" {
                closer = ")"
            } else {
                out.append(character)
            }
            previous = character
        }
        return Substring(out)
    }

    /// The commonest words of each language, chosen so that near languages differ in some; no
    /// word of one letter (`a`, `y`, `e`, `i` are words in too many languages, and list markers).
    private static let commonWords: [String: Set<Substring>] = [
        "en": [
            "the", "and", "of", "to", "is", "in", "that", "it", "for", "you", "with", "this", "are", "be", "on",
            "can", "not", "or", "by", "an",
        ],
        "sv": [
            "och", "att", "det", "som", "är", "för", "en", "på", "med", "av", "inte", "till", "om", "den", "har",
            "kan", "eller", "de", "ett", "vi", "så", "från",
        ],
        "da": [
            "og", "at", "det", "som", "er", "for", "en", "på", "med", "af", "ikke", "til", "om", "den", "har",
            "kan", "eller", "de", "et", "vi", "så", "fra", "hvad", "nu", "mig", "der", "end", "sig", "nogle", "mere",
        ],
        "nb": [
            "og", "å", "det", "som", "er", "for", "en", "på", "med", "av", "ikke", "til", "om", "den", "har",
            "kan", "eller", "de", "et", "vi", "så", "fra", "at", "hva", "nå", "meg", "ikkje", "enn", "seg", "noen",
            "mer", "etter",
        ],
        "de": [
            "der", "die", "und", "das", "ist", "nicht", "mit", "den", "zu", "ein", "eine", "auf", "für", "sich",
            "auch", "es", "sie", "werden", "wird", "von", "im", "dem",
        ],
        "fr": [
            "le", "la", "les", "de", "des", "et", "est", "un", "une", "du", "que", "pour", "dans", "pas", "sur",
            "vous", "il", "qui", "avec", "au", "ce", "sont",
        ],
        "es": [
            "el", "la", "los", "las", "de", "que", "en", "es", "un", "una", "por", "para", "con", "no",
            "se", "del", "lo", "como", "su", "al", "más",
        ],
        "it": [
            "il", "la", "di", "che", "è", "un", "una", "per", "non", "con", "del", "della", "sono", "gli",
            "le", "si", "da", "in", "come", "nel", "anche",
        ],
        "pt": [
            "os", "as", "de", "que", "é", "um", "uma", "para", "com", "não", "do", "da", "em",
            "se", "por", "no", "na", "mais", "ao",
        ],
        "nl": [
            "de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "in", "voor", "met", "zijn", "je",
            "dit", "wordt", "ook", "aan", "er", "om", "kan",
        ],
        "fi": [
            "ja", "on", "ei", "se", "että", "tai", "kun", "ovat", "mutta", "myös", "voi", "jos", "tämä", "ole",
            "oli", "sekä", "kanssa", "niin", "vain", "kuin", "jo",
        ],
        "pl": [
            "nie", "na", "się", "do", "jest", "to", "że", "jak", "co", "po", "tak", "za",
            "od", "ale", "są", "dla", "jako",
        ],
    ]

    /// Letters of a script other than Latin's, and Latin's, counted to tell the scripts apart.
    enum Script {
        case latin, han, kana, hangul, cyrillic, ukrainian, greek, arabic, hebrew, thai, devanagari

        init?(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: self = .latin
            case 0x0404, 0x0406, 0x0407, 0x0454, 0x0456, 0x0457, 0x0490, 0x0491: self = .ukrainian
            case 0x0400...0x04FF: self = .cyrillic
            case 0x0370...0x03FF: self = .greek
            case 0x0590...0x05FF: self = .hebrew
            case 0x0600...0x06FF: self = .arabic
            case 0x0900...0x097F: self = .devanagari
            case 0x0E00...0x0E7F: self = .thai
            case 0x3040...0x30FF: self = .kana
            case 0xAC00...0xD7AF, 0x1100...0x11FF: self = .hangul
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: self = .han
            default: return nil
            }
        }
    }

    /// Common characters written one way in simplified Chinese and another in traditional.
    private static let simplifiedOnly = Set("们这说个来时为会对发过还没经开关边样问题门见长书".unicodeScalars)
    private static let traditionalOnly = Set("們這說個來時為會對發過還沒經開關邊樣問題門見長書".unicodeScalars)
}
