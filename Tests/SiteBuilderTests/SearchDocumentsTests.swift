import Foundation
import Testing

@testable import SiteBuilder

/// What each page kind contributes to the search index: organisations, glossary entries with
/// their synonyms, kinds, sections.
@Suite struct SearchDocumentsTests {
    static let glossary = """
        - id: lca
          term: LCA (livscykelanalys)
          definition: En metod för att räkna ut en varas miljöpåverkan under hela dess liv.
        - id: lou
          term: Lagen om offentlig upphandling
          förkortning: LOU
          synonymer: [upphandlingslagen]
          definition: Lagen som styr hur myndigheter köper in.
        """

    static var content: [String: String] {
        var content = Fixture.basic
        content["data/organisationer.yaml"] = Fixture.organisations.replacingOccurrences(
            of: "  namn: IVL Svenska Miljöinstitutet", with: "  namn: IVL Svenska Miljöinstitutet\n  kortnamn: IVL")
        content["data/ordlista.yaml"] = glossary
        content["ordlista.md"] = "---\ntitle: Ordlista\n---\nOrd vi använder.\n\n```ordlista data=ordlista\n```\n"
        content["projekt/moblerna.md"] = """
            ---
            title: Möblerna
            tags: [cirkulär]
            ---
            Intro om stolar.

            ## Bakgrund

            En livscykelanalys av stolar.

            ## Resultat

            Stolarna lagades.
            """
        content["guide/_index.md"] = "---\ntitle: Guider\n---\nAlla guider.\n"
        content["guide/borja.md"] = "---\ntitle: Börja här\n---\nFölj LOU.\n"
        return content
    }

    /// The registered value of an index file.
    static func value(_ result: BuildResult, _ path: String) throws -> Any {
        let text = try #require(result.file("assets/search/" + path)).dropFirst() // the byte order mark
        let prefix = "window.__kretsloppSearch.register("
        let arguments = "[" + text.dropFirst(prefix.count).dropLast(3) + "]"
        let array = try #require(try JSONSerialization.jsonObject(with: Data(arguments.utf8)) as? [Any])
        return array[1]
    }

    static func documents(_ result: BuildResult) throws -> [String: [String: Any]] {
        let meta = try #require(try value(result, "meta.js") as? [String: Any])
        let count = try #require(meta["documents"] as? Int)
        let perFile = try #require(meta["documentsPerFile"] as? Int)
        var documents: [String: [String: Any]] = [:]
        for file in 0..<((count + perFile - 1) / perFile) {
            for document in try #require(try value(result, "d/\(file).js") as? [[String: Any]]) {
                documents[try #require(document["p"] as? String)] = document
            }
        }
        return documents
    }

    /// Name key -> paths of its documents.
    static func names(_ result: BuildResult) throws -> [String: [String]] {
        let meta = try #require(try value(result, "meta.js") as? [String: Any])
        let shards = try #require(meta["shards"] as? [String])
        let paths = try documents(result).keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var names: [String: [String]] = [:]
        for shard in shards.indices {
            let flat = try #require(try value(result, "t/\(shard).js") as? [String])
            for index in stride(from: 0, to: flat.count, by: 3) where flat[index].hasSuffix(" ") {
                var previous = -1
                var documents: [String] = []
                var value = 0
                var impact = false
                for byte in flat[index + 1].utf8 {
                    let digit = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
                        .firstIndex(of: byte)!
                    if impact {
                        impact = false
                    } else if digit >= 32 {
                        value = value * 32 + digit - 32
                    } else {
                        previous += value * 32 + digit + 1
                        value = 0
                        documents.append(paths[previous])
                        impact = true
                    }
                }
                names[flat[index]] = documents
            }
        }
        return names
    }

    @Test func organisationsAndGlossaryEntriesAreDocuments() throws {
        let result = try Fixture(content: Self.content).build()
        #expect(result.succeeded, "\(result.messages)")
        let meta = try #require(try Self.value(result, "meta.js") as? [String: Any])
        let kinds = try #require(meta["kinds"] as? [String])
        #expect(kinds == ["Projekt", "Organisation", "Ordlista", "Sida", "Guider"])
        let documents = try Self.documents(result)

        let ivl = try #require(documents["/organisationer/ivl/"])
        #expect(ivl["t"] as? String == "IVL Svenska Miljöinstitutet")
        #expect(ivl["k"] as? Int == 1)
        #expect((ivl["x"] as? String)?.contains("Cirkulära Göteborg") == true)
        #expect(documents["/organisationer/ale/"] != nil)

        let lca = try #require(documents["/ordlista/#lca"])
        #expect(lca["t"] as? String == "LCA (livscykelanalys)")
        #expect(lca["k"] as? Int == 2)
        #expect((lca["x"] as? String)?.hasPrefix("En metod") == true)
        #expect(documents["/ordlista/#lou"]?["k"] as? Int == 2)
        // The glossary page stays a document, without its entries' text.
        let page = try #require(documents["/ordlista/"])
        #expect(page["k"] as? Int == 3 && page["x"] as? String == "Ord vi använder.")

        #expect(documents["/projekt/moblerna/"]?["k"] as? Int == 0)
        #expect(documents["/guide/borja/"]?["k"] as? Int == 4)
        #expect(documents["/om/"]?["k"] as? Int == 3)
        #expect(documents["/"] == nil)

        let names = try Self.names(result)
        #expect(names["ivl "] == ["/organisationer/ivl/"])
        #expect(names["lca "] == ["/ordlista/#lca"])
        #expect(names["lou "] == ["/ordlista/#lou"])
        #expect(names["åre kommun "] == ["/organisationer/ale/"])
    }

    @Test func glossaryEntriesMakeSynonymGroups() throws {
        let result = try Fixture(content: Self.content).build()
        let meta = try #require(try Self.value(result, "meta.js") as? [String: Any])
        #expect(
            meta["synonyms"] as? [[String]] == [
                ["lca", "livscykelanalys"], ["lagen om offentlig upphandling", "lou", "upphandlingslagen"],
            ])
    }

    @Test func pagesAreSplitIntoSectionsAtHeadingsWithIds() throws {
        let result = try Fixture(content: Self.content).build()
        let page = try #require(try Self.documents(result)["/projekt/moblerna/"])
        #expect(page["x"] as? String == "Intro om stolar.")
        let sections = try #require(page["h"] as? [[String]])
        #expect(
            sections == [
                ["bakgrund", "Bakgrund", "En livscykelanalys av stolar."],
                ["resultat", "Resultat", "Stolarna lagades."],
            ])
        #expect(page["b"] == nil)
    }

    @Test func repeatedTitlesShowTheirSectionPath() throws {
        var content = Fixture.basic
        content["dok/_index.md"] = "---\ntitle: Dokumentation\n---\n"
        for version in ["v1", "v2"] {
            content["dok/\(version)/_index.md"] = "---\ntitle: Version \(version)\n---\n"
            content["dok/\(version)/installera.md"] = "---\ntitle: Installera\n---\nLadda ner \(version).\n"
        }
        content["dok/v2/uppgradera.md"] = "---\ntitle: Uppgradera\n---\nByt version.\n"
        let result = try Fixture(content: content).build()
        #expect(result.succeeded, "\(result.messages)")
        let documents = try Self.documents(result)
        #expect(documents["/dok/v1/installera/"]?["b"] as? String == "Dokumentation › Version v1")
        #expect(documents["/dok/v2/installera/"]?["b"] as? String == "Dokumentation › Version v2")
        #expect(documents["/dok/v2/uppgradera/"]?["b"] == nil)
        // Pages in a section no taxonomy is for are of the kind of their top section.
        let meta = try #require(try Self.value(result, "meta.js") as? [String: Any])
        let kinds = try #require(meta["kinds"] as? [String])
        #expect(documents["/dok/v2/uppgradera/"]?["k"] as? Int == kinds.firstIndex(of: "Dokumentation"))
        #expect(documents["/dok/v2/"]?["k"] as? Int == kinds.firstIndex(of: "Sida"))
    }

    @Test func aBadAbbreviationIsAnErrorAtItsLine() throws {
        var content = Self.content
        content["data/ordlista.yaml"] = Self.glossary.replacingOccurrences(
            of: "  förkortning: LOU", with: "  förkortning:\n    kort: LOU")
        let result = try Fixture(content: content).build()
        #expect(!result.succeeded)
        // At the value that is wrong.
        #expect(
            result.messages == [
                "Content/data/ordlista.yaml:7:5: error: 'förkortning' must be text or a list of texts, not a "
                    + "mapping; write 'förkortning: LCA' or 'förkortning: [LCA, livscykelanalys]'"
            ])
    }
}
