import ServiceLifecycle

/// Runs beside the HTTP server: watches the sources, rebuilds, keeps event streams alive, and
/// on shutdown stops watching and ends every event stream.
struct LiveReloadService: Service {
    let watcher: FileWatcher
    let hub: ReloadHub
    var console: Console = .standard
    var pingInterval: Duration = .seconds(15)

    func run() async throws {
        do {
            try watcher.start()
        } catch {
            // Serving still works; the user reloads by hand.
            console.err("warning: cannot watch for changes (\(error)); live reload is off.")
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [hub, pingInterval] in
                // A ping finds pages that went away without closing their connection: the
                // write fails and the client is dropped.
                while (try? await Task.sleep(for: pingInterval)) != nil { hub.publish(.ping) }
            }
            try? await gracefulShutdown()
            group.cancelAll()
        }
        hub.close()
        // Not waiting: a rebuild of a large site in progress would hold up Ctrl-C for its whole
        // length; the process ends right after this anyway.
        watcher.requestStop()
    }
}
