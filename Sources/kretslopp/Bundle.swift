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
        let destination = output.map { URL(fileURLWithPath: $0) }
        let (result, zip) = try OfflineBundle.write(site.buildOptions, to: destination)
        ErrorOutput.diagnostics(result.diagnostics)
        guard result.succeeded else {
            ErrorOutput.error("Bundle failed: \(ErrorOutput.count(result.diagnostics)); nothing was written.")
            throw ExitCode.failure
        }
        print("Wrote \(zip.path) (\(result.pageCount) pages). Unzip it and open index.html in the folder.")
    }
}
