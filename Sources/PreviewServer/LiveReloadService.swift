import Foundation
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
        // The watcher thread may be in a rebuild; wait for it off the cooperative pool.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                watcher.stop()
                done.resume()
            }
        }
    }
}
