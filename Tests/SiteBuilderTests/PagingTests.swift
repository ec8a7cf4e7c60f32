import Foundation
import Testing

@testable import SiteBuilder

/// Long listings are paged with plain links, and their filters get data over every card.
@Suite struct PagingTests {
    /// The fixture's theme, with a pager on listings and term pages and a card partial.
    static let theme: [String: String] = {
        var theme = Fixture.theme
        let pager =
            "{{#pager}}PAGER {{current}}/{{total}} [{{showing}}] prev={{previous}} next={{next}} "
            + "{{#pages}}{{#gap}}…{{/gap}}{{^gap}}({{number}}{{#current}}*{{/current}}:{{url}}){{/gap}}{{/pages}}{{/"
            + "pager}}"
        theme["templates/home.mustache"] =
            "{{<base}}{{$main}}HOME {{projectCount}} {{#projects}}<{{title}}>{{/projects}} DATA={{filterData}} "
            + "\(pager){{/main}}{{/base}}"
        theme["templates/section.mustache"] =
            "{{<base}}{{$main}}SECTION {{page.title}} {{projectCount}} {{#projects}}<{{title}}>{{/projects}} "
            + "DATA={{filterData}} \(pager){{/main}}{{/base}}"
        theme["templates/term.mustache"] =
            "{{<base}}{{$main}}TERM {{term.title}} {{projectCount}} {{#projects}}<{{title}}>{{/projects}} "
            + "\(pager){{/main}}{{/base}}"
        theme["templates/partials/project-card.mustache"] = "<li><a href=\"{{url}}\">{{title}}</a> {{i18n.home}}</li>"
        theme["i18n/sv.yaml"]! +=
            "pagerTitle: \"{title}, sida {n} av {total}\"\npagerShowing: \"{first}–{last} av {count}\"\n"
        return theme
    }()

    /// `count` projects `p001`… in title order; every third is klimatanpassad, the rest cirkulär.
    static func content(projects count: Int, pageSize: Int = 4, extra: String = "") -> [String: String] {
        var content = Fixture.basic
        content["projekt/cirkulara-goteborg.md"] = nil
        content["om.md"] = "---\ntitle: Om\n---\n"
        content["site.yaml"] = Fixture.siteYAML + "\nlisting:\n  pageSize: \(pageSize)\n" + extra
        for n in 1...count {
            let tag = n % 3 == 0 ? "klimatanpassad" : "cirkulär"
            content["projekt/p\(String(format: "%03d", n)).md"] =
                "---\ntitle: P\(String(format: "%03d", n))\ntags: [\(tag)]\n---\n"
        }
        return content
    }

    /// The pager's line fills its placeholders in one pass: a title with `{n}` in it is shown as written.
    @Test func aPlaceholderInTheListingsOwnTitleIsKeptAsWritten() throws {
        var content = Self.content(projects: 10)
        content["projekt/_index.md"] = "---\ntitle: Projekt {n} {total} {x\n---\n"
        let result = try Fixture(content: content, theme: Self.theme).build()
        let second = try #require(result.file("projekt/sida/2/index.html"))
        #expect(second.contains("<title>Projekt {n} {total} {x, sida 2 av 3 – Testplats</title>"))
    }

    @Test func listingsArePagedWithLinksToEveryPage() throws {
        let result = try Fixture(content: Self.content(projects: 10), theme: Self.theme).build()
        // The fixture's organisations are listed by no page here.
        #expect(result.messages.filter { !$0.contains("is not referenced by any page") } == [])
        let first = try #require(result.file("projekt/index.html"))
        #expect(first.contains("SECTION Projekt 10 <P001><P002><P003><P004> "))
        #expect(
            first.contains(
                "PAGER 1/3 [1–4 av 10] prev= next=../projekt/sida/2/ "
                    + "(1*:../projekt/)(2:../projekt/sida/2/)(3:../projekt/sida/3/)"
            ))
        let second = try #require(result.file("projekt/sida/2/index.html"))
        #expect(second.contains("<title>Projekt, sida 2 av 3 – Testplats</title>"))
        #expect(second.contains("SECTION Projekt 10 <P005><P006><P007><P008> "))
        #expect(
            second.contains(
                "PAGER 2/3 [5–8 av 10] prev=../../../projekt/ next=../../../projekt/sida/3/ "
                    + "(1:../../../projekt/)(2*:../../../projekt/sida/2/)(3:../../../projekt/sida/3/)"
            ))
        let third = try #require(result.file("projekt/sida/3/index.html"))
        #expect(third.contains("<P009><P010> "))
        #expect(third.contains("[9–10 av 10]"))
        #expect(result.file("projekt/sida/4/index.html") == nil)
        // The front page lists every section's pages the same way.
        #expect(result.file("index.html")?.contains("HOME 10 <P001><P002><P003><P004> ") == true)
        #expect(result.file("sida/3/index.html")?.contains("<P009><P010> ") == true)
        // Term pages too: cirkulär has 7 of the 10.
        #expect(
            result.file("taggar/cirkular/index.html")?.contains("TERM Cirkulär 7 <P001><P002><P004><P005> ") == true)
        #expect(
            result.file("taggar/cirkular/sida/2/index.html")?.contains("TERM Cirkulär 7 <P007><P008><P010> ") == true)
        #expect(result.file("taggar/klimatanpassad/index.html")?.contains("PAGER") == false)
    }

    /// A build to disk lets each body's HTML go once its page is written: a section's own text,
    /// shown on every page of its listing, must be on the last page too, and every page's body
    /// on its page.
    @Test func aBuildToDiskShowsEverySectionTextOnEveryListingPage() throws {
        var content = Self.content(projects: 12, pageSize: 2)
        content["projekt/_index.md"] = "---\ntitle: Projekten\n---\nOm alla projekten.\n"
        content["projekt/p007.md"]! += "Sjunde projektets text.\n"
        var theme = Self.theme
        theme["templates/section.mustache"] =
            "{{<base}}{{$main}}SECTION {{page.title}} {{{page.content}}} {{#projects}}<{{title}}>{{/projects}}"
            + "{{/main}}{{/base}}"
        let fixture = try Fixture(content: content, theme: theme)
        let (result, error) = fixture.buildToDisk()
        #expect(error == nil && result.succeeded, "\(result.messages)")
        func page(_ path: String) throws -> String {
            try String(contentsOf: fixture.output.appendingPathComponent(path), encoding: .utf8)
        }
        for number in 2...6 {
            #expect(try page("projekt/sida/\(number)/index.html").contains("<p>Om alla projekten.</p>"))
        }
        #expect(try page("projekt/index.html").contains("<p>Om alla projekten.</p>"))
        #expect(try page("projekt/p007/index.html").contains("<p>Sjunde projektets text.</p>"))
    }

    @Test func aShortListingHasNoPagerAndNoFilterData() throws {
        let result = try Fixture(content: Self.content(projects: 4), theme: Self.theme).build()
        let page = try #require(result.file("projekt/index.html"))
        #expect(page.contains("<P001><P002><P003><P004> DATA= "))
        #expect(!page.contains("PAGER"))
        #expect(!result.files.contains { $0.path.hasPrefix("filterdata/") })
    }

    @Test func pagerShowsTheEndsAndTheNeighboursOfTheCurrentPage() throws {
        let result = try Fixture(content: Self.content(projects: 40, pageSize: 2), theme: Self.theme).build()
        let page = try #require(result.file("projekt/sida/10/index.html"))
        #expect(
            page.contains(
                "PAGER 10/20 [19–20 av 40] prev=../../../projekt/sida/9/ next=../../../projekt/sida/11/ "
                    + "(1:../../../projekt/)…(8:../../../projekt/sida/8/)(9:../../../projekt/sida/9/)(10*:../../../p"
                    + "rojekt/sida/10/)(11:../../../projekt/sida/11/)(12:../../../projekt/sida/12/)…(20:../../../p"
                    + "rojekt/sida/20/)"
            ))
    }

    @Test func filterDataHasABitsetPerTermOverTheWholeListing() throws {
        let result = try Fixture(content: Self.content(projects: 150), theme: Self.theme).build()
        let page = try #require(result.file("projekt/sida/2/index.html"))
        let link = try #require(page.components(separatedBy: "DATA=").last?.components(separatedBy: " ").first)
        #expect(link.hasPrefix("../../../filterdata/") && link.hasSuffix(".js"))
        let dataPath = String(link.dropFirst("../../../".count))
        // The front page lists the same pages: it shares the file.
        #expect(result.file("index.html")?.contains("DATA=\(dataPath) ") == true)

        let script = try #require(result.file(dataPath))
        let json = try #require(
            script.components(separatedBy: "__kretsloppFilterData(").last?.components(separatedBy: ",{").dropFirst()
                .joined(separator: ",{"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(("{" + json.dropLast(3)).utf8)) as? [String: Any])
        #expect(object["count"] as? Int == 150)
        let chunks = try #require(object["chunks"] as? [String])
        #expect(chunks.count == 2)
        let values = try #require(object["values"] as? [String: String])
        #expect(Set(values.keys) == ["tagg:klimatanpassad", "tagg:cirkular"])
        func members(_ key: String) -> [Int] {
            let bytes = [UInt8](Data(base64Encoded: values[key]!)!)
            return (0..<150).filter { bytes[$0 / 8] & (1 << ($0 % 8)) != 0 }
        }
        #expect(members("tagg:klimatanpassad") == (0..<150).filter { ($0 + 1) % 3 == 0 })
        #expect(members("tagg:cirkular") == (0..<150).filter { ($0 + 1) % 3 != 0 })

        // The cards, in listing order, with links relative to the data's folder and the theme's strings.
        let folder = dataPath.split(separator: "/").dropLast().joined(separator: "/")
        let second = try #require(result.file(folder + "/" + chunks[1]))
        #expect(second.contains(#"1,["<li><a href=\"../projekt/p101/\">P101</a> Start</li>","#))
        #expect(second.components(separatedBy: "<li>").count - 1 == 50)
    }

    /// A preview renders the pages asked for only (the open pages, a page requested before the
    /// background came to it): they are the files of the whole render, filter data included.
    @Test func aRenderOfSomePathsGivesTheFilesOfTheWholeRender() throws {
        let fixture = try Fixture(content: Self.content(projects: 150), theme: Self.theme)
        let (whole, kept) = BuildPipeline.buildKeepingState(fixture.options)
        let state = try #require(kept, "\(whole.diagnostics)")
        let dataFiles = whole.files.map(\.path).filter { $0.hasPrefix("filterdata/") }
        try #require(dataFiles.count == 3, "the data file and its two chunks")
        let render = PendingRender(state: state, log: DiagnosticLog())
        for paths in [["projekt/sida/2/index.html", "projekt/p007/index.html"], dataFiles, [dataFiles[2]]] {
            let files = render.render(paths)
            #expect(files.map(\.path).sorted() == paths.sorted())
            for file in files {
                #expect(file.bytes == whole.files.first { $0.path == file.path }?.bytes, "\(file.path)")
            }
        }
    }

    @Test func pageSizeAndFolderAreChecked() throws {
        let bad = try Fixture(
            content: Self.content(projects: 2, extra: "  pagePath: Sidor och mer\n"), theme: Self.theme
        ).build()
        #expect(
            bad.messages.contains { $0.contains("error: listing pagePath must be one URL folder name") },
            "\(bad.messages)")
        let renamed = try Fixture(content: Self.content(projects: 6, extra: "  pagePath: page\n"), theme: Self.theme)
            .build()
        #expect(renamed.file("projekt/page/2/index.html") != nil)
        let zero = try Fixture(content: Self.content(projects: 2, pageSize: 0), theme: Self.theme).build()
        #expect(zero.messages.contains { $0.contains("error: listing pageSize must be at least 1, not 0") })
    }
}
