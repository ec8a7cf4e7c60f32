import Foundation
import Mustache
import Testing

@testable import Templates

/// Each difference from swift-mustache that docs/theme.md lists, shown on both engines: if one
/// of them stops being true, the list is out of date.
@Suite struct TemplateDifferencesTests {
    func ours(_ template: String, _ root: TemplateMap = TemplateEngineTests.context) throws -> String {
        try TemplateEngineTests.ours(template, root)
    }

    func reference(_ template: String, _ root: TemplateMap = TemplateEngineTests.context) throws
        -> String?
    {
        try TemplateEngineTests.reference(template, root)
    }

    @Test func enumeratedDictionaryIsInKeyOrder() throws {
        let entries = (0..<40).map { ("k\($0)", TemplateValue.int($0)) }
        // Added in reverse: the order of the entries is not the order `enumerated` lists.
        var d = TemplateMap()
        for (key, value) in entries.reversed() { d[key] = value }
        let root: TemplateMap = ["d": .map(d)]
        let template = "{{#enumerated(d)}}{{key}},{{/enumerated(d)}}"
        let expected = (0..<40).map { "k\($0)" }.sorted().map { $0 + "," }.joined()
        #expect(try ours(template, root) == expected)
        // swift-mustache lists the same entries in the dictionary's hash order; its `sorted` is ours.
        let theirs = try #require(try reference(template, root))
        #expect(theirs.split(separator: ",").sorted() == expected.split(separator: ",").sorted())
        #expect(theirs != expected)
        #expect(try reference("{{#sorted(d)}}{{key}},{{/sorted(d)}}", root) == expected)
    }

    @Test func aDictionaryShownAsTextIsInTheOrderItsEntriesWereAdded() throws {
        var d = TemplateMap()
        for n in (0..<40).reversed() { d["k\(n)"] = .int(n) }
        let root: TemplateMap = ["d": .map(d)]
        let expected = "[" + (0..<40).reversed().map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + "]"
        #expect(try ours("{{{d}}}", root) == expected)
        // swift-mustache shows the same entries in the Swift dictionary's hash order.
        let theirs = try #require(try reference("{{{d}}}", root))
        #expect(theirs != expected)
        #expect(theirs.count == expected.count)
    }

    @Test func plusoneAndMinusoneStopAtTheIntegerLimits() throws {
        // swift-mustache stops the program on the overflow; it is not run here.
        let root: TemplateMap = ["max": .int(Int.max), "min": .int(Int.min)]
        #expect(try ours("[{{plusone(max)}}][{{minusone(min)}}][{{minusone(max)}}]", root) == "[][][\(Int.max - 1)]")
    }

    @Test func oneCharacterDelimitersWork() throws {
        // swift-mustache stops the program on the empty section; it is not run here.
        #expect(try ours("{{=[ ]=}}[#b][/b][num]") == "3")
    }

    @Test func unknownTransformIsAnError() throws {
        #expect(throws: TemplateParser.Failure.self) { try TemplateParser.parse("{{bogus(a)}}") }
        #expect(try reference("[{{bogus(a)}}]") == "[]")
    }

    @Test func reversedListShowsAsTheList() throws {
        let template = "{{reversed(names)}}|{{reversed(reversed(ints))}}"
        #expect(try ours(template) == "[&quot;b&lt;&quot;, &quot;a&quot;, &quot;Ö&quot;]|[3, -1, 2]")
        // swift-mustache shows the type of its reversed view of the list.
        let view =
            "ReversedCollection&lt;Array&lt;String&gt;&gt;"
            + "(_base: [&quot;Ö&quot;, &quot;a&quot;, &quot;b&lt;&quot;])"
        #expect(try reference(template) == view + "|[3, -1, 2]")
    }

    @Test(arguments: [
        "[{{}}]", "[{{a..b}}]", "[{{d.}}]", "[{{a*}}]", "[{{>*p}}]", "{{%CONTENT_TYPE:TEXT}}[]", "[{{>}}]",
        "[{{\u{A0}num}}]",
    ])
    func tagsOnlySwiftMustacheReads(template: String) throws {
        #expect(throws: TemplateParser.Failure.self) { try TemplateParser.parse(template) }
        #expect(try reference(template) != nil)
    }

    @Test func textBetweenBlocksOfAParentIsAnError() throws {
        #expect(throws: TemplateParser.Failure.self) { try TemplateParser.parse("{{<par}}text{{/par}}") }
        #expect(try reference("{{<par}}text{{/par}}")?.hasPrefix("[D]") == true)
    }

    @Test func parentsMayLiveInFolders() throws {
        #expect(try ours("{{<layouts/base}}{{$x}}o{{/x}}{{/layouts/base}}") == "<o>")
        // swift-mustache allows no `/` in a closing tag's name.
        #expect(throws: (any Error).self) { try MustacheTemplate(string: "{{<layouts/base}}{{/layouts/base}}") }
    }

    @Test func unclosedTagIsAnError() throws {
        #expect(throws: TemplateParser.Failure.self) { try TemplateParser.parse("a{{") }
        #expect(try reference("a{{") == "a")
    }

    @Test func lineBreakRightAfterTheOpeningDelimiterIsStillATag() throws {
        #expect(try ours("[{{\nnum}}]") == "[3]")
        #expect(try reference("[{{\nnum}}]") == "[\nnum}}]")
    }

    @Test func templateTextIsReadByteByByte() throws {
        // A combining accent joins the brace before it into one character, which swift-mustache
        // then does not read as the end of the tag.
        #expect(try ours("{{num}}\u{301}") == "3\u{301}")
        #expect(throws: (any Error).self) { try MustacheTemplate(string: "{{num}}\u{301}") }
    }

    /// Not a difference: the entries of `sorted` and `enumerated` read and show as swift-mustache's
    /// `(key:, value:)` tuples do.
    @Test func entriesReadAndShowLikeTuples() throws {
        let template = "{{#sorted(i18n)}}{{key}}:{{value}} {{.}} {{count(.)}};{{/sorted(i18n)}}{{sorted(i18n)}}"
        #expect(try ours(template) == reference(template))
        #expect(try ours(template).hasPrefix("bye:Hej då (key: &quot;bye&quot;, value: &quot;Hej då&quot;) ;"))
    }
}
