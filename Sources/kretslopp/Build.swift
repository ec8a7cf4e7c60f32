import ArgumentParser
import Foundation
import SiteBuilder

/// `kretslopp build`: the site into the output folder, or nothing at all on errors.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder.",
        discussion: "On any error nothing is written and the previous output folder stays as it was.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Folder to write the site into; replaced as a whole when the build succeeds.")
    var output = "Output"

    @Flag(
        name: .customLong("no-search-index"),
        help: "Leave out the search index (to measure what it costs: the site's search then finds nothing).")
    var noSearchIndex = false

    func run() throws {
        let start = Date()
        let outputURL = URL(fileURLWithPath: output)
        var options = site.buildOptions
        options.searchIndex = !noSearchIndex
        // The process ends after the build: its exit returns the memory at once.
        options.freesWhenDone = false
        if let problem = OutputSafety.problem(output: outputURL, content: options.content, theme: options.theme) {
            ErrorOutput.error("\(output): error: \(problem)")
            throw ExitCode(2)
        }
        let (result, writeError) = BuildPipeline.build(options, to: outputURL, outputDisplay: output)
        ErrorOutput.diagnostics(result.diagnostics)
        if let writeError {
            ErrorOutput.error(writeError.description)
            throw ExitCode(2)
        }
        guard result.succeeded else {
            ErrorOutput.error("Build failed: \(ErrorOutput.count(result.diagnostics)); \(output)/ was left unchanged.")
            throw ExitCode.failure
        }
        let seconds = Date().timeIntervalSince(start)
        print(
            "Built \(result.pageCount) pages (\(result.fileCount) files) into \(output)/ in "
                + "\(String(format: "%.2f", seconds)) s"
                + (result.diagnostics.isEmpty ? "." : " with \(ErrorOutput.count(result.diagnostics))."))
    }
}
