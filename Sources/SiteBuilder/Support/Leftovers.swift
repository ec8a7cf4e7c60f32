import Dispatch
import Synchronization

/// Objects a stage is done with, freed on another thread: freeing tens of thousands of small
/// objects (the listing cards) takes a tenth of a second on one core, while the next stages leave
/// a core idle at their start.
final class Leftovers: Sendable {
    // The objects themselves are not touched again.
    private let objects = Mutex<[any AnyObject & Sendable]>([])

    func keep(_ object: any AnyObject & Sendable) {
        objects.withLock { $0.append(object) }
    }

    /// Lets go of everything kept, on a background thread. The block empties the list itself, so
    /// it holds the last references wherever the caller's own ones ended.
    func freeInBackground() {
        DispatchQueue.global(qos: .utility).async { self.objects.withLock { $0.removeAll() } }
    }
}
