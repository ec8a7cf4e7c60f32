import Foundation
import SiteBuilder

/// The printable report as a PDF, printed by headless Chromium from a `file://` build, with page
/// numbers in its contents and bookmarks from its headings.
///
/// The contents' page numbers are found by printing: the report is printed once, pdfinfo lists
/// the page each linked-to element landed on, the numbers are written into the contents and the report printed
/// again, until the numbers in the contents are those the headings are on.
public enum ReportPDF {
    /// Why a PDF could not be written.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Browsers that can print to PDF, in the order they are looked for on `PATH`.
    static let browsers = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// How many times the report is printed at most: the second print's numbers are normally
    /// final; a number that widens the contents may move the headings once more.
    static let maximumPrints = 4

    /// Builds the site into a temporary folder and prints its report page to `destination`; on
    /// failure `destination` is left as it was.
    /// `language`: the report of that language of a site in several languages (`en`); nil for
    /// the default language's.
    public static func write(_ options: BuildOptions, to destination: URL, language: String? = nil) throws
        -> BuildResult
    {
        let (browser, pdfinfo) = try tools()
        var options = options
        options.linkStyle = .files
        let result = BuildPipeline.build(options)
        guard result.succeeded else { return result }
        guard let defaultPath = result.reportPath else {
            throw Failure(description: "the site has no report: add a 'report:' section to site.yaml")
        }
        var reportPath = defaultPath
        if let language {
            guard let path = result.reportPaths[language] else {
                let known = result.reportPaths.keys.sorted().joined(separator: ", ")
                throw Failure(description: "the site has no language '\(language)' (its languages: \(known))")
            }
            reportPath = path
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kretslopp-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in result.files {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
        let page = folder.appendingPathComponent(reportPath)
        let pdf = folder.appendingPathComponent("kretslopp-report.pdf")
        let html = String(decoding: try Data(contentsOf: page), as: UTF8.self)
        let printer = Printer(browser: browser, pdfinfo: pdfinfo, page: page, pdf: pdf)
        try printer.printNumbered(html)
        // Chromium writes the title only and garbles some bookmarks; a PDF it wrote differently
        // keeps what it has.
        let printed = try Data(contentsOf: pdf)
        if let described = PDFDocumentInfo.update(
            printed, with: PDFDocumentInfo.fields(ofPage: html),
            replacing: PDFOutline.corrections(in: printed, headingsOf: html))
        {
            try described.write(to: pdf)
        }
        // Written whole beside the destination first, so a failed copy leaves it as it was.
        let written = destination.deletingLastPathComponent().appendingPathComponent(
            ".\(destination.lastPathComponent).\(UUID().uuidString)")
        try FileManager.default.copyItem(at: pdf, to: written)
        guard rename(written.path, destination.path) == 0 else {
            try? FileManager.default.removeItem(at: written)
            throw Failure(description: "could not write \(destination.path): \(String(cString: strerror(errno)))")
        }
        return result
    }

    /// Chromium and pdfinfo, or a failure that says how to install the one missing.
    static func tools() throws -> (browser: ExternalTool, pdfinfo: ExternalTool) {
        guard let browser = ExternalTool.find(browsers) else {
            throw Failure(
                description: """
                    headless Chromium is needed to write the PDF and was not found on PATH.
                    Install it with:  sudo apt-get install chromium   (Debian/Ubuntu)
                    Or open the report page (/rapport/) in any browser and print it to PDF.
                    """)
        }
        guard let pdfinfo = ExternalTool.find(["pdfinfo"]) else {
            throw Failure(
                description: """
                    pdfinfo (poppler-utils) is needed to number the PDF's contents and was not found on PATH.
                    Install it with:  sudo apt-get install poppler-utils   (Debian/Ubuntu)
                    """)
        }
        return (browser, pdfinfo)
    }

    /// Prints one report page, as often as its contents' numbers need.
    struct Printer {
        let browser: ExternalTool
        let pdfinfo: ExternalTool
        let page: URL
        let pdf: URL

        /// Prints `html` with the page of each heading in its contents, into `pdf`.
        func printNumbered(_ html: String) throws {
            let entries = ReportContents.entries(in: html)
            var numbers: [String: Int] = [:]
            for _ in 1...ReportPDF.maximumPrints {
                try Data(ReportContents.fill(html, pages: numbers).utf8).write(to: page)
                try printPDF()
                let destinations = ReportContents.destinations(
                    inPdfinfo: String(
                        decoding: try pdfinfo.run(["-dests", pdf.path], doing: "read the printed report"),
                        as: UTF8.self))
                var landed: [String: Int] = [:]
                for entry in entries {
                    guard let page = destinations[entry.anchor] else {
                        throw Failure(
                            description: "'\(entry.title)' (#\(entry.anchor)) is not in the printed report, "
                                + "so the contents cannot give its page; is it hidden in print?")
                    }
                    landed[entry.anchor] = page
                }
                if landed == numbers { return }
                numbers = landed
            }
            throw Failure(
                description: "the contents' page numbers still moved after \(ReportPDF.maximumPrints) prints; "
                    + "shorten the contents or report this as a bug")
        }

        private func printPDF() throws {
            try? FileManager.default.removeItem(at: pdf)
            _ = try browser.run(
                [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-pdf-header-footer", "--generate-pdf-document-outline",
                    "--print-to-pdf=\(pdf.path)", page.absoluteString,
                ], doing: "print the report")
            guard FileManager.default.fileExists(atPath: pdf.path) else {
                throw Failure(description: "Chromium printed no PDF of \(page.path)")
            }
        }
    }
}
