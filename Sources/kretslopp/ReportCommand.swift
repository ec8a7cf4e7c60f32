import ArgumentParser
import Foundation
import OfflineBundle
import SiteBuilder

/// `kretslopp report`: the printable report, optionally as PDF.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the printable report as a PDF (through headless Chromium).",
        discussion: "The report is also part of every build, at /rapport/, for printing from a browser.")

    @OptionGroup var site: SiteOptions

    @Flag(help: "Write a PDF (needs Chromium).")
    var pdf = false

    @Option(help: "PDF file to write.")
    var output = "rapport.pdf"

    @Option(help: "The report in this language of a site in several languages (en); default: the site's first.")
    var language: String?

    func run() throws {
        guard pdf else {
            print("The report is built with the site at /rapport/. Use --pdf to write \(output).")
            return
        }
        do {
            let result = try ReportPDF.write(
                site.buildOptions, to: URL(fileURLWithPath: output), language: language)
            ErrorOutput.diagnostics(result.diagnostics)
            guard result.succeeded else {
                ErrorOutput.error("Report failed: \(ErrorOutput.count(result.diagnostics)); nothing was written.")
                throw ExitCode.failure
            }
            print("Wrote \(output).")
        } catch let failure as ReportPDF.Failure {
            ErrorOutput.error("error: \(failure.description)")
            throw ExitCode(2)
        }
    }
}
