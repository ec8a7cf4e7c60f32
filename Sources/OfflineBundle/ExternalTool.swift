import Foundation

/// A program the report's PDF is made with (Chromium, pdftotext), found on `PATH` and run to the end.
struct ExternalTool {
    let executable: URL

    /// The first of `names` that is an executable on `PATH`; nil if none is.
    static func find(_ names: [String]) -> ExternalTool? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return ExternalTool(executable: candidate)
                }
            }
        }
        return nil
    }

    /// Runs the tool with `arguments`; its standard output, or a `ReportPDF.Failure` naming `what`
    /// with the end of its standard error when it fails.
    func run(_ arguments: [String], doing what: String) throws -> Data {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // Standard error goes to a file: two pipes would have to be drained at once, or a full
        // one would stop the tool.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kretslopp-\(executable.lastPathComponent)-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorText = String(decoding: (try? Data(contentsOf: errorFile)) ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ReportPDF.Failure(
                description: "\(executable.lastPathComponent) could not \(what) (exit \(process.terminationStatus)): "
                    + errorText.suffix(500))
        }
        return data
    }
}
