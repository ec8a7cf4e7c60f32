import Foundation
import Markdown
import PropertyBased
import Testing

@testable import SiteBuilder

/// Errors at their place, and any input read or refused once (split from TOMLReaderTests for length).
extension TOMLReaderTests {
    // MARK: Errors

    @Test(arguments: [
        ("title", "2:6: expected '=' after key 'title', found the end of the text"),
        ("title \"x\"", "2:7: expected '=' after key 'title', found '\"'"),
        ("a.b: 1", "2:4: expected '=' after key 'a.b', found ':'"),
        ("a b = 1", "2:3: expected '=' after key 'a', found 'b'"),
        ("title =", "2:8: missing value for key 'title'"), ("title =   # c", "2:11: missing value for key 'title'"),
        ("title =\n\"x\"", "2:8: missing value for key 'title'"),
        ("a = 1 b = 2", "2:7: unexpected 'b' after the value"),
        ("a = \"x\"y", "2:8: unexpected 'y' after the value"), ("a = [1]]", "2:8: unexpected ']' after the value"),
        ("[a] x = 1", "2:5: unexpected 'x' after the table header"), ("a = [1, 2", "2:5: array is not closed"),
        ("a = [1,\n2,\n# c\n", "2:5: array is not closed"), ("a = [,]", "2:6: expected a value, found ','"),
        ("a = [1 2]", "2:8: expected ',' or ']' after an array item, found '2'"),
        ("a = {x = 1,}", "2:12: a trailing comma in an inline table"),
        ("a = {x = 1,  }", "2:14: a trailing comma in an inline table"), ("a = {,}", "2:6: expected a key, found ','"),
        ("a = {x = 1\n}", "2:5: inline table is not closed on its line"),
        ("a = {x = 1,\ny = 2}", "2:5: inline table is not closed on its line"),
        ("a = {x = 1 y = 2}", "2:12: expected ',' or '}' in an inline table, found 'y'"),
        ("a = {x}", "2:7: expected '=' after key 'a.x', found '}'"),
        ("a = {x = }", "2:10: expected a value, found '}'"),
        ("= 1", "2:1: expected a key, found '='"), ("a..b = 1", "2:3: expected a key, found '.'"),
        ("a. = 1", "2:4: expected a key, found '='"), ("[]", "2:2: expected a key, found ']'"),
        ("[a", "2:3: expected ']' to end the table header, found the end of the text"),
        ("[[a]", "2:4: expected ']]' to end the table header, found ']'"),
        ("[[a] ]", "2:4: expected ']]' to end the table header, found ']'"),
        ("[ [a] ]", "2:3: expected a key, found '['"), ("[a]]", "2:4: unexpected ']' after the table header"),
        ("x = 1\n\u{1}", "3:1: expected a key, found U+0001"),
        ("# c \u{7}", "2:5: control character U+0007 in a comment"),
        ("a = 1 # c \u{7F}", "2:11: control character U+007F in a comment"),
        ("a = 1\n  +++", "3:3: expected a key, found '+'"),
    ])
    func syntaxErrors(_ text: String, _ expected: String) {
        #expect(Self.problem(text, lineOffset: 1) == expected)
    }

    @Test(arguments: [
        ("title = 1\ntitle = 2", "3:1: key 'title' is defined twice (first on line 2)"),
        ("title = 1\n\"title\" = 2", "3:1: key 'title' is defined twice (first on line 2)"),
        ("a.b = 1\na.b = 2", "3:3: key 'a.b' is defined twice (first on line 2)"),
        ("a = {b = 1, b = 2}", "2:13: key 'a.b' is defined twice (first on line 2)"),
        ("[t]\nx = 1\n\n[t]", "5:1: table 't' is defined twice (first on line 2)"),
        ("[a.b]\n[a]\n[a]", "4:1: table 'a' is defined twice (first on line 3)"),
        ("[\"a b\"]\n['a b']", "3:1: table '\"a b\"' is defined twice (first on line 2)"),
        ("[a]\nb = 1\n[a.b]", "4:1: key 'a.b' is defined twice (first on line 3)"),
        ("a = 1\n[a]", "3:1: key 'a' is defined twice (first on line 2)"),
        ("[x.y.z]\n[x]\ny = 1", "4:1: key 'x.y' is defined twice (first on line 2)"),
        ("a = 1\na.b = 2", "3:1: cannot add to 'a': it is a value (line 2), not a table"),
        ("a = [1]\n[a.b]", "3:2: cannot add to 'a': it is a value (line 2), not a table"),
        ("a = {x = 1}\na.y = 2", "3:1: cannot add to 'a': an inline table is complete as written (line 2)"),
        ("a = {x = 1}\n[a.b]", "3:2: cannot add to 'a': an inline table is complete as written (line 2)"),
        ("a = {x = {y = 1}, x.z = 2}", "2:19: cannot add to 'a.x': an inline table is complete as written (line 2)"),
        ("a = {x = 1}\n[a]", "3:1: table 'a' is defined twice (first on line 2, as an inline table)"),
        ("[a]\nb.c = 1\n[a.b]", "4:1: table 'a.b' is already defined by dotted keys on line 3"),
        ("a.b = 1\n[a]", "3:1: table 'a' is already defined by dotted keys on line 2"),
        ("[a]\nb.c.d = 1\n[a.b.c]", "4:1: table 'a.b.c' is already defined by dotted keys on line 3"),
        ("[a.b.c]\nz = 9\n[a]\nb.c.t = 1", "5:1: a dotted key cannot add to 'a.b', which a header on line 2 made"),
        ("[[a.b]]\n[a]\nb.y = 2", "4:1: a dotted key cannot add to 'a.b', which a header on line 2 made"),
        ("[[a]]\n[a]", "3:1: 'a' is an array of tables (line 2), not a table"),
        ("[a]\n[[a]]", "3:1: 'a' is a table (line 2), not an array of tables"),
        ("a.b = 1\n[[a]]", "3:1: 'a' is a table (line 2), not an array of tables"),
        ("a = [1]\n[[a]]", "3:1: [[a]] cannot add to the array written with [ ] on line 2"),
        ("a = 1\n[[a]]", "3:1: key 'a' is defined twice (first on line 2)"),
        ("[[a]]\nb = 1\n[a.b]", "4:1: key 'a.b' is defined twice (first on line 3)"),
    ])
    func redefinitions(_ text: String, _ expected: String) {
        #expect(Self.problem(text, lineOffset: 1) == expected)
    }

    @Test func errorsHaveHints() throws {
        func hint(_ text: String) -> String? { Self.error(text)?.hint }
        let twice = try #require(Self.error("title = \"a\"\ntitle = \"b\"", lineOffset: 1))
        #expect(
            twice.description
                == "f.md:3:1: error: key 'title' is defined twice (first on line 2); "
                + "remove one of them, or give one another name")
        #expect(hint("[params]\n[params]") == "put all of its keys under one [params]")
        #expect(
            hint("a = {x = 1}\na.y = 2") == "put the key inside its { }, or write the table as [a] with its keys below")
        #expect(hint("a = \"abc") == "end it with \" on the same line, or use \"\"\" for text over lines")
        #expect(hint(#"a = "C:\Dokument""#)?.contains(#"write \\ for a backslash"#) == true)
        #expect(
            hint("tel = 0701234567")
                == "write the number without them, or put it in quotes (\"0701234567\") to keep it as text")
        #expect(
            hint("status = pågående") == "put text in quotes (\"pågående\"); true and false are written in lowercase")
        #expect(Self.error("a = 1\n\n[b]\nc = 01", lineOffset: 7).map { [$0.line, $0.column] } == [11, 5])
    }

    @Test func whatTOMLAllowsAroundRedefinitions() throws {
        // A super-table after its sub-table, a sub-table of a dotted table, a table in each
        // element of an array of tables, an array of tables in a header table.
        let value = Self.value(
            "[x.y.z.w]\n[x]\n[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true\n"
                + "[[list]]\n[list.sub]\n[[list]]\n[list.sub]\n[t]\n[[t.items]]\n[[t.items]]")
        #expect(
            Self.shape(value)
                == #"{x={y={z={w={}}}}, fruit={apple={color="red", texture={smooth=true}}}, "#
                + "list=[{sub={}}, {sub={}}], t={items=[{}, {}]}}")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        #expect(
            Self.problem("a = " + String(repeating: "[", count: 100_000)) == "1:105: values nested more than 100 deep")
        #expect(Self.problem("a = " + String(repeating: "{b=", count: 50_000)).hasSuffix("nested more than 100 deep"))
        let dotted = String(repeating: "a.", count: 5_000) + "a = 1"
        #expect(Self.problem(dotted) == "1:201: tables nested more than 100 deep")
        let header = "[" + String(repeating: "a.", count: 5_000) + "a]"
        #expect(Self.problem(header) == "1:1: tables nested more than 100 deep")
        #expect(Self.value("a = " + String(repeating: "[", count: 99) + String(repeating: "]", count: 99)) != nil)
    }

    // MARK: Any input

    /// Reading gives a value and no problems, or no value and exactly one problem.
    static func checkOutcome(_ text: String) {
        let (value, errors) = read(text, lineOffset: 1)
        let once = value == nil ? errors.count == 1 && errors[0].line >= 2 && errors[0].column >= 1 : errors.isEmpty
        #expect(once, "\(text.debugDescription): \(errors)")
    }

    /// Pieces that TOML gives meaning to, and some that break it.
    static let pieces = [
        "a", "title", "ö", "😀", " ", "\t", "\n", "\r\n", "\r", "=", " = ", ".", ",", "[", "]", "[[", "]]", "{", "}",
        "\"", "'", "\"\"\"", "'''", "\\", "\\u00E5", "\\U0001F600", "\\uD800", "\\n", "#", " # c\n", "1", "0",
        "-", "+", "_", "e", "0x", "1979-05-27", "T", "07:32:00", "Z", "+01:00", "true", "inf", "nan", "1.5",
        "\u{0}", "\u{7F}", "x = 1\n", "[t]\n", "[[l]]\n", "a.b = ", "{x = 1}", "[1, 2]", "\"s\"", "'s'",
    ]

    @Test func piecesInAnyOrderNeverCrash() async {
        let document = Gen.element(of: Self.pieces).map { $0 ?? "" }.array(of: 0...80).map { $0.joined() }
        await propertyCheck(count: 3000, input: document) { Self.checkOutcome($0) }
    }

    @Test func randomBytesNeverCrash() async {
        // Mostly printable ASCII, some of any byte (invalid UTF-8 becomes U+FFFD).
        let byte = zip(Gen.int(in: 0...3), Gen.int(in: 32...126), Gen.int(in: 0...255)).map { UInt8($0 == 0 ? $2 : $1) }
        await propertyCheck(count: 3000, input: byte.array(of: 0...120)) { bytes in
            Self.checkOutcome(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func everyTruncationAndDeletionOfADocumentReadsOrFailsOnce() throws {
        let sample = #"""
            title = "Ett \"citat\" och \u00E5" # kommentar
            date = 1979-05-27T07:32:00-08:00
            tags = [ "a", 'b', """c""", '''d''', ]
            numbers = [-1_000, 6.626e-34, 0xDEAD_beef, inf]
            draft = false
            when = 07:32:00.999
            point = { x = 1, y.z = [2, { w = 3 }] }
            text = """
            Rad ett \
              fortsätter"""
            [params]
            site."google.com" = true
            [[params.list]]
            name = 'x'
            [[params.list]]
            """#
        let whole = try #require(Self.value(sample))
        #expect(whole["params"]?["list"]?.list?.count == 2)
        #expect(whole["text"]?.text == "Rad ett fortsätter")
        let scalars = Array(sample.unicodeScalars)
        func text(_ parts: ArraySlice<Unicode.Scalar>...) -> String {
            var text = ""
            for part in parts { text.unicodeScalars.append(contentsOf: part) }
            return text
        }
        for end in 0...scalars.count { Self.checkOutcome(text(scalars[..<end])) }
        for gone in scalars.indices { Self.checkOutcome(text(scalars[..<gone], scalars[(gone + 1)...])) }
    }

    @Test func aLargeDocumentReads() throws {
        var text = "title = \"Stor\"\n"
        for section in 0..<50 {
            text += "[section\(section)]\n"
            for key in 0..<100 {
                let n = section * 100 + key
                text += ["k\(key) = \(n)", "k\(key) = \"värde \(n)\"", "k\(key).x = [\(n), \(n).5]"][n % 3] + "\n"
            }
        }
        let value = try #require(Self.value(text, lineOffset: 1))
        #expect(value.pairs?.count == 51)
        #expect(value.pairs?.dropFirst().map { $0.value.pairs?.count ?? 0 }.reduce(0, +) == 5000)
        #expect(Self.shape(value["section49"]?["k99"]) == "\"värde 4999\"")
        #expect(value["section49"]?["k99"]?.position == Self.at(5052, 7))
        #expect(Self.shape(value["section0"]?["k2"]) == "{x=[2, 2.5d]}")
        let flat = (0..<5000).map { "key\($0) = \($0)" }.joined(separator: "\n")
        #expect(Self.value(flat)?.pairs?.count == 5000)
        let array = "a = [" + (0..<5000).map(String.init).joined(separator: ",\n") + "]"
        #expect(Self.value(array)?["a"]?.list?.last?.position == Self.at(5000, 1))
    }
}
