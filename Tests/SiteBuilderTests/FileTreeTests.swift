import Foundation
import Testing

@testable import SiteBuilder

#if canImport(Glibc)
    import Glibc
#endif

/// The system-call writer and remover behind WriteOutput.
@Suite struct FileTreeTests {
    let folder: ScratchFolder
    var scratch: URL { folder.url }

    init() throws { folder = try ScratchFolder("kretslopp-filetree") }

    func file(_ path: String, _ text: String) -> OutputFile { ScratchFolder.file(path, text) }

    func mode(_ path: String) -> mode_t {
        var info = stat()
        #expect(lstat(path, &info) == 0)
        return info.st_mode & 0o7777
    }

    /// The process's umask, read without changing it (other tests create files concurrently).
    var umaskValue: mode_t {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
        return line.flatMap { mode_t($0.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) } ?? 0o022
    }

    @Test func eachFolderIsPlannedOnceWithItsSubfoldersAndFiles() {
        let plan = FileTreeWriter.plan(["a/b/c.txt", "a/d.txt", "e.txt", "a/b/f/g.txt", "h/i.txt", "a/b/c2.txt"])
        #expect(
            plan == [
                .init(path: "", subfolders: [1, 4], files: [2]),
                .init(path: "a", subfolders: [2], files: [1]),
                .init(path: "a/b", subfolders: [3], files: [0, 5]),
                .init(path: "a/b/f", subfolders: [], files: [3]),
                .init(path: "h", subfolders: [], files: [4]),
            ])
        #expect(FileTreeWriter.plan(["index.html"]) == [.init(path: "", files: [0])])
    }

    @Test func writesEveryFileWithItsBytesAndModes() throws {
        let big = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) })
        var files = [
            file("index.html", "<p>hem</p>"), file(".marker", ""), OutputFile(path: "a/b/c/stor.bin", data: big),
        ]
        for i in 0..<300 { files.append(file("projekt/p\(i)/index.html", "sida \(i) åäö")) }
        let root = scratch.appendingPathComponent("site").path
        try FileTreeWriter.write(files, into: root)
        for f in files {
            #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/" + f.path)) == f.data, "\(f.path)")
            #expect(mode(root + "/" + f.path) == 0o644 & ~umaskValue)
        }
        #expect(mode(root + "/a/b") == 0o777 & ~umaskValue)
        let listed = try FileManager.default.subpathsOfDirectory(atPath: root).filter { !$0.hasPrefix("projekt/") }
        #expect(Set(listed) == ["index.html", ".marker", "a", "a/b", "a/b/c", "a/b/c/stor.bin", "projekt"])
    }

    @Test func replacesTheBytesOfAFileThatExists() throws {
        let root = scratch.appendingPathComponent("site").path
        try FileTreeWriter.write([file("a/x.txt", "en lång gammal text")], into: root)
        try FileTreeWriter.write([file("a/x.txt", "ny")], into: root)
        #expect(try String(contentsOfFile: root + "/a/x.txt", encoding: .utf8) == "ny")
    }

    @Test func aFailedWriteNamesThePathAndTheReason() {
        let root = scratch.appendingPathComponent("site").path
        // "a" is made as a folder for a/b.txt, so it cannot also be opened as a file.
        #expect(throws: FileSystemError(operation: "write", path: "a", code: EISDIR)) {
            try FileTreeWriter.write([file("a", "x"), file("a/b.txt", "y")], into: root)
        }
        #expect(
            FileSystemError(operation: "write", path: "a", code: EISDIR).description == "cannot write a: Is a directory"
        )
    }

    @Test func aFolderThatIsAFileIsReported() throws {
        let root = scratch.appendingPathComponent("site").path
        try FileTreeWriter.write([file("a", "x")], into: root)
        #expect(throws: FileSystemError(operation: "create folder", path: "a/b", code: ENOTDIR)) {
            try FileTreeWriter.write([file("a/b/c.txt", "y")], into: root)
        }
    }

    @Test func removesATreeWithoutFollowingLinks() throws {
        let outside = scratch.appendingPathComponent("behåll")
        try FileTreeWriter.write([file("viktig.txt", "behåll mig")], into: outside.path)
        var files = [file("index.html", "x"), file("djup/a/b/c/d/e/f/g/h.txt", "y")]
        for i in 0..<500 { files.append(file("projekt/p\(i)/index.html", "\(i)")) }
        let root = scratch.appendingPathComponent("gammal").path
        try FileTreeWriter.write(files, into: root)
        #expect(mkdir(root + "/tom", 0o755) == 0)
        #expect(symlink(outside.path, root + "/länk-till-mapp") == 0)
        #expect(symlink(outside.path + "/viktig.txt", root + "/projekt/länk-till-fil") == 0)
        #expect(symlink("/finns/inte", root + "/trasig-länk") == 0)

        try FileTreeRemover.remove(root)
        #expect(!FileManager.default.fileExists(atPath: root))
        #expect(try String(contentsOf: outside.appendingPathComponent("viktig.txt"), encoding: .utf8) == "behåll mig")
    }

    @Test func removesAFileAndIgnoresWhatIsNotThere() throws {
        let root = scratch.appendingPathComponent("site").path
        try FileTreeWriter.write([file("x.txt", "x")], into: root)
        try FileTreeRemover.remove(root + "/x.txt")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
        try FileTreeRemover.remove(root + "/finns-inte")
        try FileTreeRemover.remove(root)
        #expect(!FileManager.default.fileExists(atPath: root))
    }

    @Test func aFailedRemovalNamesThePathAndTheReason() throws {
        let root = scratch.appendingPathComponent("site").path
        try FileTreeWriter.write([file("x.txt", "x")], into: root)
        // Below a file there is nothing to remove, and the system says why.
        #expect(throws: FileSystemError(operation: "remove", path: root + "/x.txt/y", code: ENOTDIR)) {
            try FileTreeRemover.remove(root + "/x.txt/y")
        }
    }
}

/// WriteOutput's staging folder and swap, with the system-call writer and remover.
@Suite struct WriteOutputTests {
    let folder: ScratchFolder
    var parent: URL { folder.url }

    init() throws { folder = try ScratchFolder("kretslopp-writeoutput") }
    var output: URL { parent.appendingPathComponent("Output") }

    func file(_ path: String, _ text: String) -> OutputFile { ScratchFolder.file(path, text) }

    /// Writes `files` as a build does: into a staging folder that then replaces the output.
    func write(_ writer: WriteOutput, _ files: [OutputFile]) throws {
        try writer.commit(files, staging: try writer.stage())
    }

    func siteFiles() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: output.path).sorted()
    }

    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0 != "Output" }
    }

    @Test func replacesTheOldSiteWholeAndRemovesIt() throws {
        let writer = WriteOutput(output: output, displayPath: "Output")
        try write(writer, [file("index.html", "1"), file("gammal/index.html", "g")])
        try write(writer, [file("index.html", "2"), file("ny/index.html", "n")])
        #expect(try siteFiles() == [WriteOutput.marker, "index.html", "ny", "ny/index.html"])
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "2")
        #expect(try leftovers().isEmpty)
    }

    @Test func aWriteErrorKeepsTheOldSiteAndNamesTheFile() throws {
        let writer = WriteOutput(output: output, displayPath: "Output")
        try write(writer, [file("index.html", "1")])
        #expect(throws: OutputError.self) { try write(writer, [file("a", "x"), file("a/b.html", "y")]) }
        do {
            try write(writer, [file("a", "x"), file("a/b.html", "y")])
        } catch let error as OutputError {
            #expect(error.description == "Output: error: cannot write a: Is a directory")
        }
        #expect(try siteFiles() == [WriteOutput.marker, "index.html"])
        #expect(try leftovers().isEmpty)
    }

    @Test func removesTheStagingFolderOfABuildThatIsGone() throws {
        // A process that has exited and been waited for: its pid names no running build.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let abandoned = parent.appendingPathComponent(".Output.staging-\(process.processIdentifier)")
        try FileTreeWriter.write([file("projekt/x/index.html", "halv")], into: abandoned.path)
        let running = parent.appendingPathComponent(".Output.staging-1") // pid 1 always runs
        try FileTreeWriter.write([file("index.html", "pågår")], into: running.path)

        try write(WriteOutput(output: output, displayPath: "Output"), [file("index.html", "1")])
        #expect(try leftovers() == [running.lastPathComponent])
    }
}
