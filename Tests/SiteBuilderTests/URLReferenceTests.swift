import Foundation
import Testing

@testable import SiteBuilder

/// The fast path of `URLReference` gives what Foundation's `URL(string:relativeTo:)` gives.
@Suite struct URLReferenceTests {
    static let bases = [
        "https://kretslopp.example.se/", "https://kretslopp.example.se/projekt/trafikverket/",
        "https://example.org/sub/site/taggar/cirkular/index.html", "http://localhost:8080/a/b",
        "https://example.org/a/b/?q=1", "https://example.org",
    ]

    @Test func pathsResolveAsFoundationResolvesThem() throws {
        let parts = ["..", ".", "projekt", "index.html", "", "x.y", "a-b_c"]
        var generator = SystemRandomNumberGenerator()
        var references = [
            "", "/", "./", "../", "../../../../", "/projekt/", "..", ".", "a/./b/../c/", "?q", "#top", "//host/x",
            "mailto:x@y", "a%20b", "../../index.html",
        ]
        for _ in 0..<400 {
            let count = Int.random(in: 1...5, using: &generator)
            var reference = (0..<count).map { _ in parts.randomElement(using: &generator)! }.joined(separator: "/")
            if Bool.random(using: &generator) { reference = "/" + reference }
            if Bool.random(using: &generator) { reference += "/" }
            references.append(reference)
        }
        for base in Self.bases {
            let prepared = URLReference.Base(base)
            for reference in references {
                let expected = URL(string: reference, relativeTo: URL(string: base)!)?.absoluteString
                #expect(URLReference.resolve(reference, against: base) == expected, "\(reference) against \(base)")
                #expect(prepared.resolve(reference) == expected, "\(reference) against \(base), prepared once")
            }
        }
    }

    @Test func theFastPathIsTakenForTheBreadcrumbsABuildWrites() {
        #expect(URLReference.resolvePath("../../", against: "https://e.se/projekt/x/") == "https://e.se/")
        #expect(URLReference.resolvePath("../index.html", against: "https://e.se/a/b/") == "https://e.se/a/index.html")
        #expect(URLReference.resolvePath("#top", against: "https://e.se/a/") == nil)
        #expect(URLReference.resolvePath("../", against: "https://e.se/a/?q") == nil)
    }
}
