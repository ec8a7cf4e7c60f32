import Templates
import Testing

@testable import SiteBuilder

/// A listing card is rendered once per depth and copied onto the other listings at that depth,
/// trusting that the `common` values named in `PageRenderer.sameAtOneDepth` are equal on every page
/// at one depth. If a change to `common` makes one of them page-specific, this fails.
@Suite struct SameAtOneDepthTests {
    @Test func theStableValuesAreEqualOnEveryPageAtOneDepth() throws {
        var content = Fixture.basic
        // A menu, whose current entry differs from page to page.
        content["site.yaml"]! += "\nmenu:\n  - title: Projekt\n    url: /projekt/\n  - title: Om\n    url: /om/\n"
        let fixture = try Fixture(content: content)
        let state = try #require(BuildPipeline.buildKeepingState(fixture.options).state)
        let pages = PageRenderer(
            site: state.site, bodies: state.bodies, theme: state.theme, style: .pretty, liveReload: "<script></script>",
            log: DiagnosticLog())
        let groups = [
            ["/projekt/", "/om/", "/taggar/", "/organisationer/"],
            ["/projekt/cirkulara-goteborg/", "/taggar/cirkular/", "/organisationer/ivl/"],
        ]
        for group in groups {
            let values = group.map {
                pages.common(path: $0, title: "T " + $0, url: SiteURL(from: $0, style: .pretty)).templateValues
            }
            for key in PageRenderer.sameAtOneDepth {
                for (path, other) in zip(group, values).dropFirst() {
                    #expect(other[key] == values[0][key], "\(key) differs on \(path)")
                }
            }
            // What is left out differs: the menu marks the current page.
            #expect(values.contains { $0["menu"] != values[0]["menu"] })
        }
    }
}
