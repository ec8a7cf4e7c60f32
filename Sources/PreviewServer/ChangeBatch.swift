/// File-system events collected between two rebuilds, and whether they look finished.
///
/// Editors save in several steps (write a temporary file and rename it over the original, or
/// move the original away and write a new one). A batch whose every path ended in a finished
/// state is "settled" and can be built after a short pause; one where a file was just created,
/// or removed without coming back, waits the full debounce in case the rest is on its way.
struct ChangeBatch {
    enum Kind: Equatable {
        /// Closed after writing, or moved into place: the file is complete.
        case written
        case created
        case removed
        case movedOut
        case movedIn
        /// A folder appeared (with whatever it already holds).
        case folderAdded
        /// The kernel dropped events: everything may have changed.
        case overflow
    }

    private var last: [String: Kind] = [:]
    private var appeared: Set<String> = []
    private var order: [String] = []

    var isEmpty: Bool { order.isEmpty }

    /// Changed paths in the order they were first seen.
    var paths: [String] { order }

    mutating func add(_ path: String, _ kind: Kind) {
        if last[path] == nil { order.append(path) }
        last[path] = kind
        switch kind {
        case .created, .written, .movedIn, .folderAdded: appeared.insert(path)
        case .removed, .movedOut, .overflow: break
        }
    }

    /// True when no path is half-way through a save.
    var isSettled: Bool {
        for (path, kind) in last {
            switch kind {
            case .written, .movedIn, .folderAdded: continue
            case .created, .overflow: return false
            // Gone, unless it was a temporary file that came and went within the batch.
            case .removed, .movedOut: if !appeared.contains(path) { return false }
            }
        }
        return true
    }
}
