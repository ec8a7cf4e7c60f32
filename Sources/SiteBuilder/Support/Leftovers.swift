import Dispatch
import Synchronization

/// Objects a stage is done with, freed on another thread: freeing tens of thousands of small
/// objects (the listing cards) takes a tenth of a second on one core, while the next stages leave
/// a core idle at their start.
final class Leftovers: Sendable {
    // The objects themselves are not touched again.
    private let objects = Mutex<[any AnyObject & Sendable]>([])

    /// What builds that end their process left to its exit (`BuildOptions.freesWhenDone`).
    private static let untilExit = Mutex<[any Sendable]>([])

    func keep(_ object: any AnyObject & Sendable) {
        objects.withLock { $0.append(object) }
    }

    /// Lets go of everything kept: on a background thread, or, when the process ends after the
    /// build (`freeing` false), not at all until its exit returns the memory at once.
    func letGo(freeing: Bool) {
        if freeing { freeInBackground() } else { Self.keepUntilExit(self) }
    }

    /// Lets go of everything kept, on a background thread. The block empties the list itself, so
    /// it holds the last references wherever the caller's own ones ended.
    func freeInBackground() {
        DispatchQueue.global(qos: .utility).async { self.objects.withLock { $0.removeAll() } }
    }

    /// Keeps `value` until the process exits: freeing a build's model or cards object by object
    /// costs a one-shot build CPU time for memory the exit returns anyway.
    static func keepUntilExit(_ value: any Sendable) {
        untilExit.withLock { $0.append(value) }
    }
}
