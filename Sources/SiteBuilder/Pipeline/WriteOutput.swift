import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Problems that stop output from being written (the input was fine).
public struct OutputError: Error, CustomStringConvertible {
    var path: String
    var message: String
    public var description: String { "\(path): error: \(message)" }
}

/// Writes the site into a staging folder beside the output folder and swaps the two in
/// one step, so readers and a killed build only ever see the old or the new complete site.
struct WriteOutput {
    /// Marks a folder as Kretslopp's output, so a folder of other files is never replaced.
    static let marker = ".kretslopp-output"

    let output: URL
    let displayPath: String

    /// Checks that the output folder may be replaced and makes an empty staging folder beside it,
    /// for the build's files.
    func stage() throws -> URL {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw OutputError(
                    path: displayPath, message: "exists and is not a folder; remove it or choose another --output")
            }
            let contents = (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
            guard contents.isEmpty || contents.contains(Self.marker) else {
                throw OutputError(
                    path: displayPath,
                    message:
                        "is a folder of other files, not an earlier build; refusing to replace it (choose an empty "
                        + "or new --output)"
                )
            }
        }
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        removeAbandonedStaging(in: parent)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(getpid())")
        do {
            try FileTreeRemover.remove(staging.path)
            if mkdir(staging.path, 0o777) != 0 {
                throw FileSystemError(operation: "create folder", path: staging.path, code: errno)
            }
        } catch {
            throw outputError(error)
        }
        return staging
    }

    /// Writes `files` into the staging folder, beside what is already there, and puts the folder
    /// in the output folder's place; the staging folder is removed on any failure.
    func commit(_ files: [OutputFile], staging: URL) throws {
        do {
            try FileTreeWriter.write(files + [OutputFile(path: Self.marker, bytes: [])], into: staging.path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) {
                try exchange(staging, output)
                // The staging path now holds the replaced site.
                try FileTreeRemover.remove(staging.path)
            } else {
                try FileManager.default.moveItem(at: staging, to: output)
            }
        } catch {
            abandon(staging)
            throw outputError(error)
        }
    }

    /// Removes the staging folder of a build that will not replace the output.
    func abandon(_ staging: URL) {
        try? FileTreeRemover.remove(staging.path)
    }

    /// Any failure of writing as the message the command prints (`Output: error: …`).
    func outputError(_ error: Error) -> OutputError {
        if let error = error as? OutputError { return error }
        if let error = error as? FileSystemError { return OutputError(path: displayPath, message: error.description) }
        return OutputError(path: displayPath, message: "\(error)")
    }

    // A build killed mid-way leaves its staging folder behind; remove those of processes that are
    // gone (kill(pid, 0) fails), never one that a running build is still writing.
    private func removeAbandonedStaging(in parent: URL) {
        let prefix = ".\(output.lastPathComponent).staging-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileTreeRemover.remove(parent.appendingPathComponent(name).path)
        }
    }

    // renameat2(RENAME_EXCHANGE) swaps two folders atomically. glibc has it but Swift's Glibc
    // module does not declare it, so it is looked up at run time.
    private func exchange(_ a: URL, _ b: URL) throws {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        if let symbol = dlsym(nil, "renameat2") {
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            // 2 is RENAME_EXCHANGE.
            if renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, 2) == 0 { return }
        }
        // Fallback: two renames, with a short moment where the old site is under another name.
        let old = b.deletingLastPathComponent().appendingPathComponent(".\(b.lastPathComponent).old-\(getpid())")
        try FileManager.default.moveItem(at: b, to: old)
        try FileManager.default.moveItem(at: a, to: b)
        try FileManager.default.moveItem(at: old, to: a)
    }
}

extension BuildPipeline {
    /// Builds and, when there are no errors, writes the site into the folder `output`; the old
    /// output stays on any error.
    ///
    /// Pages are written into a staging folder beside the output while the build goes on (so the
    /// site's HTML is never all in memory); the staging folder replaces the output folder in one
    /// step when the build succeeds and is removed when it does not.
    public static func build(
        _ options: BuildOptions, to output: URL,
        outputDisplay: String
    ) -> (BuildResult, OutputError?) {
        let writer = WriteOutput(output: output, displayPath: outputDisplay)
        let staging: URL
        let stream: PageStream
        do {
            staging = try writer.stage()
            stream = try PageStream(into: staging.path)
        } catch {
            // The build still runs, for its diagnostics; nothing is written.
            return (build(options), writer.outputError(error))
        }
        let result = buildKeepingState(options, stream: stream).result
        var clock = StageClock(enabled: options.timings)
        do {
            let unwritten = try stream.finish()
            guard result.succeeded else {
                writer.abandon(staging)
                return (result, nil)
            }
            try writer.commit(unwritten + result.files, staging: staging)
            clock.lap("WriteOutput")
            return (result, nil)
        } catch {
            writer.abandon(staging)
            return (result, writer.outputError(error))
        }
    }
}
