import ArgumentParser
import Foundation
import SiteBuilder

/// `kretslopp check`: every check of a build, writing nothing.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and theme without writing anything.",
        discussion: """
            Runs every check of a build: front matter against site.yaml (required fields, types, \
            allowed values, references), internal links and #anchors, images and alt text, \
            duplicate URLs, unused data, theme templates and UI strings. \
            Exit code 0: no errors; 1: errors found; 2: could not run.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var site: SiteOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Also check links to other sites over the network (HEAD/GET, 10 s timeout, 8 at a time).")
    var external = false

    @Option(help: "Output format: text (compiler style, on stderr) or json (on stdout).")
    var format: Format = .text

    func run() async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site.content, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            ErrorOutput.error(
                "\(site.content): error: content folder not found; pass --content with the folder that holds site.yaml")
            throw ExitCode(2)
        }
        let result = BuildPipeline.build(site.buildOptions)
        let externalProblems = external ? await ExternalLinkChecker.check(result.externalLinks) : []
        let all = result.diagnostics + externalProblems
        let errors = all.filter { $0.severity == .error }.count
        let failing = errors > 0 || (strict && !all.isEmpty)
        switch format {
        case .json:
            let report = CheckReport(
                ok: !failing, errors: errors, warnings: all.count - errors,
                diagnostics: result.diagnostics, external: external ? externalProblems : nil,
                externalLinksChecked: external ? Set(result.externalLinks.map(\.url)).count : nil)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .text:
            ErrorOutput.diagnostics(result.diagnostics)
            if external {
                ErrorOutput.error(
                    "External links: \(Set(result.externalLinks.map(\.url)).count) checked, "
                        + "\(externalProblems.count) problems."
                )
                ErrorOutput.diagnostics(externalProblems)
            }
            if failing {
                ErrorOutput.error(
                    "Check failed: \(ErrorOutput.count(all))"
                        + (strict && errors == 0 ? " (--strict: warnings count as errors)." : "."))
            } else {
                print(
                    "No problems found in \(result.pageCount) pages"
                        + (all.isEmpty ? "." : " (\(ErrorOutput.count(all)))."))
            }
        }
        if failing { throw ExitCode.failure }
    }
}

/// `check --format json`.
struct CheckReport: Encodable {
    var ok: Bool
    var errors: Int
    var warnings: Int
    var diagnostics: [Diagnostic]
    var external: [Diagnostic]?
    var externalLinksChecked: Int?
}
