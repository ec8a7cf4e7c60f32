import Foundation
import SiteBuilder

/// The printable report as a PDF, printed by headless Chromium from a `file://` build.
public enum ReportPDF {
    /// Why a PDF could not be written.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Browsers that can print to PDF, in the order they are looked for on `PATH`.
    static let browsers = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// Builds the site into a temporary folder and prints its report page to `destination`.
    public static func write(_ options: BuildOptions, to destination: URL) throws -> BuildResult {
        guard let browser = findBrowser() else {
            throw Failure(
                description: """
                    headless Chromium is needed to write the PDF and was not found on PATH.
                    Install it with:  sudo apt-get install chromium   (Debian/Ubuntu)
                    Or open the report page (/rapport/) in any browser and print it to PDF.
                    """)
        }
        var options = options
        options.linkStyle = .files
        let result = BuildPipeline.build(options)
        guard result.succeeded else { return result }
        guard let reportPath = result.reportPath else {
            throw Failure(description: "the site has no report: add a 'report:' section to site.yaml")
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
        let process = Process()
        process.executableURL = browser
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
            "--print-to-pdf=\(destination.path)", folder.appendingPathComponent(reportPath).absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: destination.path) else {
            throw Failure(
                description:
                    "Chromium could not print the report (exit \(process.terminationStatus)): \(errorText.suffix(500))")
        }
        return result
    }

    static func findBrowser() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in browsers {
            for folder in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }
}
