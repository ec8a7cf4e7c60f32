import ArgumentParser
import PreviewServer
import SiteBuilder

/// `kretslopp serve`: the site from memory, with live reload and build errors shown on the page.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site from memory, reloading open pages when a file changes.",
        discussion: """
            Builds Content/ with drafts into memory and serves it on http://127.0.0.1:1313/. Saving a \
            page, data file, site.yaml or theme file rebuilds the site and reloads open pages (a \
            stylesheet change is swapped in without a reload). A broken file is shown on the page \
            and in the terminal while the last good build is still served. Ctrl-C stops.
            """)

    @Option(help: "Folder with site.yaml, data/ and the Markdown pages.")
    var content = "Content"

    @Option(
        help: ArgumentHelp(
            "Theme folder (templates/, assets/, icons/, i18n/).",
            discussion: "Default: Themes/default here, else the default theme that came with kretslopp."))
    var theme: String?

    @Option(help: "Address to listen on. Anything but loopback shows drafts to the network.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port).")
    var port = 1313

    @Option(help: "Milliseconds to wait for an unfinished save (a file removed or just created) before rebuilding.")
    var debounce = 100

    @Flag(help: "Print how long each stage of each rebuild took, up to the pages it renders first.")
    var timings = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard debounce >= 0 else { throw ValidationError("--debounce must not be negative") }
    }

    func run() async throws {
        var options = BuildOptions(content: content, theme: theme ?? DefaultTheme.folder())
        options.timings = timings
        let server = PreviewServer(
            options: options,
            host: host, port: port, debounce: .milliseconds(debounce))
        do {
            try await server.run()
        } catch let error as PreviewError {
            ErrorOutput.error("error: \(error)")
            throw ExitCode(2)
        }
    }
}
