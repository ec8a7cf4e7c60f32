import ArgumentParser
import Foundation
import OfflineBundle
import SiteBuilder

/// `kretslopp bundle`: the site as a zip that works from file:// without a server.
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Write the site as a zip for offline reading from file://.",
        discussion: """
            Every link is relative and points at index.html, so the unzipped folder opens in any \
            browser with no server and no network; search and filters work too. The same content \
            gives a byte-identical zip.
            """)

    @OptionGroup var site: SiteOptions

    @Option(help: "Zip file to write (default: kretslopp-<site>-<date of the content>.zip).")
    var output: String?

    func run() throws {
        let options = site.buildOptions
        // The name needs the site's title and date, which only the build knows: build once to learn them.
        let destination = try output.map { URL(fileURLWithPath: $0) } ?? {
            let probe = BuildPipeline.build(options)
            guard probe.succeeded else {
                ErrorOutput.diagnostics(probe.diagnostics)
                ErrorOutput.error("Bundle failed: \(ErrorOutput.count(probe.diagnostics)); nothing was written.")
                throw ExitCode.failure
            }
            return URL(fileURLWithPath: OfflineBundle.defaultName(siteTitle: probe.siteTitle, contentDate: probe.contentDate))
        }()
        let result = try OfflineBundle.write(options, to: destination)
        ErrorOutput.diagnostics(result.diagnostics)
        guard result.succeeded else {
            ErrorOutput.error("Bundle failed: \(ErrorOutput.count(result.diagnostics)); nothing was written.")
            throw ExitCode.failure
        }
        print("Wrote \(destination.path) (\(result.pageCount) pages). Unzip it and open index.html in the folder.")
    }
}

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

    func run() throws {
        guard pdf else {
            print("The report is built with the site at /rapport/. Use --pdf to write \(output).")
            return
        }
        do {
            let result = try ReportPDF.write(site.buildOptions, to: URL(fileURLWithPath: output))
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
