import Foundation
import Testing

@testable import PreviewServer
@testable import SiteBuilder

/// `PreviewResponder` over a few files in memory: no sockets, no build.
@Suite struct PreviewResponderTests {
    static let files: [String: String] = [
        "index.html": "<h1>Start</h1>",
        "projekt/index.html": "<h1>Projekt</h1>",
        "projekt/cirkulara-goteborg/index.html": "<h1>Cirkulära Göteborg</h1>",
        "404.html": "<h1>Sidan finns inte</h1>",
        "assets/style.css": "body{}",
        "assets/site.js": "void 0;",
        "assets/bild.png": "\u{89}PNG",
        "assets/ikon.svg": "<svg/>",
        "feed.xml": "<feed/>",
        "robots.txt": "User-agent: *",
        "sok/index.json": "{}",
        "filer/rapport.pdf": "%PDF",
        "filer/okand.xyz": "?",
    ]

    /// The files as a build's output.
    static func site(_ files: [String: String]) -> [String: OutputFile] {
        files.reduce(into: [:]) { $0[$1.key] = OutputFile(path: $1.key, data: Data($1.value.utf8)) }
    }

    let responder = PreviewResponder { Self.site(Self.files) }

    func body(_ response: PreviewResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    @Test func servesFilesAndDirectoryIndexes() {
        #expect(body(responder.respond(path: "/")) == "<h1>Start</h1>")
        #expect(body(responder.respond(path: "/projekt/")) == "<h1>Projekt</h1>")
        #expect(body(responder.respond(path: "/projekt/cirkulara-goteborg/")) == "<h1>Cirkulära Göteborg</h1>")
        #expect(
            body(responder.respond(path: "/projekt/cirkulara-goteborg/index.html")) == "<h1>Cirkulära Göteborg</h1>")
        #expect(responder.respond(path: "/assets/style.css").status == 200)
    }

    @Test func folderWithoutSlashRedirectsPermanently() {
        let response = responder.respond(path: "/projekt")
        #expect(response.status == 301)
        #expect(response.header("Location") == "/projekt/")
        #expect(
            responder.respond(path: "/projekt/cirkulara-goteborg").header("Location") == "/projekt/cirkulara-goteborg/")
        // A redirect never leads off the site, however the path starts.
        #expect(responder.respond(path: "//projekt").header("Location") == "/projekt/")
    }

    @Test func unknownPathsGetTheSitesNotFoundPage() {
        for path in ["/finns-inte", "/finns-inte/", "/projekt/saknas/", "/assets/saknas.css", "/index.html/x"] {
            let response = responder.respond(path: path)
            #expect(response.status == 404, "\(path)")
            #expect(body(response) == "<h1>Sidan finns inte</h1>")
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        }
    }

    @Test func withoutANotFoundPageTheFallbackStillLoadsLiveReload() {
        let empty = PreviewResponder { [:] }
        let response = empty.respond(path: "/")
        #expect(response.status == 404)
        #expect(body(response).contains(LiveReloadScript.snippet))
    }

    @Test(arguments: [
        "/../etc/passwd", "/projekt/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd",
        "/projekt/%2e%2e/index.html", "/..%2fetc%2fpasswd", "/assets\\style.css", "/%5c..%5cetc", "/..\\..\\windows",
        "/index.html%00.css", "/a\u{0}b", "/%zz",
    ])
    func traversalAndMalformedPathsAreRefused(path: String) {
        let response = responder.respond(path: path)
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
    }

    @Test func doubleSlashesAndDotSegmentsCollapse() {
        #expect(body(responder.respond(path: "//projekt//cirkulara-goteborg//")) == "<h1>Cirkulära Göteborg</h1>")
        #expect(body(responder.respond(path: "/./assets/./style.css")) == "body{}")
        #expect(responder.respond(path: "//etc/passwd").status == 404)
        // Encoded once means decoded once: a double-encoded dot-dot is just an odd file name.
        #expect(responder.respond(path: "/%252e%252e/etc/passwd").status == 404)
    }

    @Test func percentEncodedNamesAreDecoded() {
        let unicode = PreviewResponder { Self.site(["filer/göteborg.pdf": "%PDF"]) }
        #expect(unicode.respond(path: "/filer/g%C3%B6teborg.pdf").status == 200)
    }

    @Test(arguments: [
        ("/", "text/html; charset=utf-8"),
        ("/assets/style.css", "text/css; charset=utf-8"),
        ("/assets/site.js", "text/javascript; charset=utf-8"),
        ("/assets/bild.png", "image/png"),
        ("/assets/ikon.svg", "image/svg+xml; charset=utf-8"),
        ("/feed.xml", "application/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/sok/index.json", "application/json; charset=utf-8"),
        ("/filer/rapport.pdf", "application/pdf"),
        ("/filer/okand.xyz", "application/octet-stream"),
    ])
    func contentTypes(path: String, type: String) {
        let response = responder.respond(path: path)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == type)
        #expect(response.header("X-Content-Type-Options") == "nosniff")
    }

    @Test func entityTagsAndNotModified() throws {
        let first = responder.respond(path: "/assets/style.css")
        let tag = try #require(first.header("ETag"))
        #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))
        #expect(first.header("Cache-Control") == "no-cache")
        #expect(responder.respond(path: "/assets/style.css").header("ETag") == tag, "same bytes, same tag")
        #expect(responder.respond(path: "/assets/site.js").header("ETag") != tag)

        for header in [tag, "W/\(tag)", "\"other\", \(tag)", "*"] {
            let response = responder.respond(path: "/assets/style.css", ifNoneMatch: header)
            #expect(response.status == 304, "\(header)")
            #expect(response.body.isEmpty)
            #expect(response.header("ETag") == tag)
        }
        #expect(responder.respond(path: "/assets/style.css", ifNoneMatch: "\"other\"").status == 200)
    }

    @Test func changedBytesChangeTheTag() {
        #expect(EntityTag.of(Data("a".utf8)) != EntityTag.of(Data("b".utf8)))
        #expect(EntityTag.of(Data("ab".utf8)) != EntityTag.of(Data("ba".utf8)))
        #expect(EntityTag.of(Data()) == EntityTag.of(Data()))
    }
}
