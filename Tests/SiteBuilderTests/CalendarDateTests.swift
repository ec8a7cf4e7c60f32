import Foundation
import PropertyBased
import Testing

@testable import SiteBuilder

/// Dates are real calendar dates: an impossible one is an error at its place and never reaches
/// the page, `feed.xml` or `sitemap.xml`.
@Suite struct CalendarDateTests {
    /// Days in a month of the Gregorian calendar, the reference the check is compared with.
    static func days(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    @Test func agreesWithTheGregorianCalendar() async {
        // From 1583: Foundation's Gregorian calendar is Julian before October 1582.
        let date = zip(Gen.int(in: 1583...9999), Gen.int(in: 0...14), Gen.int(in: 0...33))
        await propertyCheck(count: 3000, input: date) { (date: (Int, Int, Int)) in
            let (year, month, day) = date
            let text = String(format: "%04d-%02d-%02d", year, month, day)
            let exists = (1...12).contains(month) && (1...Self.days(month, year)).contains(day)
            #expect(CalendarDate.isValid(text) == exists, "\(text)")
        }
    }

    @Test(arguments: [
        "2023-02-31", "2023-13-01", "2023-02-29", "2023-04-31", "2023-00-10", "2023-01-00", "2023-1-01",
        "2023-01-1", "20230101", "2023/01/01", "2023-01-01x", " 2023-01-01", "2023-01-01T10:00:00Z", "", "idag",
    ])
    func refusesWhatIsNoDate(_ text: String) {
        #expect(!CalendarDate.isValid(text))
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "2023-12-31", "2023-01-01", "1999-11-30"])
    func acceptsRealDates(_ text: String) {
        #expect(CalendarDate.isValid(text))
    }

    @Test(arguments: ["2023-02-31", "2023-13-01"])
    func impossiblePageDateFailsTheBuildAtItsPlace(_ date: String) throws {
        var content = Fixture.basic
        content["projekt/x.md"] = "---\ntitle: X\ntags: [cirkulär]\ndate: \(date)\n---\n"
        let result = try Fixture(content: content).build()
        #expect(!result.succeeded)
        #expect(result.files.isEmpty)
        #expect(
            result.messages == [
                "Content/projekt/x.md:4:7: error: date '\(date)' is not a calendar date in the form YYYY-MM-DD; "
                    + "write for example 'date: 2024-05-31': four digits of year, month 01-12, and a day that "
                    + "month has (or a timestamp: 2024-05-31T10:00:00Z)"
            ])
    }

    @Test func quotedAndYamsReadDatesAreCheckedToo() throws {
        var content = Fixture.basic
        content["projekt/x.md"] = "---\ntitle: X\ntags: [cirkulär]\nkontakt: {namn: A}\ndate: \"2023-02-29\"\n---\n"
        let result = try Fixture(content: content).build()
        #expect(result.messages.count == 1)
        #expect(
            result.messages.first?.hasPrefix(
                "Content/projekt/x.md:5:7: error: date '2023-02-29' is not a calendar date") == true)
    }

    @Test func realDateReachesPageFeedAndSitemap() throws {
        var content = Fixture.basic
        content["projekt/x.md"] = "---\ntitle: X\ntags: [cirkulär]\ndate: 2024-02-29\n---\n"
        var theme = Fixture.theme
        theme["templates/page.mustache"] = "{{page.dateISO}}|{{page.date}}"
        let result = try Fixture(content: content, theme: theme).build()
        #expect(result.messages == [])
        #expect(result.file("projekt/x/index.html") == "2024-02-29|29 februari 2024")
        #expect(
            result.file("sitemap.xml")?.contains(
                "<loc>https://example.se/projekt/x/</loc><lastmod>2024-02-29</lastmod>") == true)
        #expect(result.file("feed.xml")?.contains("<updated>2024-02-29T00:00:00Z</updated>") == true)
    }

    @Test func impossibleUpdatedDateInSiteConfig() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\nupdated: 2023-04-31\n"
        let result = try Fixture(content: content).build()
        let line = Fixture.siteYAML.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        #expect(
            result.messages == [
                "Content/site.yaml:\(line):10: error: 'updated' must be a calendar date in the form YYYY-MM-DD, not "
                    + "'2023-04-31'; write for example 'updated: 2024-05-31': four digits of year, month 01-12, and a "
                    + "day that month has"
            ])
    }

    @Test func schemaDateFieldsAreCalendarDates() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\nschema:\n  projekt:\n    start: {type: date}\n"
        content["projekt/x.md"] = "---\ntitle: X\ntags: [cirkulär]\nstart: 2023-02-30\n---\n"
        content["projekt/y.md"] = "---\ntitle: Y\ntags: [cirkulär]\nstart: 2024-02-29\n---\n"
        let result = try Fixture(content: content).build()
        #expect(
            result.messages == ["Content/projekt/x.md:4:8: error: 'start' must be a date YYYY-MM-DD, not '2023-02-30'"])
    }

    /// The programme's site.yaml gives `date` a schema rule too: the editor reads one error, not two.
    @Test func aWrongPageDateIsReportedOnceWhenTheSchemaAlsoChecksIt() throws {
        var content = Fixture.basic
        content["site.yaml"] = Fixture.siteYAML + "\nschema:\n  projekt:\n    date: {type: date}\n"
        content["projekt/x.md"] = "---\ntitle: X\ntags: [cirkulär]\ndate: 2023-02-31\n---\n"
        let result = try Fixture(content: content).build()
        #expect(result.messages.count == 1, "\(result.messages)")
        #expect(
            result.messages.first?.hasPrefix(
                "Content/projekt/x.md:4:7: error: date '2023-02-31' is not a calendar date") == true)
    }

    @Test func theHandCheckAgreesWithFoundationsRoundTrip() throws {
        let style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
            .year().month().day().dateSeparator(.dash)
        for year in [1900, 1999, 2000, 2023, 2024, 2100, 2400, 2999] {
            for month in 0...13 {
                for day in [0, 1, 28, 29, 30, 31, 32] {
                    let text = String(format: "%04d-%02d-%02d", year, month, day)
                    let roundTrip = (try? style.parse(text)).map { style.format($0) == text } ?? false
                    #expect(CalendarDate.isValidModernDate(Array(text.utf8)) == roundTrip, "\(text)")
                }
            }
        }
        // Other years and other shapes are left to Foundation.
        #expect(CalendarDate.isValidModernDate(Array("1899-01-01".utf8)) == nil)
        #expect(CalendarDate.isValidModernDate(Array("2024/01/01".utf8)) == nil)
        #expect(CalendarDate.isValidModernDate(Array("2024-1a-01".utf8)) == false)
    }
}
