import Foundation
import Testing

@testable import SiteBuilder

/// One seeded run: edits applied to the files, the session told, and its files compared with a
/// full build after each step.
struct EditSequence {
    enum Kind: CaseIterable {
        case body, title, tags, organisations, data, termTitle, template, newPage, deletedPage, rename, draft
        case sectionIndex, broken, nav, menu, include, redirect
    }

    var site: PreviewSite
    let seed: UInt64
    var random: SeededRandom

    init(site: PreviewSite, seed: UInt64) {
        self.site = site
        self.seed = seed
        random = SeededRandom(state: seed)
    }

    mutating func run(steps: Int) throws {
        let session = SiteSession(options: site.options)
        guard case .updated = session.buildAll() else {
            Issue.record("seed \(seed): the first build failed: \(session.diagnostics)")
            return
        }
        var good = try expectedFiles(step: 0, "first build")
        try compare(session, good, step: 0, "first build")
        for step in 1...steps {
            var kinds = [Kind.allCases.randomElement(using: &random)!]
            // The watcher hands over several changes at once now and then.
            if Int.random(in: 0..<5, using: &random) == 0, kinds[0] != .broken {
                kinds.append(Kind.allCases.filter { $0 != .broken }.randomElement(using: &random)!)
            }
            let what = kinds.map { "\($0)" }.joined(separator: "+")
            if kinds == [.broken] {
                let (paths, undo) = try breakSomething(step: step)
                let outcome = session.rebuild(changedPaths: paths)
                guard case .failed(let diagnostics) = outcome else {
                    Issue.record(
                        "seed \(seed), step \(step), \(what): the broken edit did not fail the rebuild: \(paths)")
                    return
                }
                #expect(
                    diagnostics.contains { $0.severity == .error && $0.description.contains("Content/") },
                    "seed \(seed), step \(step): \(diagnostics)")
                #expect(!BuildPipeline.build(site.options).succeeded, "seed \(seed), step \(step): the build fails too")
                try compare(session, good, step: step, what + " (last good site)")
                let fixed = try undo(&site)
                guard case .updated = session.rebuild(changedPaths: fixed) else {
                    Issue.record("seed \(seed), step \(step), fix: \(session.diagnostics)")
                    return
                }
                good = try expectedFiles(step: step, what + " fixed")
                try compare(session, good, step: step, what + " fixed")
                continue
            }
            var paths: [String] = []
            let before = site
            for kind in kinds { paths += try apply(kind, step: step) }
            let full = BuildPipeline.build(site.options)
            if !full.succeeded {
                // An edit this generator should not make (e.g. a rename leaving a translation
                // without its original): the session must fail alike, then the edit is undone.
                guard case .failed = session.rebuild(changedPaths: paths) else {
                    Issue.record("seed \(seed), step \(step), \(what): the build fails, the session did not")
                    return
                }
                try compare(session, good, step: step, what + " (failed, last good site)")
                paths = try restore(before)
            }
            // Every other step is a fast render: a page or two first, the rest in the background.
            let open = Bool.random(using: &random) ? nil : openPages(of: good)
            // Built first, so that the pages are asked for while the session may still render.
            good = try expectedFiles(step: step, what)
            guard case .updated = session.rebuild(changedPaths: paths, open: open) else {
                Issue.record("seed \(seed), step \(step), \(what): rebuild failed: \(session.diagnostics)")
                return
            }
            if open != nil { try compareAsked(session, good, step: step, what + " (asked for during the render)") }
            try compare(session, good, step: step, what)
        }
    }

    /// Puts back the files of `before`; returns the paths that changed.
    mutating func restore(_ before: PreviewSite) throws -> [String] {
        var paths: [String] = []
        for path in Set(site.content.keys).union(before.content.keys) where site.content[path] != before.content[path] {
            paths.append(try site.write(path, before.content[path]))
        }
        if site.templateText != before.templateText { paths.append(try site.writeTemplate(before.templateText)) }
        return paths
    }

    func expectedFiles(step: Int, _ what: String) throws -> [String: [UInt8]] {
        let result = BuildPipeline.build(site.options)
        guard result.succeeded else {
            Issue.record("seed \(seed), step \(step), \(what): the full build failed: \(result.messages)")
            throw CancellationError()
        }
        return Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.bytes) })
    }

    /// One or two pages of the site as the browser's open pages (site paths).
    mutating func openPages(of files: [String: [UInt8]]) -> Set<String> {
        let pages = files.keys.filter { $0.hasSuffix("index.html") }.sorted()
        return Set(
            (0..<Int.random(in: 1...2, using: &random)).map { _ in
                BuildPipeline.sitePath(pages.randomElement(using: &random)!)
            })
    }

    /// Every page asked for while a fast render may still be going on must already be the new
    /// one (rendered when asked for): no request gets a stale page. The search index is swapped
    /// in whole later and is compared after the wait.
    func compareAsked(_ session: SiteSession, _ expected: [String: [UInt8]], step: Int, _ what: String) throws {
        let paths = expected.keys.filter { !IndexForSearch.writes($0) }.sorted()
        let asked = Dictionary(uniqueKeysWithValues: paths.map { ($0, session.file($0)) })
        try compare(asked, expected, paths: paths, step: step, what)
    }

    func compare(_ session: SiteSession, _ expected: [String: [UInt8]], step: Int, _ what: String) throws {
        #expect(session.waitForBackgroundWork(timeout: .seconds(120)), "seed \(seed), step \(step): background work")
        let served = session.files
        try compare(served, expected, paths: Set(served.keys).union(expected.keys).sorted(), step: step, what)
    }

    func compare(
        _ served: [String: OutputFile?], _ expected: [String: [UInt8]], paths: [String], step: Int, _ what: String
    ) throws {
        func bytes(_ path: String) -> [UInt8]? { served[path].flatMap { $0 }?.bytes }
        guard let first = paths.first(where: { bytes($0) != expected[$0] }) else { return }
        let differing = paths.filter { bytes($0) != expected[$0] }
        let state =
            bytes(first) == nil ? "missing in the session" : expected[first] == nil ? "not in the build" : "differs"
        let servedText = String(String(decoding: bytes(first) ?? [], as: UTF8.self).prefix(1500))
        let builtText = String(String(decoding: expected[first] ?? [], as: UTF8.self).prefix(1500))
        let summary = "seed \(seed), step \(step), edit \(what): first differing path \(first) (\(state)); "
        Issue.record(
            "\(summary)\(differing.count) differ: \(differing.prefix(8))\nsession: \(servedText)\nbuild:   \(builtText)"
        )
        throw CancellationError()
    }

    // MARK: the edits

    mutating func pick(_ paths: [String]) -> String { paths.randomElement(using: &random)! }

    mutating func subset(_ values: [String], atLeast minimum: Int) -> [String] {
        var chosen = values.filter { _ in Bool.random(using: &random) }
        while chosen.count < minimum { chosen.append(values.filter { !chosen.contains($0) }.first!) }
        return chosen.shuffled(using: &random)
    }

    mutating func apply(_ kind: Kind, step: Int) throws -> [String] {
        let projects = site.projects
        switch kind {
        case .body:
            let path = pick(projects)
            let text = site.content[path]!
            let body: String
            switch Int.random(in: 0..<3, using: &random) {
            case 0: body = PageText.split(text).body + "\n\nStycke \(step).\n"
            case 1: body = "## Del \(step)\n\nText \(step). [Om](../om.md)\n"
            default: body = "Kort \(step).\n"
            }
            return [try site.write(path, PageText.withBody(body, in: text))]
        case .title:
            let path = pick(projects)
            let titles = ["Alfa \(step)", "Östra \(step)", "Bygg \(step)", "Ändrad \(step)"]
            let title = titles.randomElement(using: &random)!
            return [try site.write(path, PageText.setting("title", to: title, in: site.content[path]!))]
        case .tags:
            let path = pick(projects)
            let tags = subset(site.tags, atLeast: 1)
            let value = "[" + tags.joined(separator: ", ") + "]"
            return [try site.write(path, PageText.setting("tags", to: value, in: site.content[path]!))]
        case .organisations:
            let path = pick(projects)
            let ids = subset(site.organisations, atLeast: 0)
            let value = ids.isEmpty ? nil : "[" + ids.joined(separator: ", ") + "]"
            return [try site.write(path, PageText.setting("organisationer", to: value, in: site.content[path]!))]
        case .data:
            let path = "data/organisationer.yaml"
            var lines = site.content[path]!.components(separatedBy: "\n")
            let names = lines.indices.filter { lines[$0].hasPrefix("  namn: ") }
            let line = names.randomElement(using: &random)!
            lines[line] = "  namn: \(["Bolaget", "Ängens", "Kommunen", "Zeta"].randomElement(using: &random)!) \(step)"
            return [try site.write(path, lines.joined(separator: "\n"))]
        case .termTitle:
            let path = "site.yaml"
            var lines = site.content[path]!.components(separatedBy: "\n")
            let titles = lines.indices.dropFirst().filter {
                lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("title: ")
                    && lines[$0 - 1].trimmingCharacters(in: .whitespaces).hasPrefix("- id: ")
            }
            let line = titles.randomElement(using: &random)!
            let indent = lines[line].prefix { $0 == " " }
            lines[line] = indent + "title: \(["Term", "Åtgärd", "Mål"].randomElement(using: &random)!) \(step)"
            return [try site.write(path, lines.joined(separator: "\n"))]
        case .nav:
            // site.yaml's reading order: gone, or some pages (and maybe the section) in any order.
            let path = "site.yaml"
            var text = site.content[path]!.components(separatedBy: "\nnav:\n").first!
            if Bool.random(using: &random) {
                var entries = subset(projects.filter { !$0.contains(".en.") }, atLeast: 1).enumerated().map {
                    $0.offset % 2 == 0 ? "  - \($0.element)" : "  - Läs \(step)-\($0.offset): \($0.element)"
                }
                if Bool.random(using: &random) {
                    entries.insert("  - projekt/", at: Int.random(in: 0...entries.count, using: &random))
                }
                text += "\nnav:\n" + entries.joined(separator: "\n") + "\n"
            }
            return [try site.write(path, text)]
        case .menu:
            // A page in the menu or the footer by its own front matter, as Hugo's pages are.
            let path = pick(projects)
            let values: [String?] = [nil, "main", "[main, footer]", "{main: {weight: \(step % 3)}}", "footer"]
            let value = values.randomElement(using: &random)!
            return [try site.write(path, PageText.setting("menu", to: value, in: site.content[path]!))]
        case .template:
            let base = site.templateText.components(separatedBy: "<!-- rev").first!
            return [try site.writeTemplate(base + (Bool.random(using: &random) ? "<!-- rev \(step) -->" : ""))]
        case .newPage:
            let suffix = site.languageSuffixes.randomElement(using: &random)!
            // Now and then below a page of its own name: that page becomes the folder's page.
            let beside = projects.filter { !$0.contains(".en.") && !$0.hasSuffix("README.md") }
            let folder =
                Int.random(in: 0..<3, using: &random) == 0 && suffix.isEmpty && !beside.isEmpty
                ? String(pick(beside).dropLast(3)) + "/" : "projekt/"
            let path = "\(folder)ny-\(step)\(suffix).md"
            let tags = subset(site.tags, atLeast: 1).joined(separator: ", ")
            let text = "---\ntitle: Ny \(step)\ntags: [\(tags)]\n---\nNy sida \(step). [Om](../om.md)\n"
            return [try site.write(path, text)]
        case .deletedPage:
            guard projects.count > 2 else { return try apply(.newPage, step: step) }
            return [try site.write(pick(projects), nil)]
        case .rename:
            let path = pick(projects)
            let suffix = path.hasSuffix(".en.md") ? ".en.md" : ".md"
            let stem = path.dropLast(suffix.count).components(separatedBy: "-r").first!
            let text = site.content[path]!
            return [try site.write(path, nil), try site.write("\(stem)-r\(step)\(suffix)", text)]
        case .draft:
            let path = pick(projects)
            let text = site.content[path]!
            let drafted = PageText.has("draft", in: text)
            return [try site.write(path, PageText.setting("draft", to: drafted ? nil : "true", in: text))]
        case .redirect:
            // A page that sends readers on (`redirect_to:`) leaves the listings; or comes back.
            let path = pick(projects)
            let text = site.content[path]!
            let target = PageText.has("redirect_to", in: text) ? nil : "/om/"
            return [try site.write(path, PageText.setting("redirect_to", to: target, in: text))]
        case .sectionIndex:
            let path = "projekt/_index.md"
            let text = site.content[path]!
            let edited =
                Bool.random(using: &random)
                ? PageText.setting("title", to: "Projekten \(step)", in: text)
                : PageText.withBody("Alla projekt, version \(step).\n", in: text)
            return [try site.write(path, edited)]
        case .broken:
            return try breakSomething(step: step).paths
        case .include:
            // A file that bodies include changes, or a page whose lines another includes, or a
            // body takes an include again (body edits drop them).
            guard site.content["_delar/fakta.md"] != nil else { return try apply(.body, step: step) }
            switch Int.random(in: 0..<3, using: &random) {
            case 0: return [try site.write("_delar/fakta.md", "Fakta \(step).\n\n- punkt \(step)\n")]
            case 1:
                let text = PageText.withBody("## Bakgrund\nText \(step).\n", in: site.content["om.md"]!)
                return [try site.write("om.md", text)]
            default:
                let path = pick(projects)
                let text = site.content[path]!
                let body = PageText.split(text).body + "\n{{#include ../_delar/fakta.md:\(1 + step % 3)}}\n"
                return [try site.write(path, PageText.withBody(body, in: text))]
            }
        }
    }

    /// A broken edit, and how to undo it (returning the paths the fix wrote).
    mutating func breakSomething(step: Int) throws -> (
        paths: [String], undo: (inout PreviewSite) throws -> [String]
    ) {
        // Not a draft: a draft is not built, so what is wrong in it is not an error.
        let path = pick(site.projects.filter { !site.content[$0]!.contains("\ndraft: true\n") })
        let text = site.content[path]!
        let broken: String
        switch Int.random(in: 0..<3, using: &random) {
        case 0: broken = PageText.withBody("Se [saknad](finns-inte-\(step).md).\n", in: text)
        case 1: broken = PageText.setting("tags", to: "[okand-\(step)]", in: text)
        default: broken = PageText.setting("title", to: "[trasig", in: text)
        }
        let written = try site.write(path, broken)
        return ([written], { site in [try site.write(path, text)] })
    }
}
