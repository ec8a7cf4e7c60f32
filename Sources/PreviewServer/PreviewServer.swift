import Foundation
import Hummingbird
import SiteBuilder

/// `kretslopp serve`: builds the site into memory, serves it over HTTP, watches the sources and
/// reloads open pages when they change; build errors are shown on the page and in the terminal.
public struct PreviewServer: Sendable {
    /// What to build. Drafts are always included and the live-reload script always injected.
    var options: BuildOptions
    /// Address to listen on; loopback unless the user asks for more.
    var host: String
    /// Port to listen on; 0 picks a free one (the address printed says which).
    var port: Int
    /// Quiet time before a rebuild when a save looks unfinished (a file removed or just created).
    var debounce: Duration

    public init(
        options: BuildOptions, host: String = "127.0.0.1", port: Int = 1313, debounce: Duration = .milliseconds(100)
    ) {
        self.options = options
        self.host = host
        self.port = port
        self.debounce = debounce
    }

    /// Builds, serves until SIGINT or SIGTERM, then stops cleanly.
    public func run() async throws {
        let console = Console.standard
        var options = options
        options.includeDrafts = true
        options.liveReload = LiveReloadScript.snippet

        let session = SiteSession(options: options)
        let reload = LiveReload(session: session, console: console)
        reload.buildAll()

        // Asked for again after each rebuild: a site that first failed to build names the folder
        // its includes read from only once it builds.
        let watcher = FileWatcher(folders: { session.watchedFolders }, timing: .init(debounce: debounce)) {
            reload.rebuild($0)
        }
        let router = PreviewRouter.make(
            responder: PreviewResponder(file: { session.file($0) }, mayWait: { session.isRendering }), hub: reload.hub)
        let displayHost = host.contains(":") ? "[\(host)]" : host
        var app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            services: [LiveReloadService(watcher: watcher, hub: reload.hub, console: console)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                console.out(
                    "Serving the site (drafts included) on http://\(displayHost):\(port)/ - press Ctrl-C to stop.")
            })
        app.logger.logLevel = .warning
        if !Self.isLoopback(host) {
            console.err(
                "warning: listening on \(host): anyone who can reach this machine can see the preview, drafts included."
            )
        }
        do {
            try await app.runService()
        } catch {
            let reason =
                "\(error)".contains("Address already in use")
                ? "the port is in use (another preview?); choose another with --port" : "\(error)"
            throw PreviewError("cannot serve on \(displayHost):\(port): \(reason)")
        }
        console.out("Stopped.")
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// Why the preview could not run.
public struct PreviewError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
