import Foundation
import PropertyBased
import Testing

@testable import SiteBuilder

/// Link resolution's path arithmetic gives what the character-by-character version gives, for
/// ASCII paths (byte fast path) and others alike.
@Suite struct LinkPathTests {
    /// The scheme test without the fast path.
    static func referenceHasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        return !destination[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" })
    }

    static let pieces = [
        "a", "b", "..", ".", "/", "/", "//", "x.md", "index.html", "projekt", "å", "\u{301}", "/\u{301}", "\u{600}",
        "\r\n", "%20", ":", "?", "#", "https", "mailto", "-", "~",
    ]
    static let path = Gen.element(of: pieces).map { $0 ?? "" }.array(of: 0...10).map { $0.joined() }

    @Test func joinAgreesWithTheCharacterVersion() async {
        await propertyCheck(count: 3000, input: zip(Self.path, Self.path)) { (pair: (String, String)) in
            let (file, path) = pair
            #expect(
                PageHooks.join(folder: file, path) == PageHooks.joinByCharacters(folder: file, path),
                "\(file.debugDescription) \(path.debugDescription)")
            let isFolder = path.hasSuffix("/") || path.isEmpty || path.hasSuffix("/.") || path.hasSuffix("..")
            let expected = PageHooks.joinByCharacters(folder: ("/" + file).dropFirst() + "index.html", path).map {
                "/" + $0 + (isFolder && !$0.isEmpty ? "/" : "")
            }
            #expect(
                PageHooks.join(url: "/" + file, path) == expected, "\(file.debugDescription) \(path.debugDescription)")
        }
    }

    @Test func schemeTestAgreesWithTheCharacterVersion() async {
        await propertyCheck(count: 3000, input: Self.path) { destination in
            #expect(
                PageHooks.hasScheme(destination) == Self.referenceHasScheme(destination),
                "\(destination.debugDescription)")
        }
    }

    @Test func relativeLinkAgreesWithTheCharacterVersion() async {
        await propertyCheck(count: 3000, input: zip(Self.path, Self.path)) { (pair: (String, String)) in
            let (from, target) = pair
            for style in [LinkStyle.pretty, .files] {
                for url in [SiteURL(from: from, style: style), SiteURL(from: from, style: style, rootPrefix: "")] {
                    #expect(
                        url.to(target) == url.toByCharacters(target),
                        "\(from.debugDescription) \(target.debugDescription)")
                }
            }
        }
    }

    @Test func folderCountAgreesWithTheCharacterVersion() async {
        await propertyCheck(count: 3000, input: Self.path) { path in
            #expect(
                SiteURL.folderCount(of: path) == SiteURL.folderCountByCharacters(of: path), "\(path.debugDescription)")
        }
        #expect(
            SiteURL.folderCount(of: "/projekt/x/") == 2 && SiteURL.folderCount(of: "/404.html") == 0
                && SiteURL.folderCount(of: "/") == 0)
    }

    @Test func examples() {
        #expect(PageHooks.join(folder: "projekt/x.md", "../om.md") == "om.md")
        #expect(PageHooks.join(folder: "projekt/x.md", "../../om.md") == nil)
        #expect(PageHooks.join(folder: "projekt/x.md", "./bilder//a.png") == "projekt/bilder/a.png")
        #expect(PageHooks.join(url: "/projekt/x/", "../y/") == "/projekt/y/")
        #expect(PageHooks.join(url: "/projekt/x/", "../../..") == nil)
        #expect(PageHooks.hasScheme("https://x.se") && PageHooks.hasScheme("mailto:a@b.se"))
        #expect(!PageHooks.hasScheme("../a:b/") && !PageHooks.hasScheme("a?b:c") && !PageHooks.hasScheme("x.md"))
        // A slash with an accent on it is one character, not a separator: the character version decides.
        #expect(PageHooks.join(folder: "a/b.md", "c/\u{301}d") == "a/c/\u{301}d")
        #expect(PageHooks.join(folder: "a/b.md", "c/\u{301}/..") == "a")
        #expect(
            ASCIIPath.isASCII("abcdefghijklmnop/q") && !ASCIIPath.isASCII("abcdefghijklmnå") && !ASCIIPath.isASCII("åa")
                && ASCIIPath.isASCII(""))
    }
}
