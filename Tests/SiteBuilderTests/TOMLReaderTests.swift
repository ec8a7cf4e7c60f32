import Foundation
import Markdown
import PropertyBased
import Testing

@testable import SiteBuilder

/// TOML front matter (Hugo's and Zola's `+++`) reads as TOML 1.0 says, with the place of every
/// value; every problem is reported once, where it is, with a hint on how to fix it.
@Suite struct TOMLReaderTests {
    /// What reading `text` gives: the value and every diagnostic logged.
    static func read(_ text: String, lineOffset: Int = 0) -> (value: DataValue?, errors: [Diagnostic]) {
        let log = DiagnosticLog()
        let value = TOMLReader.parse(text, file: "f.md", lineOffset: lineOffset, log: log)
        return (value, log.all)
    }

    /// The value of `text`, which must read without problems.
    static func value(_ text: String, lineOffset: Int = 0, at place: SourceLocation = #_sourceLocation) -> DataValue? {
        let (value, errors) = read(text, lineOffset: lineOffset)
        #expect(errors == [] && value != nil, "\(text)", sourceLocation: place)
        return value
    }

    /// The one problem reported for `text`, which must give no value.
    static func error(_ text: String, lineOffset: Int = 0, at place: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let (value, errors) = read(text, lineOffset: lineOffset)
        #expect(value == nil && errors.count == 1, "\(text): \(errors)", sourceLocation: place)
        return errors.first
    }

    /// `line:column: message` of the one problem in `text`.
    static func problem(_ text: String, lineOffset: Int = 0, at place: SourceLocation = #_sourceLocation) -> String {
        error(text, lineOffset: lineOffset, at: place).map { "\($0.line):\($0.column): \($0.message)" } ?? "none"
    }

    /// A tree as short text: `{a=1, b=[2.5d, "x"], c=true}`; strings in Swift's quoting.
    static func shape(_ value: DataValue?) -> String {
        guard let value else { return "nil" }
        switch value.kind {
        case .null: return "null"
        case .bool(let b): return "\(b)"
        case .int(let i): return "\(i)"
        case .double(let d): return "\(d)d"
        case .string(let s): return s.debugDescription
        case .list(let items): return "[" + items.map(shape).joined(separator: ", ") + "]"
        case .map(let pairs): return "{" + pairs.map { "\($0.key)=" + shape($0.value) }.joined(separator: ", ") + "}"
        }
    }

    static func at(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }

    // MARK: Front matter as Hugo and Zola sites write it

    @Test func hugoFrontMatter() throws {
        let text = """
            title = "Klimatanpassning i Göteborg"
            date = 2024-03-15T10:00:00+01:00
            draft = false
            weight = 10
            tags = ["klimat", "vatten"]

            [params]
              author = "Anna Svensson"
              rating = 4.5
            """
        let value = try #require(Self.value(text, lineOffset: 1))
        #expect(
            Self.shape(value)
                == #"{title="Klimatanpassning i Göteborg", date="2024-03-15T10:00:00+01:00", draft=false, weight=10, "#
                + #"tags=["klimat", "vatten"], params={author="Anna Svensson", rating=4.5d}}"#)
        #expect(value.position == Self.at(2, 1))
        #expect(value["title"]?.position == Self.at(2, 9))
        #expect(value["date"]?.text == "2024-03-15T10:00:00+01:00")
        #expect(value["weight"]?.text == "10" && value["draft"]?.text == "false")
        #expect(value["tags"]?.position == Self.at(6, 8))
        #expect(value["tags"]?.list?.map(\.position) == [Self.at(6, 9), Self.at(6, 19)])
        #expect(value["params"]?.position == Self.at(8, 1))
        #expect(value["params"]?["rating"]?.position == Self.at(10, 12))
        #expect(value["params"]?["rating"]?.text == "4.5")
    }

    @Test func zolaFrontMatter() throws {
        let text = """
            title = "Om oss"
            date = 2023-01-05

            [taxonomies]
            tags = ["rust", "webb"]

            [extra]
            toc = true
            cover = { src = "bild.jpg", alt = "En bild" }
            """
        let value = try #require(Self.value(text))
        #expect(
            Self.shape(value)
                == #"{title="Om oss", date="2023-01-05", taxonomies={tags=["rust", "webb"]}, "#
                + #"extra={toc=true, cover={src="bild.jpg", alt="En bild"}}}"#)
        #expect(value["taxonomies"]?.position == Self.at(4, 1))
        #expect(value["extra"]?["cover"]?.position == Self.at(9, 9))
        #expect(value["extra"]?["cover"]?["alt"]?.position == Self.at(9, 35))
        for empty in ["", "\n\n", "# bara en kommentar\n", "  \t \r\n# a = 1"] {
            #expect(Self.shape(Self.value(empty)) == "{}")
            #expect(Self.value(empty, lineOffset: 4)?.position == Self.at(5, 1))
        }
    }

    // MARK: Strings

    @Test(arguments: [
        (#""a\tb""#, "a\tb"), (#""\b\t\n\f\r\"\\""#, "\u{8}\t\n\u{C}\r\"\\"), ("\"tab\tinuti\"", "tab\tinuti"),
        (#""\u00E5\u00e4 \U0001F600""#, "åä 😀"), (#""Göteborg # ingen kommentar""#, "Göteborg # ingen kommentar"),
        (#""'""#, "'"), ("\"\"", ""), ("''", ""), (#"'C:\Users\x\'"#, #"C:\Users\x\"#),
        (#"'<\i\c*\s*>'"#, #"<\i\c*\s*>"#),
        ("\"\"\"\nRosor är röda\nViolerna blå\"\"\"", "Rosor är röda\nViolerna blå"),
        ("\"\"\"\r\nett\r\ntvå\"\"\"", "ett\ntvå"), ("\"\"\"ingen ny rad\"\"\"", "ingen ny rad"),
        ("\"\"\"\n\nen tom rad först\"\"\"", "\nen tom rad först"),
        ("\"\"\"Den snabba \\\n\n     bruna \\   \n   räven\"\"\"", "Den snabba bruna räven"),
        ("\"\"\"\\\n  \"\"\"", ""), ("\"\"\"Här är \"två\" \"\"citat\"\".\"\"\"", "Här är \"två\" \"\"citat\"\"."),
        ("\"\"\"slutar med ett citat\"\"\"\"", "slutar med ett citat\""),
        ("\"\"\"slutar med två\"\"\"\"\"", "slutar med två\"\""), ("\"\"\"\"\"\"\"", "\""),
        ("\"\"\"tab\there \\u00E5 \\\"\"\"\"", "tab\there å \""),
        ("'''\nFörsta raden\n  andra med \\n och \"'''", "Första raden\n  andra med \\n och \""),
        ("''''That,' she said, 'is it.''''", "'That,' she said, 'is it.'"),
        ("'''slut med två'''''", "slut med två''"), ("'''a # b\n# c'''", "a # b\n# c"),
    ])
    func strings(_ written: String, _ expected: String) throws {
        let value = try #require(Self.value("s = " + written + "\nnext = 1")?["s"])
        #expect(value.text.map { Array($0.unicodeScalars) } == Array(expected.unicodeScalars))
        #expect(Self.shape(value) == expected.debugDescription)
        #expect(value.position == Self.at(1, 5))
    }

    @Test func theLineAfterAMultiLineStringKeepsItsNumber() throws {
        let value = try #require(Self.value("a = \"\"\"\none\ntwo\n\"\"\"\nb = '''x\r\ny'''\nc = 1", lineOffset: 2))
        #expect(["a", "b", "c"].map { value[$0]?.position } == [Self.at(3, 5), Self.at(7, 5), Self.at(9, 5)])
        #expect(value["a"]?.text == "one\ntwo\n")
    }

    @Test(arguments: [
        (#"a = "x\qy""#, #"1:7: invalid escape '\q'"#), (#"a = "x\ y""#, #"1:7: invalid escape '\ '"#),
        (#"a = "x\"#, #"1:7: invalid escape \ at the end of the line"#),
        (#"a = "\uD800""#, #"1:6: invalid escape \uD800: not a Unicode character"#),
        (#"a = "\UFFFFFFFF""#, #"1:6: invalid escape \UFFFFFFFF: not a Unicode character"#),
        (#"a = "\u00""#, #"1:6: invalid escape: \u needs 4 hex digits"#),
        (#"a = "\U0001F60""#, #"1:6: invalid escape: \U needs 8 hex digits"#),
        (#"a = "\e""#, #"1:6: invalid escape '\e'"#),
        ("a = \"abc", "1:5: string is not closed on its line"),
        ("a = 'ab\ncd'", "1:5: string is not closed on its line"),
        ("a = \"ab\r\ncd\"", "1:5: string is not closed on its line"),
        ("a = \"\"\"abc\n\ndef", "1:5: unterminated string: \"\"\" is never closed"),
        ("a = '''abc", "1:5: unterminated string: ''' is never closed"),
        ("a = \"a\u{7}b\"", "1:7: control character U+0007 in a string"),
        ("a = 'a\u{0}b'", "1:7: control character U+0000 in a string"),
        ("a = '''a\u{7F}b'''", "1:9: control character U+007F in a string"),
        ("a = \"\"\"a\"\"\"\"\"\"", "1:9: 6 quotes in a row in a multi-line string"),
        ("a = \"\"\"x\ny\\q\"\"\"", "2:2: invalid escape '\\q'"),
        ("a = \"\"\"x\ry\"\"\"", "1:9: a carriage return without a line feed"),
        ("\"\"\"a\"\"\" = 1", "1:1: a key cannot be a multi-line string"),
    ])
    func stringErrors(_ text: String, _ expected: String) {
        #expect(Self.problem(text) == expected)
    }

    // MARK: Numbers, booleans, dates and times

    @Test(arguments: [
        ("42", 42), ("+17", 17), ("-17", -17), ("0", 0), ("+0", 0), ("-0", 0), ("1_000", 1000),
        ("5_349_221", 5_349_221), ("1_2_3_4_5", 12345), ("0xDEADBEEF", 0xDEAD_BEEF), ("0xdead_beef", 0xDEAD_BEEF),
        ("0x00ff", 255), ("0o01234567", 0o01234567), ("0o755", 0o755), ("0b11010110", 0b11010110), ("0b0", 0),
        ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min), ("0x7FFFFFFFFFFFFFFF", Int.max),
    ])
    func integers(_ written: String, _ expected: Int) throws {
        let value = try #require(Self.value("n = \(written) # kommentar")?["n"])
        #expect(Self.shape(value) == String(expected) && value.text == written)
        #expect(value.position == Self.at(1, 5))
    }

    @Test(arguments: [
        ("+1.0", 1.0), ("3.1415", 3.1415), ("-0.01", -0.01), ("5e+22", 5e22), ("1e06", 1e6), ("-2E-2", -0.02),
        ("6.626e-34", 6.626e-34), ("224_617.445_991_228", 224_617.445_991_228), ("0.0", 0), ("-0.0", -0.0),
        ("1e0", 1), ("1e1_0", 1e10), ("inf", .infinity), ("+inf", .infinity), ("-inf", -.infinity),
        ("nan", .nan), ("+nan", .nan), ("-nan", .nan),
    ])
    func floats(_ written: String, _ expected: Double) throws {
        let value = try #require(Self.value("[t]\nf = [\(written)]")?["t"]?["f"]?.list?.first)
        #expect(Self.shape(value) == "\(expected)d" && value.text == written)
    }

    @Test(arguments: [
        ("012", "leading zeros are not allowed in '012'"), ("-00.5", "leading zeros are not allowed in '-00.5'"),
        ("9223372036854775808", "number '9223372036854775808' is out of range"),
        ("0x8000000000000000", "number '0x8000000000000000' is out of range"),
        ("1e400", "number '1e400' is out of range"), ("1__0", "'1__0' is not a valid number"),
        ("1_", "'1_' is not a valid number"), ("1.", "'1.' is not a valid number"),
        (".5", "'.5' is not a valid number"),
        ("1.e5", "'1.e5' is not a valid number"), ("1e_5", "'1e_5' is not a valid number"),
        ("1._5", "'1._5' is not a valid number"), ("1.5.2", "'1.5.2' is not a valid number"),
        ("0x_1", "'0x_1' is not a valid number"), ("+0x10", "'+0x10' is not a valid number"),
        ("0X10", "'0X10' is not a valid number"), ("0b102", "'0b102' is not a valid number"),
        ("0o8", "'0o8' is not a valid number"), ("1e5.0", "'1e5.0' is not a valid number"),
        ("_1", "'_1' is not a TOML value"), ("--1", "'--1' is not a TOML value"), ("Inf", "'Inf' is not a TOML value"),
        ("True", "'True' is not a TOML value"), ("Göteborg", "'Göteborg' is not a TOML value"),
    ])
    func invalidValues(_ written: String, _ message: String) {
        #expect(Self.problem("title = \"x\"\nvalue = \(written)", lineOffset: 1) == "3:9: \(message)")
    }

    @Test(arguments: [
        "1979-05-27T07:32:00Z", "1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00.999999-07:00", "1979-05-27 07:32:00Z",
        "1979-05-27t07:32:00z", "1979-05-27T07:32:00", "1979-05-27T00:32:00.999999", "1979-05-27 07:32:00.5+05:30",
        "1979-05-27", "07:32:00", "00:32:00.999999", "2024-02-29", "2000-02-29", "1990-12-31T23:59:60Z",
        "0001-01-01", "9999-12-31T23:59:59.999999999-23:59",
    ])
    func datesAreTextAsWritten(_ written: String) throws {
        let value = try #require(Self.value("d = \(written) # kommentar\nlist = [\(written), \(written)]"))
        #expect(Self.shape(value["d"]) == written.debugDescription && value["d"]?.text == written)
        #expect(value["list"]?.list?.map(\.text) == [written, written])
    }

    @Test(arguments: [
        ("1979-13-27", "there is no month 13"), ("1979-00-10", "there is no month 0"),
        ("1979-05-32", "month 5 has no day 32"), ("1979-04-31", "month 4 has no day 31"),
        ("2023-02-29", "month 2 has no day 29"), ("1900-02-29", "month 2 has no day 29"),
        ("1979-5-27", "a date is written YYYY-MM-DD"), ("07:32", "a time is written HH:MM:SS"),
        ("1979-05-27T25:00:00", "hours go to 23, minutes to 59, seconds to 60"),
        ("1979-05-27T07:32:61", "hours go to 23, minutes to 59, seconds to 60"),
        ("1979-05-27T07:32", "a time is written HH:MM:SS"), ("1979-05-27T", "a time is written HH:MM:SS"),
        ("07:32:00Z", "a time without a date has no time zone"),
        ("1979-05-27X07:32:00", "a time follows a date after a T"),
        ("1979-05-27T07:32:00.", "a decimal point in the seconds needs digits after it"),
        ("1979-05-27T07:32:00+7:00", "a time zone is written Z or as an offset such as +02:00"),
        ("1979-05-27T07:32:00+24:00", "an offset's hours go to 23 and its minutes to 59"),
    ])
    func invalidDates(_ written: String, _ problem: String) {
        #expect(
            Self.problem("date = \(written)", lineOffset: 1) == "2:8: invalid date or time '\(written)': \(problem)")
    }

    @Test func aSpaceSeparatesADateFromWhatFollows() {
        #expect(Self.problem("d = 1979-05-27 x") == "1:16: unexpected 'x' after the value")
        #expect(Self.shape(Self.value("d = 1979-05-27 # 07:32:00")) == #"{d="1979-05-27"}"#)
        #expect(Self.shape(Self.value("d = [1979-05-27 ,07:32:00]")) == #"{d=["1979-05-27", "07:32:00"]}"#)
    }

    // MARK: Keys, tables, inline tables and arrays of tables

    @Test func tablesDottedKeysAndQuotedKeys() throws {
        let tables = try #require(
            Self.value(
                "[a.b.c]\nx = 1\n[a]\ny = 2\n[a.b]\nz = 3\n[ d . \"e f\" . 'g' ]\nh = 4\n[fruit]\n"
                    + "apple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true"))
        #expect(
            Self.shape(tables)
                == #"{a={b={c={x=1}, z=3}, y=2}, d={e f={g={h=4}}}, fruit={apple={color="red", taste={sweet=true}, "#
                + "texture={smooth=true}}}}")
        // A table made on the way to a deeper header is where its own header later stands.
        #expect(tables["a"]?.position == Self.at(3, 1))
        #expect(tables["a"]?["b"]?["c"]?.position == Self.at(1, 1))
        #expect(tables["fruit"]?["apple"]?["taste"]?.position == Self.at(11, 7))
        let keys = try #require(
            Self.value(
                #"physical.color = "orange"\#nphysical . shape\#t=\#t"round"\#nsite."google.com" = true\#n"#
                    + #""quoted key" = 1\#n'literal "key"' = 2\#n"" = "tom"\#n3.14159 = "pi"\#na.b.c = 1\#n"#
                    + #"a.b.e = 2\#n"\u00E5r" = 2024\#n1234 = "siffror""#))
        #expect(
            Self.shape(keys)
                == #"{physical={color="orange", shape="round"}, site={google.com=true}, quoted key=1, "#
                + #"literal "key"=2, ="tom", 3={14159="pi"}, a={b={c=1, e=2}}, år=2024, 1234="siffror"}"#)
        #expect(keys["a"]?["b"]?.position == Self.at(8, 3))
        #expect(Self.problem("ö = 1") == "1:1: expected a key, found 'ö'")
        let order = try #require(Self.value("z = 1\na = 2\nm.y = 3\nm.b = 4\n[q]\n[c]\n[b.x]\n[b]\nk = 5"))
        #expect(order.pairs?.map(\.key) == ["z", "a", "m", "q", "c", "b"])
        #expect(order["b"]?.pairs?.map(\.key) == ["x", "k"])
    }

    @Test func inlineTablesAndArrays() throws {
        let text = """
            nested = { a = { b = [1, { c = "d" }] }, e.f = true, "g h" = [], i = {} }
            mixed = [1, "två", 3.0, [4], { five = 5 }, 1979-05-27]
            long = [
              "a",  # första
              # en kommentar mellan
              "b",
            ]
            many = { list = [
              1 ], other = 3 }
            """
        let value = try #require(Self.value(text))
        #expect(
            Self.shape(value)
                == #"{nested={a={b=[1, {c="d"}]}, e={f=true}, g h=[], i={}}, "#
                + #"mixed=[1, "två", 3.0d, [4], {five=5}, "1979-05-27"], long=["a", "b"], many={list=[1], other=3}}"#)
        #expect(value["nested"]?["a"]?["b"]?.list?.last?["c"]?.position == Self.at(1, 32))
        #expect(value["nested"]?["e"]?["f"]?.position == Self.at(1, 48))
        #expect(value["long"]?.list?.map(\.position) == [Self.at(4, 3), Self.at(6, 3)])
    }

    @Test func arraysOfTables() throws {
        let text = """
            [[products]]
            name = "Hammer"
            [[products]]  # tom
            [[products]]
            [products.dims]
            w = 1
            [[fruits]]
            [[fruits.varieties]]
            name = "red delicious"
            [[fruits.varieties]]
            [[fruits]]
            name = "banana"
            """
        let value = try #require(Self.value(text, lineOffset: 1))
        #expect(
            Self.shape(value)
                == #"{products=[{name="Hammer"}, {}, {dims={w=1}}], "#
                + #"fruits=[{varieties=[{name="red delicious"}, {}]}, {name="banana"}]}"#)
        #expect(value["products"]?.list?.map(\.position) == [Self.at(2, 1), Self.at(4, 1), Self.at(5, 1)])
        #expect(value["products"]?.position == Self.at(2, 1))
        #expect(value["products"]?.list?.last?["dims"]?.position == Self.at(6, 1))
    }

    // MARK: Comments, line endings, columns

    @Test func commentsAndLineEndings() throws {
        let text = """
            # överst
            title = "a # ingen kommentar" # efter ett värde
            list = [ # efter en hakparentes
              1, # efter ett värde
              2 # före ett komma
              , 3
            ] # efter listan
            [table] # efter en rubrik
            key = 'x' #utan mellanrum
            [[many]]# direkt efter
            multi = \"\"\"
            # i texten
            a\"\"\" # efter texten
            \t# efter en tab
            """
        let lf = try #require(Self.value(text, lineOffset: 1))
        #expect(
            Self.shape(lf)
                == ##"{title="a # ingen kommentar", list=[1, 2, 3], table={key="x"}, many=[{multi="# i texten\na"}]}"##)
        let crlf = try #require(Self.value(text.replacingOccurrences(of: "\n", with: "\r\n"), lineOffset: 1))
        #expect(Self.shape(crlf) == Self.shape(lf))
        func positions(_ value: DataValue) -> [SourcePosition] {
            [value.position] + (value.list ?? value.pairs?.map(\.value) ?? []).flatMap(positions)
        }
        #expect(positions(crlf) == positions(lf))
        #expect(crlf["many"]?.list?.first?["multi"]?.position == Self.at(12, 9))
        #expect(Self.problem("a = 1\rb = 2") == "1:6: a carriage return without a line feed")
    }

    @Test func columnsCountCharacters() throws {
        let value = try #require(
            Self.value("\"ö\" = \"x\"\n\"😀\" = 1\n'åäö'.\"é\" = [ 'ü', \"ß\" ] # ä", lineOffset: 1))
        #expect(value["ö"]?.position == Self.at(2, 7))
        #expect(value["😀"]?.position == Self.at(3, 7))
        #expect(value["åäö"]?["é"]?.list?.map(\.position) == [Self.at(4, 15), Self.at(4, 20)])
        // A byte order mark at the start is no character of the first line.
        #expect(Self.value("\u{FEFF}x = 2")?["x"]?.position == Self.at(1, 5))
        #expect(Self.problem("x = 'ö' ä") == "1:9: unexpected 'ä' after the value")
        // Along a long line, each position is counted right.
        let items = (0..<2000).map { "\"é\($0)\"" }
        let list = try #require(Self.value("x = [" + items.joined(separator: ", ") + "]")?["x"]?.list)
        let starts = items.indices.map { n in 6 + items[..<n].reduce(0) { $0 + $1.count + 2 } }
        #expect(list.map(\.position.column) == starts)
    }
}
