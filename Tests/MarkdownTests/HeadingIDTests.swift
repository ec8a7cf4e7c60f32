import Testing

@testable import Markdown

/// Heading ids as GitHub makes them (github-slugger, Hugo's `autoHeadingIDType: github`), the
/// ASCII style as an option, and ids set by hand with `{#id}`.
@Suite struct HeadingIDTests {
    let renderer = MarkdownRenderer()

    @Test(arguments: [
        ("closed_timestamp", "closed_timestamp"),
        ("member's guide", "members-guide"),
        ("Mål & resultat", "mål--resultat"),
        ("Привет non-latin 你好", "привет-non-latin-你好"),
        ("😄 emoji", "-emoji"),
        ("😄_😄 emoji", "_-emoji"),
        ("heading with a - dash", "heading-with-a---dash"),
        (
            "exchange.bind_headers(exchange, routing [, bindCallback])",
            "exchangebind_headersexchange-routing--bindcallback"
        ),
        ("I ♥ unicode", "i--unicode"),
        ("en–dash and em—dash", "endash-and-emdash"),
        ("v26.2 release", "v262-release"),
        ("$100 (net)", "100-net"),
        ("x² and ½", "x-and-"), // Other_Number goes
        ("Ⓔ is a letter", "ⓔ-is-a-letter"), // an Other_Symbol that is alphabetic stays
        ("Cafe\u{301} ⅻ", "cafe\u{301}-ⅻ"), // marks and letter numbers stay
        ("a\u{A0}b\tc", "abc"), // other spaces and tabs go, only ` ` becomes `-`
        ("a\u{200B}b", "ab"), // Format
        ("a\u{0870}b", "ab"), // a letter of Unicode 14: unassigned in github-slugger's table
        ("  two  spaces ", "--two--spaces-"),
        ("İstanbul", "i̇stanbul"),
    ])
    func githubSlugs(text: String, id: String) {
        #expect(HeadingSlugger.githubSlug(text) == id)
    }

    /// Latin-1's shortcut keeps what Unicode's properties keep: its letters, not `×` and `÷`.
    @Test func latin1ShortcutAgreesWithUnicodeProperties() {
        for value in UInt32(0xC0)...0xFF {
            let scalar = Unicode.Scalar(value)!
            #expect(HeadingSlugger.keepsInGitHubSlug(scalar) == scalar.properties.isAlphabetic, "U+\(value)")
        }
        #expect(HeadingSlugger.githubSlug("Åtgärder × två") == "åtgärder--två")
    }

    @Test func repeatsAreNumberedAsGitHubNumbersThem() {
        var slugger = HeadingSlugger(style: .github)
        let ids = ["echo", "echo", "echo 1", "echo-1", "echo", "foxtrot-1", "foxtrot", "foxtrot", "", ""].map {
            slugger.unique(for: $0)
        }
        #expect(
            ids == [
                "echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2", "foxtrot-1", "foxtrot", "foxtrot-2", "heading",
                "heading-1",
            ])
    }

    // Headings and the ids AnchorJS gave them on CockroachDB's docs (links to them are in the
    // docs), and the example of AnchorJS's own source.
    @Test(arguments: [
        ("server.shutdown.connections.timeout", "server-shutdown-connections-timeout"),
        ("kv.rangefeed.closed_timestamp_refresh_interval", "kv-rangefeed-closed_timestamp_refresh_interval"),
        ("Replication Status - Under-replicated ranges", "replication-status-under-replicated-ranges"),
        ("Step 2.2: Task settings", "step-2-2-task-settings"),
        ("Google Cloud Pub/Sub", "google-cloud-pub-sub"),
        (
            "Enable SCRAM-SHA-256 authentication for new users/roles",
            "enable-scram-sha-256-authentication-for-new-users-roles"
        ),
        (
            " ⚡⚡ Don't forget: URL fragments should be i18n-friendly, hyphenated, short, and clean.",
            "⚡⚡-dont-forget-url-fragments-should-be-i18n-friendly-hyphenated-short-and-clean"
        ),
        ("Mål & resultat", "mål-resultat"),
        ("(parens)", "parens"),
        // After smart punctuation, as the renderer hands headings over.
        ("Reset a region’s zone config", "reset-a-regions-zone-config"),
        ("Replicas failing with “0 of 1 store” — likely", "replicas-failing-with-0-of-1-store-likely"),
    ])
    func anchorJSSlugs(text: String, id: String) {
        #expect(HeadingSlugger.anchorJSSlug(text) == id)
    }

    @Test func anchorJSRepeatsCountFromOne() {
        var slugger = HeadingSlugger(style: .anchorjs)
        let ids = ["Setup", "Setup", "setup-1", "Setup", "", ""].map { slugger.unique(for: $0) }
        #expect(ids == ["setup", "setup-1", "setup-1-1", "setup-2", "heading", "heading-1"])
    }

    /// GitBook's ids, as the links a space synced from GitBook names them (Beefree's and Axon's docs).
    @Test(arguments: [
        ("Release 4.6.0", "release-4.6.0"),
        ("1. Create a Vue 3 App", "id-1.-create-a-vue-3-app"),
        ("5. Set Up the Proxy Server (V2 Auth)", "id-5.-set-up-the-proxy-server-v2-auth"),
        ("Axon Server EE - LDAP Extension", "axon-server-ee-ldap-extension"),
        (
            "Video #3:  Quickstart Guide: Vue.js No-code Email Builder (Part 3)",
            "video-3-quickstart-guide-vue.js-no-code-email-builder-part-3"
        ),
        ("Configure \u{201C}Insert\u{201D} and \u{201C}X\u{201D} Buttons", "configure-insert-and-x-buttons"),
        ("Environment Variable(s)", "environment-variable-s"),
        ("@CommandHandlerInterceptor Annotation", "commandhandlerinterceptor-annotation"),
        ("Content Dialog Configuration \u{2699}\u{FE0F}", "content-dialog-configuration"),
        ("Mål & resultat", "mål-resultat"),
    ])
    func gitbookSlugs(text: String, id: String) {
        #expect(HeadingSlugger.gitbookSlug(text) == id)
    }

    /// A heading whose id GitBook made otherwise before (GitHub's rule) answers to that id too,
    /// unless another heading has it: an older space's links name them.
    @Test func gitbookHeadingsKeepTheirEarlierIds() {
        let doc = MarkdownRenderer(options: MarkdownOptions(headingIDs: .gitbook)).render(
            "## Release 4.9\n\n## Setup\n\n## Release 49\n")
        #expect(doc.headings.map(\.id) == ["release-4.9", "setup", "release-49"])
        #expect(doc.html.contains("<h2 id=\"release-4.9\"><span id=\"release-49\"></span>") == false)
        #expect(!doc.html.contains("<span id=\"setup\">"))
        let older = MarkdownRenderer(options: MarkdownOptions(headingIDs: .gitbook)).render(
            "## The Command Bus - Local\n")
        #expect(older.headings.map(\.id) == ["the-command-bus-local"])
        #expect(older.html.contains("<h2 id=\"the-command-bus-local\"><span id=\"the-command-bus---local\"></span>"))
        #expect(older.htmlAnchors.contains("the-command-bus---local"))
    }

    /// Zola's ids (`slugify.anchors = "on"`): the slug crate's own examples, Zola's tests, and the
    /// headings its documentation links to.
    @Test(arguments: [
        ("My Test String!!!1!1", "my-test-string-1-1"),
        ("test\nit   now!", "test-it-now"),
        ("  --test_-_cool", "test-cool"),
        ("Æúű--cool?", "aeuu-cool"),
        ("You & Me", "you-me"),
        ("user@example.com", "user-example-com"),
        ("get_image_metadata", "get-image-metadata"),
        ("Something exciting!", "something-exciting"),
        ("日本", "ri-ben"),
        ("héhé", "hehe"),
        ("test (hey)", "test-hey"),
        ("Привет мир", "privet-mir"),
        ("Straße", "strasse"),
        ("Mål & resultat", "mal-resultat"),
        ("member's", "member-s"),
    ])
    func zolaSlugs(text: String, id: String) {
        #expect(HeadingSlugger.zolaSlug(text) == id)
    }

    /// Zola's `find_anchor`: a repeat gets `-1`, then `-2`; ids set by hand are taken first.
    @Test func zolaRepeatsCountFromOneAfterIdsSetByHand() {
        let doc = MarkdownRenderer(options: MarkdownOptions(headingIDs: .zola)).render(
            "# Something exciting!\n\n## Example code\n\n# Something else\n\n## Example code\n\n"
                + "## Example code\n\n## Taken {#example-code-3}\n\n## Example code\n")
        #expect(
            doc.headings.map(\.id) == [
                "something-exciting", "example-code", "something-else", "example-code-1", "example-code-2",
                "example-code-3", "example-code-4",
            ])
    }

    @Test func zolaSafeAnchorsKeepTheTextWithUnderscoresForSpaces() {
        var slugger = HeadingSlugger(style: .zolaSafe)
        let ids = ["tes t", "dot. ", "Mål & resultat", "a\tb", "tes t"].map { slugger.unique(for: $0) }
        #expect(ids == ["tes_t", "dot._", "Mål_&_resultat", "a_b", "tes_t-1"])
    }

    /// `@mdit-vue/shared`'s `slugify`, as VitePress applies it: the ids below are what VitePress
    /// gives these headings (Vite's `server.watch`, a heading with a `<Badge>` after it, `--`).
    @Test func vitePressIdsAreMditVuesSlugs() {
        var slugger = HeadingSlugger(style: .vitepress)
        let ids = [
            "server.watch", "index.html and Project Root", "Mål & resultat", "2. Setup", "Dev Containers & VS Code",
            "input ", "A -- B...", "Vite's “features”", "日本語 の 見出し", "server.watch", "!!!", "snake_case",
        ].map { slugger.unique(for: $0) }
        #expect(
            ids == [
                "server-watch", "index-html-and-project-root", "mal-resultat", "_2-setup", "dev-containers-vs-code",
                "input", "a-b", "vite-s-features", "日本語-の-見出し", "server-watch-1", "heading", "snake-case",
            ])
        // The typographer's dashes and ellipsis (smart punctuation) are read as the author typed them.
        let doc = MarkdownRenderer(options: MarkdownOptions(headingIDs: .vitepress)).render(
            "## A -- B...\n\n## `server.host` {#custom}\n\n## `server.host`\n")
        #expect(doc.headings.map(\.id) == ["a-b", "custom", "server-host"])
    }

    /// MkDocs' ids (Python-Markdown's `toc`): what Python-Markdown 3.11 gives these headings, in
    /// this order on one page (its `unique`: `_1` on a repeat or an empty id, `step_1` -> `step_2`).
    @Test func mkdocsIdsArePythonMarkdownsTocIds() {
        let texts = [
            "Caret, Mark & Tilde", "Mål & resultat", "日本語 の 見出し", "server.watch", "--test_-_cool",
            "Step 1: Install (v2.0)", "member's closed_timestamp", "Caret, Mark & Tilde", "step_1", "step_1", "!!!",
            "!!!", "A -- B...", "snake_case", "Straße", "Hello - world -",
        ]
        var slugger = HeadingSlugger(style: .mkdocs)
        #expect(
            texts.map { slugger.unique(for: $0) } == [
                "caret-mark-tilde", "mal-resultat", "_1", "serverwatch", "-test_-_cool", "step-1-install-v20",
                "members-closed_timestamp", "caret-mark-tilde_1", "step_1", "step_2", "_2", "_3", "a-b", "snake_case",
                "strae", "hello-world-",
            ])
        // Through the renderer, smart punctuation and code spans as MkDocs reads them.
        let doc = MarkdownRenderer(options: MarkdownOptions(headingIDs: .mkdocs)).render(
            "## A -- B...\n\n## `server.host` {#custom}\n\n## Caret, Mark & Tilde\n")
        #expect(doc.headings.map(\.id) == ["a-b", "custom", "caret-mark-tilde"])
    }

    @Test func asciiStyleIsTheFormerRule() {
        var slugger = HeadingSlugger(style: .ascii)
        let ids = ["Mål & resultat", "Mål & resultat", "Å ä ö", "!!!", "!!!"].map { slugger.unique(for: $0) }
        #expect(ids == ["mal-resultat", "mal-resultat-2", "a-a-o", "avsnitt", "avsnitt-2"])
    }

    @Test func rendererUsesGitHubIdsByDefault() {
        let doc = renderer.render("## Mål & resultat\n\n## member's `closed_timestamp`\n\n## Mål & resultat\n")
        #expect(doc.headings.map(\.id) == ["mål--resultat", "members-closed_timestamp", "mål--resultat-1"])
        #expect(doc.html.contains("<h2 id=\"mål--resultat\">\nMål &amp; resultat\n</h2>"))
        let ascii = MarkdownRenderer(options: MarkdownOptions(headingIDs: .ascii)).render("## Mål & resultat\n")
        #expect(ascii.headings.map(\.id) == ["mal-resultat"])
    }

    @Test func idSetByHandIsUsedAndLeavesTheText() {
        let doc = renderer.render("Text\n\n## Bakgrund {#egen-id}\n", lineOffset: 2)
        #expect(doc.headings.map(\.id) == ["egen-id"])
        #expect(doc.headings[0].text == "Bakgrund")
        #expect(doc.html.contains("<h2 id=\"egen-id\">\nBakgrund\n</h2>"))
        #expect(String(decoding: doc.plainTextBytes, as: UTF8.self) == "Text\nBakgrund\n")
        #expect(doc.problems.isEmpty)
    }

    @Test func idSetByHandInEveryKindOfHeading() {
        // Closing hashes, setext headings, smart punctuation inside the id, emphasis before it.
        let doc = renderer.render(
            "## Sluten {#sluten} ##\n\nRad ett\nrad -- två {#a--b}\n---\n\n# *Fet* text {#fet}\n\n### {#tom}\n")
        #expect(doc.headings.map(\.id) == ["sluten", "a--b", "fet", "tom"])
        #expect(doc.headings.map(\.text) == ["Sluten", "Rad ett rad – två", "Fet text", ""])
        #expect(doc.html.contains("<h1 id=\"fet\">\n<em>Fet</em> text\n</h1>"))
    }

    @Test func escapedOrInnerBracesAreText() {
        let doc = renderer.render("## A \\{#x}\n\n## B {#x} c\n")
        #expect(doc.headings.map(\.text) == ["A {#x}", "B {#x} c"])
        #expect(doc.headings.map(\.id) == ["a-x", "b-x-c"])
    }

    @Test func madeIdsGiveWayToIdsSetByHand() {
        let doc = renderer.render("## X\n\n## Y {#x}\n")
        #expect(doc.headings.map(\.id) == ["x-1", "x"])
    }

    @Test func invalidAndRepeatedIdsAreProblemsAtTheirBrace() {
        let doc = renderer.render("## Två ord {#två ord}\n\n## A {#a}\n\n## Å {#a}\n\n## Tom {#}\n", lineOffset: 3)
        #expect(
            doc.problems == [
                MarkdownProblem(
                    position: SourcePosition(line: 4, column: 12),
                    message: "heading id 'två ord' is not a valid id: it contains a space",
                    hint: "use hyphens instead: {#två-ord}"),
                MarkdownProblem(
                    position: SourcePosition(line: 8, column: 6),
                    message: "heading id 'a' is already used on this page (line 6); this heading's id is made from "
                        + "its text instead",
                    hint: "give each heading its own id", isWarning: true),
                MarkdownProblem(
                    position: SourcePosition(line: 10, column: 8), message: "heading id '{#}' is empty",
                    hint: "write a word after '#', such as {#bakgrund}"),
            ])
        // The text loses the attribute either way; the heading keeps an id made from its text.
        #expect(doc.headings.map(\.id) == ["två-ord", "a", "å", "tom"])
        #expect(doc.headings.map(\.text) == ["Två ord", "A", "Å", "Tom"])
    }

    /// Python-Markdown's and goldmark's attribute lists (MkDocs trees write `{ #id }`): the id is
    /// the heading's, classes and allowed attributes go on it, others are left out with a warning
    /// at the brace; braces with no list in them stay text.
    @Test func attributeListsOnHeadings() {
        let doc = renderer.render(
            "## Miljö { #miljo }\n\n## Kort {: #kort .viktig }\n\n## Ord {.viktig data-toc-label=\"O\"}\n\n"
                + "## Stil { #stil style=\"color: red\" }\n\n## Mängd {a b}\n\n### 9.7 { id=\"9.7\" }\n", lineOffset: 1)
        #expect(doc.headings.map(\.id) == ["miljo", "kort", "ord", "stil", "mängd-a-b", "9.7"])
        #expect(doc.headings.map(\.text) == ["Miljö", "Kort", "Ord", "Stil", "Mängd {a b}", "9.7"])
        #expect(doc.html.contains("<h2 class=\"viktig\" id=\"kort\">\nKort\n</h2>"))
        #expect(doc.html.contains("<h2 class=\"viktig\" data-toc-label=\"O\" id=\"ord\">\nOrd\n</h2>"))
        #expect(doc.html.contains("<h2 id=\"stil\">\nStil\n</h2>"))
        #expect(doc.problems.count == 1)
        #expect(doc.problems.first?.message == "attribute 'style' left out")
        #expect(doc.problems.first?.position == SourcePosition(line: 8, column: 9))
        #expect(doc.problems.first?.isWarning == true)
    }

    @Test func idsAreEscapedInAttributes() {
        let doc = MarkdownRenderer(options: MarkdownOptions(headingAnchorLabel: "Länk")).render("## A {#a\"b<c}\n")
        #expect(doc.headings[0].id == "a\"b<c")
        #expect(doc.html.contains("<h2 id=\"a&quot;b&lt;c\">\nA\n<a class=\"heading-anchor\" href=\"#a&quot;b&lt;c\""))
    }
}
