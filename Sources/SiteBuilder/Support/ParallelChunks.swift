import Dispatch
import Foundation
import Synchronization

/// Runs `body` over `0..<count` split into contiguous ranges, one `concurrentPerform` iteration
/// per range, and returns when all have finished.
func forEachChunk(of count: Int, minimumChunk: Int = 8, _ body: @Sendable (Range<Int>) -> Void) {
    guard count > 0 else { return }
    // A few ranges per core balance uneven work; far fewer than one per item keeps the cost of
    // dispatching out of small jobs such as one mkdir or one unlink.
    let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, count / minimumChunk))
    guard chunks > 1 else { return body(0..<count) }
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        body(count * chunk / chunks ..< count * (chunk + 1) / chunks)
    }
}

/// Runs `body` for every index in `0..<count` on one thread per core. Each thread first makes
/// its own `state` (a copy of what it would otherwise share with the other threads) and takes
/// the next index whenever it finishes one, so a few large jobs do not hold up the rest; when no
/// index is left it passes its state to `finish`.
func forEachIndex<State>(_ count: Int, state makeState: @Sendable () -> State, _ body: @Sendable (inout State, Int) -> Void,
                         finish: @Sendable (inout State) -> Void = { _ in }) {
    guard count > 0 else { return }
    let next = Atomic<Int>(0)
    let threads = min(count, ProcessInfo.processInfo.activeProcessorCount)
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
        var state = makeState()
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < count else { break }
            body(&state, index)
        }
        finish(&state)
    }
}
