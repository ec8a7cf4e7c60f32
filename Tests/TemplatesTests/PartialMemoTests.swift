import Foundation
import Testing

@testable import Templates

/// A partial rendered from `ReusedValues` is written again from the memo only where it would
/// render the same: pages rendered with one shared memo give the bytes they give without it.
@Suite struct PartialMemoTests {
    static let templates = [
        "base": "<main>{{$main}}{{/main}}</main>",
        "card": "<li>{{title}} {{i18n.status}}: {{#status}}{{title}}{{/status}}{{^status}}{{i18n.none}}{{/status}}"
            + "{{#tags}}[{{name}}{{#first()}}*{{/first()}}]{{/tags}}</li>\n",
        // Reads a value of the page itself: never the same on two pages.
        "card-page": "<li>{{title}} på {{page.title}}</li>\n",
        // A block: its output depends on what the page overrides.
        "card-block": "<li>{{title}} {{$extra}}-{{/extra}}</li>\n",
        "cards-only": "{{#cards}}{{>card}}{{/cards}}",
        "list": "{{<base}}{{$main}}{{#cards}}{{>card}}{{/cards}}{{#groups}}{{#cards}}{{>card}}{{/cards}}{{/groups}}"
            + "{{#cards}}  {{>card-page}}{{/cards}}{{#cards}}{{>card-block}}{{/cards}}{{/main}}{{/base}}",
    ]

    func theme() throws -> MustacheTheme {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("memo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in Self.templates {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try text.write(to: dir.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
        }
        return try MustacheTheme(directory: dir)
    }

    static let cards: [ReusedValues] = (0..<6).map { n in
        var values: TemplateMap = [
            "title": .string("Kort \(n) <&>"), "tags": [["name": .string("a\(n)")], ["name": "b"]],
        ]
        if n % 2 == 0 { values["status"] = ["title": "Pågår"] }
        // Every third card in two parts, as the build makes them: its links apart from the rest.
        guard n % 3 == 0 else { return ReusedValues(values) }
        let tags = values.removeValue(forKey: "tags")!
        return ReusedValues(["tags": tags], sharing: values)
    }

    @Test func valuesInTwoPartsReadAsOneDictionary() {
        let shared: TemplateMap = ["title": "Kort", "status": ["title": "Pågår"]]
        let card = ReusedValues(["url": "../a/"], sharing: shared)
        #expect(card["title"] == "Kort" && card["url"] == "../a/" && card["tags"] == nil)
        #expect(card.values == ["title": "Kort", "status": ["title": "Pågår"], "url": "../a/"])
        var seen: TemplateMap = [:]
        card.forEveryValue { seen[$0] = $1 }
        #expect(seen == card.values)
        #expect(TemplateValue.reused(card) == .reused(ReusedValues(card.values)))
        #expect(TemplateValue.reused(card).child("status") == ["title": "Pågår"])
    }

    /// Pages that differ in their own values, in the groups around the cards (one group has an
    /// `i18n` of its own, which must win over the root's), and in which cards they list.
    static func page(_ n: Int) -> TemplateMap {
        let listed = cards.enumerated().filter { ($0.offset + n) % 3 != 0 }.map { TemplateValue.reused($0.element) }
        let cards = TemplateValue.list(listed)
        var group: TemplateMap = ["cards": cards]
        if n == 2 { group["i18n"] = ["status": "Gruppens status", "none": "inget"] }
        return [
            "i18n": ["status": "Status", "none": "–"], "page": ["title": .string("Sida \(n)")],
            "cards": cards, "groups": [.map(group)],
        ]
    }

    @Test func sharedMemoGivesTheBytesOfPlainRendering() throws {
        let theme = try theme()
        let memo = PartialMemo(stableKeys: ["i18n"])
        for n in 0..<5 {
            let context = TemplateContext(Self.page(n))
            let plain = try #require(theme.renderUTF8("list", context: context))
            #expect(theme.renderUTF8("list", context: context, memo: memo) == plain, "page \(n)")
        }
        #expect(memo.reused > 0)
        // The group with its own i18n rendered each card anew.
        #expect(
            String(
                decoding: theme.renderUTF8("list", context: TemplateContext(Self.page(2)), memo: memo)!, as: UTF8.self
            )
            .contains("Gruppens status"))
    }

    @Test func onlyPartialsThatReadTheCardAndStableValuesAreKept() throws {
        let theme = try theme()
        let memo = PartialMemo(stableKeys: ["i18n"])
        _ = theme.renderUTF8("list", context: TemplateContext(Self.page(0)), memo: memo)
        let reusedBefore = memo.reused
        let second = theme.renderUTF8("list", context: TemplateContext(Self.page(1)), memo: memo)!
        #expect(String(decoding: second, as: UTF8.self).contains("på Sida 1"))
        // With `i18n` not declared stable, nothing that reads it may be kept.
        let strict = PartialMemo(stableKeys: [])
        for n in 0..<3 { _ = theme.renderUTF8("list", context: TemplateContext(Self.page(n)), memo: strict) }
        #expect(strict.reused == 0)
        #expect(memo.reused > reusedBefore)
    }

    /// A page's values on top of its card's (`adding`): read as one dictionary, the page's winning,
    /// and never kept in the memo (a page is shown once), while the card still is.
    @Test func valuesAddedForOnePageAreReadButNotKept() throws {
        let theme = try theme()
        let card = Self.cards[0]
        let page = card.adding(["content": "Text", "title": "Sidans titel"], memoizable: false)
        #expect(page["content"] == "Text" && page["tags"] == card["tags"] && page["status"] == card["status"])
        #expect(page["title"] == "Sidans titel" && card["title"] == "Kort 0 <&>")
        let memo = PartialMemo(stableKeys: ["i18n"])
        let root: TemplateMap = ["i18n": ["status": "Status", "none": "–"], "cards": [.reused(page), .reused(card)]]
        let plain = try #require(theme.renderUTF8("cards-only", context: TemplateContext(root)))
        #expect(theme.renderUTF8("cards-only", context: TemplateContext(root), memo: memo) == plain)
        #expect(String(decoding: plain, as: UTF8.self).hasPrefix("<li>Sidans titel Status: Pågår"))
        let key = { (values: ReusedValues) in
            PartialMemo.Key(partial: "card", indentation: nil, values: ObjectIdentifier(values))
        }
        #expect(memo.entry(key(page)) == nil && memo.entry(key(card)) != nil)
    }

    /// A template that starts with the partial: the kept output is a copy of its own size, not
    /// the page's output buffer (reserved at 32 KiB) shared with it.
    @Test func keptOutputDoesNotHoldThePageBuffer() throws {
        let theme = try theme()
        let memo = PartialMemo(stableKeys: ["i18n"])
        let card = Self.cards[0]
        let page: TemplateMap = ["i18n": ["status": "Status", "none": "–"], "cards": [.reused(card)]]
        _ = try #require(theme.renderUTF8("cards-only", context: TemplateContext(page), memo: memo))
        let entry = try #require(
            memo.entry(PartialMemo.Key(partial: "card", indentation: nil, values: ObjectIdentifier(card))))
        #expect(!entry.output.isEmpty)
        #expect(entry.output.capacity < 4096)
    }

    @Test func templatesWithBlocksAreNotBlockFree() {
        let compiled = Self.templates.mapValues { try! TemplateParser.parse($0) }
        let free = TemplateProgram.blockFree(compiled)
        #expect(free.contains("card") && free.contains("card-page"))
        #expect(!free.contains("card-block") && !free.contains("base") && !free.contains("list"))
    }
}
