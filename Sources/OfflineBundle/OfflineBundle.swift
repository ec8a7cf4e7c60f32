import Foundation
import Markdown
import SiteBuilder
import ZIPFoundation

/// A zip of the whole site for reading from `file://`: every link relative and to `index.html`,
/// no server, no network. The same content gives the same bytes.
public enum OfflineBundle {
    /// The bundle's default file name: `kretslopp-<site>-<date of the content>.zip`.
    static func defaultName(siteTitle: String, contentDate: String?) -> String {
        "kretslopp-\(Slug.make(siteTitle))-\(contentDate ?? "odaterad").zip"
    }

    /// Builds the site for `file://` and writes the zip to `destination`, or when that is nil to
    /// `defaultName` in the working folder (atomically: a temporary file renamed into place).
    /// Returns the build result and where the zip went; nothing is written when the build failed.
    public static func write(_ options: BuildOptions, to destination: URL?) throws -> (result: BuildResult, zip: URL) {
        var options = options
        options.linkStyle = .files
        let result = BuildPipeline.build(options)
        // The default name needs the site's title and date, which only the build knows.
        let destination =
            destination
            ?? URL(fileURLWithPath: defaultName(siteTitle: result.siteTitle, contentDate: result.contentDate))
        guard result.succeeded else { return (result, destination) }
        let folder = destination.deletingPathExtension().lastPathComponent
        let date = result.contentDate.flatMap(Self.date) ?? Self.date("1980-01-01")!
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).tmp")
        try? FileManager.default.removeItem(at: temporary)
        do {
            try zip(result.files, folder: folder, date: date, to: temporary)
            // rename(2) replaces an existing file in one step.
            guard rename(temporary.path, destination.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return (result, destination)
    }

    // Entries in sorted order, folders before their files, one fixed time and fixed permissions:
    // nothing of the machine or the moment gets into the archive.
    static func zip(_ files: [OutputFile], folder: String, date: Date, to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        var folders = Set<String>()
        for file in files.sorted(by: { $0.path < $1.path }) where !file.path.hasPrefix(".") {
            let parts = file.path.split(separator: "/").dropLast()
            for depth in 0...parts.count {
                let dir = ([folder] + parts.prefix(depth).map(String.init)).joined(separator: "/") + "/"
                if folders.insert(dir).inserted {
                    try archive.addEntry(
                        with: dir, type: .directory, uncompressedSize: Int64(0), modificationDate: date,
                        permissions: 0o755, provider: { _, _ in Data() })
                }
            }
            let data = file.data
            try archive.addEntry(
                with: "\(folder)/\(file.path)", type: .file, uncompressedSize: Int64(data.count),
                modificationDate: date, permissions: 0o644, compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
    }

    static func date(_ iso: String) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))
    }
}
