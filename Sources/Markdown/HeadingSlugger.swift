import Foundation

/// How heading ids are made from the heading's text.
public enum HeadingIDStyle: String, Sendable, CaseIterable {
    /// GitHub's rule, as github-slugger and Hugo's `autoHeadingIDType: github` apply it: lower
    /// case; punctuation and symbols dropped except `-` and `_`; letters of any script, digits
    /// and marks kept; each space a `-`; repeats get `-1`, `-2`, …
    /// (`Mål & resultat` -> `mål--resultat`, `closed_timestamp` stays, `member's` -> `members`).
    case github
    /// Lower-case ASCII letters and digits with single hyphens, accents folded, repeats get `-2`,
    /// `-3`, … (`Mål & resultat` -> `mal-resultat`): Kretslopp's rule before GitHub's.
    case ascii
    /// AnchorJS's rule, for sites whose links were written to the ids it makes in the browser
    /// (Jekyll sites such as CockroachDB's docs): `'` dropped; space and each of
    /// ``& +$,:;=?@"#{}|^~[`%!<>]./()*\`` a `-`; runs of `-` one; no `-` at either end; lower
    /// case; repeats get `-1`, `-2`, … (`server.shutdown.timeout` -> `server-shutdown-timeout`,
    /// `Step 2.2: Settings` -> `step-2-2-settings`). Not truncated (AnchorJS cuts at 64
    /// characters by default; sites raise that for long headings).
    case anchorjs
    /// GitBook's rule, for spaces synced from GitBook, whose links name its ids: lower case;
    /// letters of any script, digits, marks, `_` and `.` kept; `'` dropped; any other character
    /// a `-`, runs of them one, none at either end; an id starting with a digit gets `id-`
    /// before it; repeats get `-1`, `-2`, … (`Release 4.6.0` -> `release-4.6.0`,
    /// `1. Install (v2)` -> `id-1.-install-v2`, `Server EE - LDAP` -> `server-ee-ldap`).
    case gitbook
    /// Zola's rule (`[slugify] anchors = "on"`, its default), the slug crate's: letters folded to
    /// ASCII and other scripts transliterated (`日本` -> `ri-ben`), lower case, any other character
    /// a `-`, runs of them one, none at either end; repeats get `-1`, `-2`, …
    /// (`get_page` -> `get-page`, `Example code` twice -> `example-code`, `example-code-1`).
    case zola
    /// Zola's `[slugify] anchors = "safe"` (or `"off"`): the text as written, each ASCII space,
    /// tab or line break a `_`; repeats get `-1`, `-2`, … (`Mål & resultat` -> `Mål_&_resultat`).
    case zolaSafe = "zola-safe"
    /// VitePress' rule (`@mdit-vue/shared`'s `slugify`, which VuePress shares): accents dropped
    /// (NFKD, then U+0300–U+036F), control characters dropped, each run of white space and of
    /// ``~`!@#$%^&*()-_+=[]{}|\;:"'“”‘’<>,.?/`` one `-`, none at either end, `_` before a
    /// leading digit, lower case; repeats get `-1`, `-2`, … (`server.watch` -> `server-watch`,
    /// `Mål & resultat` -> `mal-resultat`, `2. Setup` -> `_2-setup`).
    case vitepress
    /// MkDocs' rule (Python-Markdown's `toc` extension and its default `slugify`): accents
    /// dropped and other scripts left out (NFKD, then ASCII alone), anything but letters, digits,
    /// `_`, `-` and white space dropped, lower case, each run of white space and `-` one `-`;
    /// repeats and an empty id get `_1`, `_2`, … (`Caret, Mark & Tilde` -> `caret-mark-tilde`,
    /// `Mål & resultat` -> `mal-resultat`).
    case mkdocs
}

/// Gives each heading of one page an id that is a slug of its text and unique on the page.
struct HeadingSlugger {
    let style: HeadingIDStyle
    /// github: how often each id was asked for (github-slugger's `occurrences`); ascii: the last
    /// number given to each base id (1 for the bare id).
    private var used = SmallStringMap<Int>()

    init(style: HeadingIDStyle) {
        self.style = style
    }

    /// Marks an id set by hand (`{#id}`) as taken, so no id made later repeats it; false when
    /// it already was.
    mutating func reserve(_ id: String) -> Bool {
        guard used[id] == nil else { return false }
        used[id] = style == .ascii ? 1 : 0
        return true
    }

    mutating func unique(for text: String) -> String {
        switch style {
        case .github: return uniqueGitHub(Self.githubSlug(text))
        case .ascii: return uniqueASCII(text)
        case .anchorjs: return uniqueAnchorJS(Self.anchorJSSlug(text))
        case .gitbook: return uniqueGitHub(Self.gitbookSlug(text))
        case .zola: return uniqueAnchorJS(Self.zolaSlug(text))
        case .zolaSafe: return uniqueAnchorJS(Self.zolaSafeSlug(text))
        // markdown-it-anchor's `uniqueSlug` tries `id-1`, `id-2`, … as AnchorJS does.
        case .vitepress: return uniqueAnchorJS(Self.vitePressSlug(text))
        case .mkdocs: return uniqueMkDocs(Self.mkdocsSlug(text))
        }
    }

    // Python-Markdown's `unique`: an id ending in `_<n>` counts on from n, any other gets `_1`.
    private mutating func uniqueMkDocs(_ slug: String) -> String {
        var result = slug
        while result.isEmpty || used[result] != nil {
            if let cut = result.lastIndex(of: "_"), let n = Int(result[result.index(after: cut)...]),
                result[result.index(after: cut)...].allSatisfy(\.isASCII)
            {
                result = "\(result[..<cut])_\(n + 1)"
            } else {
                result += "_1"
            }
        }
        used[result] = 0
        return result
    }

    /// MkDocs' slug of `text`, not yet unique.
    static func mkdocsSlug(_ text: String) -> String {
        // `re.sub(r'[^\w\s-]', '', value).strip().lower()` over the ASCII left of the NFKD form,
        // then `re.sub(r'[-\s]+', '-', value)`.
        let ascii = text.decomposedStringWithCompatibilityMapping.unicodeScalars.filter(\.isASCII)
        let kept = String(
            String.UnicodeScalarView(
                ascii.filter {
                    $0.properties.isAlphabetic || ("0"..."9").contains($0)
                        || "_- \t\n\r\u{B}\u{C}".unicodeScalars.contains($0)
                })
        )
        .trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        var out = ""
        var run = false
        for character in kept {
            if character == "-" || character.isWhitespace {
                run = true
                continue
            }
            if run { out.append("-") }
            run = false
            out.append(character)
        }
        if run { out.append("-") }
        return out
    }

    // github-slugger's loop: the count of the slug as made goes up until slug-count is free, so
    // `a`, `a`, `a-1` give `a`, `a-1`, `a-1-1`.
    private mutating func uniqueGitHub(_ slug: String) -> String {
        // An empty id is not valid HTML; Hugo's github style says `heading`.
        let original = slug.isEmpty ? "heading" : slug
        var result = original
        while used[result] != nil {
            let count = used[original]! + 1
            used[original] = count
            result = "\(original)-\(count)"
        }
        used[result] = 0
        return result
    }

    // AnchorJS tries `id-1`, `id-2`, … until one is free; so does Zola (`find_anchor`).
    private mutating func uniqueAnchorJS(_ slug: String) -> String {
        let base = slug.isEmpty ? "heading" : slug
        var result = base
        var n = 1
        while used[result] != nil {
            result = "\(base)-\(n)"
            n += 1
        }
        used[result] = 0
        return result
    }

    /// Characters AnchorJS's `urlify` turns into `-`.
    private static let anchorJSUnsafe = Set("& +$,:;=?@\"#{}|^~[`%!<>]./()*\\\n\t\u{8}\u{B}\u{A0}".unicodeScalars)

    /// What smart punctuation makes of `"`, `--`, `---` and `...`.
    private static let typographic: Set<Unicode.Scalar> = ["\u{201C}", "\u{201D}", "\u{2013}", "\u{2014}", "\u{2026}"]

    /// AnchorJS's slug of `text`, not yet unique.
    static func anchorJSSlug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingHyphen = false
        // The heading's text has been through smart punctuation; AnchorJS saw what the author
        // typed: ’ and ‘ were `'`, “ and ” were `"`, – and — were hyphens, … was dots.
        for scalar in text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars
        where scalar != "'" && scalar != "\u{2018}" && scalar != "\u{2019}" {
            if scalar == "-" || anchorJSUnsafe.contains(scalar) || typographic.contains(scalar) {
                pendingHyphen = true
                continue
            }
            // Runs of hyphens become one, and none is left at either end.
            if pendingHyphen && !out.isEmpty { out.append("-") }
            pendingHyphen = false
            out.append(scalar)
        }
        return String(out).lowercased()
    }

    /// The characters `@mdit-vue/shared`'s `rSpecial` turns into `-` (with white space).
    private static let vitePressSpecial = Set(
        "~`!@#$%^&*()-_+=[]{}|\\;:\"'\u{201C}\u{201D}\u{2018}\u{2019}<>,.?/".unicodeScalars)

    /// VitePress' slug of `text`, not yet unique.
    static func vitePressSlug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingHyphen = false
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            // Combining accents and control characters go before the specials are replaced.
            if (0x300...0x36F).contains(scalar.value) || scalar.value < 0x20 { continue }
            // markdown-it's typographer is off in VitePress: the author's `--` and `...` were seen
            // as typed, which the specials turn into `-` as they do the dashes and dots here.
            if vitePressSpecial.contains(scalar) || scalar.properties.isWhitespace || typographic.contains(scalar) {
                pendingHyphen = true
                continue
            }
            if pendingHyphen && !out.isEmpty { out.append("-") }
            pendingHyphen = false
            out.append(scalar)
        }
        if let first = out.first, ("0"..."9").contains(first) { out.insert("_", at: out.startIndex) }
        return String(out).lowercased()
    }

    /// Zola's slug of `text` (the slug crate's), not yet unique.
    static func zolaSlug(_ text: String) -> String { Slug.transliterated(text) }

    /// Zola's `safe` anchor of `text`: ASCII white space as `_`, the rest as written.
    static func zolaSafeSlug(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { " \t\n\r\u{C}".unicodeScalars.contains($0) ? "_" : $0 }))
    }

    /// The ids GitBook gave headings before its present rule, GitHub's (`release-49` for
    /// `Release 4.9`), which links in an older space still name: for each heading, its old id
    /// where that differs from `ids` and is no other heading's, else nil.
    static func earlierGitBookIDs(texts: [String], ids: [String]) -> [String?] {
        var older = HeadingSlugger(style: .github)
        let taken = Set(ids)
        var given = Set<String>()
        return zip(texts, ids).map { text, id in
            let earlier = older.unique(for: text)
            guard earlier != id, !taken.contains(earlier), given.insert(earlier).inserted else { return nil }
            return earlier
        }
    }

    /// GitBook's slug of `text`, not yet unique.
    static func gitbookSlug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars where scalar != "'" && scalar != "\u{2019}" {
            let properties = scalar.properties
            // A mark counts with the letter it is on, not after a dropped symbol (an emoji's U+FE0F).
            let isMark = properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
            let kept =
                scalar == "_" || scalar == "." || properties.isAlphabetic && !isMark
                || properties.numericType == .decimal || isMark && !pendingHyphen && !out.isEmpty
            guard kept else {
                pendingHyphen = true
                continue
            }
            if pendingHyphen && !out.isEmpty { out.append("-") }
            pendingHyphen = false
            out.append(scalar)
        }
        let slug = String(out)
        return slug.first?.isNumber == true ? "id-" + slug : slug
    }

    private mutating func uniqueASCII(_ text: String) -> String {
        var base = Slug.make(text)
        if base.isEmpty { base = "avsnitt" }
        guard let count = used[base] else {
            used[base] = 1
            return base
        }
        var n = count + 1
        while used["\(base)-\(n)"] != nil { n += 1 }
        used[base] = n
        used["\(base)-\(n)"] = 1
        return "\(base)-\(n)"
    }

    /// GitHub's slug of `text`, not yet unique: lower-cased, each space `-`, and dropped what
    /// github-slugger's pattern drops (Unicode 13 general categories Other_Number, the
    /// punctuation categories but Connector_Punctuation, Symbol, Control, Private_Use, Format,
    /// Unassigned and Separator, except alphabetic characters, ` ` and `-`).
    static func githubSlug(_ text: String) -> String {
        // Into UTF-8 bytes: a String.UnicodeScalarView grows one scalar at a time.
        let lowered = text.lowercased()
        var out: [UInt8] = []
        out.reserveCapacity(lowered.utf8.count)
        for scalar in lowered.unicodeScalars {
            if scalar == " " {
                out.append(UInt8(ascii: "-"))
            } else if keepsInGitHubSlug(scalar) {
                UTF8.encode(scalar) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func keepsInGitHubSlug(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            // In ASCII only letters, digits, `_` and `-` are neither punctuation, symbol nor control.
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x2D: return true
            default: return false
            }
        }
        // Latin-1's letters (À–ÿ but × and ÷), the most common others in headings, without
        // Unicode's property tables.
        if scalar.value >= 0xC0 && scalar.value <= 0xFF { return scalar.value != 0xD7 && scalar.value != 0xF7 }
        let properties = scalar.properties
        // github-slugger's table is Unicode 13's: what was assigned later counts as unassigned.
        guard let age = properties.age, age.major < 13 || (age.major == 13 && age.minor == 0) else { return false }
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .otherNumber,
            .closePunctuation, .finalPunctuation, .initialPunctuation, .openPunctuation, .otherPunctuation,
            .dashPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
            .control, .privateUse, .format, .unassigned, .surrogate,
            .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }
}
